# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Writing one import's events (incidents, meldingen) of one organisation.

Events have no identity of their own: two burglaries in one postcode on one day are two equal
rows. An import therefore adds, per distinct event (kind, time, resolved date, place, area),
as many as the file has beyond those already stored. The same file again adds nothing, and an
export that overlaps an earlier one adds only what is new. Events are never deleted by an import.

Locations keep a projected CRS that fits their place, one per organisation: the CRS of the
organisation's events already stored, else the file's own when it is projected (EPSG:26910 for
Vancouver), else RD New for Dutch and the UTM zone for other geographic points
(:func:`kompas.areas.projection.fitting_crs`). A metre grid on Vancouver in RD New would be
distorted (x ≈ −4,7 million m).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from django_scopes import scope

from kompas.areas import projection
from kompas.areas.queries import AreaIndex
from kompas.observations import bulk
from kompas.observations.models import Event

KIND_LENGTH = 120  # Event.kind's max_length
EventKey = tuple[str, dt.datetime, dt.date | None, float | None, float | None, int | None]


class EventInput(Protocol):
    """An event as a file gives it (:class:`kompas.sources.records.EventRecord` fits)."""

    @property
    def kind(self) -> str: ...
    @property
    def occurred_at(self) -> dt.datetime: ...
    @property
    def resolved_at(self) -> dt.date | None: ...
    @property
    def x(self) -> float | None: ...
    @property
    def y(self) -> float | None: ...
    @property
    def crs(self) -> str: ...
    @property
    def area_code(self) -> str | None: ...


@dataclass(frozen=True)
class EventResult:
    """How many events were added and how many were already stored."""

    loaded: int
    unchanged: int


def add_events(
    events: Sequence[EventInput], *, organisation_id: int, import_run_id: int, areas: AreaIndex
) -> EventResult:
    """Store the events of one import run that are not stored yet, in the organisation's CRS."""
    if not events:
        return EventResult(0, 0)
    with scope(organisation=organisation_id):
        target = _organisation_crs(organisation_id) or _fitting_crs(events)
        xs, ys = _points(events, target)
        keys = [_key(event, x, y, areas) for event, x, y in zip(events, xs, ys, strict=True)]
        stored = _stored(organisation_id, events)
        new = []
        for key in keys:
            if stored[key] > 0:
                stored[key] -= 1
                continue
            new.append(key)
    columns = ["organisation_id", "kind", "occurred_at", "resolved_at", "x", "y", "crs", "area_id"]
    bulk.insert_rows(
        Event,
        [*columns, "import_run_id"],
        [
            (organisation_id, kind, moment, resolved, x, y, "" if x is None else target, area, import_run_id)
            for kind, moment, resolved, x, y, area in new
        ],
    )
    return EventResult(len(new), len(events) - len(new))


def _organisation_crs(organisation_id: int) -> str:
    located = Event.objects.filter(organisation_id=organisation_id).exclude(crs="")
    return located.values_list("crs", flat=True).first() or ""


def _located(events: Sequence[EventInput]) -> dict[str, list[int]]:
    by_crs: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        if event.x is not None and event.y is not None and event.crs:
            by_crs.setdefault(event.crs, []).append(index)
    return by_crs


def _fitting_crs(events: Sequence[EventInput]) -> str:
    by_crs = _located(events)
    if not by_crs:
        return ""
    crs, indexes = max(by_crs.items(), key=lambda item: len(item[1]))  # the file's main CRS
    x = np.array([events[i].x for i in indexes], dtype=float)
    y = np.array([events[i].y for i in indexes], dtype=float)
    return projection.fitting_crs(crs, x, y)


def _points(events: Sequence[EventInput], target: str) -> tuple[list[float | None], list[float | None]]:
    xs: list[float | None] = [None] * len(events)
    ys: list[float | None] = [None] * len(events)
    for crs, indexes in _located(events).items():
        x = np.array([events[i].x for i in indexes], dtype=float)
        y = np.array([events[i].y for i in indexes], dtype=float)
        px, py = projection.points_to(x, y, crs, target)
        for i, a, b in zip(indexes, px.tolist(), py.tolist(), strict=True):
            if not (np.isnan(a) or np.isnan(b)):
                xs[i], ys[i] = round(a, 3), round(b, 3)  # millimetres: beyond any source's precision
    return xs, ys


def _key(event: EventInput, x: float | None, y: float | None, areas: AreaIndex) -> EventKey:
    area = areas.resolve(event.area_code, event.occurred_at.year) if event.area_code else None
    return (_kind(event.kind), event.occurred_at.astimezone(dt.UTC), event.resolved_at, x, y, area)


def _stored(organisation_id: int, events: Sequence[EventInput]) -> Counter[EventKey]:
    first = min(event.occurred_at for event in events)
    last = max(event.occurred_at for event in events)
    rows = Event.objects.filter(
        organisation_id=organisation_id,
        kind__in=sorted({_kind(event.kind) for event in events}),
        occurred_at__gte=first,
        occurred_at__lte=last,
    ).values_list("kind", "occurred_at", "resolved_at", "x", "y", "area_id")
    return Counter(
        (kind, occurred.astimezone(dt.UTC), resolved, x, y, area)
        for kind, occurred, resolved, x, y, area in rows.iterator(chunk_size=10_000)
    )


def _kind(text: str) -> str:
    # No database text type holds NUL; a kind is cut to the column's length.
    return text.replace("\x00", "\ufffd")[:KIND_LENGTH]
