# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Ranks within a group, colour classes and rank sums per theme: the district comparison of the
Platform IVZ Twente.

The Platform compared the incidence rates (per 1.000 woningen or inwoners) of the five police
districts of Oost-Nederland in 2015: for every safety field the districts were ranked, 1st place
in green through 5th place in red, and the ranks of the Platform's three spearheads were taken
together to conclude that Twente had the best results (spec §6.11, IVP L2146-2181). Kompas
repeats that method for any group of areas and any set of indicators.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from scipy import stats

from kompas.indicators.vocabulary import Direction


class Colour(StrEnum):
    """Colour class of a rank: 1st place green through last place red."""

    GREEN = "groen"
    LIGHT_GREEN = "lichtgroen"
    YELLOW = "geel"
    ORANGE = "oranje"
    RED = "rood"


COLOURS = tuple(Colour)


class Ties(StrEnum):
    """How equal values share places: ``min`` as in league tables (1, 1, 3), or ``average``."""

    MIN = "min"
    AVERAGE = "average"


@dataclass(frozen=True)
class Rank:
    """The place of one area for one indicator; ``rank`` and ``colour`` None without a value."""

    area: str
    value: float
    rank: float | None
    colour: Colour | None
    group_size: int


@dataclass(frozen=True)
class RankSum:
    """The sum of an area's ranks over a theme's indicators and its place on that sum."""

    area: str
    rank_sum: float | None
    indicators: int
    position: float | None


def colour_class(rank: float, group_size: int) -> Colour:
    """Map rank 1 … n linearly onto the five colours: first green, last red.

    With five members each place has its own colour, as in the Platform's table; with ten,
    two places share a colour; with three, the colours are green, yellow and red.
    """
    if group_size <= 1:
        return Colour.GREEN
    step = (rank - 1) * (len(COLOURS) - 1) / (group_size - 1)
    return COLOURS[math.floor(step + 0.5)]


def rank_group(values: Mapping[str, float], direction: Direction, ties: Ties = Ties.MIN) -> dict[str, Rank]:
    """Rank the members of a group on one indicator, 1 = best.

    Parameters
    ----------
    values : mapping of str to float
        Value per area, e.g. woninginbraken per 1.000 woningen per district; NaN is not ranked.
    direction : Direction
        ``lower_is_better`` ranks the lowest value first (incidence rates, as the Platform did);
        ``higher_is_better`` the highest. An indicator without a direction cannot be ranked.
    ties : Ties
        Places for equal values.
    """
    if direction is Direction.NONE:
        raise ValueError("an indicator without a direction cannot be ranked")
    known = {area: value for area, value in values.items() if not math.isnan(value)}
    sign = 1.0 if direction is Direction.LOWER_IS_BETTER else -1.0
    places = stats.rankdata([sign * v for v in known.values()], method=ties.value) if known else []
    ranked = {area: float(place) for area, place in zip(known, places, strict=True)}
    return {
        area: Rank(
            area,
            value,
            ranked.get(area),
            colour_class(ranked[area], len(known)) if area in ranked else None,
            len(known),
        )
        for area, value in values.items()
    }


def rank_sums(
    ranks: Mapping[str, Mapping[str, Rank]], indicators: Sequence[str] | None = None
) -> list[RankSum]:
    """Sum each area's ranks over a theme's indicators and order the areas by that sum.

    Parameters
    ----------
    ranks : mapping of indicator code to the result of :func:`rank_group`
    indicators : sequence of str, optional
        The theme's indicators (the Platform's three spearheads); default all of ``ranks``.

    Returns
    -------
    list of RankSum
        Lowest sum first (position 1 = best over the theme, ties share the lower place). An area
        without a rank on one of the indicators gets no sum and no position: a missing rank
        must not count as a good one. Areas without a sum come last.
    """
    codes = list(indicators) if indicators is not None else list(ranks)
    areas = list(dict.fromkeys(area for code in codes for area in ranks[code]))
    sums: dict[str, float | None] = {}
    for area in areas:
        places = [ranks[code][area].rank if area in ranks[code] else None for code in codes]
        known = [p for p in places if p is not None]
        sums[area] = float(sum(known)) if len(known) == len(codes) else None
    complete = {area: total for area, total in sums.items() if total is not None}
    positions = stats.rankdata(list(complete.values()), method="min") if complete else []
    position = {area: float(p) for area, p in zip(complete, positions, strict=True)}
    result = [RankSum(area, sums[area], len(codes), position.get(area)) for area in areas]
    return sorted(result, key=lambda r: (r.position is None, r.position or 0.0, r.area))
