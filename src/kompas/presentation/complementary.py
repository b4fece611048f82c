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

Bounds carry from sum to sum: a wijk withheld as a complement may be safe in the gemeente's sum
and in its own, while the two together pin it (gemeente 6 = wijk "x" + wijk "< 5" allows 5 or
6, its shown buurt of 6 allows 6 or more). So each tree of sums is audited as a whole: every
withheld cell is narrowed by the sums it is in until nothing changes, which in a tree gives the
exact range a reader can reach [Hundepool2012]_ (§4.2.2, auditing a pattern); while a cell is
pinned, the smallest shown cell of its sums goes too.

Where the shown totals are the sums of their parts, a safe group holds either no withheld cell
or at least two, and in a hierarchy that suffices against exact derivation by any combination
of sums: the sums form a graph in which a cell is derivable only if it is a bridge among the
withheld cells, and a tree-shaped hierarchy whose every sum holds zero or at least two withheld
cells has no such bridge. The tests check both on random hierarchies against independent
audits: linear algebra for exact derivation, integer programming over all sums with the marks'
bounds for pinned cells.

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
    by_cell: dict[K, list[Group[K]]] = {}
    for group in sums:
        for cell in (group.total, *group.parts):
            by_cell.setdefault(cell, []).append(group)
    table = _Table(values, primary, threshold, by_cell, set(primary))
    _protect_each_sum(table, list(sums))
    for component in _components(sums, by_cell):
        _protect_across_sums(table, component)
    return Withheld(primary, frozenset(table.withheld - primary))


Range = tuple[float, float]


@dataclass
class _Table(Generic[K]):
    """The table being protected: its values, sums and the cells withheld so far."""

    values: Mapping[K, float]
    primary: frozenset[K]
    threshold: float
    by_cell: dict[K, list[Group[K]]]
    withheld: set[K]

    def bounds(self, cell: K) -> Range:
        """Return what a reader knows of ``cell`` without any sum: its value, or its mark's range."""
        if cell not in self.withheld:
            return self.values[cell], self.values[cell]
        if cell in self.primary:
            return 0.0, math.ceil(self.threshold) - 1.0
        return math.ceil(self.threshold), math.inf


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


def _protect_each_sum(table: _Table[K], pending: list[Group[K]]) -> None:
    """Withhold the smallest shown cell of every sum that pins a withheld cell, until none does."""
    while pending:
        group = pending.pop()
        while not _safe(group, table):
            added = _smallest_shown(group, table)
            if added is None:
                break
            table.withheld.add(added)
            pending.extend(other for other in table.by_cell[added] if other is not group)


def _protect_across_sums(table: _Table[K], component: list[Group[K]]) -> None:
    """Withhold more where bounds carried from sum to sum still pin a withheld cell.

    Each sum on its own may leave a range that the next level narrows to one value: gemeente 6
    of a withheld wijk and a wijk "< 5" puts the first wijk at 5 or 6, and its shown buurt of 6
    then puts it at 6 and both small cells at 0.
    """
    while True:
        ranges = _propagate(component, table)
        pinned = [cell for cell in ranges if cell in table.withheld and _pinned(*ranges[cell])]
        added = next((found for cell in pinned if (found := _smallest_near(cell, table)) is not None), None)
        if added is None:
            return
        table.withheld.add(added)
        _protect_each_sum(table, list(table.by_cell[added]))


def _components(sums: list[Group[K]], by_cell: dict[K, list[Group[K]]]) -> list[list[Group[K]]]:
    """Return the sums split into trees that share no cell (one per gemeente, say)."""
    seen: set[int] = set()
    found = []
    for start in sums:
        if id(start) in seen:
            continue
        seen.add(id(start))
        component, pending = [], [start]
        while pending:
            group = pending.pop()
            component.append(group)
            for cell in (group.total, *group.parts):
                for other in by_cell[cell]:
                    if id(other) not in seen:
                        seen.add(id(other))
                        pending.append(other)
        found.append(component)
    return found


