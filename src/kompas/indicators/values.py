# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""From summed numerators and denominators to indicator values with intervals and flags.

Every function returns a *value frame*: one row per area index and period with the columns of
:data:`VALUE_COLUMNS` plus one ``r0``, ``r1``, … column per 64 import runs (the provenance bit
sets of :mod:`kompas.indicators.rollup`). The formulas are those of
:mod:`kompas.indicators.formulas`, the intervals those of :mod:`kompas.indicators.intervals`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from kompas.indicators import formulas, intervals
from kompas.indicators.intervals import Minimums
from kompas.indicators.rollup import MONTHS, Cells, Runs, Stock
from kompas.indicators.vocabulary import Flag, Formula
from kompas.observations.periods import COMPUTED, PeriodLength

FloatArray = npt.NDArray[np.float64]
VALUE_COLUMNS = [
    "area",
    "start",
    "length",
    "value",
    "ci_low",
    "ci_high",
    "numerator",
    "denominator",
    "denominator_year",
    "n",
    "flag",
]


@dataclass(frozen=True)
class Spec:
    """What the evaluation needs from a definition."""

    formula: Formula
    per: float = 1000.0
    window: int = 0
    baseline_year: int = 0
    has_denominator: bool = False
    minimums: Minimums = field(default_factory=Minimums)


LENGTHS = pd.CategoricalDtype([length.value for length in COMPUTED])
FLAGS = pd.CategoricalDtype([Flag.OK.value, Flag.SMALL_NUMBERS.value, Flag.INCOMPLETE.value])


def lengths(values: npt.NDArray[Any]) -> pd.Categorical:
    """Return period lengths as a categorical column (cheap for millions of rows)."""
    return pd.Categorical(values, dtype=LENGTHS)


def run_columns(words: int) -> list[str]:
    """Return the names of the provenance columns: ``r0`` … ``r{words-1}``."""
    return [f"r{word}" for word in range(words)]


def frame(columns: Mapping[str, object], runs: Runs) -> pd.DataFrame:
    """Build a value frame from its columns and the provenance bit sets."""
    table = pd.DataFrame(columns)
    for word, name in enumerate(run_columns(runs.shape[1])):
        table[name] = runs[:, word]
    return table


def _whole(counts: FloatArray) -> FloatArray:
    """Counts that are whole numbers ≥ 0, NaN otherwise (an interval needs a Poisson count)."""
    fine = np.isfinite(counts) & (counts >= 0) & (counts == np.round(counts))
    return np.where(fine, counts, np.nan)


def _flags(n: FloatArray, minimum: int) -> pd.Categorical:
    small = np.isfinite(n) & (n < minimum)
    return pd.Categorical.from_codes(small.astype(np.int8), dtype=FLAGS)


def counted(num: Cells, length: PeriodLength, spec: Spec, denominator: Stock | None) -> pd.DataFrame:
    """Values of a count, rate or share for cells of one period length.

    ``denominator`` is the stock (rate) or the whole (share, summed like the numerator) per
    cell; None for counts. The flag looks at the numerator (count, rate) or the whole (share).
    """
    count = num.value
    if spec.formula is Formula.COUNT or denominator is None:
        limits = intervals.garwood_limits(_whole(count))
        value, low, high, n = count, limits.ci_low, limits.ci_high, count
        den, den_year, runs = np.full(num.size, np.nan), np.full(num.size, -1), num.runs
    else:
        per = 100.0 if spec.formula is Formula.SHARE else spec.per
        den, den_year = denominator.value, denominator.year
        value = formulas.rate(count, den, per)
        limits = intervals.rate_limits(_whole(count), den, per)
        low, high = limits.ci_low, limits.ci_high
        n = den if spec.formula is Formula.SHARE else count
        runs = num.runs | denominator.runs
    columns = {
        "area": num.area,
        "start": num.start,
        "length": pd.Categorical.from_codes(
            np.full(num.size, LENGTHS.categories.get_loc(length.value), dtype=np.int8), dtype=LENGTHS
        ),
        "value": value,
        "ci_low": low,
        "ci_high": high,
        "numerator": count,
        "denominator": den,
        "denominator_year": den_year,
        "n": n,
        "flag": _flags(n, spec.minimums.count),
    }
    return frame(columns, runs)


def survey(observations: pd.DataFrame, spec: Spec, words: int) -> pd.DataFrame:
    """Survey percentages where they were measured, with their published margin (never summed).

    ``observations`` has ``area, start, length, value, margin, sample_size`` and the provenance
    bit sets ``runs`` (an array with one row per observation). A value on fewer respondents than
    ``spec.minimums.survey_n`` is withheld: NaN, with its n and the flag.
    """
    kept = withhold_small_samples(observations, spec.minimums.survey_n)
    value = kept["value"].to_numpy(dtype=np.float64)
    margin = kept["margin"].to_numpy(dtype=np.float64)
    n = kept["sample_size"].to_numpy(dtype=np.float64)
    columns = {
        "area": observations["area"].to_numpy(),
        "start": observations["start"].to_numpy(),
        "length": lengths(observations["length"].to_numpy()),
        "value": value,
        "ci_low": np.clip(value - margin, 0, 100),
        "ci_high": np.clip(value + margin, 0, 100),
        "numerator": value,
        "denominator": np.full(value.size, np.nan),
        "denominator_year": np.full(value.size, -1),
        "n": n,
        "flag": _flags(n, spec.minimums.survey_n),
    }
    runs = np.stack(observations["runs"].to_list()) if len(observations) else np.zeros((0, words), np.uint64)
    return frame(columns, runs)


