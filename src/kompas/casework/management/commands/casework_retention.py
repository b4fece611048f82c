# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas casework retention``: delete casework past its retention term (the nightly job)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.casework.retention import apply_retention
from kompas.commandbase import TranslatedCommand


class Command(TranslatedCommand):
    """Apply the retention terms; with --dry-run only list what would go."""

    help_text = gettext_lazy(
        "Verwijdert signalen, casussen en jeugdgroepen waarvan de bewaartermijn is verstreken, met "
        "hun personen; legt een verwijderlog zonder persoonsgegevens aan. Bedoeld als nachtelijke taak."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --dry-run."""
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Toon alleen wat verwijderd zou worden.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Apply (or list) and print one line per object, without personal data."""
        items = apply_retention(dry_run=options["dry_run"])
        for item in items:
            self.stdout.write(
                _("%(kind)s %(id)s (%(state)s, afgesloten %(ended)s, termijn %(days)s dagen)")
                % {
                    "kind": item.kind,
                    "id": item.object_id,
                    "state": item.state,
                    "ended": item.ended_on.strftime("%d-%m-%Y"),
                    "days": item.rule_days,
                }
            )
        if options["dry_run"]:
            self.stdout.write(
                _("Proefrun, niets verwijderd. Te verwijderen: %(count)s.") % {"count": len(items)}
            )
        else:
            self.stdout.write(_("Verwijderd: %(count)s.") % {"count": len(items)})
