# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Prospective hotspotting (Bowers, Johnson & Pease 2004).

Each past event raises the risk of nearby cells for a few weeks, the more the closer in space
and time: weight 1 / ((1 + d) (1 + w)) with d the distance between cell centres in cells and w
the age of the event in whole weeks, for d ≤ the space bandwidth and w < the time bandwidth.
The paper's bandwidths are 400 m and 8 weeks (open_cp ``prohotspot.ClassicWeight`` uses the same
form). The weights of all events are summed per cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.signal import fftconvolve

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern


@dataclass(frozen=True)
class Bandwidth:
    """How far in space (metres) and time (weeks) an event raises the risk."""

    metres: float = 400.0
    weeks: int = 8


def kernel(grid: Grid, metres: float) -> np.ndarray:
    """Return the spatial weights 1 / (1 + d) for d ≤ ``metres`` / cell, d in cells between centres."""
    reach = int(np.floor(metres / grid.cell))
    offsets = np.arange(-reach, reach + 1)
    distance = np.hypot(*np.meshgrid(offsets, offsets))
    return np.where(distance <= reach + 1e-9, 1.0 / (1.0 + distance), 0.0)


def prospective(
    pattern: Pattern, grid: Grid, at: float, horizon: float, *, bandwidth: Bandwidth | None = None
) -> np.ndarray:
    """Return the prospective risk per cell at ``at`` from the events of the last weeks."""
    band = bandwidth or Bandwidth()
    past = pattern.before(at)
    weights = kernel(grid, band.metres)
    score = np.zeros(grid.shape)
    for week in range(band.weeks):
        recent = past.between(at - 7.0 * (week + 1), at - 7.0 * week)
        if len(recent):
            counts = grid.counts(recent.x, recent.y)
            score += fftconvolve(counts, weights, mode="same") / (1.0 + week)
    return np.clip(score, 0.0, None)  # FFT rounding leaves tiny negatives where the score is 0
