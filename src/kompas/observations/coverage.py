# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""How much of a parent a sum of its parts covers: parts, values and inhabitants (``docs/areas.md`` §2).

A gemeente summed from 57 of its 99 wijken is not the gemeente's total; shown without a remark,
it halves the city and can turn the sign of a trend. Every sum of parts therefore carries how
many of the parent's parts it holds (the areas of the parts' level that lie in the parent that
year, by the version rule of :meth:`kompas.areas.queries.AreaIndex.resolve`), how many of the
expected values (parts × periods) and which share of the parts' inhabitants (``inwoners`` of
the nearest year; unknown when a part has none). Below full coverage the sum is *onvolledig*.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import cast

import numpy as np
import numpy.typing as npt
import pandas as pd
from django.utils.translation import gettext as _

from kompas.areas.queries import AreaNode, area_nodes, level_versions, version_index, versions_in_year
from kompas.observations.models import Observation, visible_observations

POPULATION = "inwoners"
# From fine to coarse: a sum's parts are counted at the finest level among them.
LEVEL_ORDER = ("buurt", "wijk", "gemeente", "regio", "provincie", "land")
QUERY_IDS = 900  # ids per IN (...) query, well below every database's parameter limit
COLUMNS = (
    "coverage_parts",
    "coverage_parts_expected",
    "coverage_values",
    "coverage_values_expected",
    "coverage_population_share",
    "coverage",
)


def level_words(level: str, count: int) -> str:
    """Return the Dutch word for ``count`` areas of ``level`` (``buurten``, ``wijk``)."""
    words = {
        "buurt": (_("buurt"), _("buurten")),
        "wijk": (_("wijk"), _("wijken")),
        "gemeente": (_("gemeente"), _("gemeenten")),
        "regio": (_("regio"), _("regio's")),
        "provincie": (_("provincie"), _("provincies")),
    }.get(level, (_("gebied"), _("gebieden")))
    return words[0] if count == 1 else words[1]


def label(parts: int, expected: int, values: int, values_expected: int, level: str) -> str:
    """Return '' for a complete sum, else the remark *onvolledig (57 van 99 wijken)*.

    Missing parts are named first; with every part present, missing periods are named as values.
    """
    if parts < expected:
        return _("onvolledig (%(parts)d van %(expected)d %(words)s)") % {
            "parts": parts,
            "expected": expected,
            "words": level_words(level, expected),
        }
    if values < values_expected:
        return _("onvolledig (%(values)d van %(expected)d waarden)") % {
            "values": values,
            "expected": values_expected,
        }
    return ""


@dataclass(frozen=True)
class _Leaves:
    """The areas of one level in one year: per area id, how many leaves lie in it, and their inhabitants."""

    under: dict[int, int]
    people: dict[int, float]
    unknown: dict[int, int]


class Hierarchy:
    """Leaf counts and inhabitants per area, computed once per (level, year)."""

    def __init__(self, nodes: dict[int, AreaNode], organisation_id: int | None) -> None:
        self.nodes = nodes
        self.organisation_id = organisation_id
        self.leaves = cache(self._leaves)
        self.versions = cache(level_versions)

    def _leaves(self, level: str, year: int) -> _Leaves:
        ids = versions_in_year(self.versions(level), year)
        people = _population(ids, year, self.organisation_id)
        under: dict[int, int] = {}
        total: dict[int, float] = {}
        unknown: dict[int, int] = {}
        for pk in ids:
            current: int | None = pk
            while current is not None:
                under[current] = under.get(current, 0) + 1
                if pk in people:
                    total[current] = total.get(current, 0.0) + people[pk]
                else:
                    unknown[current] = unknown.get(current, 0) + 1
                node = self.nodes.get(current)
                current = node.parent_id if node is not None else None
        return _Leaves(under, total, unknown)


