# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Retrospective kernel density: a Gaussian kernel over the past year, bandwidth from the past.

The density is the count grid smoothed with a Gaussian of standard deviation h (the grid version
of a KDE: each event spread over nearby cells). h is chosen at every forecast time from the past
alone: for each candidate, the density of the events before the last ``validation_weeks`` weeks
is scored by the Poisson log-likelihood of the counts in those weeks, and the best h wins.
Chainey, Tompson & Uhlig (2008) show the choice of h matters more than the kernel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.ndimage import gaussian_filter

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern

CANDIDATES = (50.0, 100.0, 150.0, 250.0, 400.0)  # metres


@dataclass(frozen=True)
class KdeSettings:
    """The training window, the candidate bandwidths and the weeks that judge them."""

    window_days: float = 365.0
    candidates: tuple[float, ...] = CANDIDATES
    validation_weeks: int = 8


def density(pattern: Pattern, grid: Grid, bandwidth: float) -> np.ndarray:
    """Return the smoothed counts of ``pattern``, Gaussian with standard deviation ``bandwidth`` m."""
    counts = grid.counts(pattern.x, pattern.y)
    return np.asarray(gaussian_filter(counts, sigma=bandwidth / grid.cell, mode="constant"), dtype=float)


def choose_bandwidth(pattern: Pattern, grid: Grid, at: float, settings: KdeSettings) -> float:
    """Return the candidate whose density of older events best predicts the last weeks before ``at``."""
    split = at - 7.0 * settings.validation_weeks
    train = pattern.before(split).between(split - settings.window_days, split)
    test = pattern.before(at).between(split, at)
    if len(train) == 0 or len(test) == 0:
        return settings.candidates[len(settings.candidates) // 2]
    observed = grid.counts(test.x, test.y)
    best, best_score = settings.candidates[0], -np.inf
    for bandwidth in settings.candidates:
        rate = density(train, grid, bandwidth)
        rate = rate / rate.sum() * len(test) + 1e-6 * len(test) / rate.size  # a floor: no log(0)
        score = float(np.sum(observed * np.log(rate) - rate))
        if score > best_score:
            best, best_score = bandwidth, score
    return best


def retrospective_kde(
    pattern: Pattern, grid: Grid, at: float, horizon: float, *, settings: KdeSettings | None = None
) -> np.ndarray:
    """Return the kernel density at ``at`` of the past year, bandwidth chosen on the past."""
    chosen = settings or KdeSettings()
    past = pattern.before(at)
    bandwidth = choose_bandwidth(past, grid, at, chosen)
    return density(past.between(at - chosen.window_days, at), grid, bandwidth)
