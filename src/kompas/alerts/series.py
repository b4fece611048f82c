# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Count series on a regular grid of periods, read from long CSV, and what a detector found.

A *panel* holds several series (one per area × offence type, say) that share one grid of
periods: months or ISO weeks, each named by the date of its first day. Every detection method
takes a panel and returns a :class:`Detection` with one value per series and period.

Missing periods are filled explicitly when a long file is read:

* a period that occurs in the file, but not for a given series, counts **0** for that series,
  because exports of registered crime leave out rows without registrations;
* a period that occurs in the file for no series at all (a gap in the delivery), and a row
  whose count is empty, are **missing** (``NaN``): never evaluated, and left out of every
  baseline, as R's ``NA``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext as _

from kompas.formulas import inert
from kompas.sources.records import ParseError

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Periods per year, as R's ``sts@freq``, by the names the CLI uses.
FREQUENCIES = {"month": 12, "week": 52}
COLUMNS = ("series", "period", "count")


class SeriesFileError(ValueError):
    """A long CSV file that cannot be used; ``errors`` holds every problem found."""

    def __init__(self, errors: list[ParseError]) -> None:
        super().__init__(f"{len(errors)} problems in the input file")
        self.errors = errors


@dataclass(frozen=True)
class Panel:
    """Counts of several series on one grid of periods.

    ``counts`` has shape (series, periods); ``NaN`` marks a missing value. ``periods`` holds the
    first day of each period as ``datetime64[D]``; ``frequency`` is 12 (months) or 52 (weeks).
    """

    names: tuple[str, ...]
    periods: npt.NDArray[np.datetime64]
    counts: FloatArray
    frequency: int


@dataclass(frozen=True)
class Detection:
    """What a detection method found, per series (rows) and period (columns).

    ``evaluated`` marks the points the method judged; elsewhere the other arrays hold ``NaN``
    (and ``alarm`` False). An evaluated point can still lack an upper bound (``NaN``), for
    example when Farrington's minimum of cases is not met. ``score`` exceeds 1 where the
    observation lies above the threshold.
    """

    observed: FloatArray
    expected: FloatArray
    upperbound: FloatArray
    alarm: BoolArray
    score: FloatArray
    evaluated: BoolArray


def empty_detection(counts: FloatArray) -> Detection:
    """Return a detection for ``counts`` in which no point is evaluated yet."""
    blank = np.full(counts.shape, np.nan)
    none = np.zeros(counts.shape, dtype=bool)
    return Detection(counts.copy(), blank, blank.copy(), none, blank.copy(), none.copy())


def apply_min_count(detection: Detection, min_count: float) -> Detection:
    """Keep only alarms on periods with at least ``min_count`` observations.

    A flood guard for thousands of small series: an alarm on 2 burglaries in a buurt is
    statistically real but rarely worth a policy officer's attention.
    """
    alarm = detection.alarm & (np.nan_to_num(detection.observed, nan=-1.0) >= min_count)
    return Detection(
        detection.observed,
        detection.expected,
        detection.upperbound,
        alarm,
        detection.score,
        detection.evaluated,
    )


def period_grid(first: np.datetime64, last: np.datetime64, frequency: int) -> npt.NDArray[np.datetime64]:
    """Return the first days of all periods from ``first`` to ``last`` inclusive."""
    if frequency == FREQUENCIES["month"]:
        months = np.arange(first.astype("datetime64[M]"), last.astype("datetime64[M]") + 1)
        return months.astype("datetime64[D]")
    return np.arange(first, last + 1, np.timedelta64(7, "D"))


def read_long_csv(path: Path, frequency: int) -> Panel:
    """Read a long CSV file ``series,period,count`` (UTF-8) into a panel.

    Every row is checked before anything is used; all problems are reported together in a
    :class:`SeriesFileError`, each naming file, line, column, value and what was expected.
    Columns after the third are ignored.
    """
    text, problem = _decode(path)
    if problem is not None:
        raise SeriesFileError([problem])
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(reader, [])]
    if tuple(header[:3]) != COLUMNS:
        found = ",".join(header)
        raise SeriesFileError(
            [
                ParseError(
                    path.name,
                    1,
                    "",
                    found,
                    _("de kolommen series,period,count"),
                    _("is geen geldige kopregel"),
                )
            ]
        )
    rows, errors = _RowChecker(path.name, frequency).check(enumerate(reader, start=2))
    if not rows and not errors:
        errors.append(
            ParseError(path.name, 2, COLUMNS[0], "", _("minstens één rij met een waarneming na de kopregel"))
        )
    if errors:
        raise SeriesFileError(errors)
    return panel_from_rows(rows, frequency)


