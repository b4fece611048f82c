# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas casework publish``: write casework figures (no persons, small cells held back) as observations."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.casework.publish import publish_figures
from kompas.commandbase import TranslatedCommand


class Command(TranslatedCommand):
    """Publish one organisation's quarterly and yearly casework counts."""

    help_text = gettext_lazy(
        "Berekent per kwartaal en jaar de aantallen uit de casuïstiek (per thema, categorie, kader, "
        "niveau en wijk) en slaat ze op als waarnemingen; kleine aantallen worden niet opgeslagen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --organisation."""
        parser.add_argument("--organisation", required=True, help=_("Code van de organisatie."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Publish and print the counts."""
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
        result = publish_figures(organisation, actor=None)
        self.stdout.write(
            _("%(written)s cijfers opgeslagen, %(suppressed)s onderdrukt (te klein), import: %(status)s.")
            % {"written": result.written, "suppressed": result.suppressed, "status": result.status}
        )
