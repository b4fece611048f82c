# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An ensemble of the base methods whose weights are chosen on past weeks only.

At each forecast time ``at`` every base method's forecast is scaled to sum to one, and the
weights (multiples of 1/``steps`` summing to one) are the ones whose mixture would have caught
the most events in the top ``coverage`` of cells over the last ``validation_weeks`` weeks, each
week forecast from what was known at its own start. Ties go to the most even weights, the
least committed choice. The weeks judged all end before ``at``; the test year is never seen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern

Forecasts = Callable[[str, float], np.ndarray]


@dataclass(frozen=True)
class EnsembleSettings:
    """Which methods to mix, how the weights are judged, and their resolution."""

    members: tuple[str, ...] = ("longrun", "kde", "prospective", "sepp")
    validation_weeks: int = 12
    coverage: float = 0.05
    steps: int = 4


@dataclass(frozen=True)
class Weights:
    """The chosen weight per member and the events they caught in the validation weeks."""

    weights: dict[str, float] = field(default_factory=dict)
    caught: float = 0.0


def _share(scores: np.ndarray) -> np.ndarray:
    total = float(scores.sum())
    return scores / total if total > 0 else np.full(scores.shape, 1.0 / scores.size)


def _simplex(members: int, steps: int) -> list[np.ndarray]:
    combos = [c for c in itertools.product(range(steps + 1), repeat=members) if sum(c) == steps]
    combos.sort(key=lambda c: (np.var(c), c))  # the most even first: ties keep it
    return [np.array(c, dtype=float) / steps for c in combos]


def choose_weights(
    pattern: Pattern, grid: Grid, at: float, horizon: float, forecasts: Forecasts, settings: EnsembleSettings
) -> Weights:
    """Return the weights that caught the most events in the past weeks before ``at``."""
    past = pattern.before(at)
    active = grid.counts(past.x, past.y).ravel() > 0
    top = max(1, round(settings.coverage * int(active.sum())))
    weeks = []
    for k in range(1, settings.validation_weeks + 1):
        origin = at - 7.0 * k
        if origin + horizon > at:
            continue
        happened = past.between(origin, origin + horizon)
        shares = np.stack([_share(forecasts(m, origin)).ravel()[active] for m in settings.members])
        weeks.append((shares, grid.counts(happened.x, happened.y).ravel()[active]))
    best = Weights({m: 1.0 / len(settings.members) for m in settings.members}, -1.0)
    for weights in _simplex(len(settings.members), settings.steps):
        caught = 0.0
        for shares, observed in weeks:
            mixed = weights @ shares
            chosen = np.argpartition(-mixed, top - 1)[:top] if top < len(mixed) else slice(None)
            caught += float(observed[chosen].sum())
        if caught > best.caught:
            best = Weights(dict(zip(settings.members, weights.tolist(), strict=True)), caught)
    return best


def ensemble(
    pattern: Pattern,
    grid: Grid,
    at: float,
    horizon: float,
    *,
    forecasts: Forecasts | None = None,
    settings: EnsembleSettings | None = None,
) -> np.ndarray:
    """Return the weighted mixture of the members' scaled forecasts at ``at``."""
    from kompas.hotspots.methods import memo  # the registry imports this module

    chosen = settings or EnsembleSettings()
    past = pattern.before(at)
    forecast = forecasts or memo(past, grid, horizon)
    weights = choose_weights(past, grid, at, horizon, forecast, chosen)
    return sum((w * _share(forecast(m, at)) for m, w in weights.weights.items()), np.zeros(grid.shape))
