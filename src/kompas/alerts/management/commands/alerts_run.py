# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas alerts run``: evaluate alert settings on the stored series (the nightly job)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.alerts.evaluate import evaluate_organisation
from kompas.commandbase import TranslatedCommand
from kompas.presentation.formatting import number
from kompas.sources.runs import report_abandoned_runs


class Command(TranslatedCommand):
    """Evaluate one or every organisation and print what was found."""

    help_text = gettext_lazy(
        "Voert de signaleringsinstellingen uit op alle opgeslagen reeksen en slaat nieuwe "
        "signaleringen op. Bedoeld als nachtelijke taak; na elke import gebeurt het vanzelf."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --organisation and --json."""
        parser.add_argument("--organisation", help=_("Code van de organisatie (standaard: alle)."))
        parser.add_argument("--json", action="store_true", help=_("Samenvatting als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the evaluation per organisation (after closing imports a killed process left open)."""
        report_abandoned_runs(self.stderr.write)
        organisations = Organisation.objects.filter(active=True)
        if options["organisation"]:
            organisations = organisations.filter(code=options["organisation"])
            if not organisations.exists():
                raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
        results = {organisation.code: evaluate_organisation(organisation) for organisation in organisations}
        if options["json"]:
            self.stdout.write(json.dumps({code: r.as_dict() for code, r in results.items()}, indent=2))
            return
        for code, result in results.items():
            self.stdout.write(
                _(
                    "%(organisation)s: %(settings)s instellingen, %(series)s reeksen, %(evaluated)s punten "
                    "beoordeeld, %(alarms)s alarmen, %(created)s nieuwe signaleringen."
                )
                % {
                    "organisation": code,
                    "settings": number(result.settings),
                    "series": number(result.series),
                    "evaluated": number(result.evaluated),
                    "alarms": number(result.alarms),
                    "created": number(result.alerts_created),
                }
            )
