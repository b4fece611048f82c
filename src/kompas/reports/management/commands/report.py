# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas report``: a report (voortgang, themablad, veiligheidsbeeld, plan) as PDF, XLSX or HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.commandbase import TranslatedCommand
from kompas.policy.selection import plan_for_command
from kompas.presentation.formatting import number
from kompas.reports.generate import generate
from kompas.reports.options import ReportError, ReportFormat, ReportName, ReportOptions


class Command(TranslatedCommand):
    """Write one report to a file."""

    help_text = gettext_lazy(
        "Maakt een rapportage: voortgang (de jaarlijkse voortgang van het IVP voor de raad), "
        "themablad (één thema met actuele cijfers), veiligheidsbeeld (de gemeente of een wijk) of "
        "plan (het hele veiligheidsplan), als PDF, XLSX of HTML. Elke PDF-pagina noemt organisatie, "
        "titel, filters, de actualiteit van de gegevens, het moment van maken en het paginanummer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the report name and its options."""
        parser.add_argument("name", choices=ReportName.values, help=_("Welke rapportage."))
        parser.add_argument(
            "--format", choices=ReportFormat.values, default="pdf", help=_("Formaat (standaard pdf).")
        )
        parser.add_argument(
            "--output", type=Path, help=_("Bestand om naar te schrijven (standaard: naam van de rapportage).")
        )
        parser.add_argument("--plan", type=int, help=_("Id van het plan (standaard: het laatste plan)."))
        parser.add_argument(
            "--organisation", help=_("Code van de organisatie (standaard: die van het plan).")
        )
        parser.add_argument("--period", type=int, help=_("Jaar (standaard: het laatste jaar met cijfers)."))
        parser.add_argument(
            "--area",
            default="",
            help=_("CBS-code van de gemeente, een wijk of buurt (standaard: de gemeente)."),
        )
        parser.add_argument("--theme", default="", help=_("Code van het thema voor een themablad, bijv. T1."))
        parser.add_argument(
            "--public",
            action="store_true",
            help=_("Voor publicatie en raadsleden: aantallen onder de 5 onderdrukken."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Make the report in the organisation's scope and write it."""
        organisation = _organisation(options)
        report_options = ReportOptions(
            name=ReportName(options["name"]),
            format=ReportFormat(options["format"]),
            plan_id=options["plan"],
            period=options["period"],
            area_code=options["area"],
            theme_code=options["theme"],
            suppress=options["public"],
        )
        with scope(organisation=organisation.pk):
            try:
                output = generate(organisation, report_options, actor=None)
            except ReportError as error:
                raise CommandError(str(error)) from error
        path = options["output"] or Path(output.filename)
        path.write_bytes(output.body)
        self.stdout.write(
            _("Geschreven: %(path)s (%(size)s bytes)") % {"path": path, "size": number(len(output.body))}
        )


def _organisation(options: dict[str, Any]) -> Organisation:
    """Return the organisation named by --organisation, else the one of the chosen plan."""
    if options["organisation"]:
        with scopes_disabled():
            found = Organisation.objects.filter(code=options["organisation"]).first()
        if found is None:
            raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
        if options["plan"] is None and options["name"] == ReportName.VEILIGHEIDSBEELD:
            return found
    return plan_for_command(options["plan"], options["organisation"]).organisation
