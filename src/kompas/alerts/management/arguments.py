# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The command-line options that ``kompas early-warning run`` and ``early-warning backtest`` share."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompas.alerts.detect import METHODS, Options
from kompas.alerts.series import SeriesFileError
from kompas.presentation.formatting import number

#: Problems shown of an unusable input file; the rest are counted.
SHOWN_ERRORS = 100


def _iso_date(text: str) -> dt.date:
    """Parse ``JJJJ-MM-DD`` for argparse, with a Dutch message."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(_("geen datum (JJJJ-MM-DD): %(text)s") % {"text": text}) from error


def add_detection_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare INPUT, the method, the frequency and the method's settings."""
    parser.add_argument("input", metavar="INPUT", help=_("CSV-bestand met de kolommen series,period,count."))
    parser.add_argument(
        "--method", choices=METHODS, default="farrington-flexible", help=_("Signaleringsmethode.")
    )
    parser.add_argument(
        "--frequency", choices=("month", "week"), default="month", help=_("Maanden of ISO-weken.")
    )
    _add_farrington_arguments(parser)
    _add_common_arguments(parser)


def _add_farrington_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the settings of farringtonFlexible (R's names in the help)."""
    farrington = parser.add_argument_group(
        _("Farrington (standaard zoals R surveillance farringtonFlexible)")
    )
    farrington.add_argument("--b", type=int, help=_("Aantal jaren terug (standaard 5)."))
    farrington.add_argument("--w", type=int, help=_("Halve vensterbreedte in perioden (standaard 3)."))
    farrington.add_argument(
        "--no-periods", type=int, help=_("Aantal seizoensblokken; 10 is Noufaily (standaard 1).")
    )
    farrington.add_argument(
        "--past-periods-not-included",
        type=int,
        help=_("Recente perioden buiten de basislijn (standaard gelijk aan w)."),
    )
    farrington.add_argument(
        "--threshold-method",
        choices=("delta", "nbPlugin", "muan"),
        help=_("Methode voor de bovengrens (standaard delta)."),
    )
    farrington.add_argument(
        "--weights-threshold", type=float, help=_("Grens voor het afwegen van uitschieters (standaard 2,58).")
    )
    farrington.add_argument("--no-trend", action="store_true", help=_("Zonder tijdstrend."))
    farrington.add_argument(
        "--no-reweight", action="store_true", help=_("Zonder herweging van uitschieters.")
    )


def _add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the settings every method shares."""
    common = parser.add_argument_group(_("Alle methoden"))
    common.add_argument(
        "--alpha",
        type=float,
        help=_("Kans op een vals alarm per punt (standaard 0,05; EARS C1/C2 0,001, C3 0,025)."),
    )
    common.add_argument(
        "--evaluate-from", type=_iso_date, help=_("Beoordeel alleen perioden vanaf deze datum (JJJJ-MM-DD).")
    )
    common.add_argument(
        "--min-count",
        type=int,
        default=0,
        help=_("Geen alarm bij minder waarnemingen dan dit (standaard 0)."),
    )


def detection_options(options: dict[str, Any]) -> Options:
    """Return the detection settings from parsed command-line options."""
    return Options(
        b=options["b"],
        w=options["w"],
        alpha=options["alpha"],
        no_periods=options["no_periods"],
        past_periods_not_included=options["past_periods_not_included"],
        threshold_method=options["threshold_method"],
        weights_threshold=options["weights_threshold"],
        trend=not options["no_trend"],
        reweight=not options["no_reweight"],
        evaluate_from=options["evaluate_from"],
        min_count=options["min_count"],
    )


def command_error(error: Exception) -> CommandError:
    """Return the Dutch message for a file that cannot be read or written, or unusable settings.

    A :class:`SeriesFileError` lists its problems (file, line, column, value, expected), the
    first :data:`SHOWN_ERRORS` of them.
    """
    if isinstance(error, SeriesFileError):
        lines = [str(problem) for problem in error.errors[:SHOWN_ERRORS]]
        hidden = len(error.errors) - len(lines)
        if hidden:
            lines.append(_("… en nog %(count)s problemen.") % {"count": number(hidden)})
        heading = ngettext(
            "Het invoerbestand is niet bruikbaar (%(count)s probleem):",
            "Het invoerbestand is niet bruikbaar (%(count)s problemen):",
            len(error.errors),
        ) % {"count": number(len(error.errors))}
        return CommandError("\n".join([heading, *lines]))
    if isinstance(error, FileNotFoundError):
        return CommandError(_("Bestand niet gevonden: %(path)s") % {"path": error.filename})
    if isinstance(error, OSError):
        return CommandError(
            _("Bestand niet bruikbaar: %(path)s (%(reason)s)")
            % {"path": error.filename, "reason": error.strerror}
        )
    return CommandError(str(error))
