# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Numerators and denominators for every level and period length, on a hand-computed panel."""

from __future__ import annotations

import pandas as pd
import pytest

from kompas.indicators import rollup
from kompas.indicators.rollup import Granularity

MONTHS = list(pd.date_range("2015-01-01", "2016-03-01", freq="MS"))
# BU1 and BU2 lie in WK1, BU3 in WK2, both wijken in GM1 (one area version for both years).
HIERARCHY = pd.DataFrame(
    [
        (year, buurt, ancestor, level)
        for year in (2015, 2016)
        for buurt, wijk in (("BU1", "WK1"), ("BU2", "WK1"), ("BU3", "WK2"))
        for ancestor, level in ((buurt, "buurt"), (wijk, "wijk"), ("GM1", "gemeente"))
    ],
    columns=["year", "area", "ancestor", "level"],
)
DENOMINATORS = pd.DataFrame(
    [
        ("BU1", 2015, 100.0),
        ("BU2", 2015, 200.0),
        ("BU3", 2015, 300.0),
        ("BU1", 2016, 110.0),
        ("BU2", 2016, 200.0),
        ("BU3", 2016, 300.0),
    ],
    columns=["area", "year", "denominator"],
)


@pytest.fixture
def monthly() -> pd.DataFrame:
    # BU1: 1 burglary every month; BU2: 2 a month, none registered in February 2015; BU3: 5 in June 2015.
    rows = [("BU1", m, 1.0) for m in MONTHS] + [
        ("BU2", m, 2.0) for m in MONTHS if m.month != 2 or m.year != 2015
    ]
    rows.append(("BU3", pd.Timestamp("2015-06-01"), 5.0))
    counts = pd.DataFrame(rows, columns=["area", "period_start", "numerator"])
    return rollup.complete_months(counts, MONTHS)


def _levels(monthly: pd.DataFrame, granularity: Granularity) -> pd.DataFrame:
    periods = rollup.attach_denominators(rollup.to_periods(monthly, granularity), DENOMINATORS)
    return rollup.roll_up(periods, HIERARCHY).set_index(["area", "period_start"])


def test_missing_months_of_an_area_count_as_zero(monthly: pd.DataFrame) -> None:
    assert len(monthly) == 3 * 15
    february = monthly.set_index(["area", "period_start"]).loc[
        ("BU2", pd.Timestamp("2015-02-01")), "numerator"
    ]
    assert february == 0.0


def test_years_sum_numerators_and_denominators_per_level(monthly: pd.DataFrame) -> None:
    levels = _levels(monthly, Granularity.YEAR)
    year = pd.Timestamp("2015-01-01")
    # BU1 12, BU2 11 × 2 = 22, BU3 5; WK1 = 34 on 300 dwellings; GM1 = 39 on 600.
    assert levels.loc[("BU2", year), "numerator"] == 22.0
    assert tuple(levels.loc[("WK1", year), ["numerator", "denominator"]]) == (34.0, 300.0)
    assert tuple(levels.loc[("GM1", year), ["numerator", "denominator", "level"]]) == (
        39.0,
        600.0,
        "gemeente",
    )
    # 2016 has three months only: no year value.
    assert ("GM1", pd.Timestamp("2016-01-01")) not in levels.index


def test_quarters_need_all_three_months(monthly: pd.DataFrame) -> None:
    levels = _levels(monthly, Granularity.QUARTER)
    assert levels.loc[("GM1", pd.Timestamp("2016-01-01")), "numerator"] == 9.0  # 3 × (1 + 2)
    assert levels.loc[("BU2", pd.Timestamp("2015-01-01")), "numerator"] == 4.0  # February had none


def test_rolling_twelve_months_use_the_latest_population(monthly: pd.DataFrame) -> None:
    levels = _levels(monthly, Granularity.ROLLING_12_MONTHS)
    # April 2015 - March 2016: BU1 12 burglaries, 110 dwellings in 2016 (the year of the last month).
    window = ("BU1", pd.Timestamp("2015-04-01"))
    assert tuple(levels.loc[window, ["numerator", "denominator", "period_length"]]) == (
        12.0,
        110.0,
        "rolling_12_months",
    )
    assert levels.loc[("BU2", pd.Timestamp("2015-04-01")), "numerator"] == 24.0
    assert levels.loc[("BU2", pd.Timestamp("2015-01-01")), "numerator"] == 22.0  # includes the empty February
    assert ("BU1", pd.Timestamp("2015-05-01")) not in levels.index  # would end after March 2016


def test_a_missing_denominator_leaves_the_larger_area_without_one(monthly: pd.DataFrame) -> None:
    periods = rollup.attach_denominators(
        rollup.to_periods(monthly, Granularity.YEAR), DENOMINATORS[DENOMINATORS.area != "BU3"]
    )
    levels = rollup.roll_up(periods, HIERARCHY).set_index(["area", "period_start"])
    year = pd.Timestamp("2015-01-01")
    assert levels.loc[("WK1", year), "denominator"] == 300.0
    assert pd.isna(levels.loc[("GM1", year), "denominator"])
    assert levels.loc[("GM1", year), "numerator"] == 39.0


def test_group_totals(monthly: pd.DataFrame) -> None:
    levels = rollup.roll_up(
        rollup.attach_denominators(rollup.to_periods(monthly, Granularity.YEAR), DENOMINATORS), HIERARCHY
    )
    members = pd.DataFrame({"group": ["westhoek", "westhoek"], "area": ["BU1", "BU3"]})
    groups = rollup.group_totals(levels, members)
    assert groups[["area", "numerator", "denominator", "level"]].values.tolist() == [
        ["westhoek", 17.0, 400.0, "group"]
    ]


def test_rolling_windows_exist_only_where_twelve_months_are_covered(monthly: pd.DataFrame) -> None:
    # 15 covered months give 4 complete windows per buurt (ending January - March 2016 and December 2015).
    periods = rollup.to_periods(monthly, Granularity.ROLLING_12_MONTHS)
    assert len(periods) == 3 * 4
    assert not periods.numerator.isna().any()


def test_months_pass_through(monthly: pd.DataFrame) -> None:
    periods = rollup.to_periods(monthly, Granularity.MONTH)
    assert len(periods) == 45 and set(periods.period_length) == {"month"}
