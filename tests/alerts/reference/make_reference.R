#!/usr/bin/env Rscript
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
#
# Expected values for tests/alerts, computed with R surveillance 1.20 (Debian 12:
# apt-get install r-cran-surveillance).
#
#   Rscript make_reference.R            # recompute the expected values from the inputs here
#   Rscript make_reference.R DATA_DIR   # first re-extract the inputs from DATA_DIR (../shared/data)
#
# Inputs (long CSV series,period,count, as the Kompas CLI reads them; see PROVENANCE.md):
#   monthly_series.csv, monthly_population.csv, weekly_series.csv
# Outputs:
#   farrington_expected.csv  setting,series,period,alarm,upperbound,expected,score,glm_warning
#   ears_expected.csv        method,frequency,series,period,alarm,upperbound
#   reference_points.csv     date,b,reference (R's reference dates for weekly data)

suppressPackageStartupMessages(library(surveillance))

file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
here <- if (length(file_arg)) dirname(normalizePath(sub("^--file=", "", file_arg))) else "."
args <- commandArgs(trailingOnly = TRUE)

# ---- inputs ---------------------------------------------------------------------------------

MONTHLY_TYPES <- c(
  "1.1.1 Diefstal/inbraak woning",        # seasonal, with the 2020 drop
  "3.9.1 Horizontale fraude",             # structural break (definition change, steep rise)
  "2.6.9 Vuurwerk",                       # extreme December peaks
  "2.4.1 Burengerucht (relatieproblemen)",# small counts
  "2.6.5 Bouwstoffen",                    # sparse: mostly 0-2, limit54 decides
  "1.4.1 Zedenmisdrijf",                  # all zeros in this table
  "Totaal misdrijven"                     # national total, used with the population offset
)
# ISO-week aggregates of Misdaad in Kaart, by PC4 range.
WEEKLY_AREAS <- list(
  "Nederland" = c(1000, 9999),
  "Amsterdam" = c(1011, 1109),
  "Rotterdam" = c(3011, 3089),
  "Den Haag" = c(2491, 2599),
  "Hengelo" = c(7550, 7559)
)

extract_inputs <- function(data_dir) {
  nl <- read.csv(file.path(data_dir, "politie-nl-misdrijven-overlast-maand-2012-2023",
                           "nl_misdrijven_maand_soort.csv"), check.names = FALSE)
  nl <- nl[nl$crime_type_code %in% MONTHLY_TYPES, ]
  monthly <- data.frame(series = nl$crime_type_code, period = nl$date, count = nl$frequency)
  write.csv(monthly[order(monthly$series, monthly$period), ], file.path(here, "monthly_series.csv"),
            row.names = FALSE, quote = TRUE)

  pop <- read.csv(file.path(data_dir, "politie-nl-misdrijven-overlast-maand-2012-2023",
                            "nl_bevolking_maand_83474NED.csv"))
  # Population at the start of each month; December 2023 is not published yet, so it is the
  # population at the end of November 2023.
  pop <- pop[grepl("^20(1[2-9]|2[0-3])MM", pop$Perioden), ]
  period <- sprintf("%s-%s-01", substr(pop$Perioden, 1, 4), substr(pop$Perioden, 7, 8))
  population <- data.frame(period = c(period, "2023-12-01"),
                           population = c(pop$BevolkingAanHetBeginVanDePeriode_1,
                                          tail(pop$BevolkingAanHetEindVanDePeriode_8, 1)))
  write.csv(population, file.path(here, "monthly_population.csv"), row.names = FALSE)

  mik <- read.csv(file.path(data_dir, "politie-misdaad-in-kaart-woninginbraak-pc4", "MiK-Nederland-PC4.csv"))
  day <- as.Date(mik$Datum, format = "%d-%m-%Y")
  monday <- day - (as.integer(format(day, "%u")) - 1)
  weeks <- seq(as.Date("2023-04-24"), as.Date("2026-06-01"), by = "week")  # complete ISO weeks
  weekly <- do.call(rbind, lapply(names(WEEKLY_AREAS), function(area) {
    range <- WEEKLY_AREAS[[area]]
    inside <- mik$Postcode >= range[1] & mik$Postcode <= range[2]
    counts <- table(factor(as.character(monday[inside]), levels = as.character(weeks)))
    data.frame(series = area, period = names(counts), count = as.integer(counts))
  }))
  write.csv(weekly, file.path(here, "weekly_series.csv"), row.names = FALSE, quote = TRUE)
}

