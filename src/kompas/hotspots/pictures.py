# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forecast map and the area hotspot map, drawn server-side like every other Kompas map."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from kompas.areas.queries import map_shapes
from kompas.hotspots.area_maps import AreaHotspots
from kompas.hotspots.forecasting import Forecast
from kompas.presentation import formatting, maps
from kompas.presentation.charts import Chart


def forecast_map(result: Forecast) -> Chart:
    """Return the published cells of ``result`` as a map in the grid's own metres, shaded by score."""
    areas = [
        maps.MapArea(
            _("Cel %(rank)s") % {"rank": item.rank},
            {
                "type": "Polygon",
                "coordinates": [
                    [
                        [item.bounds[0], item.bounds[1]],
                        [item.bounds[2], item.bounds[1]],
                        [item.bounds[2], item.bounds[3]],
                        [item.bounds[0], item.bounds[3]],
                        [item.bounds[0], item.bounds[1]],
                    ]
                ],
            },
            round(item.score, 4),
        )
        for item in result.cells
    ]
    title = _("Voorspelde hotspots: %(kind)s, week vanaf %(day)s") % {
        "kind": result.kind,
        "day": formatting.date(result.at),
    }
    description = _(
        "De %(count)s cellen van %(cell)s m met het hoogste voorspelde risico (%(share)s van de actieve "
        "cellen; cellen met minder dan 5 incidenten in het jaar ervoor weggelaten), donkerder is hoger."
    ) % {
        "count": formatting.number(len(result.cells)),
        "cell": formatting.number(result.cell),
        "share": formatting.percent(100 * result.coverage, 0),
    }
    return maps.choropleth(title, description, areas, legend=_("Risicoscore"), decimals=2)


HOT, COLD, NOT_SIGNIFICANT, WITHHELD, NO_VALUE = "#b2182b", "#2166ac", "#f7f7f7", "#c2a5cf", "#969696"
MORAN_COLOURS = {"HH": HOT, "LL": COLD, "HL": "#f4a582", "LH": "#92c5de"}


def _labels(statistic: str) -> dict[str, str]:
    """Return class → legend label; the labels say what each colour means."""
    if statistic == "moran":
        return {
            "HH": _("HH: hoog tussen hoog (cluster)"),
            "LL": _("LL: laag tussen laag (cluster)"),
            "HL": _("HL: hoog tussen laag (uitschieter)"),
            "LH": _("LH: laag tussen hoog (uitschieter)"),
        }
    return {"hot": _("hotspot (Gi* hoog)"), "cold": _("coldspot (Gi* laag)")}


def _colours(statistic: str) -> dict[str, str]:
    return MORAN_COLOURS if statistic == "moran" else {"hot": HOT, "cold": COLD}


def _geometries(codes: set[str], level: str, year: int) -> dict[str, dict[str, Any]]:
    """Return code → simplified RD New geometry of the areas, read per gemeente as the other maps do."""
    found: dict[str, dict[str, Any]] = {}
    for number in sorted({code[2:6] for code in codes}):
        for shape in map_shapes(level, year, "GM" + number):
            geometry = maps.geometry_rd(shape.geojson)
            if shape.code in codes and geometry is not None:
                found[shape.code] = geometry
    return found


def hotspot_map(result: AreaHotspots, title: str) -> Chart:
    """Return the map of ``result``: each significant class in its colour, the rest named in the legend."""
    statistic = result.settings.statistic
    labels, colours = _labels(statistic), _colours(statistic)
    quiet, withheld, no_value = _("niet significant"), _("waarde niet gepubliceerd"), _("geen waarde")
    codes = {row.code for row in result.rows} | {m.code for m in result.missing}
    geometries = _geometries(codes, result.level, result.start.year)
    areas = [
        maps.CategoryArea(
            f"{row.name} ({row.code})",
            geometries[row.code],
            withheld if row.withheld else labels.get(row.kind, quiet),
            row.value if row.withheld else round(row.statistic, 2),
        )
        for row in result.rows
        if row.code in geometries
    ]
    areas += [
        maps.CategoryArea(f"{m.name} ({m.code})", geometries[m.code], no_value, m.reason)
        for m in result.missing
        if m.code in geometries
    ]
    used = {area.label for area in areas}
    classes = [(labels[kind], colours[kind]) for kind in labels if labels[kind] in used]
    classes += [
        (label, colour)
        for label, colour in ((quiet, NOT_SIGNIFICANT), (withheld, WITHHELD), (no_value, NO_VALUE))
    ]
    description = _(
        "Getoond per gebied: significant na correctie voor meervoudig toetsen (FDR van Benjamini en "
        "Hochberg, α = %(alpha)s), %(permutations)s permutaties, seed %(seed)s, buren: gedeelde grens of "
        "hoek (queen)."
    ) % {
        "alpha": formatting.percent(100 * result.settings.alpha, 0),
        "permutations": formatting.number(result.settings.permutations),
        "seed": result.settings.seed,
    }
    legend = _("Local Moran") if statistic == "moran" else _("Getis-Ord Gi*")
    value_title = "I" if statistic == "moran" else "z"
    return maps.category_map(
        title, description, areas, legend=legend, classes=classes, value_title=value_title
    )
