# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The life of an :class:`ImportRun`: started, then loaded, unchanged, tried, rejected or failed.

A run is recorded for every file offered, also when nothing could be loaded: the outcome of a
rejected or failed import is written outside the transaction that was rolled back, so the
error report survives. Each outcome writes its audit record in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.observations.changes import changes_of_run
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.records import MAX_ERRORS, ParseError

# Longer than any import runs (a web import ends at the server's 120 s timeout; the national
# police file loads in minutes), so a run still "bezig" after it was killed, not slow.
ABANDONED_AFTER = dt.timedelta(hours=1)

AUDIT_CODES = {
    ImportStatus.LOADED: "sources.import.loaded",
    ImportStatus.UNCHANGED: "sources.import.loaded",
    ImportStatus.DRY_RUN: "sources.import.tested",
    ImportStatus.REJECTED: "sources.import.rejected",
    ImportStatus.FAILED: "sources.import.failed",
}


@dataclass
class Counts:
    """What an import did or would do, in values (observations and events) and areas."""

    rows_read: int = 0
    loaded: int = 0
    changed: int = 0
    unchanged: int = 0
    areas_created: int = 0
    areas_changed: int = 0
    licence: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        """Return whether the import adds or replaces anything."""
        return bool(self.loaded or self.changed or self.areas_created or self.areas_changed)


def start(
    *,
    organisation: Organisation | None,
    actor: User | None,
    format_name: str,
    file_name: str,
    size: int,
    sha256: str,
) -> ImportRun:
    """Record that a file is being imported (committed at once, so later outcomes can refer to it).

    ``organisation`` None is the operator importing open data (ADR 0011).
    """
    return ImportRun.objects.create(
        organisation=organisation,
        format=format_name,
        file_name=file_name[:255],
        file_size=size,
        sha256=sha256,
        created_by=actor,
    )


def error_dict(error: ParseError) -> dict[str, Any]:
    """Return an error as the JSON the run stores: its parts and its Dutch sentence."""
    return {
        "file": storable(error.file),
        "line": error.line,
        "row_label": error.row_label,
        "column": storable(error.column),
        "value": storable(error.value),
        "expected": error.expected,
        "problem": error.problem,
        "message": storable(error.message),
    }


def note(message: str) -> dict[str, Any]:
    """Return a warning that is not about one place in the file."""
    return {"message": storable(message)}


def storable(text: str) -> str:
    """Return ``text`` with NUL characters shown as ``\\x00``: no database text type holds them."""
    return text.replace("\x00", "\\x00")


def _close(run: ImportRun, status: ImportStatus, started: float) -> None:
    run.status = status
    run.finished_at = timezone.now()
    run.duration_seconds = round(time.perf_counter() - started, 3)


def _audit(run: ImportRun, actor: User | None) -> None:
    audit.record(
        AUDIT_CODES[ImportStatus(run.status)],
        actor=actor,
        target=run,
        changes={
            "format": run.format,
            "file_name": run.file_name,
            "sha256": run.sha256,
            "status": run.status,
            "rows_read": run.rows_read,
            "loaded": run.rows_loaded,
            "changed": run.rows_changed,
            "unchanged": run.rows_unchanged,
            "errors": run.error_count,
        },
        organisation_id=run.organisation_id,
    )


@transaction.atomic
def reject(
    run: ImportRun,
    *,
    errors: Sequence[ParseError],
    error_count: int,
    rows_read: int,
    warnings: Iterable[dict[str, Any]],
    started: float,
    actor: User | None,
) -> ImportRun:
    """Record that the file was refused for its errors; nothing of it is stored."""
    run.errors = [error_dict(error) for error in errors[:MAX_ERRORS]]
    run.error_count = error_count
    run.rows_read = rows_read
    run.rows_rejected = rows_read
    run.warnings = list(warnings)[:MAX_ERRORS]
    _close(run, ImportStatus.REJECTED, started)
    run.save()
    _audit(run, actor)
    return run


@transaction.atomic
def fail(run: ImportRun, error: BaseException, *, started: float, actor: User | None) -> ImportRun:
    """Record that the import stopped on an unexpected problem; nothing of it is stored."""
    message = _(
        "Het importeren is gestopt door een onverwachte fout (%(kind)s); er is niets opgeslagen. "
        "Meld dit met het nummer van deze importrun (%(run)s) bij de beheerder."
    ) % {"kind": type(error).__name__, "run": run.pk}
    run.errors = [note(message)]
    run.warnings = []
    run.error_count = 1
    _close(run, ImportStatus.FAILED, started)
    run.save()
    _audit(run, actor)
    return run


