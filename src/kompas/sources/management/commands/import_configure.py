# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas import configure --organisation CODE [--timezone ZONE]``: an organisation's import defaults."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.commandbase import TranslatedCommand
from kompas.sources.defaults import InvalidDefaultError, set_timezone, timezone_of


class Command(TranslatedCommand):
    """Show or set the default time zone of an organisation's imports."""

    help_text = gettext_lazy(
        "Toont of zet de standaardtijdzone van de imports van een organisatie: tijdstippen zonder "
        "tijdzone (incidenten) worden dan in deze zone gelezen zonder --option timezone=, en de "
        "importrun vermeldt dat. Zie docs/import.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --organisation and --timezone."""
        parser.add_argument("--organisation", required=True, help=_("Code van de organisatie."))
        parser.add_argument(
            "--timezone", help=_('IANA-tijdzone, zoals Europe/Amsterdam; leeg ("") wist de standaard.')
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Set the time zone when given, then print the organisation's default."""
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
        if options["timezone"] is not None:
            try:
                set_timezone(organisation, options["timezone"], actor=None)
            except InvalidDefaultError as invalid:
                raise CommandError(str(invalid)) from invalid
        zone = timezone_of(organisation.pk)
        self.stdout.write(
            _("Standaardtijdzone van %(organisation)s: %(zone)s")
            % {
                "organisation": organisation.code,
                "zone": zone or _("geen (geef --option timezone= bij elke import)"),
            }
        )
