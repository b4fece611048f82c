# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Complementary suppression: no withheld cell of a hierarchy of sums can be recomputed.

The property tests audit the result independently of the method: by linear algebra (a cell is
derivable exactly when its unit vector lies in the row space of the sums restricted to the
withheld cells) and by linear programming with the bounds a reader knows. Time budget: ~5 s.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from kompas.presentation.complementary import Group, Withheld, withhold

THRESHOLD = 5


def _wijk(total: float, *parts: float) -> tuple[list[Group[str]], dict[str, float]]:
    names = tuple(f"b{index}" for index in range(len(parts)))
    return [Group("w", names)], {"w": total, **dict(zip(names, parts, strict=True))}


@pytest.mark.parametrize(
    ("total", "parts", "primary", "complementary"),
    [
        # the attack: wijk 28, buurten 10, 7, 9 shown beside "< 5" gives 2 away; 7 goes too
        (28, (10, 7, 9, 2), {"b3"}, {"b1"}),
        # two small buurten protect each other: 1 + 3 = 4 is no single value
        (24, (10, 1, 10, 3), {"b1", "b3"}, set()),
        # nothing under the threshold: nothing withheld
        (30, (10, 10, 10), set(), set()),
        # 0 beside a buurt of exactly 5: the hidden pair sums to 5, so the 0 is pinned; 9 goes too
        (24, (0, 5, 10, 9), {"b0"}, {"b1", "b3"}),
        # two buurten of 4: their sum 8 pins both at 4 (each below 5); the smallest shown goes too
        (26, (4, 4, 6, 12), {"b0", "b1"}, {"b2"}),
        # a wijk of one buurt: the wijk equals the buurt
        (3, (3,), {"w", "b0"}, set()),
        # a small wijk total hides its buurten's sum; its buurten are small too
        (4, (1, 3), {"w", "b0", "b1"}, set()),
        # ties: the first of two equal smallest buurten goes
        (26, (2, 8, 8, 8), {"b0"}, {"b1"}),
    ],
)
def test_one_wijk(total: float, parts: tuple[float, ...], primary: set[str], complementary: set[str]) -> None:
    groups, values = _wijk(total, *parts)
    assert withhold(groups, values, threshold=THRESHOLD) == Withheld(
        frozenset(primary), frozenset(complementary)
    )


def test_a_complement_that_totals_a_group_protects_inside_it_too() -> None:
    # gemeente 100 = wijk A 3 (buurten 1, 2) + wijk B 40 (buurten 20, 12, 8) + wijk C 57:
    # withholding wijk A pins it in the gemeente's sum, so wijk B goes, and then its buurt 8
    values = {"g": 100, "A": 3, "B": 40, "C": 57, "a1": 1, "a2": 2, "b1": 20, "b2": 12, "b3": 8}
    groups = [Group("g", ("A", "B", "C")), Group("A", ("a1", "a2")), Group("B", ("b1", "b2", "b3"))]
    found = withhold(groups, values, threshold=THRESHOLD)
    assert found.primary == {"A", "a1", "a2"}
    assert found.complementary == {"B", "b3"}


def test_bounds_carried_from_sum_to_sum_are_protected_too() -> None:
    # gemeente 6 = wijk A 6 + wijk B 0; wijk A = buurt a1 0 + buurt a2 6. Per sum it looks safe
    # once A is withheld, but A ≥ 6 (it holds a2) and A ≤ 6 (gemeente minus B ≥ 0) pins A at 6
    # and both zeros; so a2 goes too
    values = {"g": 6, "A": 6, "B": 0, "a1": 0, "a2": 6}
    found = withhold([Group("g", ("A", "B")), Group("A", ("a1", "a2"))], values, threshold=THRESHOLD)
    assert found.primary == {"B", "a1"}
    assert found.complementary == {"A", "a2"}


def test_a_sum_without_a_shown_total_gives_nothing_away() -> None:
    # the gemeente has no value of its own: its wijken are not a sum anyone can see
    values = {"A": 3, "B": 40}
    assert withhold([Group("g", ("A", "B"))], values, threshold=THRESHOLD).complementary == frozenset()


def test_a_part_without_a_value_protects_nothing() -> None:
    # buurt b2 has no figure; a reader may take it as zero, so 7 still goes
    values = {"w": 28, "b0": 10, "b1": 7, "b3": 9, "b4": 2}
    groups = [Group("w", ("b0", "b1", "b2", "b3", "b4"))]
    assert withhold(groups, values, threshold=THRESHOLD).complementary == {"b1"}


