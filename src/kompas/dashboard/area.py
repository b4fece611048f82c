# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The safety picture of one wijk (or buurt, or the gemeente): its figures, the map, the series, alerts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kompas.accounts.models import Organisation
from kompas.alerts.queries import open_alerts
from kompas.areas.queries import area_by_code, map_shapes
from kompas.dashboard.forms import Filters
from kompas.dashboard.overview import ChartView, chart_view
from kompas.presentation.suppression import publishable
from kompas.reports import figures
from kompas.reports.area_indicators import AreaIndicator, area_indicators

if TYPE_CHECKING:
    from kompas.areas.queries import Area

MAX_ALERTS = 20


@dataclass(frozen=True)
class AlertLine:
    """An open alert as the area page lists it: no assignee, no notes."""

    id: int
    measure_code: str
    area_code: str
    period_start: dt.date
    observed: figures.Figure
    expected: figures.Figure
    state: str


@dataclass(frozen=True)
class AreaPicture:
    """Everything the area page shows."""

    area: Area
    gemeente: Area | None
    rows: list[figures.MeasureRow]
    map: ChartView | None
    series: ChartView | None
    parts: list[tuple[str, str]]
    indicators: list[AreaIndicator]


def find_area(organisation: Organisation, code: str, year: int) -> Area | None:
    """Return the version of area ``code`` in ``year`` if it is the gemeente or lies in it."""
    gemeente = organisation.cbs_code
    code = code.upper()
    inside = bool(gemeente) and (
        code == gemeente or (code[:2] in ("WK", "BU") and code[2:].startswith(gemeente[2:]))
    )
    return area_by_code(code, year) if inside else None


def map_level(area: Area) -> str:
    """Return the level of the map on the page of ``area``: its buurten for a buurt, else wijken."""
    return "buurt" if area.level == "buurt" else "wijk"


def picture(organisation: Organisation, area: Area, filters: Filters, *, suppress: bool) -> AreaPicture:
    """Return the safety picture of ``area`` in the filters' year, with the filters' measure.

    The map shows a count per 1.000 inhabitants when the filters ask so; the figures and the
    series stay counts, comparable with last year and the gemeente.
    """
    gemeente = area_by_code(organisation.cbs_code, filters.year) if area.level != "gemeente" else area
    found_map = figures.area_map(
        organisation,
        level=map_level(area),
        year=filters.year,
        measure_code=filters.measure,
        suppress=suppress,
        highlight=area.code,
        per_inhabitants=filters.per_inhabitants,
    )
    info = figures.measure(organisation, filters.measure)
    source = info.source if info else ""
    series = figures.area_series(area, filters.measure, organisation, suppress=suppress) if info else None
    parts_level = {"gemeente": "wijk", "wijk": "buurt"}.get(area.level)
    parts = (
        [(s.code, s.name) for s in map_shapes(parts_level, filters.year, area.code)] if parts_level else []
    )
    return AreaPicture(
        area,
        gemeente,
        figures.area_rows(area, gemeente, filters.year, organisation, suppress=suppress),
        chart_view(found_map.chart if found_map else None, source),
        chart_view(series, source),
        parts,
        area_indicators(area.code, organisation.cbs_code, filters.year, suppress=suppress),
    )


def open_alert_lines(area: Area, *, suppress: bool) -> list[AlertLine]:
    """Return the open alerts in ``area`` (all of the gemeente's for the gemeente), newest first.

    Read on every request: triage changes them without touching the figures around them.
    """
    codes = None if area.level == "gemeente" else [area.code]
    return [
        AlertLine(
            alert.pk,
            alert.measure_code,
            alert.area_code,
            alert.period_start,
            publishable(alert.observed, suppress=suppress),
            publishable(alert.expected, suppress=suppress, count=alert.observed),
            str(alert.get_state_display()),
        )
        for alert in open_alerts(codes)[:MAX_ALERTS]
    ]
