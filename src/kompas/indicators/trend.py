# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Trends: percentage change per year of a count series, and changes of survey percentages.

A count series (burglaries per year in a wijk, E33 incidents per month in a gemeente) is fitted
with a log-linear Poisson regression whose offset is the log of the denominator, so the slope is
a change in the *rate* even when the population grows. When the counts vary more than a Poisson
model allows (overdispersion), the same model is fitted as a negative binomial (NB2) regression,
which widens the interval instead of reporting false certainty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import statsmodels.api as sm
from scipy import stats

DEFAULT_LEVEL = 0.95
MIN_PERIODS = 3


class TrendMethod(StrEnum):
    """The model a trend was estimated with."""

    POISSON = "poisson_glm"
    NEGATIVE_BINOMIAL = "negative_binomial_glm"


class OverdispersionRule(StrEnum):
    """When to switch from Poisson to negative binomial."""

    PEARSON = "pearson"
    CAMERON_TRIVEDI = "cameron_trivedi"


@dataclass(frozen=True)
class DispersionTest:
    """Overdispersion diagnostics of the Poisson fit.

    ``pearson_ratio`` is Pearson χ² / residual degrees of freedom (1 under the Poisson model);
    ``alpha`` the NB2 dispersion estimated by the Cameron-Trivedi auxiliary regression,
    ``statistic`` its t value and ``p_value`` the one-sided p-value for H1: α > 0.
    """

    pearson_ratio: float
    alpha: float
    statistic: float
    p_value: float
    overdispersed: bool


@dataclass(frozen=True)
class Trend:
    """Change per year of a rate, with its interval and the test of "no change"."""

    pct_per_year: float
    ci_low: float
    ci_high: float
    p_value: float
    method: TrendMethod
    dispersion: DispersionTest
    n_periods: int
    level: float


@dataclass(frozen=True)
class SurveyChange:
    """Difference between two survey percentages and whether it exceeds the combined margins."""

    difference: float
    combined_margin: float
    exceeds_margin: bool
    method: str = "combined_margins"


def decimal_years(dates: Sequence[dt.date]) -> npt.NDArray[np.float64]:
    """Express period starts in years, so a slope is per year for any granularity.

    ``2015-01-01`` → 2015,0; ``2015-07-01`` → 2015,5 (months count as twelfths).
    """
    return np.asarray([d.year + (d.month - 1) / 12 + (d.day - 1) / 365.25 for d in dates], dtype=np.float64)


def dispersion_test(
    counts: npt.NDArray[np.float64],
    fitted: npt.NDArray[np.float64],
    df_resid: int,
    rule: OverdispersionRule = OverdispersionRule.PEARSON,
    threshold: float = 1.5,
) -> DispersionTest:
    """Test a Poisson fit for overdispersion and decide whether to use a negative binomial.

    Parameters
    ----------
    counts, fitted : numpy.ndarray
        Observed counts y and fitted Poisson means μ.
    df_resid : int
        Residual degrees of freedom of the Poisson fit (periods − 2).
    rule : OverdispersionRule
        ``pearson`` (default): overdispersed when Pearson χ²/df > ``threshold`` (1,5), a
        robust rule for the short series of municipal data. ``cameron_trivedi``:
        overdispersed when the one-sided p-value of the auxiliary regression is < ``threshold``
        (pass e.g. 0,05).

    Notes
    -----
    Cameron and Trivedi's auxiliary regression ``((y − μ)² − y)/μ = α μ + ε`` (no intercept)
    tests H0: var(y) = μ against H1: var(y) = μ + α μ² (NB2); its t value is asymptotically
    standard normal under H0, and α̂ is a consistent moment estimate of the NB2 dispersion
    [CameronTrivedi1990]_.

    References
    ----------
    .. [CameronTrivedi1990] Cameron, A. C. and Trivedi, P. K. (1990). Regression-based tests for
       overdispersion in the Poisson model. *Journal of Econometrics* 46(3), 347-364.
       (``cameron1990`` in docs/references.bib)
    """
    pearson = float(np.sum((counts - fitted) ** 2 / fitted)) / df_resid
    response = ((counts - fitted) ** 2 - counts) / fitted
    sum_sq = float(np.sum(fitted**2))
    alpha = float(np.sum(response * fitted) / sum_sq)
    variance = float(np.sum((response - alpha * fitted) ** 2)) / (counts.size - 1)
    statistic = alpha / np.sqrt(variance / sum_sq) if variance > 0 else float(np.sign(alpha)) * np.inf
    p_value = float(stats.norm.sf(statistic))
    overdispersed = pearson > threshold if rule is OverdispersionRule.PEARSON else p_value < threshold
    return DispersionTest(pearson, alpha, float(statistic), p_value, overdispersed and alpha > 0)


