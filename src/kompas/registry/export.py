# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The registry's lists as XLSX or CSV, counts suppressed for readers of published figures only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.translation import gettext as _

from kompas.formulas import inert_row
from kompas.presentation import xlsx
from kompas.presentation.suppression import publishable
from kompas.registry.models import Activity, Event


def activity_rows(activities: Iterable[Activity], *, suppress: bool) -> tuple[list[str], list[list[object]]]:
    """Return the column headers and one row per activity (no participant names: a list is public)."""
    columns = [
        _("soort"),
        _("titel"),
        _("begindatum"),
        _("einddatum"),
        _("gebied"),
        _("organisator"),
        _("aantal deelnemers"),
        _("kosten (€)"),
        _("demogegevens"),
    ]
    rows: list[list[object]] = [
        [
            activity.get_kind_display(),
            activity.title,
            activity.start,
            activity.end,
            activity.area_code,
            activity.organiser,
            publishable(activity.participant_count, suppress=suppress),
            float(activity.cost) if activity.cost is not None else None,
            _("ja") if activity.is_demo else _("nee"),
        ]
        for activity in activities
    ]
    return columns, rows


def as_xlsx(name: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """Return one sheet with the list and the Bronnen sheet naming the register."""
    source = xlsx.Source(_("Kompas-register"), "", None, "", _("Ingevoerd in Kompas."))
    return xlsx.workbook([xlsx.Table(name, columns, [inert_row(row) for row in rows])], [source])


def as_csv(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """Return the list as CSV (semicolons, as Dutch spreadsheets expect), formulas made inert."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(columns)
    writer.writerows(inert_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def event_rows(events: Iterable[Event], *, suppress: bool) -> tuple[list[str], list[list[object]]]:
    """Return the column headers and one row per event of the calendar."""
    columns = [
        _("evenement"),
        _("organisator"),
        _("begindatum"),
        _("einddatum"),
        _("gebied"),
        _("locatie"),
        _("berekende klasse"),
        _("vastgestelde klasse"),
        _("reden"),
        _("incidenten"),
        _("demogegevens"),
    ]
    rows: list[list[object]] = [
        [
            event.name,
            event.organiser,
            event.start,
            event.end,
            event.area_code,
            event.location,
            event.computed_class,
            event.final_class,
            event.final_reason,
            publishable(event.incidents, suppress=suppress),
            _("ja") if event.is_demo else _("nee"),
        ]
        for event in events
    ]
    return columns, rows


def download(
    name: str, wanted: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> HttpResponse:
    """Return the list as an XLSX or CSV attachment named ``name``."""
    if wanted == "xlsx":
        body = as_xlsx(name, columns, rows)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, kind = as_csv(columns, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name.lower()}.{wanted}"'
    return response
