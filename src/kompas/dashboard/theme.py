# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One theme on the dashboard: its verdicts, indicators with current figures and charts, actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kompas.accounts.models import Organisation
from kompas.dashboard.overview import ChartView, chart_view
from kompas.reports import tables
from kompas.reports.theme_progress import ThemeProgress, plan_progress

if TYPE_CHECKING:
    from kompas.policy.queries import Theme


@dataclass(frozen=True)
class ThemePicture:
    """The theme's progress in one year and a chart per indicator with a series."""

    progress: ThemeProgress
    charts: list[ChartView]


def theme_picture(organisation: Organisation, theme: Theme, year: int, *, suppress: bool) -> ThemePicture:
    """Return the progress of ``theme`` in ``year`` for the gemeente."""
    progress = plan_progress(
        theme.plan, year=year, area_code=organisation.cbs_code, suppress=suppress, only=theme
    )[0]
    views = []
    for line in progress.lines:
        if line.figures.series:
            figure = tables.indicator_figure(line)
            view = chart_view(figure.chart, figure.source)
            if view is not None:
                views.append(view)
    return ThemePicture(progress, views)
