# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The baseline model of farringtonFlexible for a batch of fits: fit, reweight, trend, predict.

Per fit (one series at one period) a quasi-Poisson regression on the seasonal level and,
optionally, a time trend is fitted to the baseline; baseline periods with a standardised
Anscombe residual above ``weightsThreshold`` are down-weighted and the model refitted
(Farrington et al., 1996). The trend is kept only if it is significant at ``pThresholdTrend``,
``b >= 3`` and its prediction does not exceed the largest baseline count; otherwise the model
is refitted without trend. A fit whose first model does not converge is tried without trend,
and gives no prediction when that does not converge either, as in R.

References
----------
Farrington, C. P., Andrews, N. J., Beale, A. D. and Catchpole, M. A. (1996). A statistical
algorithm for the early detection of outbreaks of infectious disease. *JRSS A* 159, 547-563.

Salmon, M., Schumacher, D. and Höhle, M. (2016). Monitoring count time series in R: aberration
detection in public health surveillance. *Journal of Statistical Software* 70(10).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import special

from kompas.alerts.glm import EPS, QuasiPoissonFit, fit_quasipoisson, leverages, quadratic_form
from kompas.alerts.glm_design import SeasonalDesign
from kompas.alerts.series import BoolArray, FloatArray

if TYPE_CHECKING:
    from kompas.alerts.farrington import FarringtonControl

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Batch:
    """The baseline data of a batch of fits (one per series × period)."""

    series: IntArray
    periods: IntArray
    y: FloatArray
    used: BoolArray
    levels: IntArray
    wtime: FloatArray
    offset: FloatArray
    wtime_now: FloatArray
    offset_now: FloatArray
    observed: FloatArray
    enough_cases: BoolArray
    max_response: FloatArray = field(init=False)

    def __post_init__(self) -> None:
        """Derive the largest baseline count, the bound on the trend's extrapolation."""
        object.__setattr__(self, "max_response", np.max(np.where(self.used, self.y, -np.inf), axis=1))

    def take(self, index: IntArray) -> Batch:
        """Return the batch of the fits ``index``."""
        parts = {
            name: getattr(self, name)[index] for name in self.__dataclass_fields__ if name != "max_response"
        }
        return Batch(**parts)


def _seasonal_design(batch: Batch, no_periods: int, with_trend: bool) -> SeasonalDesign:
    """Return the model's covariates: the seasonal level and, optionally, ``wtime``."""
    return SeasonalDesign.of(batch.levels, no_periods, batch.wtime if with_trend else None)


@dataclass(frozen=True)
class _Model:
    """A fitted baseline model as farringtonFlexible keeps it.

    ``dispersion`` is what ``summary.glm`` reports for R's model object, which after
    reweighting carries the Anscombe weights in place of the working weights: then
    ``sum(omega * ((y - mu) / mu)^2) / df``. R uses it for the trend's t test and the
    prediction's standard error; ``phi`` (at least 1) is the proper estimate, used in the
    threshold.
    """

    fit: QuasiPoissonFit
    converged: BoolArray
    dispersion: FloatArray
    phi: FloatArray


def _at_least_one(dispersion: FloatArray) -> FloatArray:
    """Return R's ``max(dispersion, 1)``, which stays NaN for NaN."""
    return np.where(np.isnan(dispersion), np.nan, np.maximum(dispersion, 1.0))


def _fit_reweighted(
    batch: Batch, design: SeasonalDesign, index: npt.NDArray[np.intp], control: FarringtonControl
) -> _Model:
    """Fit the fits ``index``, then refit with Anscombe weights (Farrington et al., 1996)."""
    design, y, used, offset = design.subset(index), batch.y[index], batch.used[index], batch.offset[index]
    first = fit_quasipoisson(design, y, used.astype(np.float64), offset)
    phi = _at_least_one(first.dispersion)
    if not control.reweight:
        return _Model(first, first.converged, first.dispersion, phi)
    weights = _anscombe_weights(
        y, first.fitted, phi, leverages(first, design), used, control.weights_threshold
    )
    second = fit_quasipoisson(design, y, weights, offset)
    with np.errstate(divide="ignore", invalid="ignore"):
        residuals = (y - second.fitted) / second.fitted
        reported = np.sum(weights * residuals**2, axis=1) / second.df_residual
    reported[second.df_residual <= 0] = np.nan
    return _Model(second, first.converged, reported, _at_least_one(second.dispersion))


