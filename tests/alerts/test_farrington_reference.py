# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""farringtonFlexible against R surveillance 1.20 on real series: alarms exact, bounds to 1e-6.

The expected values in ``reference/`` come from ``reference/make_reference.R`` (Debian's
``r-cran-surveillance``); R is not needed to run these tests. Tolerances: alarms must be
identical; upper bounds, expected values and scores agree within 1e-6 relative (scores also
within 1e-9 absolute, as a score near 0 is a difference of two nearly equal numbers). Upper
bounds are only compared where R's GLM converged (``glm_warning`` FALSE); in the checked-in
reference set it converged at every point, so no point is exempt. R leaves the expected value
missing where ``limit54`` is not met; Kompas reports it there, so it is compared only where R
has one (see docs/early-warning.md, "Afwijkingen van R").
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kompas.alerts.farrington import FarringtonControl, farrington_flexible
from kompas.alerts.farrington_design import reference_points
from kompas.alerts.series import FloatArray, Panel, read_long_csv

REFERENCE = Path(__file__).parent / "reference"
NOUFAILY_MONTH: dict[str, Any] = {
    "no_periods": 10,
    "past_periods_not_included": 6,
    "threshold_method": "nbPlugin",
}
NOUFAILY_WEEK: dict[str, Any] = {
    "b": 2,
    "no_periods": 10,
    "past_periods_not_included": 26,
    "threshold_method": "nbPlugin",
}
# Setting name in make_reference.R -> (input, control, calendar dates as R's epochAsDate).
SETTINGS: dict[str, tuple[str, dict[str, Any], bool]] = {
    "month default": ("monthly", {}, True),
    "month noufaily": ("monthly", NOUFAILY_MONTH, True),
    "week b=2": ("weekly", {"b": 2}, True),
    "week noufaily": ("weekly", NOUFAILY_WEEK, True),
    "month default index": ("monthly", {}, False),
    "month noufaily index": ("monthly", NOUFAILY_MONTH, False),
    "populationOffset=TRUE": ("monthly", {"population_offset": True}, True),
    "reweight=FALSE": ("monthly", {"reweight": False}, True),
    "weightsThreshold=1": ("monthly", {"weights_threshold": 1.0}, True),
    "alpha=0.01": ("monthly", {"alpha": 0.01}, True),
    "trend=FALSE": ("monthly", {"trend": False}, True),
    "pThresholdTrend=0.5": ("monthly", {"p_threshold_trend": 0.5}, True),
    "limit54=c(0,1)": ("monthly", {"limit54": (0, 1)}, True),
    "powertrans=1/2": ("monthly", {"powertrans": "1/2"}, True),
    "powertrans=none": ("monthly", {"powertrans": "none"}, True),
    "thresholdMethod=muan": ("monthly", {"threshold_method": "muan"}, True),
    "b=3,w=2": ("monthly", {"b": 3, "w": 2}, True),
    "noPeriods=10,delta": ("monthly", {"no_periods": 10}, True),
    "noPeriods=10,pastWeeksNotIncluded=10,nbPlugin": (
        "monthly",
        {"no_periods": 10, "past_periods_not_included": 10, "threshold_method": "nbPlugin"},
        True,
    ),
}


@cache
def _panel(name: str) -> Panel:
    return read_long_csv(REFERENCE / f"{name}_series.csv", 52 if name == "weekly" else 12)


@cache
def _expected() -> dict[str, list[dict[str, str]]]:
    by_setting: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (REFERENCE / "farrington_expected.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_setting[row["setting"]].append(row)
    return by_setting


def _population(panel: Panel) -> FloatArray:
    with (REFERENCE / "monthly_population.csv").open(encoding="utf-8") as handle:
        population = [float(row["population"]) for row in csv.DictReader(handle)]
    return np.tile(np.array(population), (len(panel.names), 1))


def _number(text: str) -> float:
    return float(text) if text else np.nan


def test_every_reference_setting_is_tested() -> None:
    assert set(_expected()) == set(SETTINGS)


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_farrington_flexible_matches_r(setting: str) -> None:
    name, control, calendar = SETTINGS[setting]
    panel = _panel(name)
    population = _population(panel) if control.get("population_offset") else None
    result = farrington_flexible(
        panel, FarringtonControl(**control), population=population, calendar=calendar
    )
    found = result.detection
    rows = _expected()[setting]
    row_of = {series: index for index, series in enumerate(panel.names)}
    column_of = {str(period): index for index, period in enumerate(panel.periods)}
    where = tuple(np.array([(row_of[r["series"]], column_of[r["period"]]) for r in rows]).T)
    r_alarm = np.array([r["alarm"] == "TRUE" for r in rows])
    r_upper, r_expected, r_score = (
        np.array([_number(r[key]) for r in rows]) for key in ("upperbound", "expected", "score")
    )
    converged = np.array([r["glm_warning"] == "FALSE" for r in rows])
    tested_series = sorted({row_of[r["series"]] for r in rows})

    # R evaluates exactly the same points as Kompas (its default range).
    assert int(found.evaluated[tested_series].sum()) == len(rows)
    assert found.evaluated[where].all()
    mismatched = [
        (r["series"], r["period"])
        for r, same in zip(rows, found.alarm[where] == r_alarm, strict=True)
        if not same
    ]
    assert mismatched == []
    np.testing.assert_allclose(found.upperbound[where][converged], r_upper[converged], rtol=1e-6)
    has_expected = ~np.isnan(r_expected)
    np.testing.assert_allclose(found.expected[where][has_expected], r_expected[has_expected], rtol=1e-6)
    np.testing.assert_allclose(found.score[where], r_score, rtol=1e-6, atol=1e-9)


def test_r_leaves_expected_missing_only_where_limit54_is_not_met() -> None:
    # The one documented difference: R's expected value is NA where its upper bound is NA.
    rows = [row for rows in _expected().values() for row in rows]
    assert all(row["upperbound"] == "" for row in rows if row["expected"] == "")


def test_weekly_reference_dates_follow_the_calendar_as_r() -> None:
    # Five years back from a Monday is the Monday nearest the same date, as R's
    # algo.farrington.referencetimepoints (so 261 weeks when leap days add up).
    dates = np.arange(np.datetime64("2014-01-06"), np.datetime64("2027-01-04"), np.timedelta64(7, "D"))
    by_date: dict[str, list[str]] = defaultdict(list)
    with (REFERENCE / "reference_points.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_date[row["date"]].append(row["reference"])
    for date, expected in by_date.items():
        position = int(np.searchsorted(dates, np.datetime64(date)))
        points = reference_points(position, dates, 52, 5)
        assert points is not None
        assert [str(dates[point]) for point in points] == expected, date


def test_reference_point_before_the_first_period_gives_none() -> None:
    dates = np.arange(np.datetime64("2020-01-06"), np.datetime64("2022-01-03"), np.timedelta64(7, "D"))
    assert reference_points(60, dates, 52, 2) is None  # two years back lies before 2020-01-06
    assert reference_points(60, None, 52, 2) is None
    assert reference_points(110, None, 52, 2) == [110, 58, 6]
