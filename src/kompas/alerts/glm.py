# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Quasi-Poisson regressions on a seasonal factor and a linear trend, thousands at once.

Farrington's algorithm fits one small model per series and period, ``log E[y] = offset +
beta[level] + gamma * t``: tens of thousands per run. Fitting them one by one (as R does, or
with statsmodels) spends nearly all the time in per-call overhead. This module runs
iteratively reweighted least squares (IRLS) on a whole batch, every array carrying the fits
along its first axis, and uses the shape of the model twice:

* the level columns are orthogonal, so ``X'WX`` is an arrowhead matrix whose system and
  inverse have a closed form (a Schur complement in the trend);
* after the first iteration every fitted value is ``exp(beta[level]) * exp(gamma t + offset)``,
  so the sums IRLS needs per level follow from three sums of ``exp(gamma t + offset)`` per
  level. Without a trend these never change and an iteration costs nothing per data row.
  That matters: a level whose counts are all zero never converges (its coefficient drifts
  towards minus infinity), so such fits run all 25 iterations, as in R.

The iteration is the one of R's ``glm.fit`` (McCullagh and Nelder, 1989, section 2.5), with
its details, because Kompas must reproduce R surveillance to 1e-6: start at ``mu = y + 0.1``;
stop when the relative change in deviance ``|D - D_old| / (|D| + 0.1)`` falls below 1e-8, at
most 25 iterations; the working weights and hence the covariance, leverages and dispersion
come from the last iteration. A level without any observation is aliased: its coefficient is
0 and it does not count in the rank, as in R. R bounds fitted values below by the machine
epsilon; a fit that reaches that bound (a linear predictor below -36) is reported as not
converged rather than approximated.

References
----------
McCullagh, P. and Nelder, J. A. (1989). *Generalized Linear Models*, 2nd ed. Chapman & Hall.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kompas.alerts.glm_design import SeasonalDesign

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
Index = npt.NDArray[np.intp]
EPS = float(np.finfo(np.float64).eps)
LOG_EPS = float(np.log(EPS))


@dataclass(frozen=True)
class QuasiPoissonFit:
    """A batch of fitted models (first axis: the fit).

    ``level_coef`` (fits, levels) and ``trend_coef`` (0 without trend) are the coefficients;
    ``var_level``, ``cov_level_trend`` and ``var_trend`` the needed entries of
    ``(X'WX)^-1`` of the last iteration. ``dispersion`` is the Pearson estimate
    ``sum(w r^2) / df_residual`` (``NaN`` without residual degrees of freedom).
    """

    level_coef: FloatArray
    trend_coef: FloatArray
    var_level: FloatArray
    cov_level_trend: FloatArray
    var_trend: FloatArray
    fitted: FloatArray
    working_weights: FloatArray
    dispersion: FloatArray
    df_residual: FloatArray
    converged: BoolArray


@dataclass(frozen=True)
class _Normal:
    """The normal equations ``X'WX b = X'Wz`` of one step, by the arrowhead's parts."""

    level: FloatArray
    cross: FloatArray
    schur: FloatArray
    level_rhs: FloatArray
    trend_rhs: FloatArray
    trend: bool = True

    def solve(self) -> tuple[FloatArray, FloatArray]:
        """Return level and trend coefficients; aliased levels get 0."""
        with np.errstate(divide="ignore", invalid="ignore"):
            if not self.trend:
                return np.where(self.level > 0, self.level_rhs / self.level, 0.0), np.zeros(len(self.level))
            ratio = np.where(self.level > 0, self.cross / self.level, 0.0)
            gamma = (self.trend_rhs - np.sum(ratio * self.level_rhs, axis=1)) / self.schur
            beta = np.where(self.level > 0, (self.level_rhs - self.cross * gamma[:, None]) / self.level, 0.0)
        return beta, gamma

    def take(self, index: Index) -> _Normal:
        """Return the equations of the fits ``index``."""
        return _Normal(
            self.level[index],
            self.cross[index],
            self.schur[index],
            self.level_rhs[index],
            self.trend_rhs[index],
            self.trend,
        )


