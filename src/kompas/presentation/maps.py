# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Choropleth maps of wijken and buurten in the Dutch national projection (RD New), without tiles.

Class breaks are computed here so the legend can say exactly what each colour means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer

from kompas.presentation import formatting
from kompas.presentation.charts import FONT, Chart

# Sequential blues, distinguishable for common colour-vision deficiencies (ColorBrewer Blues).
CLASS_COLOURS = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "geen gegevens"
NO_DATA_COLOUR = "#d9d9d9"
SUPPRESSED = "< 5 (niet gepubliceerd)"
SUPPRESSED_COLOUR = "#f7f7f7"
HIGHLIGHT = "#1b1b1b"


@dataclass(frozen=True)
class MapArea:
    """An area on the map: its name, its geometry as GeoJSON in RD New (EPSG:28992), its value."""

    name: str
    geometry_rd: dict[str, Any]
    value: float | None
    suppressed: bool = False
    highlighted: bool = False
    # The mark shown instead of the value ("< 5", or "x" for a figure withheld to protect one).
    mark: str = ""
    # Why an area without a value has none, as its legend class ("geen inwoners bekend"); empty
    # for the plain "geen gegevens".
    missing: str = ""


@dataclass(frozen=True)
class ClassBreaks:
    """Upper bounds of each class and the legend label of each class."""

    bounds: tuple[float, ...]
    labels: tuple[str, ...]


def quantile_breaks(values: Sequence[float], classes: int = 5, decimals: int = 1) -> ClassBreaks:
    """Split ``values`` into at most ``classes`` quantile classes with Dutch legend labels."""
    unique = sorted(set(values))
    if not unique:
        return ClassBreaks((), ())
    count = min(classes, len(unique))
    bounds = tuple(float(b) for b in np.quantile(unique, np.linspace(0, 1, count + 1)[1:]))
    labels = []
    lower = unique[0]
    for bound in bounds:
        labels.append(f"{formatting.number(lower, decimals)} – {formatting.number(bound, decimals)}")
        lower = bound
    return ClassBreaks(bounds, tuple(labels))


@cache
def _to_rd() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)


def geometry_rd(geojson_wgs84: str) -> dict[str, Any] | None:
    """Return a GeoJSON geometry in WGS84 (lon, lat) as a GeoJSON mapping in RD New; None for none."""
    if not geojson_wgs84 or geojson_wgs84 == "null":
        return None
    to_rd = _to_rd()

    def move(coordinates: np.ndarray) -> np.ndarray:
        x, y = to_rd.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack([np.round(x, 1), np.round(y, 1)])

    moved = shapely.transform(shapely.from_geojson(geojson_wgs84), move)
    mapping: dict[str, Any] = shapely.geometry.mapping(moved)
    return mapping


def classify(
    value: float | None, breaks: ClassBreaks, suppressed: bool = False, mark: str = "", missing: str = ""
) -> str:
    """Return the legend label of the class ``value`` falls in (upper bounds inclusive).

    An area without a value falls in ``missing`` when there is a reason to name, else in
    :data:`NO_DATA`.
    """
    if suppressed:
        return _suppressed_label(mark)
    if value is None:
        return missing or NO_DATA
    for bound, label in zip(breaks.bounds, breaks.labels, strict=True):
        if value <= bound:
            return label
    return breaks.labels[-1]


def _suppressed_label(mark: str) -> str:
    return SUPPRESSED.replace(SUPPRESSED.split(" (")[0], mark, 1) if mark else SUPPRESSED


