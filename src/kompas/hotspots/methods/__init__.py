# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Grid forecast methods, by name.

Each method takes (pattern, grid, at, horizon) and returns a score per cell (shape ny × nx);
a higher score means more expected events in [at, at + horizon). Each reads only the events
before ``at`` (:meth:`kompas.hotspots.pattern.Pattern.before`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from kompas.hotspots.grid import Grid
from kompas.hotspots.methods.decay import decayed
from kompas.hotspots.methods.ensemble import ensemble
from kompas.hotspots.methods.kde import retrospective_kde
from kompas.hotspots.methods.naive import long_run_count, recent_count
from kompas.hotspots.methods.prospective import prospective
from kompas.hotspots.methods.sepp import sepp
from kompas.hotspots.pattern import Pattern

Method = Callable[[Pattern, Grid, float, float], np.ndarray]

BASE_METHODS: dict[str, Method] = {
    "recent": recent_count,
    "longrun": long_run_count,
    "kde": retrospective_kde,
    "prospective": prospective,
    "sepp": sepp,
    "decay": decayed,
}


def memo(pattern: Pattern, grid: Grid, horizon: float) -> Callable[[str, float], np.ndarray]:
    """Return ``forecast(method, at)`` over ``pattern``, each forecast computed once."""
    cache: dict[tuple[str, float], np.ndarray] = {}

    def forecast(name: str, at: float) -> np.ndarray:
        if (name, at) not in cache:
            cache[name, at] = BASE_METHODS[name](pattern, grid, at, horizon)
        return cache[name, at]

    return forecast


def run(name: str, pattern: Pattern, grid: Grid, at: float, horizon: float) -> np.ndarray:
    """Return the forecast of the method ``name`` (a base method or ``ensemble``) at ``at``."""
    if name == "ensemble":
        return ensemble(pattern, grid, at, horizon)
    return BASE_METHODS[name](pattern, grid, at, horizon)


METHOD_NAMES = (*BASE_METHODS, "ensemble")
