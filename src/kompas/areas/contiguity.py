# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Queen contiguity of areas: which areas share a border or a corner, for spatial statistics.

Two areas are queen neighbours when their boundaries have at least one point in common
(Anselin 1988, *Spatial Econometrics*, §3.1; the rook variant would require a common edge).
Boundaries of one CBS file share their vertices exactly, but reprojection and repairs can open
gaps of centimetres, so points closer than ``tolerance`` metres (RD New) count as common.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import shapely

from kompas.areas import queries

DEFAULT_TOLERANCE_METRES = 0.5


@dataclass(frozen=True)
class Contiguity:
    """Areas in code order and, per code, the codes of its queen neighbours (sorted)."""

    codes: tuple[str, ...]
    neighbours: dict[str, tuple[str, ...]]

    @property
    def islands(self) -> tuple[str, ...]:
        """Return the codes without any neighbour (islands in the statistical sense)."""
        return tuple(code for code in self.codes if not self.neighbours[code])

    def matrix(self) -> np.ndarray:
        """Return the binary, symmetric weights matrix W (w_ij = 1 for neighbours) in code order."""
        position = {code: index for index, code in enumerate(self.codes)}
        weights = np.zeros((len(self.codes), len(self.codes)), dtype=np.int8)
        for code, others in self.neighbours.items():
            for other in others:
                weights[position[code], position[other]] = 1
        return weights


def queen_neighbours(
    boundaries: Mapping[str, bytes], *, tolerance: float = DEFAULT_TOLERANCE_METRES
) -> Contiguity:
    """Return the queen contiguity of boundaries given as RD New WKB per area code.

    Parameters
    ----------
    boundaries
        Area code → polygon or multipolygon in RD New metres (well-known binary).
    tolerance
        Boundaries closer than this many metres count as touching.
    """
    codes = tuple(sorted(boundaries))
    if not codes:
        return Contiguity((), {})
    geometries = shapely.from_wkb(np.array([boundaries[code] for code in codes], dtype=object))
    tree = shapely.STRtree(geometries)
    if tolerance > 0:
        pairs = tree.query(geometries, predicate="dwithin", distance=tolerance)
    else:
        pairs = tree.query(geometries, predicate="intersects")
    found: dict[str, set[str]] = {code: set() for code in codes}
    for left, right in zip(pairs[0].tolist(), pairs[1].tolist(), strict=True):
        if left != right:
            found[codes[left]].add(codes[right])
            found[codes[right]].add(codes[left])
    return Contiguity(codes, {code: tuple(sorted(others)) for code, others in found.items()})


def neighbours(
    level: str, year: int, *, parent_code: str | None = None, tolerance: float = DEFAULT_TOLERANCE_METRES
) -> Contiguity:
    """Return the queen contiguity of the stored ``level`` areas as they were in ``year``.

    ``parent_code`` limits the areas to those under it by the CBS code rule (the buurten of
    ``GM0164``). Areas without a boundary are not part of the result.
    """
    return queen_neighbours(queries.rd_boundaries(level, year, parent_code), tolerance=tolerance)
