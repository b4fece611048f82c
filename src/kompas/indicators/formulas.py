# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Indicator formulas over numerators and denominators: count, rate, share, change, moving
average and composite index, and the re-aggregation of areas.

One rule runs through this module: a value for a larger area or a longer period is computed from
the **sums** of its numerators and denominators, never as an average of the smaller areas' rates.
Averaging rates gives a small buurt the weight of a large one (Simpson's paradox); summing keeps
``rate(gemeente) = Σ numerators / Σ denominators``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from kompas.indicators.intervals import Minimums, flag
from kompas.indicators.vocabulary import Direction, Flag, Normalisation

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SurveyValues:
    """Survey percentages per area with the limits of their margins and a flag per value."""

    estimate: FloatArray
    ci_low: FloatArray
    ci_high: FloatArray
    flags: tuple[Flag, ...]


def _floats(values: npt.ArrayLike) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def count(numerators: npt.ArrayLike) -> FloatArray:
    """Return the count itself: the indicator value of a *count* formula."""
    return _floats(numerators)


def rate(numerators: npt.ArrayLike, denominators: npt.ArrayLike, per: float = 1000.0) -> FloatArray:
    """Return ``per × numerator / denominator``; NaN where the denominator is missing or ≤ 0.

    Examples
    --------
    >>> float(rate(1743, 521_856)[()])  # doctest: +ELLIPSIS
    3.34...
    """
    num = _floats(numerators)
    den = _floats(denominators)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, per * num / den, np.nan)


def share(parts: npt.ArrayLike, wholes: npt.ArrayLike) -> FloatArray:
    """Return ``100 × part / whole`` in percent, e.g. attempts among all burglaries."""
    return rate(parts, wholes, per=100.0)


def change_pct(values: npt.ArrayLike, baseline: npt.ArrayLike) -> FloatArray:
    """Return the relative change ``100 × (value − baseline) / baseline`` in percent.

    For survey percentages the change in percentage points (:func:`change_points`) is the
    meaningful one; a relative change of a percentage is easily misread.
    """
    value = _floats(values)
    base = _floats(baseline)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(base != 0, 100.0 * (value - base) / base, np.nan)


def change_points(values: npt.ArrayLike, baseline: npt.ArrayLike) -> FloatArray:
    """Return the absolute change ``value − baseline`` (percentage points for percentages)."""
    return _floats(values) - _floats(baseline)


def _trailing_sum(values: FloatArray, k: int) -> FloatArray:
    """Sum over the last ``k`` elements; NaN until ``k`` elements are available or one is NaN."""
    if k < 1:
        raise ValueError("a moving window needs at least one period")
    return pd.Series(values).rolling(k, min_periods=k).sum().to_numpy(dtype=np.float64)


def moving_average(values: npt.ArrayLike, k: int) -> FloatArray:
    """Trailing mean of the last ``k`` periods (G32 uses three years) for counts or survey values.

    The first ``k − 1`` periods have no value: a shorter window would not be comparable.
    """
    return _trailing_sum(_floats(values), k) / k


def moving_rate(
    numerators: npt.ArrayLike, denominators: npt.ArrayLike, k: int, per: float = 1000.0
) -> FloatArray:
    """Rate over the last ``k`` periods pooled: ``per × Σ numerators / Σ denominators``.

    This is the moving average of a rate done right: each period weighs by its denominator, so
    it equals the rate of the ``k`` periods taken together.
    """
    return rate(_trailing_sum(_floats(numerators), k), _trailing_sum(_floats(denominators), k), per)


def relative_to_mean(
    values: npt.ArrayLike, mean: float, direction: Direction, base: float = 100.0
) -> FloatArray:
    """Express values relative to a group mean so that ``base`` = the mean and more = better.

    ``base × mean / value`` for lower-is-better (half the mean's burglary rate scores 200),
    ``base × value / mean`` otherwise (higher-is-better, and "more" for indicators without a
    direction, as in the G32 benchmark). A value of 0 for lower-is-better gives +∞; a mean of 0
    gives ``base`` where the value is also 0 and NaN otherwise.
    """
    value = _floats(values)
    if mean == 0:
        return np.where(value == 0, base, np.nan)
    if direction is not Direction.LOWER_IS_BETTER:
        return base * value / mean
    with np.errstate(divide="ignore"):
        return np.where(value == 0, np.inf, base * mean / value)