@transaction.atomic
def mark_abandoned_runs(*, older_than: dt.timedelta = ABANDONED_AFTER) -> list[int]:
    """Mark runs still "bezig" after ``older_than`` as failed; return their ids.

    An import records its outcome in every way it can end, except when its process is killed
    (SIGKILL, a worker timeout, a power cut): the load's transaction is rolled back, so nothing
    of the file is stored, but the run stays "bezig". Called at ``kompas serve`` and worker
    start and by the nightly job, in every organisation, each run audited in its organisation.
    """
    cutoff = timezone.now() - older_than
    with scopes_disabled():
        stale = list(
            ImportRun.objects.select_for_update().filter(status=ImportStatus.RUNNING, started_at__lt=cutoff)
        )
    for run in stale:
        run.errors = [
            note(
                _(
                    "Het importeren is afgebroken (het proces is gestopt) en is als mislukt gemarkeerd; "
                    "er is niets opgeslagen. Importeer het bestand opnieuw."
                )
            )
        ]
        run.warnings = []
        run.error_count = 1
        run.status = ImportStatus.FAILED
        run.finished_at = timezone.now()
        run.save(update_fields=["errors", "warnings", "error_count", "status", "finished_at"])
        audit.record(
            "sources.import.abandoned",
            actor=None,
            target=run,
            changes={"status": [ImportStatus.RUNNING.value, ImportStatus.FAILED.value], "sha256": run.sha256},
            organisation_id=run.organisation_id,
        )
    return [run.pk for run in stale]


def report_abandoned_runs(write: Callable[[str], object]) -> list[int]:
    """Run :func:`mark_abandoned_runs` for a command and ``write`` which runs it marked."""
    marked = mark_abandoned_runs()
    if marked:
        write(
            _("Afgebroken imports als mislukt gemarkeerd: %(runs)s")
            % {"runs": ", ".join(str(run_id) for run_id in marked)}
        )
    return marked


def finish(
    run: ImportRun,
    counts: Counts,
    *,
    warnings: Iterable[dict[str, Any]],
    dry_run: bool,
    started: float,
    actor: User | None,
) -> ImportRun:
    """Record what the import did (or, for a dry run, would do); call inside its transaction."""
    run.rows_read = counts.rows_read
    run.rows_loaded = counts.loaded
    run.rows_changed = counts.changed
    run.rows_unchanged = counts.unchanged
    run.areas_created = counts.areas_created
    run.licence = counts.licence[:200]
    run.warnings = ([note(text) for text in counts.notes] + list(warnings))[:MAX_ERRORS]
    if dry_run:
        status = ImportStatus.DRY_RUN
    else:
        status = ImportStatus.LOADED if counts.changes_anything else ImportStatus.UNCHANGED
    _close(run, status, started)
    run.save()
    _audit(run, actor)
    return run


def previous_import(run: ImportRun) -> ImportRun | None:
    """Return the latest earlier run of the same organisation that loaded the same file."""
    return (
        ImportRun.objects.filter(
            organisation=run.organisation,
            sha256=run.sha256,
            status__in=[ImportStatus.LOADED, ImportStatus.UNCHANGED],
            pk__lt=run.pk,
        )
        .order_by("-pk")
        .first()
    )


def summary(run: ImportRun, *, changes: int = MAX_ERRORS) -> dict[str, Any]:
    """Return the run as the JSON ``kompas import --json`` prints, with the first changed values."""
    previous = previous_import(run)
    return {
        "id": run.pk,
        "status": run.status,
        "format": run.format,
        "file_name": run.file_name,
        "file_size": run.file_size,
        "sha256": run.sha256,
        "rows_read": run.rows_read,
        "loaded": run.rows_loaded,
        "changed": run.rows_changed,
        "unchanged": run.rows_unchanged,
        "rejected": run.rows_rejected,
        "areas_created": run.areas_created,
        "licence": run.licence,
        "assumptions": run.assumptions,
        "duration_seconds": run.duration_seconds,
        "previous_import_id": previous.pk if previous else None,
        "error_count": run.error_count,
        "errors": run.errors,
        "warnings": run.warnings,
        "changes": [change.as_dict() for change in changes_of_run(run.pk, limit=changes)],
    }
