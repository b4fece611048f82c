# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Geographic features from GeoJSON, TopoJSON and shapefiles, numbered as they appear in the file."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from kompas.sources.reading import encoding
from kompas.sources.reading.geometry import RD_NEW, WGS84
from kompas.sources.reading.topojson import Topology
from kompas.sources.records import ParseError


@dataclass(frozen=True, slots=True)
class Feature:
    """One feature: its number in the file (1-based), properties and GeoJSON geometry."""

    number: int
    properties: dict[str, Any]
    geometry: dict[str, Any] | None


@dataclass(frozen=True)
class FeatureSource:
    """The features of one file and the coordinate system it declares (``None``: not declared)."""

    file: str
    crs: str | None
    features: Iterator[Feature]


def open_features(path: Path) -> FeatureSource | ParseError:
    """Open a GeoJSON, TopoJSON or shapefile; return a ParseError when it cannot be read."""
    if path.suffix.lower() == ".shp":
        return _shapefile(path)
    try:
        with encoding.open_binary(path) as stream:
            data = json.load(stream)
    except json.JSONDecodeError as error:
        column = _("teken %(column)s") % {"column": error.colno}
        return ParseError(
            path.name, error.lineno, column, error.msg, _("geldige JSON"), _("maakt de JSON ongeldig")
        )
    except (UnicodeDecodeError, OSError, EOFError) as error:
        return ParseError(
            path.name,
            1,
            _("(bestand)"),
            str(error)[:120],
            _("een GeoJSON- of TopoJSON-bestand in UTF-8"),
            _("is onleesbaar"),
        )
    return _json_features(path.name, data)


def _json_features(file: str, data: Any) -> FeatureSource | ParseError:
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "Topology":
        return FeatureSource(file, WGS84 if _is_degrees(data) else None, _numbered(Topology(data).features()))
    if kind == "FeatureCollection" and isinstance(data.get("features"), list):
        return FeatureSource(file, _declared_crs(data), _numbered(iter(data["features"])))
    expected = _("een GeoJSON FeatureCollection of een TopoJSON Topology")
    return ParseError(file, 1, "type", str(kind), expected, _("is geen bekend geografisch type"))


def _is_degrees(data: dict[str, Any]) -> bool:
    translate = (data.get("transform") or {}).get("translate") or [0, 0]
    return bool(abs(float(translate[0])) <= 180 and abs(float(translate[1])) <= 90)


def _declared_crs(data: dict[str, Any]) -> str | None:
    name = str(((data.get("crs") or {}).get("properties") or {}).get("name", ""))
    if "28992" in name:
        return RD_NEW
    if "4326" in name or "CRS84" in name:
        return WGS84
    return None


def _numbered(features: Iterator[Any]) -> Iterator[Feature]:
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            yield Feature(number, {}, {"type": "Invalid"})
            continue
        found = feature.get("properties")
        properties: dict[str, Any] = found if isinstance(found, dict) else {}
        geometry = feature.get("geometry")
        yield Feature(
            number,
            properties,
            geometry if isinstance(geometry, dict) or geometry is None else {"type": "Invalid"},
        )


def _shapefile(path: Path) -> FeatureSource | ParseError:
    import shapefile  # pyshp, needed for shapefiles only

    cpg = path.with_suffix(".cpg")
    codec = cpg.read_text(encoding="ascii", errors="replace").strip() if cpg.exists() else "utf-8"
    try:
        codecs.lookup(codec)
        reader = shapefile.Reader(str(path), encoding=codec)
    except (LookupError, shapefile.ShapefileException, OSError) as error:
        return ParseError(
            path.name,
            1,
            _("(bestand)"),
            str(error)[:120],
            _("een shapefile met .shp, .shx en .dbf"),
            _("is onleesbaar"),
        )
    return FeatureSource(path.name, _prj_crs(path.with_suffix(".prj")), _shapes(reader))


def _shapes(reader: Any) -> Iterator[Feature]:
    with reader:
        for number, item in enumerate(reader.iterShapeRecords(), start=1):
            geometry = item.shape.__geo_interface__ if item.shape.shapeType else None
            yield Feature(number, item.record.as_dict(), geometry)


def _prj_crs(prj: Path) -> str | None:
    if not prj.exists():
        return None
    text = prj.read_text(encoding="latin-1")
    if re.search(r"Amersfoort|RD_New|28992", text):
        return RD_NEW
    if text.startswith("GEOGCS") and "WGS_1984" in text:
        return WGS84
    return None
