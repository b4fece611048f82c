# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What a report is asked for with: its name, format and filters, the same from CLI and page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportName(models.TextChoices):
    """The reports Kompas makes."""

    VOORTGANG = "voortgang", _("Voortgangsrapportage IVP (voor de raad)")
    THEMABLAD = "themablad", _("Themablad met actuele cijfers")
    VEILIGHEIDSBEELD = "veiligheidsbeeld", _("Veiligheidsbeeld van de gemeente of een wijk")
    PLAN = "plan", _("Het hele veiligheidsplan")


class ReportFormat(models.TextChoices):
    """The file formats of a report."""

    PDF = "pdf", _("PDF")
    XLSX = "xlsx", _("Excel (XLSX)")
    HTML = "html", _("HTML")


CONTENT_TYPES = {
    ReportFormat.PDF: "application/pdf",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.HTML: "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class ReportOptions:
    """A report request: which report, which format, which filters.

    ``plan_id`` None takes the organisation's latest plan; ``period`` None the latest year with
    figures; ``area_code`` '' the whole gemeente; ``theme_code`` names the theme of a themablad.
    ``suppress`` hides counts under the publication threshold (council members, publication).
    """

    name: ReportName
    format: ReportFormat
    plan_id: int | None = None
    period: int | None = None
    area_code: str = ""
    theme_code: str = ""
    suppress: bool = False


class ReportError(Exception):
    """A report cannot be made with these options; the message says why, in the active language."""
