# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading an ``incidenten`` file into point patterns for forecasting, without storing anything.

The file is read by the import's own format (:mod:`kompas.sources.formats.incidenten`), so the
CLI accepts exactly what an import accepts. Coordinates are brought into one projected CRS that
fits the place (:func:`kompas.areas.projection.fitting_crs`): the file's own when it declares a
projected one, otherwise RD New in the Netherlands and the UTM zone elsewhere. Rows without a
location (empty, or X = Y = 0: the VPD's privacy offset) are counted, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kompas.areas import projection
from kompas.hotspots.pattern import Pattern, days
from kompas.observations import queries
from kompas.sources.formats import incidenten
from kompas.sources.records import ParseError


@dataclass(frozen=True)
class Incidents:
    """All located incidents of a file (``t``, ``x``, ``y`` in ``crs``, ``kind``) and what was left out."""

    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    kind: np.ndarray
    crs: str
    unlocated: dict[str, int] = field(default_factory=dict)
    errors: tuple[ParseError, ...] = ()

    def of_kind(self, kind: str) -> Pattern:
        """Return the located incidents of one kind."""
        chosen = self.kind == kind
        return Pattern.of(self.t[chosen], self.x[chosen], self.y[chosen], self.crs)

    def all_kinds(self) -> Pattern:
        """Return the located incidents of every kind (for the active-cell mask)."""
        return Pattern.of(self.t, self.x, self.y, self.crs)

    def kinds(self) -> list[str]:
        """Return the kinds in the file, sorted."""
        return sorted(set(self.kind.tolist()))


def read(path: Path, options: Mapping[str, object] | None = None) -> Incidents:
    """Return the incidents of an ``incidenten`` file (gzip allowed), projected to a fitting CRS."""
    t, x, y, kind, crs_of = [], [], [], [], []
    unlocated: dict[str, int] = {}
    errors: list[ParseError] = []
    for chunk in incidenten.iter_chunks(path, options=options):
        errors.extend(chunk.errors)
        for event in chunk.events:
            if event.x is None or event.y is None:
                unlocated[event.kind] = unlocated.get(event.kind, 0) + 1
                continue
            t.append(days(event.occurred_at))
            x.append(event.x)
            y.append(event.y)
            kind.append(event.kind)
            crs_of.append(event.crs)
    source = crs_of[0] if crs_of else projection.WGS84
    xs, ys = np.array(x, dtype=float), np.array(y, dtype=float)
    target = projection.fitting_crs(source, xs, ys)
    px, py = projection.points_to(xs, ys, source, target)
    kinds = np.array(kind, dtype=object)
    return Incidents(np.array(t, dtype=float), px, py, kinds, target, unlocated, tuple(errors))


def stored(organisation_id: int) -> Incidents:
    """Return the organisation's stored events as incidents (already in its fitting CRS)."""
    events = queries.located_events(organisation_id)
    t = np.array([days(moment) for moment in events.occurred_at], dtype=float)
    return Incidents(t, events.x, events.y, events.kind, events.crs, events.unlocated)
