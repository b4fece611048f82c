# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The registry's lists as XLSX or CSV, counts suppressed for readers of published figures only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from kompas.formulas import inert_row
from kompas.presentation import xlsx
from kompas.presentation.suppression import publishable
from kompas.registry.models import Activity


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
