# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A self-exciting point process on the grid (Mohler et al. 2011; the grid form of Mohler et al. 2015).

In each cell n the rate at time t is

    λ_n(t) = μ_n + θ ω Σ_{t_i < t, i in n} exp(−ω (t − t_i)),

a constant background μ_n plus, after every event, an exponentially fading excitation that adds θ
expected events in the same cell (the near-repeat). μ, θ and ω are fitted by expectation-
maximisation (Veen & Schoenberg 2008): the E-step gives each event its probability of being
background or triggered by each earlier event of its cell, the M-step re-estimates μ_n as the
expected background count per day, θ as the expected number of offspring per event, and ω as
one over their mean delay. Pairs further apart than ``max_lag_days`` are ignored (their weight is
below e^{−ω·max_lag} and the fit only needs the near-repeat range).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern


@dataclass(frozen=True)
class SeppFit:
    """The fitted background per cell (events per day), offspring per event θ, decay ω per day."""

    background: np.ndarray
    theta: float
    omega: float
    iterations: int


@dataclass(frozen=True)
class SeppSettings:
    """The training window, the EM budget and the start values (Mohler 2015 starts near these)."""

    window_days: float = 365.0
    max_lag_days: float = 90.0
    iterations: int = 50
    tolerance: float = 1e-6
    theta0: float = 0.2
    omega0: float = 0.1


def _pairs(cells: np.ndarray, t: np.ndarray, max_lag: float) -> tuple[np.ndarray, np.ndarray]:
    """Return (earlier, later) index pairs of events in the same cell less than ``max_lag`` apart."""
    order = np.lexsort((t, cells))
    earlier, later = [], []
    for step in range(1, len(order)):
        a, b = order[:-step], order[step:]
        keep = (cells[a] == cells[b]) & (t[b] - t[a] < max_lag)
        if not keep.any():
            break
        earlier.append(a[keep])
        later.append(b[keep])
    if not earlier:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(earlier), np.concatenate(later)


def fit(cells: np.ndarray, t: np.ndarray, n_cells: int, span: float, settings: SeppSettings) -> SeppFit:
    """Fit μ per cell, θ and ω by EM to events in ``cells`` at times ``t`` over ``span`` days."""
    earlier, later = _pairs(cells, t, settings.max_lag_days)
    lag = t[later] - t[earlier]
    background = np.bincount(cells, minlength=n_cells) / span * (1.0 - settings.theta0)
    theta, omega = settings.theta0, settings.omega0
    iteration = 0
    while iteration < settings.iterations:
        iteration += 1
        trigger = theta * omega * np.exp(-omega * lag)
        rate = background[cells] + np.bincount(later, weights=trigger, minlength=len(t))
        p_background = background[cells] / rate
        p_pair = trigger / rate[later]
        offspring = p_pair.sum()
        new_background = np.bincount(cells, weights=p_background, minlength=n_cells) / span
        new_theta = offspring / len(t)
        new_omega = offspring / max(float(np.sum(p_pair * lag)), 1e-12) if offspring > 0 else omega
        change = abs(new_theta - theta) + abs(new_omega - omega)
        background, theta, omega = new_background, float(new_theta), float(new_omega)
        if change < settings.tolerance:
            break
    return SeppFit(background, theta, omega, iteration)


def sepp(
    pattern: Pattern, grid: Grid, at: float, horizon: float, *, settings: SeppSettings | None = None
) -> np.ndarray:
    """Return the expected events per cell in [at, at + horizon) of the process fitted before ``at``."""
    chosen = settings or SeppSettings()
    past = pattern.before(at).between(at - chosen.window_days, at)
    if len(past) == 0:
        return np.zeros(grid.shape)
    cells = grid.index(past.x, past.y)
    inside = cells >= 0
    cells, t = cells[inside], past.t[inside]
    model = fit(cells, t, grid.nx * grid.ny, chosen.window_days, chosen)
    age = at - t
    carried = model.theta * (np.exp(-model.omega * age) - np.exp(-model.omega * (age + horizon)))
    expected = model.background * horizon + np.bincount(cells, weights=carried, minlength=grid.nx * grid.ny)
    return expected.reshape(grid.shape)