def min_max(values: npt.ArrayLike, direction: Direction) -> FloatArray:
    """Rescale to 0-100 across the group, 100 for the best area (all equal → 100 for each)."""
    value = _floats(values)
    low, high = np.nanmin(value), np.nanmax(value)
    if high == low:
        return np.where(np.isnan(value), np.nan, 100.0)
    scaled = 100.0 * (value - low) / (high - low)
    return 100.0 - scaled if direction is Direction.LOWER_IS_BETTER else scaled


def composite_index(
    components: Mapping[str, npt.ArrayLike],
    weights: Mapping[str, float],
    directions: Mapping[str, Direction],
    normalisation: Normalisation = Normalisation.MEAN,
    clip: tuple[float, float] | None = (10.0, 150.0),
) -> FloatArray:
    """Weighted mean of normalised sub-indicators, one element per area.

    Parameters
    ----------
    components : mapping of str to array_like
        Each sub-indicator's values for the same areas, in the same order.
    weights : mapping of str to float
        Non-negative weights; they are divided by their sum.
    directions : mapping of str to Direction
        Orientation of each sub-indicator, so that every normalised score means "more = better".
    normalisation : Normalisation
        ``mean``: 100 = the group mean of that sub-indicator (:func:`relative_to_mean`, as the
        G32 benchmark scores); ``min_max``: 0 = worst, 100 = best area of the group.
    clip : tuple of float or None
        Bounds of each ``mean``-normalised score before weighting, [10, 150] as in the G32
        reports, so one area with a zero count cannot dominate the index.

    Returns
    -------
    numpy.ndarray
        The index; NaN for an area missing any sub-indicator (weights are not silently
        redistributed over the remaining ones).

    References
    ----------
    OECD/JRC (2008). *Handbook on Constructing Composite Indicators* (``oecd2008composite``).
    """
    total = sum(weights[name] for name in components)
    if total <= 0 or any(weights[name] < 0 for name in components):
        raise ValueError("composite weights must be non-negative with a positive sum")
    scores = [
        weights[name] / total * _normalise(_floats(values), directions[name], normalisation, clip)
        for name, values in components.items()
    ]
    return np.asarray(np.sum(scores, axis=0), dtype=np.float64)


def _normalise(
    values: FloatArray, direction: Direction, normalisation: Normalisation, clip: tuple[float, float] | None
) -> FloatArray:
    if normalisation is Normalisation.MIN_MAX:
        return min_max(values, direction)
    index = relative_to_mean(values, float(np.nanmean(values)), direction)
    return index if clip is None else np.clip(index, *clip)


def aggregate(
    frame: pd.DataFrame,
    by: str | Sequence[str],
    numerator: str = "numerator",
    denominator: str | None = "denominator",
) -> pd.DataFrame:
    """Re-aggregate areas or periods by summing numerators and denominators separately.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per small unit (buurt × period) with the numerator and, for rates and shares,
        the denominator.
    by : str or sequence of str
        Columns of the larger unit, e.g. ``["gemeente", "period_start"]``.
    numerator, denominator : str
        Column names; ``denominator=None`` for counts.

    Returns
    -------
    pandas.DataFrame
        One row per group with the summed columns. A missing (NaN) part makes the group's sum
        missing: an incomplete total would understate the larger area without warning.
    """
    keys = [by] if isinstance(by, str) else list(by)
    columns = [numerator] if denominator is None else [numerator, denominator]
    sums = frame.groupby(keys, sort=True, dropna=False)[columns].sum(min_count=1)
    gaps = frame[keys].join(frame[columns].isna())
    missing = gaps.groupby(keys, sort=True, dropna=False)[columns].any()
    return sums.mask(missing).reset_index()


def survey_percentage(
    percentages: npt.ArrayLike,
    margins: npt.ArrayLike,
    sample_sizes: Sequence[int | None] | None = None,
    minimums: Minimums | None = None,
) -> SurveyValues:
    """Survey percentages with their published 95 % margins, clipped to [0, 100], and flags.

    Survey values are estimates for the area where they were measured; they are never summed
    or averaged into a larger area (the weights of the survey design are not known here).
    """
    value = _floats(percentages)
    margin = _floats(margins)
    if np.any(margin < 0):
        raise ValueError("a margin cannot be negative")
    sizes = list(sample_sizes) if sample_sizes is not None else [None] * value.size
    flags = tuple(flag(sample_size=size, minimums=minimums) for size in sizes)
    return SurveyValues(value, np.clip(value - margin, 0, 100), np.clip(value + margin, 0, 100), flags)
