# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The trend model of :mod:`kompas.indicators.trend`, fitted for thousands of series at once.

A national computation has a trend per indicator × buurt: well over 100.000 series. Fitting each
with statsmodels takes milliseconds; here all series are fitted together by Fisher scoring on
arrays (one row per series, missing periods masked), which gives the same maximum-likelihood
estimates and Wald intervals as :func:`kompas.indicators.trend.count_trend` (the tests compare
both). The model, the overdispersion rule and the negative binomial refit are the same:

``log E[y_t] = log(exposure_t) + β0 + β1 (t − t̄)``; Poisson; if Pearson χ²/df > 1,5 (and the
Cameron-Trivedi α̂ > 0) refit as NB2 with variance μ + α̂μ².
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import stats

from kompas.indicators.trend import MIN_PERIODS, OverdispersionRule

FloatArray = npt.NDArray[np.float64]
MAX_ITERATIONS = 100
TOLERANCE = 1e-10
MAX_LINEAR_PREDICTOR = 700.0  # exp(700) is still a finite double


@dataclass(frozen=True)
class TrendArrays:
    """Trends of many series; NaN where a series has no trend.

    ``negative_binomial`` says which series were refitted; ``n_periods`` counts the periods
    used (a count and a positive exposure).
    """

    pct_per_year: FloatArray
    ci_low: FloatArray
    ci_high: FloatArray
    p_value: FloatArray
    pearson_ratio: FloatArray
    alpha: FloatArray
    negative_binomial: npt.NDArray[np.bool_]
    n_periods: npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Fit:
    slope: FloatArray
    slope_se: FloatArray
    fitted: FloatArray
    converged: npt.NDArray[np.bool_]


def count_trends(
    counts: FloatArray,
    times: FloatArray,
    exposure: FloatArray | None = None,
    *,
    rule: OverdispersionRule = OverdispersionRule.PEARSON,
    threshold: float = 1.5,
    level: float = 0.95,
) -> TrendArrays:
    """Estimate the percentage change per year of every series (rows of ``counts``).

    Parameters
    ----------
    counts, times : numpy.ndarray
        Shape (series, periods); NaN marks a missing period. ``times`` in decimal years.
    exposure : numpy.ndarray, optional
        Denominators of the same shape; periods without a positive denominator are left out.
    rule, threshold, level
        As in :func:`kompas.indicators.trend.count_trend`.

    Notes
    -----
    Fisher scoring for a log-linear model with a fixed NB2 dispersion α (α = 0: Poisson): score
    ``Σ (y − μ)/(1 + αμ) x`` and expected information ``Σ μ/(1 + αμ) x xᵀ``; the 2 × 2 system
    is solved in closed form for all series at once. The standard error of β1 comes from the
    inverse information at the estimate, as statsmodels' GLM reports it (scale fixed at 1)
    [McCullaghNelder1989]_. Series that do not converge (all events in one period after zeros,
    where the estimate runs off to infinity) get no trend.

    References
    ----------
    .. [McCullaghNelder1989] McCullagh, P. and Nelder, J. A. (1989). *Generalized Linear
       Models*, 2nd ed. Chapman & Hall. (``mccullagh1989`` in docs/references.bib)
    """
    y = np.asarray(counts, dtype=np.float64)
    t = np.asarray(times, dtype=np.float64)
    den = np.ones_like(y) if exposure is None else np.asarray(exposure, dtype=np.float64)
    used = np.isfinite(y) & np.isfinite(t) & np.isfinite(den) & (den > 0)
    n = used.sum(axis=1)
    usable = (n >= MIN_PERIODS) & (np.where(used, y, 0) > 0).any(axis=1)
    y = np.where(used, y, 0.0)
    offset = np.where(used, np.log(np.where(used, den, 1.0)), 0.0)
    weight = used.astype(np.float64)
    centre = np.where(n > 0, (np.where(used, t, 0).sum(axis=1)) / np.maximum(n, 1), 0.0)
    x = np.where(used, t - centre[:, None], 0.0)
    poisson = _fit(y, x, offset, weight, np.zeros(y.shape[0]))
    pearson, alpha, p_alpha = _dispersion(y, poisson.fitted, weight, n)
    over = pearson > threshold if rule is OverdispersionRule.PEARSON else p_alpha < threshold
    over &= alpha > 0
    fit = poisson
    if (over & usable).any():
        negative = _fit(y, x, offset, weight, np.where(over, alpha, 0.0))
        fit = _Fit(
            np.where(over, negative.slope, poisson.slope),
            np.where(over, negative.slope_se, poisson.slope_se),
            poisson.fitted,
            np.where(over, negative.converged, poisson.converged),
        )
    return _result(fit, usable & fit.converged, pearson, alpha, over, n, level)


