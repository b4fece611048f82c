# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The scenario comparison as a chart: per year and scenario, how many themes fit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from kompas.policy.capacity import ScenarioResult
from kompas.presentation.charts import FONT, Chart

# Three colours that stay apart for the common colour-vision deficiencies (Okabe-Ito).
SCENARIO_COLOURS = ("#0072B2", "#E69F00", "#009E73")


def scenario_chart(results: Sequence[ScenarioResult], theme_count: int) -> Chart:
    """Return grouped bars: x = year, one bar per scenario, y = number of themes that fit."""
    title = _("Thema’s die passen, per jaar en scenario")
    description = _(
        "Aantal van de %(count)d thema’s dat per jaar binnen de uren voor nieuwe prioriteiten past, "
        "per scenario; de stippellijn is het totaal aantal thema’s."
    ) % {"count": theme_count}
    rows = [
        (
            str(year.year),
            f"{result.code} {result.title}",
            len(year.fitted),
            round(year.available_hours),
            year.used_hours,
        )
        for result in results
        for year in result.years
    ]
    data = [{"jaar": row[0], "scenario": row[1], "aantal": row[2]} for row in rows]
    names = [f"{result.code} {result.title}" for result in results]
    spec = _spec(title, description, data, names, theme_count)
    columns = (_("jaar"), _("scenario"), _("thema’s die passen"), _("beschikbare uren"), _("benutte uren"))
    return Chart(title, description, spec, columns, tuple(rows))


def _colour(scenarios: list[str]) -> dict[str, Any]:
    return {
        "field": "scenario",
        "type": "nominal",
        "title": _("Scenario"),
        "scale": {"domain": scenarios, "range": list(SCENARIO_COLOURS[: len(scenarios)])},
        "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 520},
    }


def _spec(
    title: str, description: str, data: list[dict[str, Any]], scenarios: list[str], theme_count: int
) -> dict[str, Any]:
    colour = _colour(scenarios)
    bars = {
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "jaar", "type": "ordinal", "title": _("Jaar"), "axis": {"labelAngle": 0}},
            "xOffset": {"field": "scenario", "type": "nominal", "sort": scenarios},
            "y": {
                "field": "aantal",
                "type": "quantitative",
                "title": _("Aantal thema’s"),
                "scale": {"domain": [0, theme_count]},
                "axis": {"format": "d", "tickMinStep": 1},
            },
            "color": colour,
        },
    }
    total = {
        "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#4a4a4a", "aria": False},
        "encoding": {"y": {"datum": theme_count}},
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.1.0.json",
        "title": title,
        "description": description,
        "width": 560,
        "height": 260,
        "data": {"values": data},
        "layer": [bars, total],
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 11, "titleFontSize": 12},
            "view": {"stroke": None},
        },
    }
