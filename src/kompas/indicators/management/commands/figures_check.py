# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas figures check`` (also ``kompas check figures``): per organisation, the indicators without
values and why."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.commandbase import TranslatedCommand
from kompas.indicators.management.commands._organisation import organisation_option
from kompas.indicators.missing import check_organisations
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Print the indicators without values, with the engine's reason, as text or JSON."""

    help_text = gettext_lazy(
        "Toont per organisatie elke indicator zonder waarden en waarom: geen tellergegevens, geen "
        "noemer (of niet voor de gebieden en jaren van de teller), te weinig waarnemingen, onderdelen "
        "zonder waarden of nog niet berekend; daarnaast de indicatoren met waarden maar zonder index "
        "(niet vergelijkbaar) met de reden. De redenen komen uit dezelfde stappen als kompas compute."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --organisation and --json."""
        parser.add_argument("--organisation", help=_("Code van de organisatie (standaard: alle)."))
        parser.add_argument("--json", action="store_true", help=_("Resultaat als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Check the chosen organisation, or every organisation."""
        chosen = organisation_option(options["organisation"])
        with scopes_disabled():
            organisations = [chosen] if chosen else list(Organisation.objects.order_by("code"))
            reports = check_organisations(organisations)
        if options["json"]:
            document = {"organisations": [report.as_dict() for report in reports]}
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        for report in reports:
            self.stdout.write(
                _("%(name)s (%(code)s): %(missing)s van %(count)s indicatoren zonder waarden")
                % {
                    "name": report.name,
                    "code": report.organisation,
                    "missing": number(len(report.without_values)),
                    "count": number(report.indicators),
                }
            )
            for missing in report.without_values:
                self.stdout.write(
                    f"- {missing.code} {missing.name}: [{missing.reason}] {missing.explanation}"
                )
            for compared in report.not_compared:
                self.stdout.write(
                    f"- {compared.code} {compared.name}: [{_('niet vergelijkbaar')}] {compared.reason}"
                )
