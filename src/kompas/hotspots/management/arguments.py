# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The arguments both hotspot commands share, parsed with Dutch messages, and reading the file."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from kompas.hotspots.incidents import Incidents, read
from kompas.hotspots.methods import METHOD_NAMES
from kompas.presentation.formatting import number

DEFAULT_ZONE = "Europe/Amsterdam"
SHOWN_ERRORS = 20


def iso_date(text: str) -> dt.date:
    """Parse ``JJJJ-MM-DD``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(_("geen datum (JJJJ-MM-DD): %(text)s") % {"text": text}) from error


def positive(text: str) -> float:
    """Parse a positive number (a point as decimal separator, as on a command line)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(_("geen positief getal: %(text)s") % {"text": text})
    return value


def share(text: str) -> float:
    """Parse a share of the area strictly between 0 and 1, such as 0.05."""
    value = positive(text)
    if value >= 1:
        raise argparse.ArgumentTypeError(
            _("geen aandeel tussen 0 en 1, zoals 0.05: %(text)s") % {"text": text}
        )
    return value


def horizon(text: str) -> float:
    """Parse a horizon in whole days, such as ``7d``."""
    found = re.fullmatch(r"(\d+)d", text.strip())
    if not found or int(found.group(1)) < 1:
        raise argparse.ArgumentTypeError(_("geen horizon in dagen, zoals 7d: %(text)s") % {"text": text})
    return float(found.group(1))


def methods(text: str) -> tuple[str, ...]:
    """Parse a comma-separated list of method names."""
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [name for name in names if name not in METHOD_NAMES]
    if not names or unknown:
        raise argparse.ArgumentTypeError(
            _("onbekende methode %(name)s; kies uit %(names)s")
            % {"name": ", ".join(unknown) or text, "names": ", ".join(METHOD_NAMES)}
        )
    return names


def zone(text: str) -> ZoneInfo:
    """Parse an IANA time zone."""
    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            _("geen bekende tijdzone (zoals Europe/Amsterdam): %(text)s") % {"text": text}
        ) from None


def add_file_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare EVENTS, the type and how the file is read."""
    parser.add_argument(
        "events", help=_("Een incidentenbestand (CSV, ook met gzip) in het formaat incidenten.")
    )
    parser.add_argument(
        "--type", required=True, dest="kind", help=_("Het soort incident, zoals het in het bestand staat.")
    )
    parser.add_argument(
        "--type-column", default="TYPE", help=_("De kolom met het soort incident (standaard TYPE).")
    )
    parser.add_argument(
        "--crs",
        default="",
        help=_(
            "Coördinatenstelsel van de kolommen X/Y, zoals EPSG:26910; zonder: de kolommen lon/lat (WGS84)."
        ),
    )
    parser.add_argument(
        "--timezone",
        type=zone,
        default=None,
        help=_("Tijdzone van de tijdstippen in het bestand (standaard Europe/Amsterdam)."),
    )
    parser.add_argument(
        "--cell", type=positive, default=150.0, help=_("Celgrootte in meter (standaard 150).")
    )
    parser.add_argument(
        "--coverage",
        type=share,
        default=0.05,
        help=_("Aandeel van de actieve cellen dat wordt aangewezen (standaard 0.05)."),
    )


def read_events(options: dict[str, Any]) -> tuple[Incidents, ZoneInfo, list[str]]:
    """Read the file; return its incidents, the time zone and the notes the user must see."""
    chosen = options["timezone"] or ZoneInfo(DEFAULT_ZONE)
    settings: dict[str, object] = {"timezone": chosen.key, "type_column": options["type_column"]}
    if options["crs"]:
        settings["crs"] = options["crs"]
    try:
        incidents = read(Path(options["events"]), settings)
    except OSError as error:
        raise CommandError(_("Het bestand is niet te lezen: %(error)s") % {"error": error}) from error
    if incidents.errors:
        lines = [str(problem) for problem in incidents.errors[:SHOWN_ERRORS]]
        raise CommandError("\n".join([_("Het bestand is niet bruikbaar:"), *lines]))
    notes = []
    if options["timezone"] is None:
        notes.append(_("Tijdzone niet opgegeven: de tijdstippen gelden als Europe/Amsterdam (--timezone)."))
    unlocated = sum(incidents.unlocated.values())
    if unlocated:
        notes.append(
            _("%(count)s incidenten zonder locatie (leeg of X = Y = 0) zijn niet meegeteld.")
            % {"count": number(unlocated)}
        )
    return incidents, chosen, notes
