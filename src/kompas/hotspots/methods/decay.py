# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Time-decayed density: the past counts per cell, older events weighing less, partly smoothed.

Each past event weighs exp(−age / τ); the weighted count of a cell is mixed with its Gaussian
smoothing: (1 − m) · own + m · smoothed. The count alone is the naive long-run method (τ = ∞,
m = 0); the smoothing borrows from the neighbours when a cell's own count is thin (burglary), the
decay follows hotspots that move. τ = 26 weeks, σ = 1 cell (150 m) and m = 0,75 were chosen on
2021 only (rolling origin over the second half of 2021, ``bench/hotspots_validate.py``), before the
2022 benchmark was run (docs/hotspots.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.ndimage import gaussian_filter

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern


@dataclass(frozen=True)
class DecaySettings:
    """τ in weeks (inf: no decay), the smoothing's standard deviation in cells, its share m."""

    weeks: float = 26.0
    sigma: float = 1.0
    mix: float = 0.75


def decayed(
    pattern: Pattern, grid: Grid, at: float, horizon: float, *, settings: DecaySettings | None = None
) -> np.ndarray:
    """Return (1 − m) · Σ exp(−age/τ) per cell + m · its Gaussian smoothing, from the events before ``at``."""
    chosen = settings or DecaySettings()
    past = pattern.before(at)
    age = at - past.t
    weight = np.exp(-age / (7.0 * chosen.weeks)) if np.isfinite(chosen.weeks) else np.ones(len(past))
    index = grid.index(past.x, past.y)
    inside = index >= 0
    flat = np.bincount(index[inside], weights=weight[inside], minlength=grid.nx * grid.ny)
    own = flat.reshape(grid.shape)
    if chosen.mix <= 0:
        return own
    smooth = np.asarray(gaussian_filter(own, sigma=chosen.sigma, mode="constant"))
    return (1.0 - chosen.mix) * own + chosen.mix * smooth