def _fit(y: FloatArray, x: FloatArray, offset: FloatArray, weight: FloatArray, alpha: FloatArray) -> _Fit:
    """Fisher scoring for (β0, β1) of every series with NB2 dispersion ``alpha`` (0: Poisson)."""
    total = (weight * y).sum(axis=1)
    exposure = (weight * np.exp(offset)).sum(axis=1)
    b0 = np.log(np.where(total > 0, total, 1.0) / np.where(exposure > 0, exposure, 1.0))
    b1 = np.zeros_like(b0)
    a = alpha[:, None]
    converged = np.zeros(y.shape[0], dtype=bool)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _iteration in range(MAX_ITERATIONS):
            mu = np.exp(np.minimum(offset + b0[:, None] + b1[:, None] * x, MAX_LINEAR_PREDICTOR))
            scale = weight / (1.0 + a * mu)
            residual = scale * (y - mu)
            info = scale * mu
            g0, g1 = residual.sum(axis=1), (residual * x).sum(axis=1)
            h00, h01, h11 = info.sum(axis=1), (info * x).sum(axis=1), (info * x * x).sum(axis=1)
            det = h00 * h11 - h01 * h01
            step0 = (h11 * g0 - h01 * g1) / det
            step1 = (h00 * g1 - h01 * g0) / det
            step0, step1 = np.where(converged, 0.0, step0), np.where(converged, 0.0, step1)
            b0, b1 = b0 + np.nan_to_num(step0), b1 + np.nan_to_num(step1)
            converged |= (np.abs(step0) < TOLERANCE * (1 + np.abs(b0))) & (
                np.abs(step1) < TOLERANCE * (1 + np.abs(b1))
            )
            if converged.all():
                break
        mu = np.exp(np.minimum(offset + b0[:, None] + b1[:, None] * x, MAX_LINEAR_PREDICTOR))
        info = weight / (1.0 + a * mu) * mu
        h00, h01, h11 = info.sum(axis=1), (info * x).sum(axis=1), (info * x * x).sum(axis=1)
        se = np.sqrt(h00 / (h00 * h11 - h01 * h01))
    return _Fit(b1, se, mu * weight, converged & np.isfinite(se))


def _dispersion(
    y: FloatArray, fitted: FloatArray, weight: FloatArray, n: npt.NDArray[np.int64]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Pearson χ²/df and the Cameron-Trivedi α̂ with its one-sided p-value, per series."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        mu = np.where(weight > 0, fitted, 1.0)
        pearson = (weight * (y - mu) ** 2 / mu).sum(axis=1) / (n - 2)
        response = weight * ((y - mu) ** 2 - y) / mu
        sum_sq = (weight * mu**2).sum(axis=1)
        alpha = (response * mu * weight).sum(axis=1) / sum_sq
        variance = (weight * (response - alpha[:, None] * mu) ** 2).sum(axis=1) / (n - 1)
        statistic = np.where(variance > 0, alpha / np.sqrt(variance / sum_sq), np.sign(alpha) * np.inf)
    return pearson, alpha, stats.norm.sf(statistic)


def _result(
    fit: _Fit,
    valid: npt.NDArray[np.bool_],
    pearson: FloatArray,
    alpha: FloatArray,
    negative: npt.NDArray[np.bool_],
    n: npt.NDArray[np.int64],
    level: float,
) -> TrendArrays:
    z = float(stats.norm.ppf(0.5 + level / 2))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        p_value = np.where(fit.slope_se > 0, 2 * stats.norm.sf(np.abs(fit.slope / fit.slope_se)), 0.0)

        def masked(values: FloatArray) -> FloatArray:
            return np.where(valid, values, np.nan)

        return TrendArrays(
            pct_per_year=masked(100 * np.expm1(fit.slope)),
            ci_low=masked(100 * np.expm1(fit.slope - z * fit.slope_se)),
            ci_high=masked(100 * np.expm1(fit.slope + z * fit.slope_se)),
            p_value=masked(p_value),
            pearson_ratio=masked(pearson),
            alpha=masked(alpha),
            negative_binomial=valid & negative,
            n_periods=n,
        )
