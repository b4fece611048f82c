# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Numerators and denominators for every area level and period length, as pandas frames.

The input is the finest data there is — counts per area and month (or year) and denominators per
area and year — and an area hierarchy per year (buurt → wijk → gemeente, versions resolved by
year). The output has one row per area at every level, period and period length with the summed
numerator and denominator, from which :mod:`kompas.indicators.formulas` computes the values.
Nothing here averages a rate.

Frames (column names are the contract):

``counts``       ``area, period_start, numerator`` — monthly counts; ``period_start`` the first
                 day of the month. A month in ``covered`` without a row for an area counts as 0.
``denominators`` ``area, year, denominator`` — stocks such as inhabitants on 1 January.
``hierarchy``    ``year, area, ancestor, level`` — for each finest area every area it lies in,
                 itself included, in that year's area version.
``members``      ``group, area`` — the areas of each area group (G32, Twente).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import numpy as np
import pandas as pd

from kompas.indicators.formulas import aggregate

KEYS = ["area", "period_start", "period_length"]


class Granularity(StrEnum):
    """Period lengths Kompas computes values for."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ROLLING_12_MONTHS = "rolling_12_months"


MONTHS = {
    Granularity.MONTH: 1,
    Granularity.QUARTER: 3,
    Granularity.YEAR: 12,
    Granularity.ROLLING_12_MONTHS: 12,
}
GROUP_LEVEL = "group"


def complete_months(counts: pd.DataFrame, covered: Sequence[pd.Timestamp]) -> pd.DataFrame:
    """Return one row per area × covered month, with 0 where an area had no registration."""
    areas = pd.Index(counts["area"].unique(), name="area")
    months = pd.DatetimeIndex(sorted(set(covered)), name="period_start")
    grid = pd.MultiIndex.from_product([areas, months])
    summed = counts.groupby(["area", "period_start"])["numerator"].sum()
    return summed.reindex(grid, fill_value=0.0).astype(np.float64).reset_index()


def to_periods(monthly: pd.DataFrame, granularity: Granularity) -> pd.DataFrame:
    """Sum complete months into quarters, years or rolling twelve-month windows.

    ``monthly`` comes from :func:`complete_months`. A quarter or year appears only when all its
    months are covered; a rolling window ends at every month preceded by eleven covered months and
    starts (``period_start``) eleven months earlier.
    """
    if granularity is Granularity.MONTH:
        return monthly.assign(period_length=granularity.value)[[*KEYS, "numerator"]]
    if granularity is Granularity.ROLLING_12_MONTHS:
        return _rolling(monthly)
    freq = "Q" if granularity is Granularity.QUARTER else "Y"
    starts = monthly["period_start"].dt.to_period(freq).dt.start_time
    grouped = monthly.assign(period_start=starts).groupby(["area", "period_start"])["numerator"]
    totals = grouped.agg(["sum", "size"]).reset_index()
    totals = totals[totals["size"] == MONTHS[granularity]]
    return totals.rename(columns={"sum": "numerator"}).assign(period_length=granularity.value)[
        [*KEYS, "numerator"]
    ]


def _rolling(monthly: pd.DataFrame) -> pd.DataFrame:
    """Twelve-month sums on a calendar grid, so a missing month breaks every window containing it."""
    first, last = monthly["period_start"].min(), monthly["period_start"].max()
    calendar = pd.date_range(first, last, freq="MS", name="period_start")
    wide = monthly.pivot_table(index="period_start", columns="area", values="numerator", aggfunc="sum")
    sums = wide.reindex(calendar).rolling(12, min_periods=12).sum()
    sums.index = pd.DatetimeIndex(calendar - pd.DateOffset(months=11), name="period_start")
    long = sums.melt(ignore_index=False, var_name="area", value_name="numerator").reset_index()
    long = long.dropna(subset=["numerator"])
    return long.assign(period_length=Granularity.ROLLING_12_MONTHS.value)[[*KEYS, "numerator"]]


def reference_year(periods: pd.DataFrame) -> pd.Series:
    """The year whose denominator and area version a period uses.

    The year the period starts in; for a rolling twelve-month window the year of its last month
    (the most recent population).
    """
    starts = periods["period_start"]
    rolling = periods["period_length"] == Granularity.ROLLING_12_MONTHS.value
    ends = starts + pd.DateOffset(months=11)
    return pd.Series(np.where(rolling, ends.dt.year, starts.dt.year), index=periods.index, name="year")


def attach_denominators(periods: pd.DataFrame, denominators: pd.DataFrame | None) -> pd.DataFrame:
    """Add the denominator of each finest area for the period's reference year (NaN when missing)."""
    with_year = periods.assign(year=reference_year(periods))
    if denominators is None:
        return with_year.assign(denominator=np.nan)
    stock = denominators.groupby(["area", "year"], as_index=False)["denominator"].sum()
    return with_year.merge(stock, on=["area", "year"], how="left")


def roll_up(periods: pd.DataFrame, hierarchy: pd.DataFrame) -> pd.DataFrame:
    """Sum numerators and denominators of the finest areas into every level above them.

    ``periods`` has ``year`` (see :func:`attach_denominators`). A missing denominator of one part
    makes the larger area's denominator missing, rather than too small.
    """
    joined = periods.merge(hierarchy, on=["year", "area"], how="inner")
    return aggregate(joined.drop(columns="area").rename(columns={"ancestor": "area"}), [*KEYS, "level"])


def group_totals(levels: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Sum the members of each area group into one row per group (level ``group``)."""
    joined = levels.merge(members.rename(columns={"area": "member"}), left_on="area", right_on="member")
    summed = aggregate(joined.drop(columns=["area", "member"]).rename(columns={"group": "area"}), KEYS)
    return summed.assign(level=GROUP_LEVEL)
