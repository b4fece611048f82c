# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas early-warning backtest``: what a detection setting costs, on the series of a CSV file."""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.alerts.backtest import BacktestResult, OutbreakDesign, backtest
from kompas.alerts.management.arguments import add_detection_arguments, command_error, detection_options
from kompas.alerts.series import FREQUENCIES, read_long_csv
from kompas.commandbase import TranslatedCommand
from kompas.presentation.formatting import number, percent


def _sizes(text: str) -> tuple[float, ...]:
    """Parse a comma-separated list of positive outbreak sizes, with a Dutch message."""
    try:
        sizes = tuple(float(part) for part in text.split(","))
    except ValueError:
        sizes = ()
    if not sizes or not all(0 < size < float("inf") for size in sizes):
        message = _("geen lijst van positieve getallen, zoals 2,3,5,10: %(text)s")
        raise argparse.ArgumentTypeError(message % {"text": text})
    return sizes


def _positive(text: str) -> int:
    """Parse a whole number of at least 1, with a Dutch message."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("geen geheel getal van 1 of meer: %(text)s") % {"text": text})
    return int(text)


def _without_nan(value: Any) -> Any:
    """Return ``value`` with NaN (no outbreaks, nothing evaluated) as None, which JSON knows."""
    if isinstance(value, dict):
        return {key: _without_nan(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nan(item) for item in value]
    return None if isinstance(value, float) and math.isnan(value) else value


class Command(TranslatedCommand):
    """Inject simulated outbreaks and report probability of detection and false-positive rate."""

    help_text = gettext_lazy(
        "Voegt gesimuleerde uitbraken toe aan de eigen reeksen (ontwerp naar Noufaily e.a. 2013) en toont "
        "de kans op detectie en het aandeel valse alarmen van een instelling. Werkt zonder database."
    )
    # Works on files only: no system checks, so no database is touched.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare INPUT, the detection settings and the outbreak design."""
        add_detection_arguments(parser)
        parser.add_argument(
            "--outbreaks",
            type=_positive,
            default=20,
            help=_("Uitbraken per reeks en grootte (standaard 20)."),
        )
        parser.add_argument(
            "--sizes",
            type=_sizes,
            default=(2.0, 3.0, 5.0, 10.0),
            help=_("Uitbraakgroottes in standaardafwijkingen (standaard 2,3,5,10)."),
        )
        parser.add_argument(
            "--seed", type=int, default=2013, help=_("Startwaarde van de toevalsgenerator (standaard 2013).")
        )
        parser.add_argument("--json", action="store_true", help=_("Uitvoer als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the backtest and print its figures."""
        settings = detection_options(options)
        try:
            panel = read_long_csv(Path(options["input"]), FREQUENCIES[options["frequency"]])
            design = OutbreakDesign(outbreaks_per_series=options["outbreaks"], sizes=options["sizes"])
            result = backtest(
                panel, options["method"], settings, np.random.default_rng(options["seed"]), design
            )
        except (OSError, ValueError) as error:
            raise command_error(error) from error
        if options["json"]:
            document = {
                "settings": settings.describe(),
                "seed": options["seed"],
                "series": len(panel.names),
                **asdict(result),
            }
            self.stdout.write(json.dumps(_without_nan(document), indent=2, ensure_ascii=False))
            return
        self.stdout.write(self._text(result))

    def _text(self, result: BacktestResult) -> str:
        """Return the figures as Dutch text."""
        lines = [
            _(
                "Methode %(method)s: %(alarms)s signalen in %(evaluated)s beoordeelde perioden "
                "(vals-alarmpercentage %(rate)s)."
            )
            % {
                "method": result.method,
                "alarms": number(result.alarms),
                "evaluated": number(result.evaluated),
                "rate": percent(100 * result.false_positive_rate),
            }
        ]
        for size in result.by_size:
            lines.append(
                _(
                    "Uitbraak van %(size)s standaardafwijkingen: %(detected)s van %(outbreaks)s "
                    "gedetecteerd (%(pod)s)."
                )
                % {
                    "size": f"{size.size:g}".replace(".", ","),
                    "detected": number(size.detected),
                    "outbreaks": number(size.outbreaks),
                    "pod": percent(100 * size.probability_of_detection, 0),
                }
            )
        return "\n".join(lines)