def choropleth(
    title: str,
    description: str,
    areas: Sequence[MapArea],
    *,
    legend: str,
    classes: int = 5,
    decimals: int = 1,
    table_decimals: int | None = None,
) -> Chart:
    """A choropleth of ``areas`` in RD New with a legend naming each class's value range.

    A suppressed area (a count under the publication threshold) gets a class of its own, and so
    does each reason an area has no value; a highlighted area is outlined. ``table_decimals``
    fixes the decimals of the values in the chart's table (a rate: one), None leaves them to
    the table.
    """
    breaks = quantile_breaks(
        [a.value for a in areas if a.value is not None and not a.suppressed], classes, decimals
    )
    features = [
        {
            "type": "Feature",
            "geometry": a.geometry_rd,
            "properties": {
                "gebied": a.name,
                "waarde": None if a.suppressed else a.value,
                "klasse": classify(a.value, breaks, a.suppressed, a.mark, a.missing),
                "gekozen": a.highlighted,
            },
        }
        for a in areas
    ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.1.0.json",
        "title": title,
        "description": description,
        "width": 520,
        "height": 520,
        "data": {
            "values": {"type": "FeatureCollection", "features": features},
            "format": {"property": "features"},
        },
        # RD New coordinates are already planar; "identity" draws them as they are (north up).
        "projection": {"type": "identity", "reflectY": True},
        "mark": {"type": "geoshape"},
        "encoding": _map_encoding(
            breaks,
            legend,
            sorted({_suppressed_label(a.mark) for a in areas if a.suppressed}),
            sorted({a.missing for a in areas if a.missing and a.value is None and not a.suppressed}),
        ),
        "config": {"font": FONT, "view": {"stroke": None}},
    }
    rows = tuple(
        (
            a.name,
            (a.mark or SUPPRESSED.split(" (")[0]) if a.suppressed else a.value,
            classify(a.value, breaks, a.suppressed, a.mark, a.missing),
        )
        for a in areas
    )
    return Chart(title, description, spec, ("gebied", "waarde", "klasse"), rows, table_decimals)


def _map_encoding(
    breaks: ClassBreaks, legend: str, suppressed: list[str], missing: list[str]
) -> dict[str, Any]:
    extra = [
        *((label, SUPPRESSED_COLOUR) for label in suppressed),
        *((label, NO_DATA_COLOUR) for label in missing),
    ]
    domain = [*breaks.labels, *(label for label, _ in extra), NO_DATA]
    colours = [*CLASS_COLOURS[: len(breaks.labels)], *(colour for _, colour in extra), NO_DATA_COLOUR]
    chosen = "datum.properties.gekozen"
    return {
        "color": {
            "field": "properties.klasse",
            "type": "ordinal",
            "title": legend,
            "scale": {"domain": domain, "range": colours},
        },
        "stroke": {"condition": {"test": chosen, "value": HIGHLIGHT}, "value": "#ffffff"},
        "strokeWidth": {"condition": {"test": chosen, "value": 3}, "value": 0.7},
        "tooltip": [
            {"field": "properties.gebied", "title": "Gebied"},
            {"field": "properties.waarde", "title": legend, "format": ",.4~f"},
        ],
    }


@dataclass(frozen=True)
class CategoryArea:
    """An area on a map of classes (a hot spot, a cold spot): name, RD New geometry, class label."""

    name: str
    geometry_rd: dict[str, Any]
    label: str
    value: float | str | None = None


def category_map(
    title: str,
    description: str,
    areas: Sequence[CategoryArea],
    *,
    legend: str,
    classes: Sequence[tuple[str, str]],
    value_title: str = "waarde",
) -> Chart:
    """A map in RD New whose colours are named classes rather than value ranges.

    ``classes`` gives (label, colour) in legend order; every label an area carries must be among
    them, so no area falls outside the legend. ``value_title`` heads the value column of the
    chart's table. Borders are grey: the light classes would vanish behind white ones.
    """
    known = [label for label, _colour in classes]
    unknown = sorted({a.label for a in areas} - set(known))
    if unknown:
        raise ValueError(f"classes without a colour: {unknown}")
    features = [
        {
            "type": "Feature",
            "geometry": a.geometry_rd,
            "properties": {"gebied": a.name, "klasse": a.label},
        }
        for a in areas
    ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.1.0.json",
        "title": title,
        "description": description,
        "width": 520,
        "height": 520,
        "data": {
            "values": {"type": "FeatureCollection", "features": features},
            "format": {"property": "features"},
        },
        "projection": {"type": "identity", "reflectY": True},
        "mark": {"type": "geoshape", "stroke": "#737373", "strokeWidth": 0.5},
        "encoding": {
            "color": {
                "field": "properties.klasse",
                "type": "nominal",
                "title": legend,
                "scale": {"domain": known, "range": [colour for _label, colour in classes]},
            },
            "tooltip": [
                {"field": "properties.gebied", "title": "Gebied"},
                {"field": "properties.klasse", "title": legend},
            ],
        },
        "config": {"font": FONT, "view": {"stroke": None}},
    }
    rows = tuple((a.name, a.value, a.label) for a in areas)
    return Chart(title, description, spec, ("gebied", value_title, "klasse"), rows, 2)
