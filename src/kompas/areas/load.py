# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Saving area versions: boundaries from a file, and areas created from their CBS code alone.

An area is a version: code + the year it starts (``valid_from``). Saving a version that exists
updates its name and boundary; a new version of a known code closes the previous one
(``valid_to`` = the year before). Parents follow the CBS code rule (BU04840809 → WK048408 →
GM0484; PV23 → NL00) unless the file names one. The caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol, TypeVar

from kompas.areas import projection
from kompas.areas.codes import level_of, parent_of
from kompas.areas.models import Area
from kompas.areas.queries import AreaIndex, version_index
from kompas.dbstats import refresh_statistics

BATCH = 500
QUERY_CODES = 900  # codes per IN (...) query, well below every database's parameter limit
UPDATED_FIELDS = ["name", "level", "geometry_wgs84", "geometry_rd", "geometry_simplified"]
LEVELS = ["land", "provincie", "regio", "gemeente", "wijk", "buurt", "pc4", "grid"]


class AreaInput(Protocol):
    """What a boundary file gives per area (:class:`kompas.sources.records.AreaRecord` fits)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def parent_code(self) -> str | None: ...
    @property
    def geometry(self) -> bytes | None: ...
    @property
    def valid_from(self) -> int: ...


@dataclass
class AreaLoadResult:
    """What saving areas did: versions created, updated and unchanged, and what it noticed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    created_codes: list[str] = field(default_factory=list)
    missing_parents: list[str] = field(default_factory=list)


def save_areas(
    records: Sequence[AreaInput],
    *,
    create_parents: bool = False,
    names: Mapping[str, str] | None = None,
    update: bool = True,
) -> AreaLoadResult:
    """Save ``records`` as area versions with their boundaries in WGS84, RD New and simplified.

    A parent that is not stored is created from its code when ``create_parents`` is set (named
    from ``names`` or by its code); otherwise it is listed in ``missing_parents`` and the area
    is linked to it as soon as it is loaded. Without ``update`` stored versions keep their name
    and boundary: only the operator's open data changes an area others see (ADR 0011).
    """
    result = AreaLoadResult()
    own = {record.code for record in records}
    parents = {(r.code, r.valid_from): r.parent_code or parent_of(r.code) for r in records}
    wanted = {code for code in parents.values() if code}
    index = version_index(wanted)
    missing = {
        code: year for (_c, year), code in parents.items() if code in wanted - own and not index.known(code)
    }
    if missing and create_parents:
        result.created_codes = create_areas(missing, names=names or {})
    existing = _existing(own)
    with_geometry = [record for record in records if record.geometry]
    shapes = projection.boundaries(
        [r.geometry or b"" for r in with_geometry], [r.level for r in with_geometry]
    )
    boundaries = {(r.code, r.valid_from): shape for r, shape in zip(with_geometry, shapes, strict=True)}
    for group in _by_level(records, lambda record: str(record.level)):
        new, changed = _versions(group, existing, boundaries, parents, version_index(wanted))
        changed = changed if update else []
        Area.objects.bulk_create(new, batch_size=BATCH)
        Area.objects.bulk_update(changed, [*UPDATED_FIELDS, "parent"], batch_size=BATCH)
        result.created += len(new)
        result.updated += len(changed)
    result.unchanged = len(records) - result.created - result.updated
    index = version_index(wanted)
    result.missing_parents = sorted(code for code in wanted if not index.known(code))
    close_versions(own)
    link_orphans(own)
    refresh_statistics([Area], result.created + result.updated)
    return result


def _versions(
    records: Iterable[AreaInput],
    existing: Mapping[tuple[str, int], Area],
    boundaries: Mapping[tuple[str, int], projection.Boundaries],
    parents: Mapping[tuple[str, int], str | None],
    index: AreaIndex,
) -> tuple[list[Area], list[Area]]:
    """Return the new versions and the stored versions that ``records`` change."""
    new: list[Area] = []
    changed: list[Area] = []
    for record in records:
        key = (record.code, record.valid_from)
        area = existing.get(key) or Area(code=record.code, valid_from=record.valid_from)
        before = [getattr(area, name) for name in (*UPDATED_FIELDS, "parent_id")]
        _fill(area, record, boundaries.get(key))
        parent = parents[key]
        area.parent_id = index.resolve(parent, record.valid_from) if parent else None
        if area.pk is None:
            new.append(area)
        elif before != [getattr(area, name) for name in (*UPDATED_FIELDS, "parent_id")]:
            changed.append(area)
    return new, changed