read_long <- function(path) {
  long <- read.csv(file.path(here, path), check.names = FALSE, stringsAsFactors = FALSE)
  dates <- sort(unique(as.Date(long$period)))
  names <- sort(unique(long$series))
  observed <- matrix(0, nrow = length(dates), ncol = length(names), dimnames = list(NULL, names))
  observed[cbind(match(as.Date(long$period), dates), match(long$series, names))] <- long$count
  list(dates = dates, observed = observed, names = names)
}

# ---- farringtonFlexible ---------------------------------------------------------------------

make_sts <- function(panel, freq, j, calendar, population = NULL) {
  observed <- panel$observed[, j, drop = FALSE]
  pop <- if (is.null(population)) NULL else matrix(population, ncol = 1)
  if (calendar) {
    return(sts(observed = observed, epoch = panel$dates, frequency = freq, population = pop))
  }
  start <- as.integer(c(format(panel$dates[1], "%Y"), format(panel$dates[1], "%m")))
  sts(observed = observed, start = start, frequency = freq, population = pop)
}

# One series: flag the points where glm warned (e.g. no convergence) by re-running them singly.
farrington_one <- function(panel, freq, j, control, calendar, population) {
  warned <- FALSE
  fit <- withCallingHandlers(
    farringtonFlexible(make_sts(panel, freq, j, calendar, population), control = control),
    warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") }
  )
  defaults <- modifyList(list(b = 5, w = 3), control)
  range <- (freq * defaults$b + defaults$w + 1):nrow(panel$observed)
  glm_warning <- rep(FALSE, length(range))
  if (warned) {
    for (i in seq_along(range)) {
      single <- modifyList(control, list(range = range[i]))
      withCallingHandlers(
        farringtonFlexible(make_sts(panel, freq, j, calendar, population), control = single),
        warning = function(w) { glm_warning[i] <<- TRUE; invokeRestart("muffleWarning") }
      )
    }
  }
  data.frame(
    series = panel$names[j], period = as.character(panel$dates[range]),
    alarm = as.logical(alarms(fit)[, 1]), upperbound = upperbound(fit)[, 1],
    expected = fit@control$expected[, 1], score = fit@control$score[, 1], glm_warning = glm_warning
  )
}

farrington_setting <- function(setting, panel, freq, control, calendar = TRUE, population = NULL,
                               series = panel$names) {
  rows <- lapply(match(series, panel$names), function(j) {
    farrington_one(panel, freq, j, control, calendar, population)
  })
  cbind(setting = setting, do.call(rbind, rows))
}

