# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Complementary (secondary) cell suppression in a hierarchical table of sums.

A table whose totals are the sums of their parts gives a withheld cell away when it is the only
unknown of a sum: total 28, parts 10, 7 and 9 shown, the fourth part is 2. Primary suppression
hides the cells below a threshold; complementary suppression hides further cells so that no
withheld cell can be recomputed from what is shown [Hundepool2012]_ (§4.2, §5.3; "hypercube"
and "HiTaS" methods for hierarchical tables).

Method
------
The table is given as groups, each a total with its parts; a cell is a part of at most one group
(a hierarchy: gemeente → wijken → buurten). A reader knows the values of every shown cell, the
sums, that counts are whole numbers of at least zero, and that a cell withheld by the threshold
lies below it while a cell withheld as a complement does not (its mark differs). For each group
the range of every withheld cell is bounded from its equation and those a-priori bounds; a group
is *safe* when no withheld cell in it is pinned to one value (a sum the shown figures
contradict pins nothing: it tells the reader that the sum does not hold, not a value). While a
group is unsafe, its smallest shown cell (parts before the total, then in the given order) is
withheld too — the smallest, because it loses the least information [Hundepool2012]_
(§4.2.3, "minimal information loss" by cell value). A cell newly withheld may make the group it
totals unsafe; the work list runs until every group is safe.

Where the shown totals are the sums of their parts, a safe group holds either no withheld cell
or at least two, and in a hierarchy that suffices
against exact derivation by any combination of sums: the sums form a graph in which a cell is
derivable only if it is a bridge among the withheld cells, and a tree-shaped hierarchy whose
every sum holds zero or at least two withheld cells has no such bridge (proved in the tests by
linear algebra on random hierarchies). The bounds are checked per group only; a reader who
combines bounds over several levels may narrow a withheld cell to a range, not to its value.

The module knows nothing of areas or measures: cells are any hashable keys.

References
----------
.. [Hundepool2012] Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Schulte
   Nordholt, E., Spicer, K. and de Wolf, P.-P. (2012). *Statistical Disclosure Control*.
   Wiley. doi:10.1002/9781118348239.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Group(Generic[K]):
    """A total and the parts that add up to it."""

    total: K
    parts: tuple[K, ...]


@dataclass(frozen=True)
class Withheld(Generic[K]):
    """The cells to withhold: below the threshold (``primary``) and to protect those (``complementary``)."""

    primary: frozenset[K]
    complementary: frozenset[K]

    @property
    def all(self) -> frozenset[K]:
        """Return every withheld cell."""
        return self.primary | self.complementary


def withhold(groups: Iterable[Group[K]], values: Mapping[K, float], *, threshold: float) -> Withheld[K]:
    """Return the cells to withhold so that none can be recomputed from the shown cells and sums.

    Parameters
    ----------
    groups
        The sums of the table; a cell is a part of at most one group. A group whose total has no
        value is left out (a reader cannot use a sum it does not see); parts without a value are
        left out of their group (a reader may know them, so they protect nothing).
    values
        The value of every cell that has one: counts, at least zero.
    threshold
        Cells below it are withheld in any case (primary suppression).

    Returns
    -------
    The primary cells and the complementary cells (disjoint).

    Raises
    ------
    ValueError
        When a cell is a part of more than one group (the table is no hierarchy).
    """
    sums = _known_groups(groups, values)
    primary = frozenset(cell for cell, value in values.items() if value < threshold)
    withheld = set(primary)
    by_cell: dict[K, list[Group[K]]] = {}
    for group in sums:
        for cell in (group.total, *group.parts):
            by_cell.setdefault(cell, []).append(group)
    pending = list(sums)
    while pending:
        group = pending.pop()
        while not _safe(group, values, withheld, primary, threshold):
            added = _smallest_shown(group, values, withheld)
            if added is None:
                break
            withheld.add(added)
            pending.extend(other for other in by_cell[added] if other is not group)
    return Withheld(primary, frozenset(withheld - primary))


def _known_groups(groups: Iterable[Group[K]], values: Mapping[K, float]) -> list[Group[K]]:
    seen: set[K] = set()
    known = []
    for group in groups:
        for part in group.parts:
            if part in seen:
                raise ValueError(f"cel {part!r} is deel van meer dan één som")
            seen.add(part)
        if group.total in values:
            known.append(Group(group.total, tuple(part for part in group.parts if part in values)))
    return known


def _bounds(
    cell: K, values: Mapping[K, float], withheld: set[K], primary: frozenset[K], threshold: float
) -> tuple[float, float]:
    """Return what a reader knows of ``cell`` without any sum: its value, or its mark's range."""
    if cell not in withheld:
        return values[cell], values[cell]
    if cell in primary:
        return 0.0, math.ceil(threshold) - 1.0
    return math.ceil(threshold), math.inf


def _safe(
    group: Group[K], values: Mapping[K, float], withheld: set[K], primary: frozenset[K], threshold: float
) -> bool:
    """Return whether no withheld cell of ``group`` is pinned by its sum and the cells' bounds.

    A part lies between the total's lowest minus the other parts' highest and the total's
    highest minus the other parts' lowest; the total between the parts' lowest and highest sums.
    The sums over all parts are taken once and each part's own bound taken off again, so a
    group costs one pass however many of its cells are withheld.
    """
    if not group.parts or not any(cell in withheld for cell in (group.total, *group.parts)):
        return True
    ranges = {
        cell: _bounds(cell, values, withheld, primary, threshold) for cell in (group.total, *group.parts)
    }
    lows = math.fsum(ranges[part][0] for part in group.parts)
    finite_highs = math.fsum(ranges[part][1] for part in group.parts if ranges[part][1] < math.inf)
    open_parts = sum(ranges[part][1] == math.inf for part in group.parts)
    total_low, total_high = ranges[group.total]
    for part in group.parts:
        if part not in withheld:
            continue
        low, high = ranges[part]
        others_open = open_parts - (high == math.inf) > 0
        others_high = math.inf if others_open else finite_highs - (high if high < math.inf else 0.0)
        if _pinned(max(low, total_low - others_high), min(high, total_high - (lows - low))):
            return False
    if group.total in withheld:
        highs = math.inf if open_parts else finite_highs
        return not _pinned(max(total_low, lows), min(total_high, highs))
    return True


def _pinned(low: float, high: float) -> bool:
    """Return whether exactly one whole number lies between ``low`` and ``high``.

    None at all means the shown figures contradict the sum (parts without a figure, events
    without a location in the total): the reader then learns that the sum does not hold, not a
    value.
    """
    return high < math.inf and math.ceil(low - 1e-9) == math.floor(high + 1e-9)


def _smallest_shown(group: Group[K], values: Mapping[K, float], withheld: set[K]) -> K | None:
    candidates = [(values[part], 0, index, part) for index, part in enumerate(group.parts)]
    candidates.append((values[group.total], 1, 0, group.total))
    shown = [candidate for candidate in candidates if candidate[3] not in withheld]
    return min(shown, key=lambda candidate: candidate[:3])[3] if shown else None