def count_trend(
    counts: npt.ArrayLike,
    times: npt.ArrayLike,
    exposure: npt.ArrayLike | None = None,
    *,
    rule: OverdispersionRule = OverdispersionRule.PEARSON,
    threshold: float = 1.5,
    level: float = DEFAULT_LEVEL,
) -> Trend | None:
    """Estimate the percentage change per year of a rate from its counts.

    Parameters
    ----------
    counts : array_like
        Counts per period (numerators).
    times : array_like
        Period starts in years (:func:`decimal_years`); the slope is per year.
    exposure : array_like, optional
        Denominators per period (inhabitants, dwellings); omitted for a plain count series.
    rule, threshold
        The overdispersion rule of :func:`dispersion_test`.
    level : float
        Confidence level of the interval.

    Returns
    -------
    Trend or None
        None when fewer than three periods have a positive denominator or all counts are 0.

    Notes
    -----
    Model: ``log E[y_t] = log(exposure_t) + β0 + β1 (t − t̄)``, y_t Poisson, fitted by maximum
    likelihood (IRLS) [McCullaghNelder1989]_. If :func:`dispersion_test` finds overdispersion
    the model is refitted with an NB2 variance μ + α μ² with α from the Cameron-Trivedi
    regression. ``pct_per_year = 100 (exp β1 − 1)`` with the Wald interval
    ``100 (exp(β1 ± z se) − 1)``; ``p_value`` is the two-sided Wald test of H0: β1 = 0.

    References
    ----------
    .. [McCullaghNelder1989] McCullagh, P. and Nelder, J. A. (1989). *Generalized Linear
       Models*, 2nd ed. Chapman & Hall. (``mccullagh1989`` in docs/references.bib)
    """
    y, t, offset = _usable(counts, times, exposure)
    if y.size < MIN_PERIODS or not np.any(y > 0):
        return None
    design = np.column_stack([np.ones_like(t), t - t.mean()])
    poisson = sm.GLM(y, design, family=sm.families.Poisson(), offset=offset).fit()
    test = dispersion_test(y, poisson.fittedvalues, int(poisson.df_resid), rule, threshold)
    fit, method = poisson, TrendMethod.POISSON
    if test.overdispersed:
        family = sm.families.NegativeBinomial(alpha=test.alpha)
        fit, method = sm.GLM(y, design, family=family, offset=offset).fit(), TrendMethod.NEGATIVE_BINOMIAL
    return _trend(fit, method, test, y.size, level)


def _usable(
    counts: npt.ArrayLike, times: npt.ArrayLike, exposure: npt.ArrayLike | None
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Keep the periods with a count and a positive denominator; return y, t and log(exposure)."""
    y = np.asarray(counts, dtype=np.float64)
    t = np.asarray(times, dtype=np.float64)
    den = np.ones_like(y) if exposure is None else np.asarray(exposure, dtype=np.float64)
    if not y.shape == t.shape == den.shape:
        raise ValueError("counts, times and exposure must have the same length")
    keep = np.isfinite(y) & np.isfinite(t) & np.isfinite(den) & (den > 0)
    return y[keep], t[keep], np.log(den[keep])


def _trend(fit: object, method: TrendMethod, test: DispersionTest, periods: int, level: float) -> Trend:
    """Turn the slope of a fitted log-linear model into a percentage change per year."""
    slope = float(fit.params[1])  # type: ignore[attr-defined]  # statsmodels results are untyped
    error = float(fit.bse[1])  # type: ignore[attr-defined]  # statsmodels results are untyped
    z = float(stats.norm.ppf(0.5 + level / 2))
    p_value = float(2 * stats.norm.sf(abs(slope / error))) if error > 0 else 0.0
    return Trend(
        pct_per_year=100 * float(np.expm1(slope)),
        ci_low=100 * float(np.expm1(slope - z * error)),
        ci_high=100 * float(np.expm1(slope + z * error)),
        p_value=p_value,
        method=method,
        dispersion=test,
        n_periods=periods,
        level=level,
    )


def survey_change(first: float, first_margin: float, second: float, second_margin: float) -> SurveyChange:
    """Decide whether two survey percentages differ by more than their combined margins.

    The difference ``second − first`` (percentage points) is significant at the margins' level
    when ``|difference| > √(m1² + m2²)``. For independent samples the standard error of a
    difference is √(se1² + se2²), so the combined margin is the margin of the difference; the
    common shortcut "the intervals do not overlap" (|d| > m1 + m2) is too strict
    [SchenkerGentleman2001]_. A difference exactly equal to the margin is not significant.

    References
    ----------
    .. [SchenkerGentleman2001] Schenker, N. and Gentleman, J. F. (2001). On judging the
       significance of differences by examining the overlap between confidence intervals.
       *The American Statistician* 55(3), 182-186. (``schenker2001`` in docs/references.bib)
    """
    if first_margin < 0 or second_margin < 0:
        raise ValueError("a margin cannot be negative")
    difference = second - first
    combined = float(np.hypot(first_margin, second_margin))
    return SurveyChange(difference, combined, abs(difference) > combined)
