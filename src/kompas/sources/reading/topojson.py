# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""TopoJSON to GeoJSON geometries: quantised, delta-encoded arcs decoded with the file's transform.

Follows the TopoJSON specification (https://github.com/topojson/topojson-specification): an arc
index ``~i`` is arc ``i`` reversed; consecutive arcs of a ring share their joining point. Rings of
fewer than four points (collapsed by quantisation) are dropped; a polygon without its outer ring is
dropped, and a feature left without polygons has no geometry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np


class Topology:
    """A decoded TopoJSON topology whose objects can be read as GeoJSON features."""

    def __init__(self, data: dict[str, Any]) -> None:
        transform = data.get("transform")
        self.arcs = [self._decode(arc, transform) for arc in data.get("arcs", [])]
        self.objects: dict[str, Any] = data.get("objects", {})

    @staticmethod
    def _decode(arc: list[list[float]], transform: dict[str, Any] | None) -> np.ndarray:
        points = np.asarray(arc, dtype=float).reshape(-1, 2)
        if transform is None:
            return points
        decoded: np.ndarray = np.cumsum(points, axis=0) * np.asarray(transform["scale"]) + np.asarray(
            transform["translate"]
        )
        return decoded

    def features(self) -> Iterator[dict[str, Any]]:
        """Yield every geometry of every object as a GeoJSON feature (properties and id kept)."""
        for collection in self.objects.values():
            for geometry in collection.get("geometries", [collection]):
                yield {
                    "type": "Feature",
                    "id": geometry.get("id"),
                    "properties": geometry.get("properties") or {},
                    "geometry": self.geometry(geometry),
                }

    def geometry(self, geometry: dict[str, Any]) -> dict[str, Any] | None:
        """Return the GeoJSON geometry of a TopoJSON polygon or multipolygon (``None`` if empty)."""
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [self._polygon(geometry.get("arcs", []))]
        elif kind == "MultiPolygon":
            polygons = [self._polygon(rings) for rings in geometry.get("arcs", [])]
        else:
            return None
        kept = [polygon for polygon in polygons if polygon]
        if not kept:
            return None
        if len(kept) == 1:
            return {"type": "Polygon", "coordinates": kept[0]}
        return {"type": "MultiPolygon", "coordinates": kept}

    def _polygon(self, rings: list[list[int]]) -> list[list[list[float]]]:
        decoded = [self._ring(ring) for ring in rings]
        if not decoded or len(decoded[0]) < 4:
            return []
        return [ring for ring in decoded if len(ring) >= 4]

    def _ring(self, indexes: list[int]) -> list[list[float]]:
        parts = []
        for position, index in enumerate(indexes):
            arc = self.arcs[index] if index >= 0 else self.arcs[~index][::-1]
            parts.append(arc if position == 0 else arc[1:])
        return np.concatenate(parts).tolist() if parts else []