@dataclass(frozen=True)
class _Data:
    """The response side of a batch and its fixed sums (per level, over time, over the offset)."""

    y: FloatArray
    prior: FloatArray
    offset: FloatArray | None
    level_total: FloatArray
    time_total: FloatArray
    offset_total: FloatArray
    constant: FloatArray

    @classmethod
    def of(cls, design: SeasonalDesign, y: FloatArray, prior: FloatArray, offset: FloatArray) -> _Data:
        """Return the data with ``sum(prior * (y log y - y))`` and the weighted totals of ``y``."""
        with np.errstate(divide="ignore", invalid="ignore"):
            y_log_y = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0)), 0.0)
        weighted = prior * y
        time_total = np.zeros(len(y)) if design.time is None else np.einsum("mn,mn->m", weighted, design.time)
        offset_total = np.einsum("mn,mn->m", weighted, offset)
        constant = np.sum(prior * (y_log_y - y), axis=1)
        return cls(
            y,
            prior,
            offset if np.any(offset) else None,
            design.per_level(weighted),
            time_total,
            offset_total,
            constant,
        )

    def subset(self, index: Index) -> _Data:
        """Return the data of the fits ``index``."""
        offset = None if self.offset is None else self.offset[index]
        return _Data(
            self.y[index],
            self.prior[index],
            offset,
            self.level_total[index],
            self.time_total[index],
            self.offset_total[index],
            self.constant[index],
        )


@dataclass(frozen=True)
class _Exposure:
    """Per level the sums ``sum(prior * e)``, ``sum(prior * e * t)``, ``sum(prior * e * t^2)``.

    ``e = exp(gamma t + offset - shift)``, where ``shift`` (per level) is the largest
    ``gamma t`` of the level: it keeps the sums finite when a diverging fit drives ``gamma``
    far out, and is added back to the level coefficient.
    """

    plain: FloatArray
    timed: FloatArray
    squared: FloatArray
    shift: FloatArray
    trend: bool

    @classmethod
    def of(cls, design: SeasonalDesign, data: _Data, gamma: FloatArray) -> _Exposure:
        """Compute the sums for the trend coefficients ``gamma`` (one pass over the rows)."""
        zero = np.zeros((len(gamma), design.n_levels))
        if design.time is None or design.time_range is None:
            exposure = data.prior if data.offset is None else data.prior * np.exp(data.offset)
            return cls(design.per_level(exposure), zero, zero, zero, trend=False)
        low, high = design.time_range
        with np.errstate(invalid="ignore"):
            shift = np.where(np.isfinite(low), np.maximum(gamma[:, None] * low, gamma[:, None] * high), 0.0)
        exponent = gamma[:, None] * design.time - design.row_values(shift)
        with np.errstate(over="ignore"):
            exposure = data.prior * np.exp(exponent if data.offset is None else exponent + data.offset)
        timed = exposure * design.time
        return cls(
            design.per_level(exposure),
            design.per_level(timed),
            design.per_level(timed * design.time),
            shift,
            trend=True,
        )

    def take(self, index: Index) -> _Exposure:
        """Return the sums of the fits ``index``."""
        return _Exposure(
            self.plain[index], self.timed[index], self.squared[index], self.shift[index], self.trend
        )

    def normal_equations(self, data: _Data, beta: FloatArray, gamma: FloatArray) -> _Normal:
        """Return the IRLS equations at ``(beta, gamma)``, where ``mu = exp(beta + shift) * e``."""
        if not self.trend:
            with np.errstate(over="ignore", invalid="ignore"):
                level = np.exp(beta) * self.plain
                level_rhs = (beta - 1) * level + data.level_total
            zeros = np.zeros(len(beta))
            return _Normal(level, self.timed, np.ones(len(beta)), level_rhs, zeros, trend=False)
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            scale = np.exp(beta + self.shift)
            within = np.where(self.plain > 0, self.squared - self.timed**2 / self.plain, 0.0)
            level_rhs = scale * ((beta - 1) * self.plain + gamma[:, None] * self.timed) + data.level_total
            trend_rhs = (
                np.sum(scale * ((beta - 1) * self.timed + gamma[:, None] * self.squared), axis=1)
                + data.time_total
            )
            schur = np.sum(scale * within, axis=1) if self.trend else np.ones(len(beta))
        return _Normal(scale * self.plain, scale * self.timed, schur, level_rhs, trend_rhs)

    def deviance(self, data: _Data, beta: FloatArray, gamma: FloatArray) -> FloatArray:
        """Return the Poisson deviance ``2 sum(prior (y log(y / mu) - (y - mu)))`` per fit."""
        with np.errstate(over="ignore", invalid="ignore"):
            fitted: FloatArray = np.sum(np.exp(beta + self.shift) * self.plain, axis=1)
        linear: FloatArray = (
            np.sum(data.level_total * beta, axis=1) + gamma * data.time_total + data.offset_total
        )
        return 2.0 * (data.constant + fitted - linear)


