# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Uncertainty of indicator values: exact Poisson intervals, survey margins, small-number flags.

A police count is treated as one draw from a Poisson distribution; its 95 % interval is the exact
(Garwood) interval, and a rate shares the interval of its count divided by the denominator
(Ulm). A survey percentage comes with the margin its publisher computed (the Veiligheidsmonitor
publishes 95 % margins), which Kompas carries as given rather than recomputing without the design.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext_lazy as _
from scipy import stats

from kompas.indicators.vocabulary import Flag

DEFAULT_LEVEL = 0.95


class Method(StrEnum):
    """How an interval was obtained."""

    GARWOOD = "garwood"
    SURVEY_MARGIN = "survey_margin"
    NONE = "none"


FLAG_LABELS = {Flag.OK: "", Flag.SMALL_NUMBERS: _("te weinig waarnemingen")}


@dataclass(frozen=True)
class Interval:
    """A point estimate with its two-sided interval.

    ``estimate`` is in the unit of the value (count, rate per N, percentage); ``level`` is the
    confidence level (0,95); ``method`` says how the limits were obtained.
    """

    estimate: float
    ci_low: float
    ci_high: float
    level: float
    method: Method


@dataclass(frozen=True)
class IntervalArrays:
    """Vectorised :class:`Interval`: one element per area or period."""

    estimate: npt.NDArray[np.float64]
    ci_low: npt.NDArray[np.float64]
    ci_high: npt.NDArray[np.float64]
    level: float
    method: Method


@dataclass(frozen=True)
class Minimums:
    """Below these numbers a value carries the flag *te weinig waarnemingen*.

    ``count`` (default 10) applies to registered counts, which are still shown beside the flag.
    ``survey_n`` applies to survey values whose number of respondents is known: below it the
    value is withheld altogether (:mod:`kompas.indicators.minimum_n`). Its default of 30 is the
    setting ``SURVEY_MIN_N``: at n = 30 the 95 % margin of a percentage near 50 % is already ±18
    points, and the normal approximation behind a published margin is not trusted below it. The
    Veiligheidsmonitor aims at 300 respondents per gemeente of 70.000+, but publishes wijk figures
    on fewer, with their wider margin; those stay visible with that margin.
    """

    count: int = 10
    survey_n: int = 30