T = TypeVar("T")


def _by_level(items: Iterable[T], level: Callable[[T], str]) -> list[list[T]]:
    """Group ``items`` by level, coarsest first, so that parents are stored before children."""
    groups: dict[int, list[T]] = {}
    for item in items:
        rank = LEVELS.index(level(item)) if level(item) in LEVELS else len(LEVELS)
        groups.setdefault(rank, []).append(item)
    return [groups[rank] for rank in sorted(groups)]


def _fill(area: Area, record: AreaInput, shape: projection.Boundaries | None) -> None:
    area.name = (record.name or record.code).replace("\x00", "\ufffd")  # no database text holds NUL
    area.level = str(record.level)
    if shape is not None:  # a file without a usable boundary keeps the stored one
        area.geometry_wgs84, area.geometry_rd = shape.wgs84, shape.rd
        area.geometry_simplified = shape.simplified


def _existing(codes: Iterable[str]) -> dict[tuple[str, int], Area]:
    wanted = sorted(codes)
    found: dict[tuple[str, int], Area] = {}
    for start in range(0, len(wanted), QUERY_CODES):
        for area in Area.objects.filter(code__in=wanted[start : start + QUERY_CODES]):
            for name in ("geometry_wgs84", "geometry_rd"):
                # BinaryField reads back as memoryview on PostgreSQL; compare bytes with bytes.
                value = getattr(area, name)
                setattr(area, name, bytes(value) if value is not None else None)
            found[(area.code, area.valid_from)] = area
    return found


def create_areas(first_years: Mapping[str, int], *, names: Mapping[str, str]) -> list[str]:
    """Create areas known only by their code, with every missing ancestor by the CBS code rule.

    ``first_years`` maps each code to the first year data refer to it; that year becomes the
    start of the created version (and of the ancestors it needs). Returns the created codes.
    """
    wanted: dict[str, int] = {}
    for code, year in first_years.items():
        current: str | None = code
        while current and level_of(current):
            wanted[current] = min(year, wanted.get(current, year))
            current = parent_of(current)
    index = version_index(wanted)
    create = sorted((code, year) for code, year in wanted.items() if not index.known(code))
    for group in _by_level(create, lambda item: level_of(item[0]) or ""):
        index = version_index({parent for code, _year in group if (parent := parent_of(code))})
        Area.objects.bulk_create(
            [
                Area(
                    code=code,
                    name=names.get(code) or code,
                    level=level_of(code) or "",
                    valid_from=year,
                    parent_id=index.resolve(parent_of(code) or "", year),
                )
                for code, year in group
            ],
            batch_size=BATCH,
        )
    refresh_statistics([Area], len(create))
    return [code for code, _year in create]


def close_versions(codes: Iterable[str]) -> None:
    """End each version of ``codes`` the year before the next version of the same code starts."""
    changed = []
    by_code: dict[str, list[Area]] = {}
    for area in _existing(codes).values():
        by_code.setdefault(area.code, []).append(area)
    for versions in by_code.values():
        versions.sort(key=lambda area: area.valid_from)
        for area, following in pairwise(versions):
            if area.valid_to != following.valid_from - 1:
                area.valid_to = following.valid_from - 1
                changed.append(area)
    Area.objects.bulk_update(changed, ["valid_to"], batch_size=BATCH)


def link_orphans(codes: Iterable[str]) -> int:
    """Link stored areas without a parent to ``codes`` where the CBS code rule says they belong.

    Boundary files may arrive in any order; a buurt saved before its wijk finds it here.
    """
    parents = set(codes)
    orphans = [
        area
        for area in Area.objects.filter(parent__isnull=True).only("id", "code", "valid_from", "parent")
        if parent_of(area.code) in parents
    ]
    index: AreaIndex = version_index(parents)
    for area in orphans:
        area.parent_id = index.resolve(parent_of(area.code) or "", area.valid_from)
    Area.objects.bulk_update(orphans, ["parent"], batch_size=BATCH)
    return len(orphans)
