# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Knox test for near-repeats: are events close in space also close in time, beyond chance?

Of the n (n − 1) / 2 pairs of events, N_s are close in space (distance ≤ δ), N_t close in time
(|Δt| ≤ τ) and N_st both. Without space-time interaction N_st is expected to be N_s N_t / pairs
(Knox 1964). Two p-values for "more than expected": a Poisson tail with that mean (Knox's own
approximation), and a permutation test that shuffles the times over the places with a seeded
generator, (1 + #{permuted ≥ observed}) / (1 + permutations) (Mantel 1967; Johnson et al. 2007
for burglary). pointpats' ``spacetime.Knox`` computes the same; its documented example on the
Burkitt lymphoma data is the test. pointpats' Poisson p-value is P(X > N_st); Kompas reports
P(X ≥ N_st), the probability of at least the observed count.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree
from scipy.stats import poisson


@dataclass(frozen=True)
class KnoxResult:
    """Pair counts, the expected count of close pairs under independence, and two p-values."""

    close_both: int
    close_space: int
    close_time: int
    pairs: int
    expected: float
    p_poisson: float
    p_permutation: float | None
    permutations: int
    method: str = "Knox (1964), permutation test (Mantel 1967)"


def _close_in_time(t: np.ndarray, tau: float) -> int:
    ordered = np.sort(t)
    return int(np.sum(np.searchsorted(ordered, ordered + tau, side="right") - np.arange(1, len(t) + 1)))


def knox(
    x: np.ndarray,
    y: np.ndarray,
    t: np.ndarray,
    *,
    delta: float,
    tau: float,
    permutations: int = 999,
    rng: np.random.Generator | None = None,
) -> KnoxResult:
    """Return the Knox test of events at (``x``, ``y``) at times ``t`` for thresholds δ and τ.

    ``rng`` is required when ``permutations`` > 0: a seeded generator makes the p-value repeatable.
    """
    t = np.asarray(t, dtype=float)
    pairs_space = cKDTree(np.column_stack([x, y])).query_pairs(delta, output_type="ndarray")
    first, second = pairs_space[:, 0], pairs_space[:, 1]
    close_both = int(np.sum(np.abs(t[first] - t[second]) <= tau))
    n = len(t)
    pairs = n * (n - 1) // 2
    close_time = _close_in_time(t, tau)
    expected = len(first) * close_time / pairs if pairs else 0.0
    p_perm = None
    if permutations > 0:
        if rng is None:
            raise ValueError("a permutation test needs a seeded numpy Generator")
        exceed = 0
        for _ in range(permutations):
            shuffled = rng.permutation(t)
            exceed += int(np.sum(np.abs(shuffled[first] - shuffled[second]) <= tau) >= close_both)
        p_perm = (exceed + 1) / (permutations + 1)
    p_poisson = float(poisson.sf(close_both - 1, expected)) if expected > 0 else 1.0
    return KnoxResult(close_both, len(first), close_time, pairs, expected, p_poisson, p_perm, permutations)