def _implied(group: Group[K], ranges: Mapping[K, Range]) -> dict[K, Range]:
    """Return for every cell of ``group`` the range the other cells of its sum leave it.

    A part lies between the total's lowest minus the other parts' highest and the total's
    highest minus the other parts' lowest; the total between the parts' lowest and highest sums.
    The sums over all parts are taken once and each part's own bound taken off again, so a
    group costs one pass.
    """
    lows = math.fsum(ranges[part][0] for part in group.parts)
    finite_highs = math.fsum(ranges[part][1] for part in group.parts if ranges[part][1] < math.inf)
    open_parts = sum(ranges[part][1] == math.inf for part in group.parts)
    total_low, total_high = ranges[group.total]
    implied = {group.total: (lows, math.inf if open_parts else finite_highs)}
    for part in group.parts:
        low, high = ranges[part]
        others_open = open_parts - (high == math.inf) > 0
        others_high = math.inf if others_open else finite_highs - (high if high < math.inf else 0.0)
        implied[part] = (total_low - others_high, total_high - (lows - low))
    return implied


def _safe(group: Group[K], table: _Table[K]) -> bool:
    """Return whether no withheld cell of ``group`` is pinned by its sum and the cells' bounds."""
    cells = (group.total, *group.parts)
    if not group.parts or not any(cell in table.withheld for cell in cells):
        return True
    ranges = {cell: table.bounds(cell) for cell in cells}
    implied = _implied(group, ranges)
    return not any(_pinned(*_meet(ranges[cell], implied[cell])) for cell in cells if cell in table.withheld)


def _propagate(component: list[Group[K]], table: _Table[K]) -> dict[K, Range]:
    """Return the range of every cell of ``component`` after carrying bounds from sum to sum.

    The sums form a tree (each cell in at most two of them), so narrowing each cell by the sums
    it is in until nothing changes gives the exact ranges a reader can reach [Hundepool2012]_
    (§4.2.2, auditing a suppression pattern). Shown cells keep their value; a contradiction
    (an empty range: the sums do not hold) ends the narrowing, as it pins nothing.
    """
    ranges = {cell: table.bounds(cell) for group in component for cell in (group.total, *group.parts)}
    pending, queued = list(component), {id(group) for group in component}
    while pending:
        group = pending.pop()
        queued.discard(id(group))
        for cell, implied in _implied(group, ranges).items():
            if cell not in table.withheld:
                continue
            low, high = _meet(ranges[cell], implied)
            narrowed = (
                float(math.ceil(low - 1e-9)),
                float(math.floor(high + 1e-9)) if high < math.inf else high,
            )
            if narrowed[0] > narrowed[1]:
                return {}
            if narrowed != ranges[cell]:
                ranges[cell] = narrowed
                for other in table.by_cell[cell]:
                    if other is not group and id(other) not in queued:
                        queued.add(id(other))
                        pending.append(other)
    return ranges


def _meet(first: Range, second: Range) -> Range:
    return max(first[0], second[0]), min(first[1], second[1])


def _pinned(low: float, high: float) -> bool:
    """Return whether exactly one whole number lies between ``low`` and ``high``.

    None at all means the shown figures contradict the sum (parts without a figure, events
    without a location in the total): the reader then learns that the sum does not hold, not a
    value.
    """
    return high < math.inf and math.ceil(low - 1e-9) == math.floor(high + 1e-9)


def _smallest_shown(group: Group[K], table: _Table[K]) -> K | None:
    candidates = [(table.values[part], 0, index, part) for index, part in enumerate(group.parts)]
    candidates.append((table.values[group.total], 1, 0, group.total))
    shown = [candidate for candidate in candidates if candidate[3] not in table.withheld]
    return min(shown, key=lambda candidate: candidate[:3])[3] if shown else None


def _smallest_near(cell: K, table: _Table[K]) -> K | None:
    """Return the smallest shown cell of the sums ``cell`` is in (parts first on equal values)."""
    found = [
        added for group in table.by_cell.get(cell, []) if (added := _smallest_shown(group, table)) is not None
    ]
    return min(found, key=lambda added: (table.values[added], added not in _parts(cell, table)), default=None)


def _parts(cell: K, table: _Table[K]) -> set[K]:
    return {part for group in table.by_cell.get(cell, []) for part in group.parts}
