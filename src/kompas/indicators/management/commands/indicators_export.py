# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas indicators export``: values with trend, index, rank and target status as CSV or XLSX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from kompas.commandbase import TranslatedCommand
from kompas.indicators import export
from kompas.indicators.management.commands._organisation import organisation_option
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Write the export to a file or, for CSV, to standard output."""

    help_text = gettext_lazy(
        "Exporteert de berekende indicatorwaarden met interval, trend, benchmarkindex, rang en "
        "streefwaardestatus: één rij per indicator, gebied en periode (kolommen: zie docs/indicators.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the selection, --format and --output."""
        parser.add_argument("--indicator", default="", help=_("Indicatorcode."))
        parser.add_argument("--level", default="", help=_("Gebiedsniveau: buurt, wijk, gemeente, groep, …"))
        parser.add_argument(
            "--period",
            default="",
            help=_(
                "Periodelengte (month, quarter, year, rolling_12_months), een jaar (2015) "
                "of een maand (2015-03)."
            ),
        )
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help=_("Formaat."))
        parser.add_argument(
            "--organisation", help=_("Code van de organisatie (voor haar indicatoren en streefwaarden).")
        )
        parser.add_argument(
            "--output", type=Path, help=_("Bestand (standaard: scherm bij CSV, indicatoren.xlsx).")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Build the export and write it."""
        organisation = organisation_option(options["organisation"])
        selection = export.Selection(
            options["indicator"],
            options["level"],
            options["period"],
            organisation.pk if organisation else None,
        )
        context = scope(organisation=organisation.pk) if organisation else scopes_disabled()
        try:
            with context:
                frame = export.table(selection)
                body = export.csv_bytes(frame) if options["format"] == "csv" else export.xlsx_bytes(frame)
        except ValueError as error:
            raise CommandError(str(error)) from error
        output = options["output"]
        if output is None and options["format"] == "csv":
            sys.stdout.flush()
            self.stdout.write(body.decode("utf-8"), ending="")
            return
        path = output or Path("indicatoren.xlsx")
        path.write_bytes(body)
        written = {"path": path, "rows": number(len(frame))}
        self.stdout.write(_("Geschreven: %(path)s (%(rows)s rijen)") % written)
