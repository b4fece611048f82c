# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas platform report``: jaarplan, jaarverslag, marap or a project sheet of the Platform IVZ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope

from kompas.accounts import audit
from kompas.commandbase import TranslatedCommand
from kompas.cooperation.queries import Platform, platforms
from kompas.cooperation.queries import project as find_project
from kompas.presentation import render
from kompas.presentation.content import Report
from kompas.reports.platform import KINDS, platform_report, project_sheet

FORMATS = ("pdf", "xlsx", "html")


def _bytes(report: Report, kind: str) -> bytes:
    if kind == "pdf":
        return render.pdf_bytes(report)
    if kind == "xlsx":
        return render.xlsx_bytes(report)
    return render.html(report).encode()


class Command(TranslatedCommand):
    """Write one report of a Platform to a file."""

    help_text = gettext_lazy(
        "Maakt het jaarplan, het jaarverslag of de managementrapportage (marap) van het Platform IVZ, "
        "of het projectblad van één project, als PDF, XLSX of HTML."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the report, year or project, format and output file."""
        parser.add_argument("kind", choices=[*KINDS, "project"], help=_("Welke rapportage."))
        parser.add_argument("--year", type=int, help=_("Het jaar (jaarplan, jaarverslag, marap)."))
        parser.add_argument("--project", type=int, help=_("Id van het project (projectblad)."))
        parser.add_argument(
            "--platform", help=_("Code van de organisatie van het platform (standaard: het enige).")
        )
        parser.add_argument("--format", choices=FORMATS, default="pdf", help=_("Bestandsformaat."))
        parser.add_argument("--output", type=Path, required=True, help=_("Het bestand om te schrijven."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Build the report and write it."""
        platform = self._platform(options["platform"])
        with scope(organisation=platform.organisation_id):
            report = self._report(platform, options)
            body = _bytes(report, options["format"])
        options["output"].write_bytes(body)
        with transaction.atomic():
            changes = {"report": options["kind"], "format": options["format"], "file": options["output"].name}
            audit.record(
                "reports.report.generated",
                actor=None,
                changes=changes,
                organisation_id=platform.organisation_id,
            )
        self.stdout.write(_("Geschreven: %(file)s") % {"file": options["output"]})

    def _platform(self, code: str | None) -> Platform:
        found = platforms(code)
        if len(found) != 1:
            raise CommandError(
                _("Geef met --platform aan welk platform (code van de organisatie) u bedoelt.")
            )
        return found[0]

    def _report(self, platform: Platform, options: dict[str, Any]) -> Report:
        if options["kind"] == "project":
            found = find_project(options["project"] or 0)
            if found is None or found.platform_id != platform.pk:
                raise CommandError(_("Geen project met dit id bij dit platform."))
            return project_sheet(found)
        if options["year"] is None:
            raise CommandError(_("Geef het jaar met --year."))
        return platform_report(platform, options["kind"], options["year"])
