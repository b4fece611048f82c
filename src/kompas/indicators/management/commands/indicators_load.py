# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas indicators load FILE``: store the indicator definitions of a definition file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from kompas.commandbase import TranslatedCommand
from kompas.indicators.load import load_definitions
from kompas.indicators.management.commands._organisation import organisation_option
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Check the whole file, then store all of it or nothing."""

    help_text = gettext_lazy(
        "Laadt indicatordefinities uit een TOML-definitiebestand (formaat: docs/indicators.md §8). "
        "Een bestand met fouten laadt niets; alle fouten worden samen gemeld."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare FILE and --organisation."""
        parser.add_argument("file", type=Path, help=_("Het definitiebestand."))
        parser.add_argument(
            "--organisation",
            help=_("Code van de organisatie die de set krijgt (standaard: de gedeelde set)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Load the file and report what changed."""
        organisation = organisation_option(options["organisation"])
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("Kan %(path)s niet lezen: %(error)s") % {"path": path, "error": error}
            ) from error
        context = scope(organisation=organisation.pk) if organisation else scopes_disabled()
        with context:
            result = load_definitions(text, path.name, actor=None, organisation=organisation)
        if result.problems:
            raise CommandError("\n".join(str(problem) for problem in result.problems))
        counts = {
            "created": number(len(result.created)),
            "changed": number(len(result.changed)),
            "unchanged": number(len(result.unchanged)),
        }
        self.stdout.write(
            _("Geladen: %(created)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd") % counts
        )
