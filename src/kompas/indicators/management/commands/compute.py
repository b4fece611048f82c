# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas compute``: recompute indicator values, trends, benchmark indices and target progress."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.commandbase import TranslatedCommand
from kompas.indicators.compute import compute
from kompas.indicators.management.commands._organisation import organisation_option
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Run the indicator engine and report per indicator what it did."""

    help_text = gettext_lazy(
        "Berekent de indicatoren voor alle gebiedsniveaus en perioden (maand, kwartaal, jaar, "
        "voortschrijdend 12 maanden): waarden met betrouwbaarheidsinterval, trends, benchmarkindex, "
        "rangen en de voortgang van streefwaarden. Alleen wat nieuwe imports raken wordt herberekend."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --organisation, --indicator, --full and --json."""
        parser.add_argument(
            "--organisation", help=_("Code van de organisatie: alleen haar eigen en de gedeelde indicatoren.")
        )
        parser.add_argument("--indicator", action="append", default=[], help=_("Alleen deze indicatorcode."))
        parser.add_argument("--full", action="store_true", help=_("Alles opnieuw berekenen."))
        parser.add_argument("--json", action="store_true", help=_("Het verslag als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Compute and print the report."""
        organisation = organisation_option(options["organisation"])
        report = compute(
            actor=None, organisation=organisation, codes=options["indicator"], full=options["full"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
            return
        for line in report.indicators:
            text = _(
                "%(code)s: %(mode)s, %(values)s waarden, %(trends)s trends, "
                "%(comparisons)s vergelijkingen (%(seconds)s s)"
            )
            self.stdout.write(text % _dutch(line.__dict__) + (f" — {line.problem}" if line.problem else ""))
        summary = _("%(count)s indicatoren, %(targets)s streefwaardeoordelen, %(seconds)s s")
        self.stdout.write(
            summary
            % _dutch({"count": len(report.indicators), "targets": report.targets, "seconds": report.seconds})
        )


def _dutch(figures: dict[str, object]) -> dict[str, object]:
    """Return ``figures`` with counts and seconds in Dutch number format (1.234 · 0,3)."""
    return {
        key: number(value, 1 if key == "seconds" else 0)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else value
        for key, value in figures.items()
    }
