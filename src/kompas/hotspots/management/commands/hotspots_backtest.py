# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas hotspots backtest``: hit rate, PAI and PEI of grid forecasts on an incidents file."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.commandbase import TranslatedCommand
from kompas.hotspots.backtesting import (
    KNOX_DAYS,
    KNOX_METRES,
    BacktestError,
    BacktestOutcome,
    BacktestRequest,
    as_json,
    mask_rule,
    run_backtest,
)
from kompas.hotspots.evaluate import COVERAGES
from kompas.hotspots.management.arguments import add_file_arguments, horizon, iso_date, methods, read_events
from kompas.hotspots.methods import METHOD_NAMES
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Evaluate forecast methods week by week (rolling origin) on one type of incident."""

    help_text = gettext_lazy(
        "Toetst voorspelmethoden op een incidentenbestand: per week voorspellen met alleen wat ervoor "
        "bekend was, en treffers, PAI en PEI tellen. Werkt zonder database."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare EVENTS, the type, the period and the methods."""
        add_file_arguments(parser)
        parser.add_argument(
            "--from", dest="start", type=iso_date, required=True, help=_("Eerste voorspeldag (JJJJ-MM-DD).")
        )
        parser.add_argument(
            "--to", dest="end", type=iso_date, required=True, help=_("Laatste dag (JJJJ-MM-DD).")
        )
        parser.add_argument(
            "--horizon", type=horizon, default=7.0, help=_("Voorspelhorizon in dagen (standaard 7d).")
        )
        parser.add_argument(
            "--method",
            type=methods,
            default=METHOD_NAMES,
            help=_("Methoden, met komma's gescheiden (standaard alle: %(names)s).")
            % {"names": ",".join(METHOD_NAMES)},
        )
        parser.add_argument("--json", action="store_true", help=_("Uitvoer als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Read the file, run the backtest and print the figures."""
        if options["end"] < options["start"]:
            raise CommandError(_("--to ligt vóór --from."))
        incidents, zone, notes = read_events(options)
        coverages = tuple(sorted({*COVERAGES, options["coverage"]}))
        request = BacktestRequest(
            options["kind"], options["start"], options["end"], options["method"], options["cell"],
            options["horizon"], coverages, zone,
        )  # fmt: skip
        try:
            outcome = run_backtest(incidents, request)
        except BacktestError as error:
            raise CommandError(str(error)) from error
        header = {
            "file": options["events"],
            "type": options["kind"],
            "crs": incidents.crs,
            "cell_metres": options["cell"],
            "horizon_days": options["horizon"],
            "coverage": options["coverage"],
            "grid": {"columns": outcome.grid.nx, "rows": outcome.grid.ny},
            "active_cells": outcome.active,
            "active_cell_rule": mask_rule(),
            "events_evaluated": outcome.events,
            "unlocated": {"total": sum(incidents.unlocated.values()), "by_type": incidents.unlocated},
            "notes": notes,
            "seconds": round(outcome.seconds, 2),
        }
        if options["json"]:
            document = {**header, **as_json(outcome, coverages)}
            self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False))
            return
        self.stdout.write(self._text(outcome, options, incidents.crs, notes))

    def _text(self, outcome: BacktestOutcome, options: dict[str, Any], crs: str, notes: list[str]) -> str:
        """Return the pooled figures per method and coverage as Dutch text."""
        lines = [
            _(
                "%(type)s, %(weeks)s voorspelweken, %(events)s incidenten; raster %(cell)s m in "
                "%(crs)s, %(active)s actieve cellen."
            )
            % {
                "type": options["kind"],
                "weeks": number(len(outcome.weeks)),
                "events": number(outcome.events),
                "cell": number(options["cell"]),
                "crs": crs,
                "active": number(outcome.active),
            },
            *notes,
            _("methode      dekking  trefkans     PAI     PEI"),
        ]
        for total in outcome.totals:
            lines.append(
                f"{total.method:<12} {number(100 * total.coverage):>6} %"
                f" {number(None if total.hit_rate is None else 100 * total.hit_rate, 1):>7} %"
                f" {number(total.pai, 2):>7} {number(total.pei, 2):>7}"
            )
        if outcome.knox is not None:
            lines.append(
                _(
                    "Knox-toets (jaar vóór de eerste week, %(metres)s m en %(days)s dagen): %(both)s paren "
                    "dichtbij in ruimte en tijd, %(expected)s verwacht; p = %(p)s (permutaties)."
                )
                % {
                    "metres": number(KNOX_METRES),
                    "days": number(KNOX_DAYS),
                    "both": number(outcome.knox.close_both),
                    "expected": number(outcome.knox.expected, 1),
                    "p": number(outcome.knox.p_permutation, 3),
                }
            )
        return "\n".join(lines)
