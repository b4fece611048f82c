# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rolling-origin evaluation of grid forecasts: hit rate, PAI and PEI at fixed shares of the area.

For each forecast week the method sees only the events before its start, names the top share of
active cells, and is scored on the events of that week:

- hit rate  n / N: the share of the week's located events inside the named cells;
- PAI       (n / N) / (a / A): hit rate over the share of the active area named
  (Chainey, Tompson & Uhlig 2008);
- PEI       n / n*: events caught over the most any choice of as many cells could have caught
  (Hunt 2016).

N counts every located event of the week, also outside active cells: those are misses, not
exclusions. Ties between equal scores are broken in one seeded random order of the cells, the
same for every method, so a count with many ties is scored at its expected, not its luckiest,
value. The totals pool the weeks: Σn / ΣN, and Σn / Σn*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from kompas.hotspots.grid import Grid
from kompas.hotspots.methods import BASE_METHODS, memo
from kompas.hotspots.methods.ensemble import ensemble
from kompas.hotspots.pattern import Pattern

COVERAGES = (0.01, 0.03, 0.05, 0.10)
TIE_SEED = 20040101  # fixed: every method sees the same tie order


@dataclass(frozen=True)
class Score:
    """One method's result at one coverage: events caught, events in all, the most catchable."""

    caught: int
    total: int
    best: int
    area_share: float

    @property
    def hit_rate(self) -> float | None:
        """Return n / N, or None for a week without events."""
        return self.caught / self.total if self.total else None

    @property
    def pai(self) -> float | None:
        """Return the predictive accuracy index (n / N) / (a / A)."""
        rate = self.hit_rate
        return None if rate is None else rate / self.area_share

    @property
    def pei(self) -> float | None:
        """Return the predictive efficiency index n / n*."""
        return self.caught / self.best if self.best else None


@dataclass(frozen=True)
class Week:
    """The scores of one forecast week per method and coverage."""

    start: float
    scores: dict[str, dict[float, Score]] = field(default_factory=dict)


def ranked(scores: np.ndarray, active: np.ndarray, ties: np.ndarray) -> np.ndarray:
    """Return the active cells' flat indexes, highest score first, ties in the order ``ties``."""
    flat = scores.ravel()
    cells = np.flatnonzero(active.ravel())
    return cells[np.lexsort((ties[cells], -flat[cells]))]


def score_week(order: np.ndarray, observed: np.ndarray, active: np.ndarray, coverage: float) -> Score:
    """Return the score of naming the first ``coverage`` of the active cells in ``order``."""
    n_active = int(active.sum())
    k = max(1, round(coverage * n_active))
    flat = observed.ravel()
    best = int(np.sort(flat[active.ravel()])[::-1][:k].sum())
    return Score(int(flat[order[:k]].sum()), int(flat.sum()), best, k / n_active)


def backtest(
    pattern: Pattern,
    grid: Grid,
    active: np.ndarray,
    starts: Sequence[float],
    methods: Sequence[str],
    *,
    horizon: float = 7.0,
    coverages: Sequence[float] = COVERAGES,
) -> list[Week]:
    """Return the scores of every method for each forecast start (rolling origin)."""
    forecasts = memo(pattern, grid, horizon)
    ties = np.random.default_rng(TIE_SEED).permutation(grid.nx * grid.ny)
    weeks = []
    for start in starts:
        happened = pattern.between(start, start + horizon)
        observed = grid.counts(happened.x, happened.y)
        scores: dict[str, dict[float, Score]] = {}
        for name in methods:
            if name == "ensemble":
                forecast = ensemble(pattern, grid, start, horizon, forecasts=forecasts)
            else:
                forecast = forecasts(name, start)
            order = ranked(forecast, active, ties)
            scores[name] = {c: score_week(order, observed, active, c) for c in coverages}
        weeks.append(Week(start, scores))
    return weeks


@dataclass(frozen=True)
class Total:
    """The pooled result of one method at one coverage over all weeks."""

    method: str
    coverage: float
    caught: int
    total: int
    best: int
    area_share: float

    @property
    def hit_rate(self) -> float | None:
        """Return Σn / ΣN."""
        return self.caught / self.total if self.total else None

    @property
    def pai(self) -> float | None:
        """Return (Σn / ΣN) / (a / A)."""
        rate = self.hit_rate
        return None if rate is None else rate / self.area_share

    @property
    def pei(self) -> float | None:
        """Return Σn / Σn*."""
        return self.caught / self.best if self.best else None


def totals(weeks: Sequence[Week]) -> list[Total]:
    """Return the pooled hit rate, PAI and PEI per method and coverage."""
    if not weeks:
        return []
    result = []
    for method, by_coverage in weeks[0].scores.items():
        for coverage, first in by_coverage.items():
            parts = [week.scores[method][coverage] for week in weeks]
            result.append(
                Total(
                    method,
                    coverage,
                    sum(p.caught for p in parts),
                    sum(p.total for p in parts),
                    sum(p.best for p in parts),
                    first.area_share,
                )
            )
    return result


def known_methods() -> tuple[str, ...]:
    """Return the names a backtest accepts."""
    return (*BASE_METHODS, "ensemble")
