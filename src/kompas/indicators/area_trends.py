# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One trend per indicator and area, from the stored numerators and denominators.

Counts, rates and shares: the regression of :mod:`kompas.indicators.batch_trend` over the years
when the indicator has at least three complete years somewhere, otherwise over the months (a new
monitor has months before it has years). Survey percentages: whether the last two measurements
differ by more than their combined margins (:func:`kompas.indicators.trend.survey_change`).
Other formulas (changes, moving averages, composite indices) are built from values that already
have a trend, and get none of their own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kompas.indicators.batch_trend import count_trends
from kompas.indicators.hierarchy import MONTHS_PER_YEAR
from kompas.indicators.trend import MIN_PERIODS, TrendMethod, survey_change
from kompas.indicators.vocabulary import Formula
from kompas.observations.periods import PeriodLength

TREND_COLUMNS = [
    "area",
    "length",
    "first_start",
    "last_start",
    "n_periods",
    "method",
    "pct_per_year",
    "ci_low",
    "ci_high",
    "p_value",
    "pearson_ratio",
    "difference",
    "combined_margin",
    "exceeds_margin",
]
WITH_TREND = (Formula.COUNT, Formula.RATE, Formula.SHARE)


def series_length(values: pd.DataFrame) -> PeriodLength:
    """The period length a count trend uses: years when there are three, else months."""
    years = values.loc[values["length"] == PeriodLength.YEAR.value, "start"].nunique()
    return PeriodLength.YEAR if years >= MIN_PERIODS else PeriodLength.MONTH


def count_trend_rows(values: pd.DataFrame, formula: Formula) -> pd.DataFrame:
    """Fit a trend for every area of a value frame (``area, start, length, numerator, denominator``)."""
    length = series_length(values)
    rows = values[values["length"] == length.value]
    if rows.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    area_codes, area_row = np.unique(rows["area"].to_numpy(), return_inverse=True)
    starts, start_col = np.unique(rows["start"].to_numpy(), return_inverse=True)
    shape = (area_codes.size, starts.size)
    counts = np.full(shape, np.nan)
    counts[area_row, start_col] = rows["numerator"].to_numpy(dtype=np.float64)
    exposure = None
    if formula is not Formula.COUNT:
        exposure = np.full(shape, np.nan)
        exposure[area_row, start_col] = rows["denominator"].to_numpy(dtype=np.float64)
    times = np.broadcast_to(starts / MONTHS_PER_YEAR, shape)
    fitted = count_trends(counts, np.asarray(times, dtype=np.float64), exposure)
    present = np.isfinite(counts) if exposure is None else np.isfinite(counts) & (exposure > 0)
    first = np.where(present.any(axis=1), starts[np.argmax(present, axis=1)], -1)
    last = np.where(present.any(axis=1), starts[starts.size - 1 - np.argmax(present[:, ::-1], axis=1)], -1)
    method = np.where(
        fitted.negative_binomial, TrendMethod.NEGATIVE_BINOMIAL.value, TrendMethod.POISSON.value
    )
    table = pd.DataFrame(
        {
            "area": area_codes,
            "length": length.value,
            "first_start": first,
            "last_start": last,
            "n_periods": fitted.n_periods,
            "method": method,
            "pct_per_year": fitted.pct_per_year,
            "ci_low": fitted.ci_low,
            "ci_high": fitted.ci_high,
            "p_value": fitted.p_value,
            "pearson_ratio": fitted.pearson_ratio,
            "difference": np.nan,
            "combined_margin": np.nan,
            "exceeds_margin": None,
        }
    )
    result: pd.DataFrame = table[np.isfinite(table["pct_per_year"].to_numpy(dtype=np.float64))]
    return result.reset_index(drop=True)


def survey_trend_rows(measured: pd.DataFrame) -> pd.DataFrame:
    """Compare the last two survey measurements of each area and period length.

    ``measured`` has ``area, start, length, value, margin``.
    """
    rows = []
    ordered = measured.dropna(subset=["value", "margin"]).sort_values(["area", "length", "start"])
    for (area, length), series in ordered.groupby(["area", "length"], sort=False):
        if len(series) < 2:
            continue
        first, last = series.iloc[-2], series.iloc[-1]
        change = survey_change(first["value"], first["margin"], last["value"], last["margin"])
        rows.append(
            {
                "area": area,
                "length": length,
                "first_start": first["start"],
                "last_start": last["start"],
                "n_periods": 2,
                "method": change.method,
                "difference": change.difference,
                "combined_margin": change.combined_margin,
                "exceeds_margin": change.exceeds_margin,
            }
        )
    return pd.DataFrame(rows, columns=TREND_COLUMNS)
