# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Coordinates between WGS84 (display) and RD New (computation), and the simplified map copy.

Events keep a projected CRS that fits their place (:func:`fitting_crs`); RD New only for Dutch data.

Boundaries arrive as valid WGS84 polygons; Kompas keeps them in both systems. A reprojection
can make a valid ring self-touch, so the RD copy is repaired again with shapely ``make_valid``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import shapely
from pyproj import CRS, Transformer

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"
# RD New's area of use (EPSG:28992: the Netherlands onshore) in WGS84 longitude/latitude.
NETHERLANDS_WGS84 = (3.2, 50.75, 7.22, 53.7)
# Douglas-Peucker tolerance in RD metres of the map copy, per level: fine enough to keep a buurt
# recognisable at street zoom, coarse enough to keep a national gemeente map small.
SIMPLIFY_METRES = {"buurt": 5.0, "wijk": 10.0, "gemeente": 25.0, "regio": 50.0, "provincie": 100.0}
DEFAULT_SIMPLIFY_METRES = 10.0
# Six decimals of a degree are about 10 cm: more only makes the GeoJSON longer.
GEOJSON_DECIMALS = 1e-6


@dataclass(frozen=True, slots=True)
class Boundaries:
    """One area's boundary in the three stored forms (WKB, WKB, GeoJSON text)."""

    wgs84: bytes
    rd: bytes
    simplified: str


@cache
def transformer(source: str, target: str) -> Transformer:
    """Return a transformer from ``source`` to ``target`` in (x, y) = (longitude, latitude) order."""
    return Transformer.from_crs(source, target, always_xy=True)


def _reproject(geometries: Any, source: str, target: str) -> Any:
    project = transformer(source, target)

    def move(coordinates: np.ndarray) -> np.ndarray:
        x, y = project.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometries, move)


def _valid(geometries: Any) -> Any:
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
    return geometries


def boundaries(wkb_wgs84: Sequence[bytes], levels: Sequence[str]) -> list[Boundaries]:
    """Return each WGS84 boundary with its RD New copy and a simplified GeoJSON copy.

    All boundaries are reprojected in one call; the simplification runs in RD metres with the
    tolerance of the area's level (:data:`SIMPLIFY_METRES`) and keeps the topology of each shape.
    """
    if not wkb_wgs84:
        return []
    wgs84 = shapely.from_wkb(np.array(wkb_wgs84, dtype=object))
    rd = _valid(_reproject(wgs84, WGS84, RD_NEW))
    tolerance = np.array([SIMPLIFY_METRES.get(level, DEFAULT_SIMPLIFY_METRES) for level in levels])
    simple = shapely.simplify(rd, tolerance, preserve_topology=True)
    simple = shapely.set_precision(_valid(_reproject(simple, RD_NEW, WGS84)), GEOJSON_DECIMALS)
    return [
        Boundaries(bytes(a), bytes(b), str(c))
        for a, b, c in zip(shapely.to_wkb(wgs84), shapely.to_wkb(rd), shapely.to_geojson(simple), strict=True)
    ]


def points_to(x: np.ndarray, y: np.ndarray, source: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Return points given in ``source`` in ``target``; NaN where the input or result is not finite."""
    if source == target:
        rx, ry = x.astype(float), y.astype(float)
    else:
        rx, ry = transformer(source, target).transform(x, y)
        rx, ry = np.asarray(rx, dtype=float), np.asarray(ry, dtype=float)
    bad = ~(np.isfinite(rx) & np.isfinite(ry))
    rx[bad], ry[bad] = np.nan, np.nan
    return rx, ry


def points_to_rd(x: np.ndarray, y: np.ndarray, crs: str) -> tuple[np.ndarray, np.ndarray]:
    """Return points given in ``crs`` as RD New metres; NaN where the input or result is not finite."""
    return points_to(x, y, crs, RD_NEW)


def fitting_crs(crs: str, x: np.ndarray, y: np.ndarray) -> str:
    """Return a projected CRS in metres that fits points given in ``crs``.

    A projected ``crs`` (UTM, RD New, a state plane) is kept: its metres are the source's own.
    Geographic points get RD New when their median lies in the Netherlands (RD's area of use),
    otherwise the WGS84 UTM zone of their median, whose scale error is below 0,1 % in the zone.
    A grid in metres is only honest in a CRS made for the place: RD New 8.000 km from Amersfoort
    stretches distances by percents and turns north.
    """
    if CRS.from_user_input(crs).is_projected or len(x) == 0:
        return crs
    lon, lat = points_to(x, y, crs, WGS84)
    lon_mid, lat_mid = float(np.nanmedian(lon)), float(np.nanmedian(lat))
    west, south, east, north = NETHERLANDS_WGS84
    if west <= lon_mid <= east and south <= lat_mid <= north:
        return RD_NEW
    zone = min(int((lon_mid + 180) // 6) + 1, 60)
    return f"EPSG:{(32600 if lat_mid >= 0 else 32700) + zone}"
