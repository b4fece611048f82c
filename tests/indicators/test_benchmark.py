# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The G32 benchmark index: 100 = group mean, more = better, clipped to [10, 150]."""

from __future__ import annotations

import math

import pytest

from kompas.indicators import benchmark
from kompas.indicators.benchmark import IndexRule
from kompas.indicators.vocabulary import Direction

LOWER = Direction.LOWER_IS_BETTER
HIGHER = Direction.HIGHER_IS_BETTER


@pytest.mark.parametrize(
    ("value", "mean", "direction", "expected"),
    [
        (4.0, 4.0, LOWER, 100.0),  # exactly the group's burglary rate: 100
        (5.0, 4.0, LOWER, 80.0),  # 25 % more burglaries than the mean: 100 × 4 / 5 = 80, less safe
        (3.2, 4.0, LOWER, 125.0),  # fewer burglaries: above 100 = safer
        (2.0, 4.0, LOWER, 150.0),  # half the mean would be 200: clipped to the G32 maximum 150
        (0.0, 4.0, LOWER, 150.0),  # no burglaries at all: the maximum, not infinity
        (50.0, 4.0, LOWER, 10.0),  # twelve times the mean would be 8: clipped to the minimum 10
        (77.0, 70.0, HIGHER, 110.0),  # % feeling safe 10 % above the mean: 110
        (35.0, 70.0, HIGHER, 50.0),  # half the mean: 50
        (3.0, 1.0, Direction.NONE, 150.0),  # "more" without a judgement, as the G32 capacity scores
        (0.6, 1.0, Direction.NONE, 60.0),  # 0,6 fte per 10.000 inhabitants against a mean of 1,0
    ],
)
def test_index(value: float, mean: float, direction: Direction, expected: float) -> None:
    assert benchmark.index(value, mean, direction) == pytest.approx(expected)


def test_configurable_bounds_and_base() -> None:
    assert benchmark.index(2.0, 4.0, LOWER, IndexRule(floor=0, ceiling=1000)) == pytest.approx(200.0)
    assert benchmark.index(2.0, 4.0, LOWER, IndexRule(base=1.0, floor=0.1, ceiling=1.5)) == pytest.approx(1.5)


def test_group_indices_use_the_unweighted_group_mean() -> None:
    # Four municipalities with 2, 4, 4 and 6 burglaries per 1.000 woningen: mean 4.
    result = benchmark.group_indices({"A": 2.0, "B": 4.0, "C": 4.0, "D": 6.0}, LOWER)
    assert {area: r.index for area, r in result.items()} == pytest.approx(
        {"A": 150.0, "B": 100.0, "C": 100.0, "D": 400 / 6}
    )
    assert result["A"].clipped and not result["B"].clipped
    assert result["D"].group_mean == 4.0
    assert result["D"].method == "g32_mean_100"


def test_members_without_a_value_are_left_out_of_the_mean() -> None:
    result = benchmark.group_indices({"A": 3.0, "B": 5.0, "C": math.nan}, LOWER)
    assert result["A"].group_mean == 4.0
    assert math.isnan(result["C"].index) and not result["C"].clipped


def test_a_group_without_values_has_no_index() -> None:
    result = benchmark.group_indices({"A": math.nan}, HIGHER)
    assert math.isnan(result["A"].index)
