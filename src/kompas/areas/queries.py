# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.areas that other apps may use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from django.db.models import Q, QuerySet

# A model imported ``as`` itself is re-exported: other apps name it in type hints, and read its
# objects through this module's functions, never the tables.
from kompas.areas.models import Area as Area
from kompas.areas.models import AreaGroup, AreaGroupMember


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version of an area code: from which year, until which year, and its id."""

    valid_from: int
    valid_to: int | None
    id: int


@dataclass(frozen=True)
class AreaIndex:
    """Every version of a set of area codes, to resolve code + year to one version id.

    A year resolves to the latest version that starts in or before it. A year before the first
    version resolves to the first: a boundary file of 2014 also places a 2011 count in that buurt.
    """

    versions: dict[str, list[Version]] = field(default_factory=dict)

    def known(self, code: str) -> bool:
        """Return whether any version of ``code`` is stored."""
        return code in self.versions

    def resolve(self, code: str, year: int) -> int | None:
        """Return the id of the version of ``code`` that holds in ``year``, ``None`` if unknown."""
        versions = self.versions.get(code)
        if not versions:
            return None
        chosen = versions[0]
        for version in versions:
            if version.valid_from <= year:
                chosen = version
        return chosen.id

    def single(self, code: str) -> int | None:
        """Return the id of the only version of ``code``, ``None`` if it has none or several."""
        versions = self.versions.get(code, [])
        return versions[0].id if len(versions) == 1 else None


def version_index(codes: Iterable[str] | None = None) -> AreaIndex:
    """Return the versions of ``codes`` (every stored area when ``None``)."""
    rows = Area.objects.order_by("code", "valid_from").values_list("code", "valid_from", "valid_to", "id")
    if codes is not None:
        wanted = set(codes)
        rows = rows.filter(code__in=wanted) if len(wanted) < 500 else rows
        selected = [row for row in rows if row[0] in wanted]
    else:
        selected = list(rows)
    index: dict[str, list[Version]] = {}
    for code, valid_from, valid_to, pk in selected:
        index.setdefault(code, []).append(Version(valid_from, valid_to, pk))
    return AreaIndex(index)


def area_by_code(code: str, year: int | None = None) -> Area | None:
    """Return the version of area ``code`` that holds in ``year`` (the latest when ``None``)."""
    versions = Area.objects.filter(code=code).order_by("valid_from")
    if year is None:
        return versions.last()
    index = AreaIndex({code: [Version(a.valid_from, a.valid_to, a.pk) for a in versions]})
    pk = index.resolve(code, year)
    return next((area for area in versions if area.pk == pk), None)


def children(area: Area) -> QuerySet[Area]:
    """Return the areas directly under ``area`` (this version), ordered by code."""
    return Area.objects.filter(parent=area).order_by("code", "valid_from")


def ancestors(area: Area) -> list[Area]:
    """Return the areas above ``area``, nearest first (buurt → wijk → gemeente → …)."""
    found: list[Area] = []
    current = area.parent
    while current is not None and current not in found:
        found.append(current)
        current = current.parent
    return found


def group_members(group_code: str, year: int, organisation_id: int | None = None) -> list[Area]:
    """Return the areas of a group in ``year``: the organisation's own group, else the shared one.

    A member code without a stored version is left out.
    """
    group = (
        AreaGroup.objects.filter(code=group_code)
        .filter(Q(organisation_id=organisation_id) | Q(organisation__isnull=True))
        .order_by("organisation_id")
        .first()
        if organisation_id is not None
        else AreaGroup.objects.filter(code=group_code, organisation__isnull=True).first()
    )
    if group is None:
        return []
    codes = list(AreaGroupMember.objects.filter(group=group).values_list("area_code", flat=True))
    index = version_index(codes)
    ids = [pk for code in sorted(codes) if (pk := index.resolve(code, year)) is not None]
    found = Area.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


@dataclass(frozen=True, slots=True)
class AreaNode:
    """An area version reduced to what aggregation needs: code, level and parent id."""

    code: str
    level: str
    parent_id: int | None


def area_nodes(ids: Iterable[int] | None = None) -> dict[int, AreaNode]:
    """Return code, level and parent of the given area versions and all their ancestors."""
    rows = Area.objects.values_list("id", "code", "level", "parent_id")
    nodes = {pk: AreaNode(code, level, parent) for pk, code, level, parent in rows.iterator(chunk_size=5000)}
    if ids is None:
        return nodes
    wanted: dict[int, AreaNode] = {}
    for pk in ids:
        current: int | None = pk
        while current is not None and current not in wanted and current in nodes:
            wanted[current] = nodes[current]
            current = nodes[current].parent_id
    return wanted


def rd_boundaries(level: str, year: int, parent_code: str | None = None) -> dict[str, bytes]:
    """Return the RD New boundaries (WKB) of the ``level`` areas, each in its version of ``year``.

    With ``parent_code`` only the areas under that code by the CBS code rule are returned (the
    buurten of GM0164 start with BU0164). Areas without a boundary are left out.
    """
    areas = Area.objects.filter(level=level)
    if parent_code:
        areas = areas.filter(code__startswith=level_prefix(level) + parent_code[2:])
    rows = areas.order_by("code", "valid_from").values_list(
        "code", "valid_from", "valid_to", "id", "geometry_rd"
    )
    versions: dict[str, list[Version]] = {}
    geometries: dict[int, bytes] = {}
    for code, valid_from, valid_to, pk, geometry in rows:
        versions.setdefault(code, []).append(Version(valid_from, valid_to, pk))
        if geometry is not None:
            geometries[pk] = bytes(geometry)
    index = AreaIndex(versions)
    chosen = {code: index.resolve(code, year) or 0 for code in sorted(versions)}
    return {code: geometries[pk] for code, pk in chosen.items() if pk in geometries}


def level_prefix(level: str) -> str:
    """Return the two letters CBS codes of ``level`` start with (``buurt`` → ``BU``)."""
    return {"land": "NL", "provincie": "PV", "gemeente": "GM", "wijk": "WK", "buurt": "BU", "pc4": "PC"}.get(
        level, ""
    )


# Reads for the indicator engine (kompas.indicators): whole tables as frames.

AREA_VERSION_COLUMNS = ["id", "code", "level", "parent_code", "valid_from", "valid_to"]
GROUP_MEMBER_COLUMNS = ["group_id", "group_code", "organisation_id", "kind", "area_code"]


def area_version_frame() -> pd.DataFrame:
    """Return every area version with its parent's code; columns :data:`AREA_VERSION_COLUMNS`.

    ``valid_to`` is NaN for versions that are still valid.
    """
    rows = Area.objects.values_list("id", "code", "level", "parent__code", "valid_from", "valid_to")
    return pd.DataFrame.from_records(list(rows), columns=AREA_VERSION_COLUMNS)


def group_member_frame() -> pd.DataFrame:
    """Return the members of every area group (shared and own); columns :data:`GROUP_MEMBER_COLUMNS`."""
    rows = AreaGroupMember.objects.values_list(
        "group_id", "group__code", "group__organisation_id", "group__kind", "area_code"
    )
    return pd.DataFrame.from_records(list(rows), columns=GROUP_MEMBER_COLUMNS)


def area_names(codes: Iterable[str]) -> dict[str, str]:
    """Return area code → name of its latest version, for the codes that exist."""
    rows = (
        Area.objects.filter(code__in=list(codes)).order_by("code", "valid_from").values_list("code", "name")
    )
    return dict(rows)


def codes_by_name(names: Iterable[str]) -> dict[str, str]:
    """Return area name (lower case) → code, for the names that identify exactly one area code."""
    wanted = {name.strip().lower() for name in names if name.strip()}
    found: dict[str, set[str]] = {}
    if wanted:
        for code, name in Area.objects.values_list("code", "name"):
            if name.lower() in wanted:
                found.setdefault(name.lower(), set()).add(code)
    return {name: codes.pop() for name, codes in found.items() if len(codes) == 1}


# Reads for the maps of the dashboard and the reports (kompas.reports).


@dataclass(frozen=True, slots=True)
class MapShape:
    """An area version as a map draws it: id, code, name and simplified boundary (GeoJSON, WGS84)."""

    id: int
    code: str
    name: str
    level: str
    geojson: str


def map_shapes(level: str, year: int, parent_code: str) -> list[MapShape]:
    """Return the ``level`` areas under ``parent_code`` (by the CBS code rule), in their ``year`` version.

    ``parent_code`` may be the area itself at its own level (``gemeente``, ``GM0164``). The
    boundary is the simplified copy ('' when the area has none); the full ones stay unread.
    """
    rows = (
        Area.objects.filter(level=level, code__startswith=level_prefix(level) + parent_code[2:])
        .order_by("code", "valid_from")
        .values_list("code", "valid_from", "valid_to", "id", "name", "geometry_simplified")
    )
    versions: dict[str, list[Version]] = {}
    shapes: dict[int, MapShape] = {}
    for code, valid_from, valid_to, pk, name, geojson in rows:
        versions.setdefault(code, []).append(Version(valid_from, valid_to, pk))
        shapes[pk] = MapShape(pk, code, name, level, geojson)
    index = AreaIndex(versions)
    return [shapes[chosen] for code in sorted(versions) if (chosen := index.resolve(code, year)) is not None]


def ids_within(gemeente_code: str) -> list[int]:
    """Return the ids of every version of the gemeente and of the wijken and buurten under it."""
    number = gemeente_code[2:]
    inside = Q(code=gemeente_code) | Q(code__startswith="WK" + number) | Q(code__startswith="BU" + number)
    return list(Area.objects.filter(inside).values_list("id", flat=True))


def codes_within(gemeente_code: str) -> dict[int, str]:
    """Return id → code of every version of the gemeente and of the wijken and buurten under it."""
    number = gemeente_code[2:]
    inside = Q(code=gemeente_code) | Q(code__startswith="WK" + number) | Q(code__startswith="BU" + number)
    return dict(Area.objects.filter(inside).values_list("id", "code"))


# Reads for boundary crosswalks (kompas.areas.crosswalk).


@dataclass(frozen=True, slots=True)
class DivisionArea:
    """An area version of a division: its id and its RD New boundary (WKB)."""

    id: int
    geometry_rd: bytes


def division(level: str, year: int, parent_code: str) -> dict[str, DivisionArea]:
    """Return the ``level`` areas under ``parent_code`` whose version is valid in ``year``.

    Unlike :meth:`AreaIndex.resolve`, a year before a code's first version does not reach
    that version: a division is the set of boundaries that held that year, so a code that
    only exists later is no part of it. Areas without a boundary are left out.
    """
    valid = Q(valid_from__lte=year) & (Q(valid_to__isnull=True) | Q(valid_to__gte=year))
    rows = (
        Area.objects.filter(valid, level=level, code__startswith=level_prefix(level) + parent_code[2:])
        .exclude(geometry_rd=None)
        .order_by("code", "valid_from")
        .values_list("code", "id", "geometry_rd")
    )
    return {code: DivisionArea(pk, bytes(geometry)) for code, pk, geometry in rows if geometry is not None}


def level_versions(level: str) -> list[tuple[int, str, int, int | None]]:
    """Return (id, code, valid_from, valid_to) of every version of the ``level`` areas."""
    rows = Area.objects.filter(level=level).order_by("code", "valid_from")
    return list(rows.values_list("id", "code", "valid_from", "valid_to"))


def versions_in_year(versions: list[tuple[int, str, int, int | None]], year: int) -> list[int]:
    """Return the ids of the versions that hold in ``year``, by the rule of :meth:`AreaIndex.resolve`.

    A code's version is its latest that starts in or before ``year``, else its first; a version
    that ended before ``year`` without a successor holds for nothing.
    """
    chosen: dict[str, tuple[int, int | None]] = {}
    for pk, code, valid_from, valid_to in versions:
        if code not in chosen or valid_from <= year:
            chosen[code] = (pk, valid_to)
    return [pk for pk, valid_to in chosen.values() if valid_to is None or valid_to >= year]