def test_a_total_the_shown_parts_contradict_pins_nothing() -> None:
    # gemeente 183 beside wijken 48 and 3, the other wijken without a figure: 183 − 48 = 135 is
    # no count under 5, so the reader learns only that figures are missing, and 48 stays
    values = {"g": 183, "A": 48, "B": 3}
    found = withhold([Group("g", ("A", "B"))], values, threshold=THRESHOLD)
    assert (found.primary, found.complementary) == ({"B"}, frozenset())


def test_a_cell_in_two_sums_is_refused() -> None:
    with pytest.raises(ValueError, match="meer dan één som"):
        withhold([Group("w", ("b",)), Group("v", ("b",))], {"w": 1, "v": 1, "b": 1}, threshold=THRESHOLD)


@st.composite
def hierarchies(draw: st.DrawFn) -> tuple[list[Group[int]], dict[int, float]]:
    """A tree of depth up to 3, 1-5 parts per total, a leaf early one time in five; counts 0-30."""
    groups: list[Group[int]] = []
    values: dict[int, float] = {}
    counter = iter(range(10_000))

    def node(depth: int) -> int:
        key = next(counter)
        if depth == 0 or draw(st.integers(0, 4)) == 0:
            values[key] = float(draw(st.integers(0, 30)))
            return key
        parts = tuple(node(depth - 1) for _ in range(draw(st.integers(1, 5))))
        groups.append(Group(key, parts))
        values[key] = sum(values[part] for part in parts)
        return key

    node(draw(st.integers(1, 3)))
    return groups, values


def _matrix(groups: list[Group[int]], hidden: list[int]) -> np.ndarray:
    """Return the sums as rows over the hidden cells only; the shown cells are known constants."""
    column = {cell: index for index, cell in enumerate(hidden)}
    rows = np.zeros((len(groups), len(hidden)))
    for row, group in enumerate(groups):
        for cell, sign in ((group.total, -1.0), *((part, 1.0) for part in group.parts)):
            if cell in column:
                rows[row, column[cell]] = sign
    return rows


@settings(max_examples=300, deadline=None)
@given(hierarchies())
def test_no_withheld_cell_is_derivable_from_the_shown_cells_and_sums(
    table: tuple[list[Group[int]], dict[int, float]],
) -> None:
    groups, values = table
    found = withhold(groups, values, threshold=THRESHOLD)
    assert found.primary == {cell for cell, value in values.items() if value < THRESHOLD}
    hidden = sorted(found.all)
    if not hidden or not groups:
        return
    sums = _matrix(groups, hidden)
    rank = np.linalg.matrix_rank(sums)
    for index in range(len(hidden)):
        unit = np.zeros((1, len(hidden)))
        unit[0, index] = 1.0
        # derivable ⇔ the unit vector adds nothing to the row space
        assert np.linalg.matrix_rank(np.vstack([sums, unit])) > rank, hidden[index]


@settings(max_examples=300, deadline=None)
@given(hierarchies())
def test_every_sum_holds_no_withheld_cell_or_at_least_two(
    table: tuple[list[Group[int]], dict[int, float]],
) -> None:
    groups, values = table
    hidden = withhold(groups, values, threshold=THRESHOLD).all
    for group in groups:
        assert sum(cell in hidden for cell in (group.total, *group.parts)) != 1


@settings(max_examples=120, deadline=None)
@given(hierarchies())
def test_no_withheld_cell_is_pinned_by_what_a_reader_knows(
    table: tuple[list[Group[int]], dict[int, float]],
) -> None:
    groups, values = table
    found = withhold(groups, values, threshold=THRESHOLD)
    for target in sorted(found.all):
        if any(target in (group.total, *group.parts) for group in groups):
            low, high = _range(target, groups, values, found)
            assert high - low >= 1 - 1e-6, (target, low, high)


def _range(
    target: int, groups: list[Group[int]], values: dict[int, float], found: Withheld[int]
) -> tuple[float, float]:
    """Return min and max of ``target`` by integer programming over all sums and the marks' bounds.

    A complement has no upper bound; 10^6 stands for it, far above any total drawn.
    """
    cells = sorted(values)
    bounds = [
        (0, THRESHOLD - 1)
        if cell in found.primary
        else (THRESHOLD, 10**6)
        if cell in found.complementary
        else (values[cell], values[cell])
        for cell in cells
    ]
    sums = _matrix(groups, cells)
    objective = np.array([1.0 if cell == target else 0.0 for cell in cells])
    ends = []
    for sign in (1.0, -1.0):
        result = linprog(
            sign * objective, A_eq=sums, b_eq=np.zeros(len(groups)), bounds=bounds, integrality=1
        )
        assert result.status == 0, result.message
        ends.append(sign * result.fun)
    return ends[0], ends[1]