def _decode(path: Path) -> tuple[str, ParseError | None]:
    """Return the file's text, or the line with the first byte that is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        value = data[error.start : error.end].hex(" ")
        return "", ParseError(path.name, line, "", value, _("tekst in UTF-8"), _("is geen UTF-8"))


Row = tuple[str, np.datetime64, float]


class _RowChecker:
    """Check rows one by one and keep the good ones and a :class:`ParseError` per problem."""

    def __init__(self, file: str, frequency: int) -> None:
        self.file, self.frequency = file, frequency
        self.rows: list[Row] = []
        self.errors: list[ParseError] = []
        self.first_line: dict[tuple[str, np.datetime64], int] = {}
        # Every period recurs once per series: parse each text once.
        self.known_periods: dict[str, np.datetime64] = {}

    def check(self, lines: Iterable[tuple[int, list[str]]]) -> tuple[list[Row], list[ParseError]]:
        """Check every line; return the good rows and all problems."""
        for line, fields in lines:
            self._check_row(line, [field.strip() for field in fields])
        return self.rows, self.errors

    def _error(self, line: int, column: str, value: str, expected: str, problem: str = "") -> None:
        """Record a problem at ``line`` and ``column``."""
        self.errors.append(ParseError(self.file, line, column, value, expected, problem))

    def _check_row(self, line: int, fields: list[str]) -> None:
        """Keep the row, or record why not; a blank line is skipped."""
        if len(fields) < len(COLUMNS):
            if fields != [] and fields != [""]:
                missing = COLUMNS[len(fields)]
                self._error(line, missing, "", _("drie kolommen: series,period,count"))
            return
        name, period_text, count_text = fields[:3]
        if not name:
            self._error(line, "series", "", _("de naam van de reeks"))
        period = self._period(line, period_text)
        count = self._count(line, count_text)
        if not name or period is None or count is None:
            return
        earlier = self.first_line.setdefault((name, period), line)
        if earlier != line:
            problem = _("komt voor deze reeks al voor op regel %(line)d") % {"line": earlier}
            self._error(line, "period", period_text, _("één rij per reeks en periode"), problem)
            return
        self.rows.append((name, period, count))

    def _period(self, line: int, text: str) -> np.datetime64 | None:
        """Parse an ISO date that must be the first day of a month or an ISO week (a Monday)."""
        if text in self.known_periods:
            return self.known_periods[text]
        monthly = self.frequency == FREQUENCIES["month"]
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            problem = _("is geen datum")
        else:
            if monthly and day.day != 1:
                problem = _("is niet de eerste dag van een maand")
            elif not monthly and day.isoweekday() != 1:
                problem = _("is geen maandag")
            else:
                self.known_periods[text] = np.datetime64(day, "D")
                return self.known_periods[text]
        expected = (
            _("de eerste dag van de maand als JJJJ-MM-DD, zoals 2024-03-01")
            if monthly
            else _("de maandag waarop de ISO-week begint, als JJJJ-MM-DD, zoals 2024-03-04")
        )
        self._error(line, "period", text, expected, problem)
        return None

    def _count(self, line: int, text: str) -> float | None:
        """Parse a whole count of 0 or more; an empty field is a missing value (NaN)."""
        if text == "":
            return np.nan
        try:
            value = float(text)
        except ValueError:
            problem = _("is geen getal")
        else:
            if math.isfinite(value) and value >= 0 and value.is_integer():
                return value
            problem = _("is geen geheel aantal van 0 of meer")
        expected = _("een geheel aantal van 0 of meer, of leeg als de waarde ontbreekt")
        self._error(line, "count", text, expected, problem)
        return None


def panel_from_rows(rows: list[Row], frequency: int) -> Panel:
    """Put parsed rows on one grid of periods, filling missing periods as the module describes."""
    names, name_index = np.unique(np.array([name for name, _, _ in rows], dtype=object), return_inverse=True)
    dates = np.array([period for _, period, _ in rows], dtype="datetime64[D]")
    present = np.unique(dates)
    periods = period_grid(present[0], present[-1], frequency)
    counts = np.zeros((len(names), len(periods)))
    counts[:, ~np.isin(periods, present)] = np.nan
    counts[name_index, np.searchsorted(periods, dates)] = [count for _, _, count in rows]
    return Panel(tuple(str(name) for name in names), periods, counts, frequency)


def write_long_csv(path: Path, panel: Panel) -> None:
    """Write a panel as long CSV ``series,period,count``; missing values stay empty."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for name, row in zip(panel.names, panel.counts, strict=True):
            for period, count in zip(panel.periods, row, strict=True):
                writer.writerow([inert(name), str(period), "" if np.isnan(count) else f"{count:.0f}"])
