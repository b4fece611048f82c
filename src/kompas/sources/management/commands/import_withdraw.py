# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas import withdraw RUN``: undo one import exactly, or say which later run to withdraw first."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from kompas.commandbase import TranslatedCommand
from kompas.sources.load import withdraw_import
from kompas.sources.models import ImportRun
from kompas.sources.withdrawal import WithdrawRefusedError


class Command(TranslatedCommand):
    """Withdraw an import run: remove what it added, restore what it replaced, recompute."""

    help_text = gettext_lazy(
        "Trekt een importrun in: de waarden en gebeurtenissen die de run toevoegde worden verwijderd, "
        "de waarden die hij wijzigde krijgen hun vorige waarde terug (uit de waardegeschiedenis). "
        "Geweigerd als een latere run of een correctie met de hand dezelfde waarden daarna wijzigde; "
        "de melding zegt welke run eerst moet worden ingetrokken. Zie docs/import.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare RUN and --dry-run."""
        parser.add_argument("run", type=int, help=_("Het nummer van de importrun."))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Tonen wat er zou gebeuren, niets wijzigen.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Withdraw the run (as the operator of the installation) and print what happened."""
        with scopes_disabled():
            run = ImportRun.objects.filter(pk=options["run"]).first()
        if run is None:
            raise CommandError(_("Onbekende importrun: %(run)s") % {"run": options["run"]})
        try:
            done = withdraw_import(run, actor=None, dry_run=options["dry_run"])
        except WithdrawRefusedError as refused:
            raise CommandError(refused.message) from refused
        self.stdout.write(done.sentence())
