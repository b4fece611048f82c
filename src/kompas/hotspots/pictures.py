# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forecast map: the named cells drawn server-side like every other Kompas map."""

from __future__ import annotations

from django.utils.translation import gettext as _

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
