# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Area hotspots: Getis-Ord Gi* and local Moran's I on an indicator per buurt or wijk (PySAL esda).

Neighbours are queen contiguity from the stored boundaries (:mod:`kompas.areas.contiguity`).
Gi* (Getis & Ord 1992; Ord & Getis 1995) compares the sum around an area, the area included,
with the whole map: a high z is a hot spot, a low z a cold spot. Local Moran's I (Anselin 1995)
compares an area with the mean of its neighbours (row-standardised): HH and LL are clusters, HL
and LH outliers. Both p-values come from conditional permutations (``permutations``, seeded:
the same data give the same p-values). Testing every area at once would flag 5 % of a map
of pure noise, so significance is decided by the false discovery rate of Benjamini & Hochberg
(1995) at level ``alpha`` over all areas of the map (docs/hotspots.md). With P permutations the
smallest p-value is 1 / (P + 1), so on a map of m areas nothing can pass the FDR unless at least
m / ((P + 1) α) areas reach it: 466 Twente buurten at 999 permutations need nine such areas.
An area is a persistent hotspot when it was a significant hot spot in at least ``k`` of the last
``n`` periods.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from esda.getisord import G_Local
from esda.moran import Moran_Local
from libpysal.weights import W
from statsmodels.stats.multitest import multipletests

from kompas.areas.contiguity import Contiguity

QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
DEFAULT_SEED = 1995
DEFAULT_PERMUTATIONS = 999


@dataclass(frozen=True)
class AreaStatistic:
    """One area's Gi* and local Moran with their permutation p-values and FDR decisions."""

    code: str
    value: float
    gi_z: float
    gi_p: float
    gi_significant: bool
    moran_i: float
    moran_quadrant: str
    moran_p: float
    moran_significant: bool

    @property
    def hotspot(self) -> str:
        """Return "hot", "cold" or "" by the FDR-significant Gi* z."""
        if not self.gi_significant:
            return ""
        return "hot" if self.gi_z > 0 else "cold"


def weights(contiguity: Contiguity) -> W:
    """Return the libpysal weights of a contiguity, areas in code order."""
    neighbours = {code: list(contiguity.neighbours[code]) for code in contiguity.codes}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal warns about islands; Contiguity.islands names them
        return W(neighbours, id_order=list(contiguity.codes))


def fdr(p_values: np.ndarray, alpha: float) -> np.ndarray:
    """Return which p-values are significant at false discovery rate ``alpha`` (Benjamini-Hochberg)."""
    if len(p_values) == 0:
        return np.zeros(0, dtype=bool)
    return np.asarray(multipletests(p_values, alpha=alpha, method="fdr_bh")[0], dtype=bool)


def local_statistics(
    values: Mapping[str, float],
    contiguity: Contiguity,
    *,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    alpha: float = 0.05,
) -> list[AreaStatistic]:
    """Return Gi* and local Moran per area of ``contiguity`` that has a value.

    Areas without a value are left out of the map before the weights are built (esda needs
    a value everywhere); the caller says which were left out.
    """
    codes = tuple(code for code in contiguity.codes if code in values)
    kept = set(codes)
    sub = Contiguity(codes, {c: tuple(n for n in contiguity.neighbours[c] if n in kept) for c in codes})
    w = weights(sub)
    y = np.array([values[code] for code in codes], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # islands and zero-variance neighbourhoods: visible as NaN
        gi = G_Local(y, w, transform="B", star=True, permutations=permutations, seed=seed, n_jobs=1)
        moran = Moran_Local(y, w, transformation="r", permutations=permutations, seed=seed, n_jobs=1)
    gi_sig, moran_sig = fdr(gi.p_sim, alpha), fdr(moran.p_sim, alpha)
    return [
        AreaStatistic(
            code,
            float(y[i]),
            float(gi.Zs[i]),
            float(gi.p_sim[i]),
            bool(gi_sig[i]),
            float(moran.Is[i]),
            QUADRANTS[int(moran.q[i])],
            float(moran.p_sim[i]),
            bool(moran_sig[i]),
        )
        for i, code in enumerate(codes)
    ]


def persistent(hot_by_period: Sequence[set[str]], *, k: int, n: int) -> set[str]:
    """Return the areas that were hot spots in at least ``k`` of the last ``n`` periods (oldest first)."""
    if not 1 <= k <= n:
        raise ValueError("persistence needs 1 <= k <= n")
    counts: dict[str, int] = {}
    for hot in hot_by_period[-n:]:
        for code in hot:
            counts[code] = counts.get(code, 0) + 1
    return {code for code, count in counts.items() if count >= k}