def _anscombe_weights(
    y: FloatArray, mu: FloatArray, phi: FloatArray, hat: FloatArray, used: BoolArray, threshold: float
) -> FloatArray:
    """Return Farrington's weights: ``gamma / s^2`` above the threshold, ``gamma`` below it.

    ``s`` is the standardised Anscombe residual; ``gamma`` makes the weights sum to the number
    of baseline periods.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        root = np.cbrt(mu)
        s = 1.5 * (np.cbrt(y) ** 2 / np.sqrt(root) - np.sqrt(mu)) / np.sqrt(phi[:, None] * (1 - hat))
        large = used & (s > threshold)
        inverse_square = np.where(large, 1 / (s * s), 1.0)
        gamma = used.sum(axis=1) / np.sum(np.where(used, inverse_square, 0.0), axis=1)
    return np.where(used, gamma[:, None] * inverse_square, 0.0)


@dataclass(frozen=True)
class Prediction:
    """Per fit: the linear predictor at the current period, its standard error and φ."""

    eta: FloatArray
    se_link: FloatArray
    phi: FloatArray

    @classmethod
    def empty(cls, size: int) -> Prediction:
        """Return a prediction that is missing for every fit."""
        return cls(np.full(size, np.nan), np.full(size, np.nan), np.full(size, np.nan))

    def take(self, index: IntArray) -> Prediction:
        """Return the predictions of the fits ``index``."""
        return Prediction(self.eta[index], self.se_link[index], self.phi[index])

    def update(self, chosen: BoolArray, other: Prediction) -> None:
        """Take ``other``'s values where ``chosen``."""
        for name in ("eta", "se_link", "phi"):
            getattr(self, name)[chosen] = getattr(other, name)[chosen]


def _predict(
    model: _Model, batch: Batch, index: npt.NDArray[np.intp], no_periods: int, with_trend: bool
) -> Prediction:
    """Predict the current period (level ``noPeriods``) as ``predict.glm(..., se.fit = TRUE)``.

    The result covers all fits of the batch; those outside ``index`` stay missing.
    """
    fit = model.fit
    time = batch.wtime_now[index, None] if with_trend else None
    eta = fit.level_coef[:, no_periods - 1] + batch.offset_now[index]
    if time is not None:
        eta = eta + fit.trend_coef * time[:, 0]
    levels = np.full((len(index), 1), no_periods, dtype=np.int64)
    variance = model.dispersion * quadratic_form(fit, levels, time)[:, 0]
    prediction = Prediction.empty(len(batch.series))
    prediction.eta[index], prediction.se_link[index], prediction.phi[index] = (
        eta,
        np.sqrt(variance),
        model.phi,
    )
    return prediction


def choose_model(batch: Batch, control: FarringtonControl) -> tuple[Prediction, BoolArray, BoolArray]:
    """Fit with trend, keep it if R would, else refit without; return prediction and flags."""
    fits, p = len(batch.series), control.no_periods
    final = Prediction.empty(fits)
    trend_used = np.zeros(fits, dtype=bool)
    if control.trend:
        everyone = np.arange(fits)
        model = _fit_reweighted(batch, _seasonal_design(batch, p, with_trend=True), everyone, control)
        prediction = _predict(model, batch, everyone, p, with_trend=True)
        trend_used = model.converged & _trend_is_kept(model, prediction.eta, batch, control)
        final.update(trend_used, prediction)
    fitted = trend_used.copy()
    index = np.flatnonzero(~trend_used)
    if index.size:
        model = _fit_reweighted(batch, _seasonal_design(batch, p, with_trend=False), index, control)
        prediction = _predict(model, batch, index, p, with_trend=False)
        fitted[index[model.converged]] = True
        final.update(fitted & ~trend_used, prediction)
    return final, trend_used, fitted


def _trend_is_kept(model: _Model, eta: FloatArray, batch: Batch, control: FarringtonControl) -> BoolArray:
    """Keep the trend if significant, ``b >= 3`` and not extrapolating beyond the baseline."""
    fit = model.fit
    with np.errstate(divide="ignore", invalid="ignore"):
        t_value = fit.trend_coef / np.sqrt(model.dispersion * fit.var_trend)
        p_value: FloatArray = 2 * special.stdtr(fit.df_residual, -np.abs(t_value))
    extrapolates = np.maximum(np.exp(eta), EPS) > batch.max_response
    return (control.b >= 3) & (p_value < control.p_threshold_trend) & ~extrapolates
