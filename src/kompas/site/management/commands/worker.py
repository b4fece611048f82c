# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas worker``: run the background task worker (django-tasks-db) of a production install."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from kompas.commandbase import TranslatedCommand
from kompas.sources.runs import report_abandoned_runs


class Command(TranslatedCommand, DatabaseWorkerCommand):
    """The database task worker, which first closes imports a killed worker left "bezig"."""

    help_text = gettext_lazy(
        "Verwerkt de takenwachtrij in de database (imports, herberekening, rapportages); "
        "markeert eerst imports die een gestopt proces op 'bezig' liet als mislukt."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Mark abandoned imports as failed, then process tasks until stopped."""
        report_abandoned_runs(self.stdout.write)
        super().handle(*args, **options)
