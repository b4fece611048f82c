#!/usr/bin/env Rscript
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
#
# R side of bench/early_warning.py: farringtonFlexible (R surveillance, Debian r-cran-surveillance)
# on every series of a long CSV file (series,period,count), all series in one sts object with
# calendar dates (epochAsDate), as Kompas does.
#
#   Rscript early_warning.R INPUT OUTPUT FREQ B NOPERIODS PASTWEEKS THRESHOLDMETHOD
#
# PASTWEEKS "default" keeps R's default (w). Writes OUTPUT (series,period,alarm,upperbound) and
# prints the seconds spent in farringtonFlexible alone (elapsed time), so that start-up and
# file handling do not count.

suppressPackageStartupMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
input <- args[1]
output <- args[2]
freq <- as.integer(args[3])
control <- list(b = as.integer(args[4]), noPeriods = as.integer(args[5]), thresholdMethod = args[7])
if (args[6] != "default") control$pastWeeksNotIncluded <- as.integer(args[6])

long <- read.csv(input, check.names = FALSE, stringsAsFactors = FALSE)
dates <- sort(unique(as.Date(long$period)))
names <- sort(unique(long$series))
observed <- matrix(0, nrow = length(dates), ncol = length(names))
observed[cbind(match(as.Date(long$period), dates), match(long$series, names))] <- long$count

series <- sts(observed = observed, epoch = dates, frequency = freq)
seconds <- system.time(fit <- suppressWarnings(farringtonFlexible(series, control = control)))[["elapsed"]]

n <- nrow(fit@observed)
result <- data.frame(
  series = rep(names, each = n),
  period = rep(as.character(tail(dates, n)), times = length(names)),
  alarm = as.vector(alarms(fit)),
  upperbound = sprintf("%.17g", as.vector(upperbound(fit)))
)
result$upperbound[is.na(as.vector(upperbound(fit)))] <- ""
write.csv(result, output, row.names = FALSE)
cat(seconds, "\n")
