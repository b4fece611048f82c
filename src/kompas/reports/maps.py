# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Choropleth maps of wijken and buurten in the Dutch national projection (RD New), without tiles.

Class breaks are computed here so the legend can say exactly what each colour means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kompas.reports import formatting
from kompas.reports.charts import FONT, Chart

# Sequential blues, distinguishable for common colour-vision deficiencies (ColorBrewer Blues).
CLASS_COLOURS = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "geen gegevens"
NO_DATA_COLOUR = "#d9d9d9"


@dataclass(frozen=True)
class MapArea:
    """An area on the map: its name, its geometry as GeoJSON in RD New (EPSG:28992), its value."""

    name: str
    geometry_rd: dict[str, Any]
    value: float | None


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


def classify(value: float | None, breaks: ClassBreaks) -> str:
    """Return the legend label of the class ``value`` falls in (upper bounds inclusive)."""
    if value is None:
        return NO_DATA
    for bound, label in zip(breaks.bounds, breaks.labels, strict=True):
        if value <= bound:
            return label
    return breaks.labels[-1]


def choropleth(
    title: str, description: str, areas: Sequence[MapArea], *, legend: str, classes: int = 5
) -> Chart:
    """A choropleth of ``areas`` in RD New with a legend naming each class's value range."""
    breaks = quantile_breaks([a.value for a in areas if a.value is not None], classes)
    features = [
        {
            "type": "Feature",
            "geometry": a.geometry_rd,
            "properties": {"gebied": a.name, "waarde": a.value, "klasse": classify(a.value, breaks)},
        }
        for a in areas
    ]
    colour = {
        "field": "properties.klasse",
        "type": "ordinal",
        "title": legend,
        "scale": {
            "domain": [*breaks.labels, NO_DATA],
            "range": [*CLASS_COLOURS[: len(breaks.labels)], NO_DATA_COLOUR],
        },
    }
    tooltip = [
        {"field": "properties.gebied", "title": "Gebied"},
        {"field": "properties.waarde", "title": legend, "format": ",.4~f"},
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
        "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.7},
        "encoding": {"color": colour, "tooltip": tooltip},
        "config": {"font": FONT, "view": {"stroke": None}},
    }
    rows = tuple((a.name, a.value, classify(a.value, breaks)) for a in areas)
    return Chart(title, description, spec, ("gebied", "waarde", "klasse"), rows)
