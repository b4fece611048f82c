# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Ranks, colour classes and rank sums: the Platform IVZ district comparison (spec §6.11)."""

from __future__ import annotations

import math

import pytest

from kompas.indicators import ranks
from kompas.indicators.ranks import Colour, Ties
from kompas.indicators.vocabulary import Direction

LOWER = Direction.LOWER_IS_BETTER

# The five police districts of Oost-Nederland, incidence rates 2015 per 1.000 woningen (burglary)
# or inwoners. The source's table is lost (spec §6.11 [gap]); only Twente's burglary rate 3,34 and
# woonoverlast 3,52 survive (L2181). The other numbers are illustrative, chosen so that Twente has
# the best rank sum on the three spearheads, as the source concludes (L2156-2159).
DISTRICTS = ("Twente", "IJsselland", "Noord- en Oost-Gelderland", "Gelderland-Midden", "Gelderland-Zuid")
SPEARHEADS = {
    "overlast_kwetsbare_personen": (1.10, 1.35, 1.20, 1.60, 1.45),
    "woninginbraken": (3.34, 3.90, 3.60, 4.80, 5.10),
    "georganiseerde_criminaliteit": (0.42, 0.40, 0.59, 0.61, 0.55),
}
OPPORTUNITY = {"woonoverlast": (3.52, 3.10, 3.40, 3.95, 3.70)}


G, LG, Y, OR, RD = Colour.GREEN, Colour.LIGHT_GREEN, Colour.YELLOW, Colour.ORANGE, Colour.RED


@pytest.mark.parametrize(
    ("group_size", "expected"),
    [
        (5, [G, LG, Y, OR, RD]),  # five districts, each place its own colour as in the Platform's table
        (3, [G, Y, RD]),  # three areas: green, yellow, red
        (1, [G]),  # a group of one is its own best
        (10, [G, G, LG, LG, Y, Y, OR, OR, RD, RD]),  # ten municipalities: two places per colour
    ],
)
def test_colour_classes_run_from_green_to_red(group_size: int, expected: list[Colour]) -> None:
    assert [ranks.colour_class(rank, group_size) for rank in range(1, group_size + 1)] == expected


HIGHER = Direction.HIGHER_IS_BETTER


@pytest.mark.parametrize(
    ("values", "direction", "ties", "expected"),
    [
        ({"A": 3.0, "B": 5.0, "C": 4.0}, LOWER, Ties.MIN, {"A": 1, "B": 3, "C": 2}),  # lowest rate first
        ({"A": 80.0, "B": 60.0, "C": 70.0}, HIGHER, Ties.MIN, {"A": 1, "B": 3, "C": 2}),  # most safe first
        ({"A": 3.0, "B": 3.0, "C": 5.0}, LOWER, Ties.MIN, {"A": 1, "B": 1, "C": 3}),  # shared 1st, no 2nd
        ({"A": 3.0, "B": 3.0, "C": 5.0}, LOWER, Ties.AVERAGE, {"A": 1.5, "B": 1.5, "C": 3}),  # average places
    ],
)
def test_rank_group(
    values: dict[str, float], direction: Direction, ties: Ties, expected: dict[str, float]
) -> None:
    assert {area: r.rank for area, r in ranks.rank_group(values, direction, ties).items()} == expected


def test_an_area_without_a_value_gets_no_rank_and_does_not_count() -> None:
    result = ranks.rank_group({"A": 3.0, "B": math.nan, "C": 5.0}, LOWER)
    assert result["B"].rank is None and result["B"].colour is None
    assert result["C"].rank == 2 and result["C"].group_size == 2
    assert result["C"].colour is Colour.RED


def test_an_indicator_without_direction_cannot_be_ranked() -> None:
    with pytest.raises(ValueError):
        ranks.rank_group({"A": 1.0}, Direction.NONE)


def _ranked(table: dict[str, tuple[float, ...]]) -> dict[str, dict[str, ranks.Rank]]:
    return {
        code: ranks.rank_group(dict(zip(DISTRICTS, values, strict=True)), LOWER)
        for code, values in table.items()
    }


def test_district_comparison_on_the_spearheads_puts_twente_first() -> None:
    ranked = _ranked(SPEARHEADS | OPPORTUNITY)
    # Twente: 1st on vulnerable persons and burglary, 2nd on organised crime → rank sum 4.
    assert ranked["woninginbraken"]["Twente"].rank == 1
    assert ranked["woninginbraken"]["Twente"].colour is Colour.GREEN
    assert ranked["woninginbraken"]["Gelderland-Zuid"].colour is Colour.RED
    sums = ranks.rank_sums(ranked, list(SPEARHEADS))
    assert [(s.area, s.rank_sum, s.position) for s in sums] == [
        ("Twente", 4.0, 1.0),
        ("IJsselland", 7.0, 2.0),
        ("Noord- en Oost-Gelderland", 8.0, 3.0),
        ("Gelderland-Zuid", 12.0, 4.0),
        ("Gelderland-Midden", 14.0, 5.0),
    ]
    assert all(s.indicators == 3 for s in sums)


def test_opportunities_show_where_twente_is_not_first() -> None:
    # Woonoverlast is one of the "paarse vlakken" (L2172-2178): Twente ranks 3rd of 5 there.
    ranked = _ranked(OPPORTUNITY)
    assert ranked["woonoverlast"]["Twente"].rank == 3
    assert ranked["woonoverlast"]["Twente"].colour is Colour.YELLOW


def test_rank_sums_leave_out_areas_missing_an_indicator() -> None:
    # A missing rank must not count as a good one: no sum, placed last.
    ranked = {
        "a": ranks.rank_group({"X": 1.0, "Y": 2.0, "Z": 3.0}, LOWER),
        "b": ranks.rank_group({"X": 1.0, "Y": 2.0, "Z": math.nan}, LOWER),
    }
    sums = ranks.rank_sums(ranked)
    assert [(s.area, s.rank_sum, s.position) for s in sums] == [
        ("X", 2.0, 1.0),
        ("Y", 4.0, 2.0),
        ("Z", None, None),
    ]


def test_equal_rank_sums_share_a_position() -> None:
    ranked = {
        "a": ranks.rank_group({"X": 1.0, "Y": 2.0}, LOWER),
        "b": ranks.rank_group({"X": 2.0, "Y": 1.0}, LOWER),
    }
    assert [s.position for s in ranks.rank_sums(ranked)] == [1.0, 1.0]