def coverage(parts: pd.DataFrame, keys: list[str], hierarchy: Hierarchy) -> pd.DataFrame:
    """Return the coverage of each sum: one row per key with :data:`COLUMNS`.

    ``parts`` holds the summed rows: the ``keys`` (with ``target_area``, ``target_start`` and
    ``target_length``), ``area_id``, ``period_start``, ``period_length`` and ``level``. A part
    coarser than the finest among its sum's parts counts as the finest areas inside it.
    """
    frame = parts.copy()
    frame["rank"] = frame["level"].map({level: i for i, level in enumerate(LEVEL_ORDER)}).fillna(-1)
    leaf_rank = frame.groupby(keys)["rank"].transform("min").astype(int)
    frame["leaf_level"] = leaf_rank.map(dict(enumerate(LEVEL_ORDER))).fillna("")
    frame["year"] = frame["target_start"].dt.year
    inside = _per_leaves(frame, "area_id", hierarchy, lambda leaves: leaves.under, 0.0)
    # a part at the finest level (or at a level outside the CBS hierarchy) counts once
    itself = (frame["level"] == frame["leaf_level"]) | (frame["leaf_level"] == "")
    frame["weight"] = np.where(itself, 1.0, inside)
    cells = frame.drop_duplicates([*keys, "area_id", "period_start"])
    areas = frame.drop_duplicates([*keys, "area_id"]).copy()
    areas["people"] = _per_leaves(areas, "area_id", hierarchy, _known_people, np.nan)
    areas["unknown"] = areas["people"].isna()
    result = areas.groupby(keys, as_index=False).agg(
        coverage_parts=("weight", "sum"),
        leaf_level=("leaf_level", "first"),
        year=("year", "first"),
        length=("period_length", "first"),
        people=("people", "sum"),
        unknown=("unknown", "max"),
    )
    values = cells.groupby(keys, as_index=False).agg(coverage_values=("weight", "sum"))
    return _expected(result.merge(values, on=keys), keys, hierarchy)


def _known_people(leaves: _Leaves) -> dict[int, float]:
    """Return area id → inhabitants, for the areas whose every leaf has inhabitants."""
    return {pk: people for pk, people in leaves.people.items() if not leaves.unknown.get(pk)}


def _per_leaves(
    frame: pd.DataFrame,
    column: str,
    hierarchy: Hierarchy,
    pick: Callable[[_Leaves], Mapping[int, float]],
    default: float,
) -> npt.NDArray[np.float64]:
    """Look up ``pick(leaves of the row's leaf level and year)`` for the area ids in ``column``."""
    found = np.full(len(frame), default, dtype=np.float64)
    for group, index in frame.groupby(["leaf_level", "year"]).indices.items():
        leaf, year = cast("tuple[str, int]", group)
        if leaf:
            mapping = pick(hierarchy.leaves(str(leaf), int(year)))
            found[index] = frame[column].iloc[index].map(mapping).fillna(default).to_numpy(dtype=np.float64)
    return found


def _expected(result: pd.DataFrame, keys: list[str], hierarchy: Hierarchy) -> pd.DataFrame:
    expected = _per_leaves(result, "target_area", hierarchy, lambda leaves: leaves.under, 0.0)
    whole = _per_leaves(result, "target_area", hierarchy, _known_people, np.nan)
    present = np.where(result["unknown"].astype(bool), np.nan, result["people"].astype(float))
    with np.errstate(divide="ignore", invalid="ignore"):
        result["coverage_population_share"] = np.where(whole > 0, present / whole, np.nan)
    result["coverage_parts_expected"] = np.maximum(expected, result["coverage_parts"])
    periods = [
        _periods(length, target, start)
        for length, target, start in zip(
            result["length"], result["target_length"], result["target_start"], strict=True
        )
    ]
    result["coverage_values_expected"] = result["coverage_parts_expected"] * np.asarray(periods)
    result["coverage"] = [
        label(int(p), int(e), int(v), int(ve), leaf)
        for p, e, v, ve, leaf in zip(
            result["coverage_parts"],
            result["coverage_parts_expected"],
            result["coverage_values"],
            result["coverage_values_expected"],
            result["leaf_level"],
            strict=True,
        )
    ]
    return result[[*keys, *COLUMNS]]


