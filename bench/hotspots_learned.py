# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A learned ranking: a Poisson regression of next week's count per cell on that cell's past counts.

Where the naive counts pick one window and the KDE one bandwidth, this method lets the past weeks
say how much each window and each neighbourhood is worth (in the spirit of Mohler & Porter 2018
and the NIJ challenge winners, Flaxman et al. 2019). Features of a cell at time ``o`` use only the
events before ``o``: log(1 + count) over the last 1, 4, 13, 26 and 52 weeks and the whole past,
the same smoothed with Gaussians of 1 and 3 cells (the neighbourhood), and log(1 + days since the
cell's last event). At a forecast time ``at`` the model is fitted on the ``train_weeks`` weeks
before ``at`` (features at each week's start, target the week's count; every such week ends by
``at``) and predicts the week from ``at``. Fitted by iteratively reweighted least squares with a
small ridge penalty, so a short or empty past still gives a finite answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.ndimage import gaussian_filter

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern

NEVER_DAYS = 730.0  # "days since the last event" for a cell without one


@dataclass(frozen=True)
class LearnedSettings:
    """The windows, neighbourhoods, training weeks and penalty of the regression."""

    windows: tuple[float, ...] = (1.0, 4.0, 13.0, 26.0, 52.0)  # weeks; the whole past is always added
    neighbourhoods: tuple[float, ...] = (1.0, 3.0)  # Gaussian standard deviations, in cells
    train_weeks: int = 26
    ridge: float = 1.0
    iterations: int = 25


_CACHE: dict[tuple[object, ...], np.ndarray] = {}
_CACHE_SIZE = 512


def features(pattern: Pattern, grid: Grid, at: float, settings: LearnedSettings) -> np.ndarray:
    """Return the feature matrix (cells × features, with an intercept) from the events before ``at``.

    Remembered by a fingerprint of exactly those events (their number and sums), so that the weekly
    refits of a backtest reuse the weeks already seen; events at or after ``at`` cannot change it.
    """
    past = pattern.before(at)
    key = (grid, settings, at, len(past), float(past.t.sum()), float(past.x.sum()), float(past.y.sum()))
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = _features(past, grid, at, settings)
    return _CACHE[key]


def _features(past: Pattern, grid: Grid, at: float, settings: LearnedSettings) -> np.ndarray:
    columns = [np.ones(grid.nx * grid.ny)]
    counts = [grid.counts(*_xy(past.between(at - 7.0 * w, at))) for w in settings.windows]
    counts.append(grid.counts(past.x, past.y))
    for count in counts:
        columns.append(np.log1p(count.ravel()))
    year = counts[-2] if settings.windows and settings.windows[-1] >= 52.0 else counts[-1]
    for sigma in settings.neighbourhoods:
        smooth = gaussian_filter(year, sigma=sigma, mode="constant")
        columns.append(np.log1p(np.asarray(smooth).ravel()))
    columns.append(np.log1p(_days_since_last(past, grid, at)))
    return np.column_stack(columns)


def _xy(pattern: Pattern) -> tuple[np.ndarray, np.ndarray]:
    return pattern.x, pattern.y


def _days_since_last(past: Pattern, grid: Grid, at: float) -> np.ndarray:
    since = np.full(grid.nx * grid.ny, NEVER_DAYS)
    index = grid.index(past.x, past.y)
    inside = index >= 0
    last = np.full(grid.nx * grid.ny, -np.inf)
    np.maximum.at(last, index[inside], past.t[inside])
    seen = np.isfinite(last)
    since[seen] = np.minimum(at - last[seen], NEVER_DAYS)
    return since


def fit_poisson(x: np.ndarray, y: np.ndarray, ridge: float, iterations: int) -> np.ndarray:
    """Return the coefficients of a log-link Poisson regression with an L2 penalty (not on the intercept)."""
    beta = np.zeros(x.shape[1])
    beta[0] = np.log(max(float(y.mean()), 1e-6))
    penalty = np.full(x.shape[1], ridge)
    penalty[0] = 0.0
    for _ in range(iterations):
        mu = np.exp(np.clip(x @ beta, -30.0, 30.0))
        gradient = x.T @ (y - mu) - penalty * beta
        hessian = (x * mu[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta = beta + step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return beta


def learned(
    pattern: Pattern, grid: Grid, at: float, horizon: float, *, settings: LearnedSettings | None = None
) -> np.ndarray:
    """Return the expected count per cell in [at, at + horizon) of the regression fitted before ``at``."""
    chosen = settings or LearnedSettings()
    past = pattern.before(at)
    rows, targets = [], []
    support = grid.counts(past.x, past.y).ravel() > 0  # cells this type has ever reached
    if support.any():
        support = gaussian_filter(support.reshape(grid.shape).astype(float), 1.0, mode="constant").ravel() > 0
    for k in range(1, chosen.train_weeks + 1):
        origin = at - horizon * k
        week = past.between(origin, origin + horizon)
        rows.append(features(past, grid, origin, chosen)[support])
        targets.append(grid.counts(week.x, week.y).ravel()[support])
    now = features(past, grid, at, chosen)
    if not rows or not support.any():
        return np.zeros(grid.shape)
    beta = fit_poisson(np.vstack(rows), np.concatenate(targets), chosen.ridge, chosen.iterations)
    return np.exp(np.clip(now @ beta, -30.0, 30.0)).reshape(grid.shape)
