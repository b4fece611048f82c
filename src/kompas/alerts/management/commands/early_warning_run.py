# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas early-warning run``: signal unusual rises in every series of a CSV file, without a database."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.alerts.early_warning_csv import run
from kompas.alerts.management.arguments import add_detection_arguments, command_error, detection_options
from kompas.commandbase import TranslatedCommand
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Run a detection method on a long CSV file and write one row per evaluated period."""

    help_text = gettext_lazy(
        "Signaleert ongewone stijgingen in elke reeks van een CSV-bestand (series,period,count) en schrijft "
        "series,period,observed,expected,upperbound,alarm,score. Werkt zonder database."
    )
    # Works on files only: no system checks, so no database is touched.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare INPUT, --output and the detection settings."""
        add_detection_arguments(parser)
        parser.add_argument("--output", required=True, help=_("Uitvoerbestand (CSV)."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the method and report what was found."""
        settings = asdict(detection_options(options))
        try:
            summary = run(
                Path(options["input"]),
                Path(options["output"]),
                method=options["method"],
                frequency=options["frequency"],
                **settings,
            )
        except (OSError, ValueError) as error:
            raise command_error(error) from error
        message = _(
            "%(evaluated)s perioden beoordeeld in %(series)s reeksen (%(first)s t/m %(last)s): "
            "%(alarms)s signalen. Geschreven: %(path)s (%(seconds)s s)"
        )
        self.stdout.write(
            message
            % {
                "evaluated": number(summary.evaluated),
                "series": number(summary.series),
                "first": summary.first_evaluated or "-",
                "last": summary.last_evaluated or "-",
                "alarms": number(summary.alarms),
                "path": options["output"],
                "seconds": number(summary.seconds, 1),
            }
        )