NOUFAILY_MONTH <- list(noPeriods = 10, pastWeeksNotIncluded = 6, thresholdMethod = "nbPlugin")
NOUFAILY_WEEK <- list(b = 2, noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin")
# One control option changed at a time, on three monthly series.
OPTION_SERIES <- c("1.1.1 Diefstal/inbraak woning", "2.4.1 Burengerucht (relatieproblemen)", "3.9.1 Horizontale fraude")
OPTIONS <- list(
  "reweight=FALSE" = list(reweight = FALSE),
  "weightsThreshold=1" = list(weightsThreshold = 1),
  "alpha=0.01" = list(alpha = 0.01),
  "trend=FALSE" = list(trend = FALSE),
  "pThresholdTrend=0.5" = list(pThresholdTrend = 0.5),
  "limit54=c(0,1)" = list(limit54 = c(0, 1)),
  "powertrans=1/2" = list(powertrans = "1/2"),
  "powertrans=none" = list(powertrans = "none"),
  "thresholdMethod=muan" = list(thresholdMethod = "muan"),
  "b=3,w=2" = list(b = 3, w = 2),
  "noPeriods=10,delta" = list(noPeriods = 10),
  "noPeriods=10,pastWeeksNotIncluded=10,nbPlugin" = list(noPeriods = 10, pastWeeksNotIncluded = 10,
                                                       thresholdMethod = "nbPlugin")
)

make_farrington <- function() {
  monthly <- read_long("monthly_series.csv")
  weekly <- read_long("weekly_series.csv")
  population <- read.csv(file.path(here, "monthly_population.csv"))$population
  out <- list(
    farrington_setting("month default", monthly, 12, list()),
    farrington_setting("month noufaily", monthly, 12, NOUFAILY_MONTH),
    farrington_setting("week b=2", weekly, 52, list(b = 2)),
    farrington_setting("week noufaily", weekly, 52, NOUFAILY_WEEK),
    farrington_setting("month default index", monthly, 12, list(), calendar = FALSE, series = OPTION_SERIES),
    farrington_setting("month noufaily index", monthly, 12, NOUFAILY_MONTH, calendar = FALSE, series = OPTION_SERIES),
    farrington_setting("populationOffset=TRUE", monthly, 12, list(populationOffset = TRUE),
                       population = population, series = "Totaal misdrijven")
  )
  for (name in names(OPTIONS)) {
    out[[length(out) + 1]] <- farrington_setting(name, monthly, 12, OPTIONS[[name]], series = OPTION_SERIES)
  }
  do.call(rbind, out)
}

# ---- earsC ----------------------------------------------------------------------------------

make_ears <- function() {
  out <- list()
  for (frequency in c("month", "week")) {
    panel <- read_long(if (frequency == "month") "monthly_series.csv" else "weekly_series.csv")
    freq <- if (frequency == "month") 12 else 52
    for (method in c("C1", "C2", "C3")) {
      for (j in seq_along(panel$names)) {
        fit <- earsC(make_sts(panel, freq, j, TRUE), control = list(method = method))
        n <- nrow(fit@observed)
        out[[length(out) + 1]] <- data.frame(
          method = method, frequency = frequency, series = panel$names[j],
          period = as.character(tail(panel$dates, n)),
          alarm = as.logical(alarms(fit)[, 1]), upperbound = upperbound(fit)[, 1]
        )
      }
    }
  }
  do.call(rbind, out)
}

# ---- reference dates for weekly data (calendar years back, same weekday) ----------------------

make_reference_points <- function() {
  refpoints <- get("algo.farrington.referencetimepoints", envir = asNamespace("surveillance"))
  dates <- as.Date(c("2021-01-04", "2024-03-04", "2024-12-30", "2026-06-01", "2020-02-24"))
  do.call(rbind, lapply(seq_along(dates), function(i) {
    reference <- refpoints(dates[i], b = 5, freq = 52, epochAsDate = TRUE, epochStr = "week")
    data.frame(date = as.character(dates[i]), b = 0:5, reference = as.character(reference))
  }))
}

write_numbers <- function(frame, name) {
  numeric <- vapply(frame, is.double, logical(1))
  frame[numeric] <- lapply(frame[numeric], function(x) ifelse(is.na(x), NA, sprintf("%.17g", x)))
  write.csv(frame, file.path(here, name), row.names = FALSE, na = "")
}

if (length(args) >= 1) extract_inputs(args[1])
write_numbers(make_farrington(), "farrington_expected.csv")
write_numbers(make_ears(), "ears_expected.csv")
write_numbers(make_reference_points(), "reference_points.csv")
cat("surveillance", as.character(packageVersion("surveillance")), "- expected values written to", here, "\n")