# Months in a period of each length that sums (weeks are never summed).
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _periods(length: str, target: str, start: pd.Timestamp) -> int:
    """Return how many periods of ``length`` the period ``target`` starting at ``start`` holds."""
    if length == target:
        return 1
    if length == "day":
        end = start + pd.DateOffset(months=_MONTHS.get(target, 1))
        return int((end - start).days)
    return max(_MONTHS.get(target, 1) // _MONTHS.get(length, 1), 1)


def _population(ids: list[int], year: int, organisation_id: int | None) -> dict[int, float]:
    """Return the inhabitants of each area version on 1 January of the year nearest ``year``."""
    nearest: dict[int, tuple[int, float]] = {}
    for first in range(0, len(ids), QUERY_IDS):
        rows = Observation._base_manager.filter(
            visible_observations(organisation_id),
            measure__code=POPULATION,
            area_id__in=ids[first : first + QUERY_IDS],
        ).values_list("area_id", "period_start", "value")
        for area_id, start, value in rows:
            distance = abs(start.year - year)
            if area_id not in nearest or distance < nearest[area_id][0]:
                nearest[area_id] = (distance, value)
    return {pk: value for pk, (_distance, value) in nearest.items()}


@dataclass(frozen=True)
class ParentCoverage:
    """How many of a parent's parts (areas of ``part_level``) have a value, and their inhabitants' share."""

    area_code: str
    parts: int
    expected: int
    part_level: str
    population_share: float | None

    @property
    def complete(self) -> bool:
        """Return whether every part of the parent has a value."""
        return self.parts >= self.expected

    @property
    def population_text(self) -> str:
        """Return the share of the parts' inhabitants as '83,1 %' ('' when unknown)."""
        if self.population_share is None:
            return ""
        return f"{self.population_share * 100:.1f} %".replace(".", ",")

    @property
    def label(self) -> str:
        """Return '' when complete, else *onvolledig (22 van 26 buurten)*."""
        return label(self.parts, self.expected, 0, 0, self.part_level)


def parents_covered(
    part_codes: Iterable[str], part_level: str, parent_level: str, year: int
) -> list[ParentCoverage]:
    """Return, per ``parent_level`` area above ``part_codes``, how many of its parts they are.

    The parts are area codes of ``part_level`` that have a value in ``year``; each is taken in
    its version of that year, and counted against the parent's parts of that year.
    """
    codes = sorted(set(part_codes))
    if not codes:
        return []
    index = version_index(codes)
    hierarchy = Hierarchy(area_nodes(), None)
    leaves = hierarchy.leaves(part_level, year)
    found: dict[int, tuple[int, float, bool]] = {}
    for code in codes:
        pk = index.resolve(code, year)
        parent = _ancestor(hierarchy.nodes, pk, parent_level)
        if pk is None or parent is None:
            continue
        count, people, known = found.get(parent, (0, 0.0, True))
        own = leaves.people.get(pk) if not leaves.unknown.get(pk) else None
        found[parent] = (count + 1, people + (own or 0.0), known and own is not None)
    result = []
    for parent, (count, people, known) in found.items():
        whole = leaves.people.get(parent) if not leaves.unknown.get(parent) else None
        share = people / whole if known and whole else None
        expected = max(leaves.under.get(parent, 0), count)
        result.append(ParentCoverage(hierarchy.nodes[parent].code, count, expected, part_level, share))
    return sorted(result, key=lambda c: c.area_code)


def _ancestor(nodes: dict[int, AreaNode], pk: int | None, level: str) -> int | None:
    current = nodes[pk].parent_id if pk is not None and pk in nodes else None
    while current is not None and current in nodes and nodes[current].level != level:
        current = nodes[current].parent_id
    return current if current is not None and current in nodes else None
