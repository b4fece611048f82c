# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas casework link``: overlap counts of pseudonymised household files (Borne pilot)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.casework.linkage import DomainFile, record_linkage
from kompas.casework.publish import publish_linkage
from kompas.commandbase import TranslatedCommand


class Command(TranslatedCommand):
    """Count households per wijk and period that appear in two or more domain files."""

    help_text = gettext_lazy(
        "Telt per wijk en periode hoeveel huishoudens in twee of meer domeinen voorkomen, uit "
        "CSV-bestanden met gepseudonimiseerde huishoudsleutels (HMAC-SHA256) per domein. Alleen de "
        "aantallen worden bewaard, nooit de sleutels (docs/casework.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the files and --organisation."""
        parser.add_argument("files", nargs="+", help=_("CSV per domein; de bestandsnaam is het domein."))
        parser.add_argument("--organisation", required=True, help=_("Code van de organisatie."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Read, count, store the counts and print them."""
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
        try:
            files = [DomainFile.read(Path(name)) for name in options["files"]]
            run = record_linkage(actor=None, organisation=organisation, files=files)
            published = publish_linkage(run, actor=None)
        except OSError as error:
            raise CommandError(_("Bestand niet te lezen: %(name)s") % {"name": error.filename}) from error
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages)) from refused
        for count in run.counts.all():
            self.stdout.write(
                _("%(wijk)s %(period)s: %(households)s huishoudens, %(multiple)s in twee of meer domeinen")
                % {
                    "wijk": count.area_code,
                    "period": count.period,
                    "households": count.households,
                    "multiple": count.in_two_or_more,
                }
            )
        self.stdout.write(
            _("Als waarneming opgeslagen: %(written)s, onderdrukt (te klein): %(suppressed)s.")
            % {"written": published.written, "suppressed": published.suppressed}
        )
