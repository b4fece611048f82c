# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas hotspots forecast``: the cells to watch next week, with the method's measured accuracy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.commandbase import TranslatedCommand
from kompas.hotspots.backtesting import BacktestError
from kompas.hotspots.forecasting import MIN_EVENTS, forecast, write_csv, write_geojson
from kompas.hotspots.management.arguments import add_file_arguments, iso_date, methods, read_events
from kompas.presentation.formatting import number

WRITERS = {".geojson": write_geojson, ".csv": write_csv}


def _method(text: str) -> str:
    names = methods(text)
    if len(names) != 1:
        raise CommandError(_("Kies één methode voor een voorspelling."))
    return names[0]


class Command(TranslatedCommand):
    """Forecast the week from --at on a grid and write the named cells with their accuracy."""

    help_text = gettext_lazy(
        "Voorspelt voor de week vanaf --at de cellen met het hoogste risico en schrijft ze als GeoJSON of "
        "CSV, met de gemeten trefkans en PAI van de methode in de 12 weken ervoor. Werkt zonder database."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare EVENTS, the type, the moment, the method and the output file."""
        add_file_arguments(parser)
        parser.add_argument(
            "--at", type=iso_date, required=True, help=_("Eerste dag van de voorspelde week (JJJJ-MM-DD).")
        )
        parser.add_argument(
            "--method", type=_method, default="ensemble", help=_("De methode (standaard ensemble).")
        )
        parser.add_argument("--output", required=True, help=_("Uitvoerbestand: .geojson of .csv."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Read the file, forecast, write the cells and print the accuracy."""
        output = Path(options["output"])
        writer = WRITERS.get(output.suffix.lower())
        if writer is None:
            raise CommandError(
                _("Het uitvoerbestand moet eindigen op .geojson of .csv: %(name)s") % {"name": output.name}
            )
        incidents, zone, notes = read_events(options)
        try:
            result = forecast(
                incidents, kind=options["kind"], at=options["at"], method=options["method"],
                cell=options["cell"], coverage=options["coverage"], zone=zone,
            )  # fmt: skip
        except BacktestError as error:
            raise CommandError(str(error)) from error
        try:
            writer(result, output)
        except OSError as error:
            raise CommandError(
                _("Het uitvoerbestand is niet te schrijven: %(error)s") % {"error": error}
            ) from error
        accuracy = result.accuracy
        lines = [
            *notes,
            _(
                "%(cells)s cellen geschreven naar %(file)s; %(suppressed)s weggelaten (minder dan %(k)s "
                "incidenten in het jaar ervoor)."
            )
            % {
                "cells": number(len(result.cells)),
                "file": output,
                "suppressed": number(result.suppressed),
                "k": MIN_EVENTS,
            },
            _("Gemeten in de %(weeks)s weken ervoor: trefkans %(hit)s %%, PAI %(pai)s, PEI %(pei)s.")
            % {
                "weeks": result.accuracy_weeks,
                "hit": number(
                    None if accuracy is None or accuracy.hit_rate is None else 100 * accuracy.hit_rate, 1
                ),
                "pai": number(None if accuracy is None else accuracy.pai, 2),
                "pei": number(None if accuracy is None else accuracy.pei, 2),
            },
        ]
        self.stdout.write("\n".join(lines))
