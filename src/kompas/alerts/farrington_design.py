# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which past periods farringtonFlexible fits its baseline model on, and with which factor.

For a period *t* the baseline consists of windows of ``2w + 1`` periods around the same time of
year in the ``b`` previous years (Farrington et al., 1996). The improved algorithm (Noufaily et
al., 2013) uses all past data instead: the periods between two windows are cut into
``noPeriods - 1`` blocks, each with its own level of a seasonal factor, the windows sharing
level ``noPeriods``; the last ``pastWeeksNotIncluded`` periods are left out, so that a recent
outbreak does not raise its own baseline.

This module reproduces how R surveillance 1.20 places those windows and blocks, including
two details that matter for comparability:

* with calendar dates (R's ``epochAsDate``) a reference point is the same date one, two, …
  years back; weekly data then move to the nearest period on the same weekday, so five years
  back is 261 rather than 260 weeks when leap days add up;
* a block of length zero (monthly data with ``noPeriods = 10``: five periods between windows
  for nine blocks) is written by R's descending sequence ``a:(a - 1)``, which gives its level
  to the two periods around the gap and so merges levels. Kompas does the same, so that both
  programs fit the same model.

References
----------
Farrington, C. P., Andrews, N. J., Beale, A. D. and Catchpole, M. A. (1996). A statistical
algorithm for the early detection of outbreaks of infectious disease. *JRSS A* 159, 547-563.

Noufaily, A., Enki, D. G., Farrington, P., Garthwaite, P., Andrews, N. and Charlett, A. (2013).
An improved algorithm for outbreak detection in multiple surveillance systems. *Statistics in
Medicine* 32, 1206-1222.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext as _

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
WEEKLY = 52


@dataclass(frozen=True)
class Windows:
    """How far back and how wide the baseline reaches (R's ``b``, ``w``, ``noPeriods``)."""

    b: int
    w: int
    no_periods: int
    past_periods_not_included: int


@dataclass(frozen=True)
class Design:
    """The baseline data of farringtonFlexible for a set of time points, one row per point.

    ``rows`` holds, per point, the positions of the baseline periods in the series (``-1``
    pads), ``levels`` their seasonal level (1 … noPeriods; 0 pads) and ``wtime`` their time
    covariate as R computes it. ``wtime_now`` is the time covariate of the point itself.
    ``usable`` is False where a reference period lies before the start of the series.
    With calendar dates R measures ``wtime_now`` from the first baseline period that has an
    observation (``shift_origin``), the baseline's ``wtime`` from the first baseline period.
    """

    points: IntArray
    rows: IntArray
    levels: IntArray
    wtime: FloatArray
    wtime_now: FloatArray
    usable: BoolArray
    shift_origin: bool


def reference_points(
    k: int, dates: npt.NDArray[np.datetime64] | None, frequency: int, b: int
) -> list[int] | None:
    """Return the positions of period ``k`` and the same period 1 … b years back, or None."""
    if dates is None:
        points = [k - years * frequency for years in range(b + 1)]
        return points if points[-1] >= 0 else None
    today = dates[k].astype(dt.date)
    wanted = [_years_back(today, years) for years in range(b + 1)]
    if frequency == WEEKLY:
        wanted = [_same_weekday_nearby(day, today) for day in wanted]
    targets = np.array(wanted, dtype="datetime64[D]")
    positions = np.searchsorted(dates, targets)
    if positions.max() >= len(dates) or not np.array_equal(dates[positions], targets):
        return None
    return [int(position) for position in positions]


def _years_back(day: dt.date, years: int) -> dt.date:
    """Return ``day`` minus whole years; 29 February becomes 1 March, as R's ``seq.Date``."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return dt.date(day.year - years, 3, 1)


def _same_weekday_nearby(day: dt.date, today: dt.date) -> dt.date:
    """Return the date on ``today``'s weekday closest to ``day`` (never a tie: 7 is odd)."""
    earlier_or_later = day - dt.timedelta(days=(day.isoweekday() - today.isoweekday()))
    other = earlier_or_later + dt.timedelta(days=-7 if earlier_or_later > day else 7)
    return other if abs(earlier_or_later - day) > abs(other - day) else earlier_or_later


def _assign(levels: FloatArray, start: int, stop: int, value: float) -> None:
    """Set ``levels[start..stop]`` as R's ``v[start:stop] <- value`` (descending if stop < start)."""
    low, high = min(start, stop), max(start, stop)
    levels[max(low, 0) : max(high + 1, 0)] = value


def seasonal_levels(points: list[int], length: int, windows: Windows) -> FloatArray:
    """Return the seasonal level of every period for the point ``points[0]`` (NaN: not used)."""
    b, w, p = windows.b, windows.w, windows.no_periods
    levels = np.full(length, np.nan)
    _assign(levels, points[0] - w, points[0], p)
    for year in range(1, b + 1):
        reference = points[year]
        _assign(levels, reference - w, reference + w, p)
        if p == 1:
            continue
        gap = points[year - 1] - 2 * w - 1 - reference
        if gap < p - (2 * w + 1):
            raise ValueError(_("noPeriods is te groot voor de ruimte tussen de vensters"))
        lengths = np.full(p - 1, gap // (p - 1))
        lengths[: gap % (p - 1)] += 1
        starts = reference + w + 1 + np.concatenate(([0], np.cumsum(lengths)))
        for level in range(1, p):
            _assign(levels, int(starts[level - 1]), int(starts[level]) - 1, level)
    return levels


def build_design(
    points: IntArray, length: int, dates: npt.NDArray[np.datetime64] | None, frequency: int, windows: Windows
) -> Design:
    """Return the baseline data for every point in ``points`` (positions in series of ``length``)."""
    step_days = float((dates[1] - dates[0]).astype(np.int64)) if dates is not None else 1.0
    # The baseline of a period is that of another period shifted when their reference periods
    # lie at the same distances (always with monthly data, nearly always with weekly data) and
    # neither reaches before the start of the series.
    templates: dict[tuple[int, ...], tuple[int, IntArray, IntArray]] = {}
    baselines = []
    for k in points.tolist():
        references = reference_points(k, dates, frequency, windows.b)
        if references is None:
            baselines.append((np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)))
            continue
        distances = tuple(k - reference for reference in references)
        unclipped = references[-1] - windows.w >= 0
        if unclipped and distances in templates:
            known, positions, levels = templates[distances]
            baselines.append((positions + (k - known), levels))
            continue
        baselines.append(_baseline(k, references, windows, length))
        if unclipped:
            templates[distances] = (k, *baselines[-1])
    width = max((len(positions) for positions, _ in baselines), default=0)
    rows = np.full((len(points), width), -1, dtype=np.int64)
    levels = np.zeros((len(points), width), dtype=np.int64)
    for index, (positions, position_levels) in enumerate(baselines):
        rows[index, : len(positions)] = positions
        levels[index, : len(positions)] = position_levels
    wtime, wtime_now = _time_covariate(points, rows, dates, step_days)
    usable = rows[:, 0] >= 0 if width else np.zeros(len(points), dtype=bool)
    return Design(points, rows, levels, wtime, wtime_now, usable, dates is not None)


def _baseline(k: int, references: list[int], windows: Windows, length: int) -> tuple[IntArray, IntArray]:
    """Return the baseline positions of point ``k`` and their levels."""
    levels = seasonal_levels(references, length, windows)
    _assign(levels, k - windows.past_periods_not_included, k, np.nan)
    positions = np.flatnonzero(~np.isnan(levels))
    return positions, levels[positions].astype(np.int64)


def _time_covariate(
    points: IntArray, rows: IntArray, dates: npt.NDArray[np.datetime64] | None, step_days: float
) -> tuple[FloatArray, FloatArray]:
    """Return R's ``wtime``: the 1-based index, or days since the first baseline period / step."""
    if dates is None:
        return (rows + 1).astype(np.float64), (points + 1).astype(np.float64)
    days = dates.astype(np.int64).astype(np.float64)
    first = days[np.maximum(rows[:, 0], 0)]
    wtime = (days[np.maximum(rows, 0)] - first[:, None]) / step_days
    return np.where(rows >= 0, wtime, 0.0), (days[points] - first) / step_days