def _as_counts(counts: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Return ``counts`` as floats after checking they are whole and not negative."""
    values = np.asarray(counts, dtype=np.float64)
    finite = values[np.isfinite(values)]
    if np.any(finite < 0) or np.any(finite != np.round(finite)):
        raise ValueError("Poisson counts must be whole numbers ≥ 0")
    return values


def garwood_limits(counts: npt.ArrayLike, level: float = DEFAULT_LEVEL) -> IntervalArrays:
    """Exact two-sided Poisson limits for the expected value of each observed count.

    Parameters
    ----------
    counts : array_like
        Observed counts (whole numbers ≥ 0); NaN stays NaN.
    level : float
        Confidence level, default 0,95.

    Returns
    -------
    IntervalArrays
        ``estimate`` is the count itself; ``ci_low = χ²(α/2; 2x)/2`` (0 for x = 0) and
        ``ci_high = χ²(1 − α/2; 2x + 2)/2``, with α = 1 − level.

    Notes
    -----
    The interval inverts two one-sided exact Poisson tests, H0: μ = μ0 against μ > μ0 and
    μ < μ0, each at α/2, using the identity between the Poisson distribution function and the
    χ² distribution [Garwood1936]_. It is conservative: coverage is at least ``level`` for
    every μ. For x = 0 the upper limit is −ln(α/2) = 3,689 at 95 %.

    References
    ----------
    .. [Garwood1936] Garwood, F. (1936). Fiducial limits for the Poisson distribution.
       *Biometrika* 28(3/4), 437-442. (``garwood1936`` in docs/references.bib)
    """
    values = _as_counts(counts)
    alpha = 1.0 - level
    # Counts repeat a lot (most buurt-months have a handful of events): evaluate the χ² quantiles
    # once per distinct count.
    distinct, position = np.unique(values, return_inverse=True)
    with np.errstate(invalid="ignore"):
        low = np.where(distinct > 0, stats.chi2.ppf(alpha / 2, 2 * distinct) / 2, 0.0)
        high = stats.chi2.ppf(1 - alpha / 2, 2 * distinct + 2) / 2
    low = np.where(np.isnan(distinct), np.nan, low)
    shape = values.shape
    return IntervalArrays(
        values,
        low.astype(np.float64)[position].reshape(shape),
        high.astype(np.float64)[position].reshape(shape),
        level,
        Method.GARWOOD,
    )


def garwood_count(count: int, level: float = DEFAULT_LEVEL) -> Interval:
    """Exact Poisson interval of one count; see :func:`garwood_limits`."""
    limits = garwood_limits([count], level)
    return Interval(float(count), float(limits.ci_low[0]), float(limits.ci_high[0]), level, Method.GARWOOD)


def garwood_rate(
    count: int, denominator: float, per: float = 1000.0, level: float = DEFAULT_LEVEL
) -> Interval:
    """Exact Poisson interval of a rate ``per × count / denominator``.

    The denominator (inhabitants, dwellings) is taken as known without error, so the limits of
    the count are divided by it, as for a standardised mortality ratio [Ulm1990]_.

    References
    ----------
    .. [Ulm1990] Ulm, K. (1990). A simple method to calculate the confidence interval of a
       standardized mortality ratio (SMR). *American Journal of Epidemiology* 131(2), 373-375.
       (``ulm1990`` in docs/references.bib)
    """
    if denominator <= 0:
        raise ValueError("the denominator of a rate must be positive")
    limits = garwood_limits([count], level)
    scale = per / denominator
    return Interval(
        count * scale,
        float(limits.ci_low[0]) * scale,
        float(limits.ci_high[0]) * scale,
        level,
        Method.GARWOOD,
    )


def rate_limits(
    numerators: npt.ArrayLike, denominators: npt.ArrayLike, per: float = 1000.0, level: float = DEFAULT_LEVEL
) -> IntervalArrays:
    """Vectorised :func:`garwood_rate`; a denominator ≤ 0 or missing gives NaN."""
    counts = garwood_limits(numerators, level)
    den = np.asarray(denominators, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(den > 0, per / den, np.nan)
    return IntervalArrays(
        counts.estimate * scale, counts.ci_low * scale, counts.ci_high * scale, level, Method.GARWOOD
    )


def survey_interval(percentage: float, margin: float, level: float = DEFAULT_LEVEL) -> Interval:
    """Carry a published survey percentage and its margin as an interval, clipped to [0, 100].

    The margin (half-width of the publisher's interval, in percentage points) is used as given:
    without the sampling design and weights it cannot be recomputed honestly.
    """
    if margin < 0:
        raise ValueError("a margin cannot be negative")
    low = max(0.0, percentage - margin)
    high = min(100.0, percentage + margin)
    return Interval(percentage, low, high, level, Method.SURVEY_MARGIN)


def small_numbers(
    count: float | None = None, sample_size: int | None = None, minimums: Minimums | None = None
) -> bool:
    """Return whether a value rests on too few observations to be shown without a warning.

    A count below ``minimums.count`` or a known survey sample below ``minimums.survey_n`` is
    too small; an unknown sample size is not flagged (the publisher already suppressed values
    it considered unreliable, and a figure without n cannot be judged: ``kompas figures check``
    does not invent one).
    """
    limits = minimums or Minimums()
    if count is not None and count < limits.count:
        return True
    return sample_size is not None and sample_size < limits.survey_n


def flag(
    count: float | None = None, sample_size: int | None = None, minimums: Minimums | None = None
) -> Flag:
    """Return :attr:`Flag.SMALL_NUMBERS` or :attr:`Flag.OK`; see :func:`small_numbers`."""
    return Flag.SMALL_NUMBERS if small_numbers(count, sample_size, minimums) else Flag.OK