def _first_step(design: SeasonalDesign, data: _Data) -> tuple[_Normal, FloatArray]:
    """Return R's first IRLS equations, from ``mu = y + 0.1``, and the deviance there."""
    eta = np.log(data.y + 0.1)
    mu = np.maximum(np.exp(eta), EPS)
    weights = data.prior * mu
    weighted_z = weights * ((eta if data.offset is None else eta - data.offset) - 1.0) + data.prior * data.y
    level = design.per_level(weights)
    if design.time is None:
        zeros, ones = np.zeros_like(level), np.ones(len(level))
        normal = _Normal(level, zeros, ones, design.per_level(weighted_z), np.zeros(len(level)), trend=False)
    else:
        timed = weights * design.time
        cross = design.per_level(timed)
        with np.errstate(divide="ignore", invalid="ignore"):
            within = np.where(level > 0, cross**2 / level, 0.0)
        schur = np.einsum("mn,mn->m", timed, design.time) - np.sum(within, axis=1)
        normal = _Normal(
            level, cross, schur, design.per_level(weighted_z), np.einsum("mn,mn->m", weighted_z, design.time)
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.where(data.y > 0, data.y * np.log(np.where(data.y > 0, data.y, 1.0) / mu), 0.0)
    return normal, 2.0 * np.sum(data.prior * (log_ratio - (data.y - mu)), axis=1)


def fit_quasipoisson(
    design: SeasonalDesign,
    y: FloatArray,
    prior_weights: FloatArray,
    offset: FloatArray,
    *,
    epsilon: float = 1e-8,
    max_iterations: int = 25,
) -> QuasiPoissonFit:
    """Fit ``log E[y] = offset + beta[level] + gamma * time`` for every fit in the batch.

    Parameters
    ----------
    design
        Levels and optional time per fit and row.
    y, prior_weights, offset : array (fits, rows)
        Counts, prior weights and offsets; rows with prior weight 0 take no part.
    epsilon, max_iterations
        R's ``glm.control`` defaults.

    Returns
    -------
    QuasiPoissonFit
        ``converged`` is False where the deviance did not settle within ``max_iterations``.
    """
    data = _Data.of(design, y, prior_weights, offset)
    normal, dev_old = _first_step(design, data)
    state = _IrlsState(design, data, normal)
    active = np.ones(len(y), dtype=bool)
    converged = np.zeros(len(y), dtype=bool)
    for _ in range(max_iterations):
        dev = state.step()
        live = np.flatnonzero(active[state.work])
        index, dev = state.work[live], dev[live]
        done = np.abs(dev - dev_old[index]) / (np.abs(dev) + 0.1) < epsilon
        leaving = done | ~np.isfinite(dev)
        state.leave(live[leaving])
        converged[index[done]] = True
        active[index[leaving]] = False
        dev_old[index] = dev
        still = np.flatnonzero(active[state.work])
        if still.size == 0:
            break
        if 4 * still.size < 3 * state.work.size:
            state.shrink(still)
    state.leave(np.flatnonzero(active[state.work]))
    return state.finish(converged)


@dataclass(frozen=True)
class _Iterate:
    """Where IRLS stands: coefficients, their predecessors, the equations just solved
    (``last``, which give the covariance) and those of the next step (``pending``)."""

    beta: FloatArray
    gamma: FloatArray
    previous_beta: FloatArray
    previous_gamma: FloatArray
    iterations: IntArray
    last: _Normal
    pending: _Normal

    def take(self, index: Index) -> _Iterate:
        """Return the iterate of the fits ``index``."""
        return _Iterate(
            self.beta[index],
            self.gamma[index],
            self.previous_beta[index],
            self.previous_gamma[index],
            self.iterations[index],
            self.last.take(index),
            self.pending.take(index),
        )

    def put(self, index: Index, other: _Iterate) -> None:
        """Overwrite the fits ``index`` with ``other``."""
        for name in ("beta", "gamma", "previous_beta", "previous_gamma", "iterations"):
            getattr(self, name)[index] = getattr(other, name)
        for name in ("level", "cross", "schur", "level_rhs", "trend_rhs"):
            getattr(self.last, name)[index] = getattr(other.last, name)
            getattr(self.pending, name)[index] = getattr(other.pending, name)


class _IrlsState:
    """IRLS for a batch: a working set that iterates, and the saved iterate of each fit.

    A fit's iterate is saved when it leaves (converged, failed or out of iterations). The
    working set keeps iterating fits that have left until a quarter of it has, because taking
    subsets of the row arrays costs more than a few superfluous fits.
    """

    def __init__(self, design: SeasonalDesign, data: _Data, first: _Normal) -> None:
        fits = len(data.y)
        zeros = np.zeros((fits, design.n_levels))
        self.design, self.data = design, data
        self.current = _Iterate(
            zeros, np.zeros(fits), zeros, np.zeros(fits), np.zeros(fits, dtype=np.int64), first, first
        )
        self.saved = self.current.take(np.arange(fits))
        self.work, self.work_design, self.work_data = np.arange(fits), design, data
        # Without a trend the exposure sums do not depend on the coefficients.
        self.fixed = None if design.time is not None else _Exposure.of(design, data, np.zeros(fits))

    def step(self) -> FloatArray:
        """Run one IRLS iteration on the working set; return its deviance."""
        now = self.current
        beta, gamma = now.pending.solve()
        exposure = (
            self.fixed if self.fixed is not None else _Exposure.of(self.work_design, self.work_data, gamma)
        )
        following = exposure.normal_equations(self.work_data, beta, gamma)
        self.current = _Iterate(beta, gamma, now.beta, now.gamma, now.iterations + 1, now.pending, following)
        return exposure.deviance(self.work_data, beta, gamma)

    def leave(self, positions: Index) -> None:
        """Save the iterate of the fits at ``positions`` of the working set."""
        self.saved.put(self.work[positions], self.current.take(positions))

    def shrink(self, positions: Index) -> None:
        """Keep only the fits at ``positions`` in the working set."""
        self.work, self.current = self.work[positions], self.current.take(positions)
        self.work_design, self.work_data = (
            self.work_design.subset(positions),
            self.work_data.subset(positions),
        )
        self.fixed = None if self.fixed is None else self.fixed.take(positions)

    def _row_means(self, beta: FloatArray, gamma: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Return the linear predictor and fitted values of every row at ``(beta, gamma)``."""
        eta = self.design.linear_predictor(beta, gamma)
        if self.data.offset is not None:
            eta += self.data.offset
        return eta, np.maximum(np.exp(eta), EPS)

    def finish(self, converged: BoolArray) -> QuasiPoissonFit:
        """Return the fit with R's covariance, residual degrees of freedom and dispersion."""
        data, saved = self.data, self.saved
        last = saved.last
        eta, fitted = self._row_means(saved.beta, saved.gamma)
        _, previous = self._row_means(saved.previous_beta, saved.previous_gamma)
        start = np.maximum(np.exp(np.log(data.y + 0.1)), EPS)
        weights = data.prior * np.where(saved.iterations[:, None] > 1, previous, start)
        used = data.prior > 0
        bounded = np.any(used & (eta < LOG_EPS), axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(last.level > 0, last.cross / last.level, 0.0)
            var_level = np.where(last.level > 0, 1 / last.level, np.nan) + ratio**2 / last.schur[:, None]
            pearson = np.sum(np.where(used, weights * ((data.y - fitted) / fitted) ** 2, 0.0), axis=1)
        rank = np.sum(last.level > 0, axis=1) + (self.design.time is not None)
        df_residual = (np.sum(used, axis=1) - rank).astype(np.float64)
        # A trend on a single period (b = 1, w = 0) is aliased: its variances become NaN.
        with np.errstate(divide="ignore", invalid="ignore"):
            dispersion = np.where(df_residual > 0, pearson / df_residual, np.nan)
            var_trend = 1 / last.schur if self.design.time is not None else np.zeros(len(data.y))
            cov_level_trend = -ratio / last.schur[:, None]
        return QuasiPoissonFit(
            saved.beta,
            saved.gamma,
            var_level,
            cov_level_trend,
            var_trend,
            fitted,
            weights,
            dispersion,
            df_residual,
            converged & ~bounded,
        )


def quadratic_form(fit: QuasiPoissonFit, levels: IntArray, time: FloatArray | None) -> FloatArray:
    """Return ``x' (X'WX)^-1 x`` for design rows given by level (1-based) and time."""
    index = np.maximum(levels, 1) - 1
    variance = np.take_along_axis(fit.var_level, index, axis=1)
    if time is None:
        return variance
    cross = np.take_along_axis(fit.cov_level_trend, index, axis=1)
    with np.errstate(invalid="ignore"):
        form: FloatArray = variance + 2 * time * cross + time**2 * fit.var_trend[:, None]
    return form


def leverages(fit: QuasiPoissonFit, design: SeasonalDesign) -> FloatArray:
    """Return the hat values ``w_i x_i' (X'WX)^-1 x_i``; 1 when within 10 eps of 1, as R."""
    hat = fit.working_weights * quadratic_form(fit, design.levels, design.time)
    hat = np.where(design.levels > 0, hat, 0.0)
    return np.where(hat > 1 - 10 * EPS, 1.0, hat)
