# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Dutch report of an import run, as ``kompas import`` prints it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompas.observations.changes import ValueChange, changes_of_run
from kompas.sources.assumptions import describe
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.records import MAX_ERRORS, dutch_int
from kompas.sources.runs import previous_import

SHOWN_CHANGES = 20
SHOWN_WARNINGS = 10


def number(value: float | None) -> str:
    """Format a value the Dutch way: ``1.743``, ``23,4``; ``–`` when absent."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return dutch_int(int(value))
    return f"{value:,.6g}".replace(",", " ").replace(".", ",").replace(" ", ".")


def shown_moment(moment: dt.datetime) -> str:
    """Return ``moment`` in the installation's time zone, named, as the pages and exports show it."""
    local = timezone.localtime(moment)
    return f"{local:%d-%m-%Y %H:%M} ({local.tzname()})"


def describe_change(change: ValueChange) -> str:
    """Return one replaced value as a line: measure, area, period, old → new."""
    margin = ""
    if change.old_margin != change.new_margin:
        margin = _(" (marge %(old)s → %(new)s)") % {
            "old": number(change.old_margin),
            "new": number(change.new_margin),
        }
    period = f"{change.period_start.isoformat()} ({change.period_length})"
    place = f"{change.measure_code} · {change.area_code} · {period}"
    return f"{place}: {number(change.old_value)} → {number(change.new_value)}{margin}"


def outcome(run: ImportRun) -> str:
    """Return the one sentence that says what the import did."""
    counts = {
        "loaded": dutch_int(run.rows_loaded),
        "changed": dutch_int(run.rows_changed),
        "unchanged": dutch_int(run.rows_unchanged),
        "errors": dutch_int(run.error_count),
    }
    if run.status == ImportStatus.LOADED:
        return _("Geladen: %(loaded)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd.") % counts
    if run.status == ImportStatus.UNCHANGED:
        return _("Niets gewijzigd: alle %(unchanged)s waarden stonden er al precies zo in.") % counts
    if run.status == ImportStatus.DRY_RUN:
        return (
            _(
                "Proefimport: %(loaded)s zouden nieuw zijn, %(changed)s gewijzigd, "
                "%(unchanged)s ongewijzigd; er is niets opgeslagen."
            )
            % counts
        )
    if run.status == ImportStatus.REJECTED:
        return (
            ngettext(
                "Afgewezen: %(errors)s fout in het bestand; er is niets opgeslagen.",
                "Afgewezen: %(errors)s fouten in het bestand; er is niets opgeslagen.",
                run.error_count,
            )
            % counts
        )
    return _("Mislukt; er is niets opgeslagen.")


def owner(run: ImportRun) -> str:
    """Say whose figures the run writes: the operator's shared open data or an organisation's (ADR 0011)."""
    if run.organisation_id is None:
        return _("gedeelde open data van de beheerder (van geen organisatie)")
    return _("eigen cijfers van %(organisation)s") % {"organisation": run.organisation}


def report_lines(run: ImportRun) -> list[str]:
    """Return the report of ``run``: what was read, what happened, errors, changes and warnings."""
    lines = [
        _("Importrun %(id)s: %(file)s (%(format)s), %(rows)s rijen gelezen in %(seconds)s s, als %(owner)s.")
        % {
            "id": run.pk,
            "file": run.file_name,
            "format": run.format,
            "rows": dutch_int(run.rows_read),
            "seconds": f"{run.duration_seconds or 0.0:.1f}".replace(".", ","),  # always one decimal: 0,0 s
            "owner": owner(run),
        },
        outcome(run),
    ]
    previous = previous_import(run)
    if previous is not None and run.status in (ImportStatus.UNCHANGED, ImportStatus.DRY_RUN):
        lines.append(
            _("Dit bestand (zelfde SHA-256) is eerder geïmporteerd in importrun %(id)s op %(date)s.")
            % {"id": previous.pk, "date": shown_moment(previous.started_at)}
        )
    if run.assumptions:
        lines.append(_("Gelezen met: %(settings)s.") % {"settings": describe(run.assumptions)})
    lines += [f"  {error['message']}" for error in run.errors]
    if run.error_count > len(run.errors):
        lines.append(
            _("… en nog %(rest)s fouten (alleen de eerste %(shown)s worden getoond).")
            % {"rest": dutch_int(run.error_count - len(run.errors)), "shown": dutch_int(MAX_ERRORS)}
        )
    lines += _change_lines(run)
    lines += _warning_lines(run)
    return lines


def _change_lines(run: ImportRun) -> list[str]:
    if not run.rows_changed or run.status == ImportStatus.DRY_RUN:
        return []
    lines = [_("Gewijzigde waarden (oud → nieuw):")]
    lines += [f"  {describe_change(change)}" for change in changes_of_run(run.pk, limit=SHOWN_CHANGES)]
    if run.rows_changed > SHOWN_CHANGES:
        lines.append(
            _("  … en nog %(rest)s; alle wijzigingen staan bij de importrun (kompas import --json).")
            % {"rest": dutch_int(run.rows_changed - SHOWN_CHANGES)}
        )
    return lines


def _warning_lines(run: ImportRun) -> list[str]:
    if not run.warnings:
        return []
    lines = [_("Opmerkingen:")]
    lines += [f"  {warning['message']}" for warning in run.warnings[:SHOWN_WARNINGS]]
    if len(run.warnings) > SHOWN_WARNINGS:
        lines.append(
            _("  … en nog %(rest)s opmerkingen.") % {"rest": dutch_int(len(run.warnings) - SHOWN_WARNINGS)}
        )
    return lines
