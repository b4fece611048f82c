# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas indicators dump``: write the stored indicator definitions as a definition file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from kompas.commandbase import TranslatedCommand
from kompas.indicators.load import dump_definitions
from kompas.indicators.management.commands._organisation import organisation_option


class Command(TranslatedCommand):
    """Print the definitions, or write them to a file."""

    help_text = gettext_lazy(
        "Schrijft de indicatordefinities als TOML-definitiebestand, zodat een andere installatie ze "
        "kan laden met `kompas indicators load`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --organisation and --output."""
        parser.add_argument(
            "--organisation",
            help=_("Code van de organisatie: haar eigen en de gedeelde set (standaard: gedeeld)."),
        )
        parser.add_argument("--output", type=Path, help=_("Bestand (standaard: scherm)."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Dump the definitions."""
        organisation = organisation_option(options["organisation"])
        context = scope(organisation=organisation.pk) if organisation else scopes_disabled()
        with context:
            text = dump_definitions(organisation)
        if options["output"] is None:
            self.stdout.write(text, ending="")
            return
        options["output"].write_text(text, encoding="utf-8")
        self.stdout.write(_("Geschreven: %(path)s") % {"path": options["output"]})
