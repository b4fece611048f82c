# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The naive counts every forecast must beat: recent weeks, and the whole past.

"Where it happened lately, it happens again" is the baseline of every evaluation of predictive
policing (Chainey, Tompson & Uhlig 2008; open_cp ``naive.CountingGridKernel``); a method that does
not beat it should not be shown.
"""

from __future__ import annotations

import numpy as np

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern

RECENT_WEEKS = 4


def recent_count(
    pattern: Pattern, grid: Grid, at: float, horizon: float, *, weeks: int = RECENT_WEEKS
) -> np.ndarray:
    """Return the number of events per cell in the ``weeks`` weeks before ``at``."""
    past = pattern.before(at).between(at - 7.0 * weeks, at)
    return grid.counts(past.x, past.y)


def long_run_count(pattern: Pattern, grid: Grid, at: float, horizon: float) -> np.ndarray:
    """Return the number of events per cell in the whole past before ``at``."""
    past = pattern.before(at)
    return grid.counts(past.x, past.y)
