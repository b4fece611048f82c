# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Boundaries: GeoJSON-like geometry to valid WGS84 polygons (pyproj, shapely ``make_valid``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import shapely
from django.utils.translation import gettext as _
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Polygon, shape

from kompas.sources.reading.cells import Invalid

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"
# Generous bounds of the Netherlands in WGS84 (longitude, latitude) and RD New (metres).
NETHERLANDS_WGS84 = (3.0, 50.6, 7.4, 53.8)
NETHERLANDS_RD = (-10_000.0, 290_000.0, 300_000.0, 640_000.0)


@dataclass(frozen=True, slots=True)
class Boundary:
    """A polygonal boundary in WGS84 and whether it had to be repaired."""

    polygon: Polygon | MultiPolygon | None
    repaired: bool


@cache
def transformer(crs: str) -> Transformer:
    """Return a transformer from ``crs`` to WGS84 (longitude, latitude order)."""
    return Transformer.from_crs(crs, WGS84, always_xy=True)


def looks_like_rd(bounds: tuple[float, float, float, float]) -> bool:
    """Return whether coordinates with these bounds are RD New metres rather than degrees."""
    west, south, east, north = NETHERLANDS_RD
    return (
        bounds[0] >= west
        and bounds[1] >= south
        and bounds[2] <= east
        and bounds[3] <= north
        and bounds[2] > 1000
    )


def to_wgs84(geometry: Any, crs: str) -> Any:
    """Return ``geometry`` (shapely) reprojected from ``crs`` to WGS84."""
    if crs == WGS84:
        return geometry
    project = transformer(crs)

    def move(coordinates: np.ndarray) -> np.ndarray:
        x, y = project.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, move)


def boundary(mapping: dict[str, Any] | None, crs: str | None) -> Boundary:
    """Return the valid WGS84 polygon of a GeoJSON geometry; raise :class:`Invalid` if unusable.

    ``crs`` ``None`` means: RD New when the coordinates look like metres, otherwise WGS84.
    """
    if not mapping:
        return Boundary(None, False)
    try:
        geometry = shape(mapping)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, shapely.errors.GEOSException):
        raise Invalid(_("is geen geldige geometrie"), _("een GeoJSON-polygoon of -multipolygoon")) from None
    if geometry.is_empty:
        return Boundary(None, False)
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise Invalid(_("is geen vlak"), _("een polygoon of multipolygoon"))
    source = crs or (RD_NEW if looks_like_rd(geometry.bounds) else WGS84)
    geometry = to_wgs84(geometry, source)
    _check_inside(geometry)
    return _repair(geometry)


def _check_inside(geometry: Any) -> None:
    west, south, east, north = NETHERLANDS_WGS84
    x0, y0, x1, y1 = geometry.bounds
    if not (
        np.isfinite([x0, y0, x1, y1]).all() and x0 >= west and y0 >= south and x1 <= east and y1 <= north
    ):
        raise Invalid(
            _("ligt buiten Nederland"),
            _("coördinaten binnen Nederland (lengte 3,0–7,4, breedte 50,6–53,8, of RD New)"),
        )


def _repair(geometry: Any) -> Boundary:
    if geometry.is_valid:
        return Boundary(geometry, False)
    try:
        fixed = shapely.make_valid(geometry)
    except shapely.errors.GEOSException:
        fixed = geometry.buffer(0)  # GEOS refuses some mixed-dimension inputs; buffer(0) repairs those
    parts = [
        part for part in getattr(fixed, "geoms", [fixed]) if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    polygons = [p for part in parts for p in getattr(part, "geoms", [part])]
    if not polygons:
        return Boundary(None, True)
    return Boundary(polygons[0] if len(polygons) == 1 else MultiPolygon(polygons), True)


def point_inside(x: float, y: float, bounds: tuple[float, float, float, float]) -> bool:
    """Return whether the point lies within ``bounds`` (west, south, east, north)."""
    return bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]
