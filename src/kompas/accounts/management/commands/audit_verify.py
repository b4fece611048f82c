# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas audit verify``: walk the audit hash chain and report the first broken link."""

from __future__ import annotations

import re
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.audit import verify_trail
from kompas.commandbase import TranslatedCommand

ANCHOR = re.compile(r"^(?P<sequence>\d{1,18}):(?P<hash>[0-9a-f]{64})$")


class Command(TranslatedCommand):
    """Verify the audit trail; exit 1 naming the first removed, changed or inserted record."""

    help_text = gettext_lazy(
        "Controleert de audittrail: elke auditregel moet het volgende volgnummer dragen, de hash van "
        "de regel ervoor en een hash die bij de eigen inhoud past. Meldt de eerste verwijderde, "
        "gewijzigde of ingevoegde regel en eindigt dan met code 1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --anchor."""
        parser.add_argument(
            "--anchor",
            action="append",
            default=[],
            metavar="VOLGNUMMER:HASH",
            help=_(
                "Een eerder buiten de database bewaarde kop van de keten (herhaalbaar); de keten "
                "moet die regel nog ongewijzigd bevatten."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Walk the chain, print the outcome and exit 1 on the first break."""
        report = verify_trail(_anchors(options["anchor"]))
        if report.first_break is not None:
            self.stderr.write(
                _("Audittrail niet intact: %(message)s") % {"message": report.first_break.message}
            )
            raise SystemExit(1)
        self.stdout.write(
            _("Audittrail intact: %(count)s records")
            % {"count": number_format(report.count, force_grouping=True)}
        )
        self.stdout.write(
            _("Kop van de keten: %(sequence)s:%(hash)s (bewaar deze buiten de database voor --anchor)")
            % {"sequence": report.head_sequence, "hash": report.head_hash}
        )


def _anchors(values: list[str]) -> dict[int, str]:
    """Parse ``VOLGNUMMER:HASH`` values; refuse anything else with a Dutch message."""
    anchors: dict[int, str] = {}
    for value in values:
        match = ANCHOR.match(value.strip().lower())
        if match is None:
            raise CommandError(
                _("Ongeldig anker %(value)s: verwacht VOLGNUMMER:HASH (64 hextekens).") % {"value": value}
            )
        anchors[int(match["sequence"])] = match["hash"]
    return anchors
