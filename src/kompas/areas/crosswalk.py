# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Boundary crosswalks: how the areas of one CBS division overlap those of another.

CBS redivides wijken and buurten and re-uses their codes (Amsterdam's WK036300 was the
stadsdeel Centrum in 2014 and the wijk Burgwallen-Oude Zijde from 2016), so a series counted on
an old division cannot be continued on the new one by code. A crosswalk gives every source area
the share of its count that goes to each target area it overlaps (``docs/areas.md``):

* **oppervlakte** (areal weighting): the share of the source's area inside the target;
* **inwoners** (population weighting, a simple dasymetric method): the inhabitants the overlap
  holds when the target's inhabitants live evenly spread over it. A source whose overlapping
  targets have no known inhabitants falls back to areal weighting, and says so.
* **punt** (point in polygon): for a source division known only by a representative point per
  area (the Den Haag police panel gives buurt centroids, no boundaries), each source goes wholly
  to the target that contains its point. Exact when the source areas nest in the targets (a
  buurt split in two: both halves' points lie in the old buurt); otherwise an approximation,
  so a point close to its target's edge is reported (:data:`EDGE_METRES`), and a point in no
  target leaves its count *not allocated*, with its code.

Shares are taken over the part of the source that lies inside the target division, so nothing
is lost to slivers between two generalised boundary files; the part outside is reported
(:attr:`Crosswalk.outside`), and a source that overlaps no target at all keeps its count as
*not allocated*. Whole counts are split with the largest-remainder method (Hamilton), so every
source's count is conserved to the unit: the allocated parts plus the unallocated rest add up to
exactly the original total.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import shapely

# Shares below one in a million of a source's area are slivers of two generalised boundaries
# drawn on top of each other, not a real overlap.
MIN_SHARE = 1e-6
# A representative point closer than this to its target's edge may lie in the neighbour: the
# bundled CBS boundaries of 2014 are quantised to cells of about 270 × 310 m (PROVENANCE).
EDGE_METRES = 200.0


class Weighting(StrEnum):
    """How a source's count is shared among the target areas it overlaps."""

    AREA = "oppervlakte"
    POPULATION = "inwoners"
    POINT = "punt"


@dataclass(frozen=True, slots=True)
class Piece:
    """The share of source area ``source``'s count that goes to target area ``target``."""

    source: str
    target: str
    share: float


@dataclass(frozen=True)
class Crosswalk:
    """The overlap of two divisions: the pieces, and what could not be weighted as asked.

    ``outside`` gives, per source, the share of its area outside every target (only shares
    above :data:`MIN_SHARE`); ``unmatched`` the sources that overlap no target;
    ``area_fallback`` the sources weighted by area because their targets have no inhabitants;
    ``target_outside`` per target the share of its area that no source covers, so a value moved
    onto it counts only part of it. For point weighting ``near_edge`` gives, per source, the
    distance in metres from its point to its target's edge when below :data:`EDGE_METRES`.
    """

    weighting: Weighting
    pieces: tuple[Piece, ...]
    outside: dict[str, float] = field(default_factory=dict)
    target_outside: dict[str, float] = field(default_factory=dict)
    unmatched: tuple[str, ...] = ()
    area_fallback: tuple[str, ...] = ()
    near_edge: dict[str, float] = field(default_factory=dict)

    def shares(self) -> dict[str, list[Piece]]:
        """Return the pieces per source code, in target code order."""
        found: dict[str, list[Piece]] = {}
        for piece in sorted(self.pieces, key=lambda p: (p.source, p.target)):
            found.setdefault(piece.source, []).append(piece)
        return found


@dataclass(frozen=True)
class Allocation:
    """Counts moved onto the target division.

    ``values``: target code → the re-aggregated count; ``sources``: target code → the source
    codes that contributed; ``unallocated``: source code → the count that overlaps no target.
    """

    values: dict[str, float]
    sources: dict[str, tuple[str, ...]]
    unallocated: dict[str, float]

    @property
    def total(self) -> float:
        """Return the allocated plus the unallocated counts: the total of the source counts."""
        return sum(self.values.values()) + sum(self.unallocated.values())


def overlap(
    sources: Mapping[str, Any],
    targets: Mapping[str, Any],
    *,
    population: Mapping[str, float] | None = None,
) -> Crosswalk:
    """Return the crosswalk from ``sources`` to ``targets`` (code → shapely geometry in RD New).

    With ``population`` (target code → inhabitants) the shares are population-weighted, else
    area-weighted. Geometries must be valid (:mod:`kompas.areas.projection` stores them so).
    """
    weighting = Weighting.POPULATION if population is not None else Weighting.AREA
    codes = sorted(targets)
    tree = shapely.STRtree([targets[code] for code in codes])
    intersections = {
        code: _intersections(shape, codes, tree, targets) for code, shape in sorted(sources.items())
    }
    pieces: list[Piece] = []
    fallback: list[str] = []
    for code, areas in intersections.items():
        weights = dict(areas)
        if population is not None and areas:
            weights = _population_weights(areas, targets, population)
            if not weights:
                fallback.append(code)
                weights = dict(areas)
        total = sum(weights.values())
        pieces.extend(Piece(code, target, weight / total) for target, weight in sorted(weights.items()))
    covered: dict[str, float] = {}
    for areas in intersections.values():
        for target, area in areas.items():
            covered[target] = covered.get(target, 0.0) + area
    return Crosswalk(
        weighting,
        tuple(pieces),
        outside=_outside(sources, {code: sum(areas.values()) for code, areas in intersections.items()}),
        target_outside=_outside(targets, covered),
        unmatched=tuple(code for code, areas in intersections.items() if not areas),
        area_fallback=tuple(fallback),
    )


def point_in_polygon(points: Mapping[str, Any], targets: Mapping[str, Any]) -> Crosswalk:
    """Return the crosswalk that gives each source (code → shapely point in RD New) wholly to the
    target (code → geometry in RD New) containing its point.

    A point on a shared edge belongs to the first of the targets in code order, so no count is
    moved twice; it is reported in ``near_edge`` like every point within :data:`EDGE_METRES`.
    """
    codes = sorted(targets)
    tree = shapely.STRtree([targets[code] for code in codes])
    pieces: list[Piece] = []
    unmatched: list[str] = []
    near: dict[str, float] = {}
    for code, point in sorted(points.items()):
        hits = sorted(codes[i] for i in tree.query(point, predicate="intersects"))
        if not hits:
            unmatched.append(code)
            continue
        target = hits[0]
        pieces.append(Piece(code, target, 1.0))
        distance = float(shapely.distance(point, shapely.boundary(targets[target])))
        if distance < EDGE_METRES:
            near[code] = distance
    return Crosswalk(Weighting.POINT, tuple(pieces), unmatched=tuple(unmatched), near_edge=near)


def _intersections(shape: Any, codes: list[str], tree: Any, targets: Mapping[str, Any]) -> dict[str, float]:
    """Return target code → area of its overlap with ``shape``, slivers left out.

    ``tree`` is the STRtree of the targets in the order of ``codes``.
    """
    whole = shapely.area(shape)
    if not whole:
        return {}
    areas = {
        codes[i]: float(shapely.area(shapely.intersection(shape, targets[codes[i]])))
        for i in tree.query(shape, predicate="intersects")
    }
    return {target: area for target, area in sorted(areas.items()) if area / whole > MIN_SHARE}


def _outside(shapes: Mapping[str, Any], inside: Mapping[str, float]) -> dict[str, float]:
    """Return code → the share of each shape's area not in ``inside`` (only shares above a sliver)."""
    found = {}
    for code, shape in sorted(shapes.items()):
        whole = shapely.area(shape)
        share = 1 - inside.get(code, 0.0) / whole if whole else 0.0
        if inside.get(code) and share > MIN_SHARE:
            found[code] = share
    return found


def _population_weights(
    areas: Mapping[str, float], targets: Mapping[str, Any], population: Mapping[str, float]
) -> dict[str, float]:
    """Return the inhabitants of each overlap, or {} when none of the targets has inhabitants."""
    weights = {
        target: population[target] * area / shapely.area(targets[target])
        for target, area in areas.items()
        if population.get(target) is not None and shapely.area(targets[target]) > 0
    }
    return weights if sum(weights.values()) > 0 else {}


def allocate(crosswalk: Crosswalk, counts: Mapping[str, float]) -> Allocation:
    """Move ``counts`` (source code → count) onto the targets; whole counts stay whole.

    A whole count is split by the largest-remainder method: each target first gets the whole
    part of its quota, the units left go to the largest remainders (ties: target code order).
    A count with a fraction (or below zero) is split proportionally. A source without pieces is unallocated.
    """
    shares = crosswalk.shares()
    values: dict[str, float] = {}
    contributors: dict[str, set[str]] = {}
    unallocated: dict[str, float] = {}
    for source, count in sorted(counts.items()):
        pieces = shares.get(source)
        if not pieces:
            unallocated[source] = count
            continue
        for piece, part in zip(pieces, _split(count, [p.share for p in pieces]), strict=True):
            values[piece.target] = values.get(piece.target, 0.0) + part
            if part:
                contributors.setdefault(piece.target, set()).add(source)
    return Allocation(
        values, {target: tuple(sorted(codes)) for target, codes in contributors.items()}, unallocated
    )


def _split(count: float, shares: list[float]) -> list[float]:
    if count < 0 or not float(count).is_integer():
        return [count * share for share in shares]
    quotas = [count * share for share in shares]
    floors = [math.floor(quota) for quota in quotas]
    left = int(count) - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-(quotas[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [float(part) for part in floors]