def withhold_small_samples(observations: pd.DataFrame, minimum: int) -> pd.DataFrame:
    """Return survey rows with value and margin removed (NaN) where n is known and below ``minimum``.

    The one rule for values, changes, moving averages and survey trends alike
    (:mod:`kompas.indicators.minimum_n`): a figure on too few respondents is not used anywhere.
    """
    n = observations["sample_size"].to_numpy(dtype=np.float64)
    small = np.isfinite(n) & (n < minimum)
    if not small.any():
        return observations
    kept = observations.copy()
    kept.loc[small, ["value", "margin"]] = np.nan
    return kept


def moving(base: pd.DataFrame, spec: Spec, words: int) -> pd.DataFrame:
    """Trailing mean over ``spec.window`` consecutive periods of the same length.

    ``base`` holds the count or rate values of one period length (from :func:`counted`). A rate
    pools the window, ``per × Σ numerators / Σ denominators``; a count is ``Σ / k``.
    """
    k = spec.window
    if base.empty or base["length"].iloc[0] == PeriodLength.ROLLING_12_MONTHS.value:
        return base.iloc[0:0]
    step = MONTHS[PeriodLength(base["length"].iloc[0])]
    ordered = base.sort_values(["area", "start"], kind="stable").reset_index(drop=True)
    area, start = ordered["area"].to_numpy(), ordered["start"].to_numpy()
    ends = np.arange(k - 1, len(ordered))
    full = (area[ends] == area[ends - k + 1]) & (start[ends] - start[ends - k + 1] == (k - 1) * step)
    num = _window_sum(ordered["numerator"].to_numpy(dtype=np.float64), ends, k)
    den = _window_sum(ordered["denominator"].to_numpy(dtype=np.float64), ends, k)
    runs = ordered[run_columns(words)].to_numpy(dtype=np.uint64)[ends]
    for lag in range(1, k):
        runs |= ordered[run_columns(words)].to_numpy(dtype=np.uint64)[ends - lag]
    if spec.has_denominator:
        value = formulas.rate(num, den, spec.per)
        limits = intervals.rate_limits(_whole(num), den, spec.per)
    else:
        value = num / k
        counts = intervals.garwood_limits(_whole(num))
        limits = intervals.IntervalArrays(value, counts.ci_low / k, counts.ci_high / k, 0.95, counts.method)
    columns = {
        "area": area[ends],
        "start": start[ends],
        "length": lengths(ordered["length"].to_numpy()[ends]),
        "value": value,
        "ci_low": limits.ci_low,
        "ci_high": limits.ci_high,
        "numerator": num,
        "denominator": den,
        "denominator_year": ordered["denominator_year"].to_numpy()[ends],
        "n": num,
        "flag": _flags(num, spec.minimums.count),
    }
    result: pd.DataFrame = frame(columns, runs).loc[full].reset_index(drop=True)
    return result


def _window_sum(values: FloatArray, ends: npt.NDArray[np.int64], k: int) -> FloatArray:
    """Sum of ``values[end − k + 1 … end]``; NaN when one of them is NaN."""
    totals = np.cumsum(np.r_[0.0, np.nan_to_num(values)])
    gaps = np.cumsum(np.r_[0, np.isnan(values).astype(np.int64)])
    sums = totals[ends + 1] - totals[ends + 1 - k]
    return np.where(gaps[ends + 1] - gaps[ends + 1 - k] > 0, np.nan, sums)


def change(base: pd.DataFrame, spec: Spec, survey_points: bool) -> pd.DataFrame:
    """Change of each year's value against the same area's value in ``spec.baseline_year``.

    In percent of the baseline; for survey percentages in percentage points. Only years are
    compared (a month against "the baseline year" has no single meaning). No interval.
    """
    years = base[base["length"] == PeriodLength.YEAR.value]
    baseline = years[years["start"] == spec.baseline_year * 12].set_index("area")["value"]
    reference = years["area"].map(baseline).to_numpy(dtype=np.float64)
    current = years["value"].to_numpy(dtype=np.float64)
    changed = years.copy()
    changed["value"] = (
        formulas.change_points(current, reference)
        if survey_points
        else formulas.change_pct(current, reference)
    )
    changed["ci_low"] = np.nan
    changed["ci_high"] = np.nan
    result: pd.DataFrame = changed[np.isfinite(changed["value"].to_numpy(dtype=np.float64))]
    return result.reset_index(drop=True)
