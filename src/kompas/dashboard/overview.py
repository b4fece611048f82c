# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What the dashboard shows: the plan's themes with their verdicts, the map, the data freshness."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kompas.accounts.models import Organisation
from kompas.dashboard.forms import Filters
from kompas.dashboard.theme_tiles import ThemeTile, theme_tiles
from kompas.presentation import charts
from kompas.presentation.xlsx import Source
from kompas.reports import figures, freshness
from kompas.reports.selection import default_year

if TYPE_CHECKING:
    from kompas.policy.queries import Plan

DEFAULT_LEVEL = "wijk"


@dataclass(frozen=True)
class ChartView:
    """A chart ready for ``chart.html``: the chart, its SVG and its source."""

    chart: charts.Chart
    svg: str
    source: str = ""


def chart_view(chart: charts.Chart | None, source: str = "") -> ChartView | None:
    """Return ``chart`` with its SVG (cached), None without a chart."""
    return ChartView(chart, charts.render_svg(chart), source) if chart is not None else None


@dataclass(frozen=True)
class Overview:
    """The dashboard of one organisation for one set of filters."""

    plan: Plan | None
    themes: list[ThemeTile]
    map: ChartView | None
    areas: list[figures.MapValue]
    sources: list[Source]
    # The year of the inhabitants the map's counts are divided by; None when it shows them as is.
    population_year: int | None = None


def default_filters(organisation: Organisation, plan: Plan | None) -> Filters:
    """Return the filters of a first visit: a safety measure on the map of wijken, in its latest year.

    The year is the latest in which the map's measure has values per wijk or buurt, so the
    first map is filled; without such values, the latest year with any figures.
    """
    measure = figures.default_measure(organisation)
    mapped = figures.map_years(organisation, measure)
    year = mapped[-1] if mapped else default_year(organisation, plan)
    return Filters(year, DEFAULT_LEVEL, measure)


def overview(organisation: Organisation, plan: Plan | None, filters: Filters, *, suppress: bool) -> Overview:
    """Return the dashboard for ``filters``; every figure passes the suppression rule if ``suppress``."""
    themes = theme_tiles(plan, year=filters.year) if plan else []
    found = figures.area_map(
        organisation,
        level=filters.level,
        year=filters.year,
        measure_code=filters.measure,
        suppress=suppress,
        per_inhabitants=filters.per_inhabitants,
    )
    info = figures.measure(organisation, filters.measure) if found else None
    return Overview(
        plan,
        themes,
        chart_view(found.chart if found else None, info.source if info else ""),
        found.areas if found else [],
        freshness.sources(organisation),
        found.population_year if found else None,
    )
