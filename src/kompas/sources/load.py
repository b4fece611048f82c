# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Importing one file: read and check everything, then write all of it in one transaction, or nothing.

The same function serves ``kompas import``, the upload page and the demo. The file is read
completely first and every error is collected (file, line, column, value, expectation); area
codes Kompas does not know are errors too, unless missing areas may be created from their CBS
code. Only a file without errors is written: areas, measures, observations and events, the
run's counts and its audit record together. Importing the same file again changes nothing and
says so; a corrected file replaces exactly the values that differ and keeps the old ones as
history (:mod:`kompas.observations.write`).

Who may write what is decided before anything is written (:mod:`kompas.sources.ownership`,
ADR 0011): without organisation the operator imports shared open data; an organisation's file
writes only values that belong to it and never changes an area that exists.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scope

from kompas.accounts.models import Organisation, User
from kompas.areas import load as areas_load
from kompas.areas.codes import level_of
from kompas.areas.queries import AreaIndex, version_index
from kompas.observations.events import EventResult, add_events
from kompas.observations.write import save_measures, upsert_observations
from kompas.sources import formats, intake, ownership, runs, withdrawal
from kompas.sources.assumptions import assumptions
from kompas.sources.defaults import timezone_of
from kompas.sources.intake import Intake, Progress
from kompas.sources.models import ImportRun
from kompas.sources.names import area_name, area_names
from kompas.sources.records import ParseError, dutch_int
from kompas.sources.runs import Counts
from kompas.sources.withdrawal import Withdrawal, WithdrawRefusedError

logger = logging.getLogger(__name__)


def import_file(
    source: Path | str | bytes,
    *,
    format: str,
    organisation: Organisation | None,
    actor: User | None,
    mapping: Path | str | None = None,
    options: Mapping[str, object] | None = None,
    file_name: str | None = None,
    create_areas: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    replaces: ImportRun | None = None,
) -> ImportRun:
    """Import one file for ``organisation`` (None: the operator's open data) and return its run.

    ``source`` is a path or the file's bytes (then ``file_name`` names it, for its extension and
    the error report). ``mapping`` is the TOML description of the ``mapping`` format; other
    format options go in ``options``. With ``create_areas`` unknown CBS area codes are created
    with their parents; with ``dry_run`` everything is checked and counted, nothing is kept.
    ``replaces`` is a run of the same organisation that is withdrawn in the same transaction as
    this file is written: when this file is refused or fails, that run stays as it was.
    The run records the outcome in every case; this function raises only for an unknown format
    or a file that cannot be opened at all.
    """
    reader = formats.get(format)
    given = dict(options or {})
    defaults = _organisation_defaults(reader, organisation, given)
    given.update(defaults)
    if mapping is not None:
        given["mapping"] = str(mapping)
    started = time.perf_counter()
    with (
        scope(organisation=organisation.pk if organisation else None),
        _local_file(source, file_name) as path,
    ):
        run = runs.start(
            organisation=organisation,
            actor=actor,
            format_name=reader.name,
            file_name=path.name,
            size=path.stat().st_size,
            sha256=_sha256(path),
        )
        try:
            job = _Job(
                run,
                organisation,
                path,
                reader,
                given,
                create_areas,
                dry_run,
                progress,
                started,
                actor,
                replaces,
                frozenset(defaults),
            )
            return _import(job)
        except Exception as error:  # every failure must end in a recorded run, never a traceback
            logger.exception("Importrun %s mislukt", run.pk)
            return runs.fail(run, error, started=started, actor=actor)


@transaction.atomic
def create_file_areas(path: Path, *, format: str, options: Mapping[str, object] | None = None) -> list[str]:
    """Create, as the operator, the areas ``path`` refers to that Kompas does not know yet.

    An organisation's import creates areas only inside its own gemeente (ADR 0011); a file of
    its own that refers to areas elsewhere (meldingen located in a neighbouring gemeente's wijk)
    needs them created by the operator first, from their CBS code and the bundled names.
    """
    found = intake.read(path, formats.get(format), options=options)
    unknown = set(intake.unknown_areas(found, version_index()))
    if not unknown:
        return []
    names = {**area_names(), **{code: area_name(code) for code in unknown}}
    return areas_load.create_areas(intake.first_years(found, unknown), names=names)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def _local_file(source: Path | str | bytes, file_name: str | None) -> Iterator[Path]:
    if not isinstance(source, bytes):
        yield Path(source)
        return
    with tempfile.TemporaryDirectory(prefix="kompas-import-") as folder:
        path = Path(folder) / Path(file_name or "bestand.csv").name
        path.write_bytes(source)
        yield path


@dataclass(frozen=True)
class _Job:
    """One import in progress: the run, the file and how to treat it."""

    run: ImportRun
    organisation: Organisation | None
    path: Path
    reader: formats.Format
    options: dict[str, object]
    create_areas: bool
    dry_run: bool
    progress: Progress | None
    started: float
    actor: User | None
    replaces: ImportRun | None = None
    defaults: frozenset[str] = frozenset()


def _import(job: _Job) -> ImportRun:
    found = intake.read(job.path, job.reader, options=job.options, progress=job.progress)
    job.run.assumptions = assumptions(job.path, job.reader, job.options, from_organisation=job.defaults)
    warnings = [runs.error_dict(warning) for warning in found.warnings.kept]
    owner = job.run.organisation_id
    problems = found.errors.kept + intake.measure_errors(found, owner)
    unknown = intake.unknown_areas(found, version_index())
    named = {code: line for code, line in unknown.items() if level_of(code) is None}
    unknown = {code: line for code, line in unknown.items() if code not in named}
    problems += intake.area_name_errors(found.file, named, str(job.options.get("area_column") or _("gebied")))
    if not job.create_areas:
        problems += intake.unknown_area_errors(found.file, unknown)
    if job.organisation is None:
        problems += ownership.operator_errors(found, job.reader.name)
    else:
        problems += ownership.organisation_errors(
            found, job.organisation, unknown if job.create_areas else {}
        )
    problems += _replace_errors(job)
    if problems:
        return runs.reject(
            job.run,
            errors=problems,
            error_count=found.errors.count + len(problems) - len(found.errors.kept),
            rows_read=found.rows_read,
            warnings=warnings,
            started=job.started,
            actor=job.actor,
        )
    finish = partial(runs.finish, job.run, warnings=warnings, started=job.started, actor=job.actor)
    with transaction.atomic():
        withdrawn = _withdraw_replaced(job)
        counts = _write(job, found, owner, set(unknown))
        if withdrawn is not None:
            counts.notes.insert(0, _replaced_note(withdrawn))
        if job.dry_run:
            transaction.set_rollback(True)
        else:
            finish(counts, dry_run=False)
            recompute_after([*found.stage.area_codes, *(withdrawn.area_codes if withdrawn else ())])
    if job.dry_run:
        with transaction.atomic():
            finish(counts, dry_run=True)
    return job.run


def withdraw_import(run: ImportRun, *, actor: User | None, dry_run: bool = False) -> Withdrawal:
    """Withdraw ``run`` (see :mod:`kompas.sources.withdrawal`) and recompute what depends on it.

    Raises :class:`~kompas.sources.withdrawal.WithdrawRefusedError` with the reason when it cannot be
    withdrawn now; ``dry_run`` says what would happen and changes nothing.
    """
    with scope(organisation=run.organisation_id):
        if dry_run:
            return withdrawal.plan(run)
        with transaction.atomic():
            done = withdrawal.withdraw(run, actor=actor)
            recompute_after(done.area_codes)
        return done


def _organisation_defaults(
    reader: formats.Format, organisation: Organisation | None, given: Mapping[str, object]
) -> dict[str, object]:
    """Return the organisation's defaults for options this import reads and was not given."""
    if "timezone" not in reader.options or given.get("timezone") or organisation is None:
        return {}
    zone = timezone_of(organisation.pk)
    return {"timezone": zone} if zone else {}


def _replace_errors(job: _Job) -> list[ParseError]:
    """Check before anything is written that the run to replace can be withdrawn by this import."""
    if job.replaces is None:
        return []
    reason = withdrawal.refusal(job.replaces)
    if reason is None and job.replaces.organisation_id != job.run.organisation_id:
        reason = _("Importrun %(run)s hoort bij een andere organisatie dan deze import.") % {
            "run": job.replaces.pk
        }
    if reason is None:
        return []
    return [
        ParseError(
            job.path.name,
            0,
            "--replaces",
            str(job.replaces.pk),
            _("een importrun die nu kan worden ingetrokken"),
            _("kan niet worden vervangen (%(reason)s)") % {"reason": reason.rstrip(".")},
        )
    ]


def _withdraw_replaced(job: _Job) -> Withdrawal | None:
    if job.replaces is None:
        return None
    try:
        return withdrawal.withdraw(job.replaces, actor=job.actor, replaced_by=job.run)
    except WithdrawRefusedError as refused:  # changed since the check: a later run came in between
        raise RuntimeError(refused.message) from refused


def _replaced_note(withdrawn: Withdrawal) -> str:
    return _(
        "Vervangt importrun %(run)s: %(removed)s waarden verwijderd, %(restored)s teruggezet, "
        "%(events)s gebeurtenissen verwijderd."
    ) % {
        "run": withdrawn.run_id,
        "removed": dutch_int(withdrawn.removed),
        "restored": dutch_int(withdrawn.restored),
        "events": dutch_int(withdrawn.events_removed),
    }


def _write(job: _Job, found: Intake, owner: int | None, unknown: set[str]) -> Counts:
    counts = Counts(rows_read=found.rows_read)
    names = {**area_names(), **{code: area_name(code) for code in unknown}} if found.areas or unknown else {}
    if found.areas:
        saved = areas_load.save_areas(
            found.areas, create_parents=job.create_areas, names=names, update=job.organisation is None
        )
        counts.areas_created += saved.created + len(saved.created_codes)
        counts.areas_changed += saved.updated
        counts.notes += _area_notes(saved)
    if unknown:
        created = areas_load.create_areas(intake.first_years(found, unknown), names=names)
        counts.areas_created += len(created)
        counts.notes.append(_created_note(created))
    index = version_index()
    measure_ids = save_measures(found.measures.values(), found.stage.measure_codes, organisation_id=owner)
    values = upsert_observations(
        found.stage,
        measure_ids=measure_ids,
        areas=index,
        import_run_id=job.run.pk,
        organisation_id=owner,
        progress=_Written(job.progress, len(found.stage)),
    )
    events = _events(job, found, index, counts)
    counts.loaded = values.loaded + events.loaded
    counts.changed = values.changed
    counts.unchanged = values.unchanged + events.unchanged
    counts.licence = ", ".join(sorted({m.licence for m in found.measures.values() if m.licence}))
    return counts


def _events(job: _Job, found: Intake, index: AreaIndex, counts: Counts) -> EventResult:
    """Store the file's events as the organisation's; the operator's open data keeps none.

    Events are always an organisation's (ADR 0011): the operator's import of a file with events
    (misdaad-in-kaart) stores their counts as shared values and says the events were not kept.
    """
    if job.run.organisation_id is None:
        if found.events:
            counts.notes.append(
                _("%(count)s gebeurtenissen niet bewaard: gebeurtenissen horen bij een organisatie.")
                % {"count": len(found.events)}
            )
        return EventResult(0, 0)
    return add_events(
        found.events, organisation_id=job.run.organisation_id, import_run_id=job.run.pk, areas=index
    )


class _Written:
    """Report written rows to ``progress`` as a running total."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress("schrijven", self.done, self.total)


def _area_notes(saved: areas_load.AreaLoadResult) -> list[str]:
    notes = []
    if saved.created or saved.updated:
        notes.append(
            _("Gebiedsgrenzen: %(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd.")
            % {
                "created": dutch_int(saved.created),
                "updated": dutch_int(saved.updated),
                "unchanged": dutch_int(saved.unchanged),
            }
        )
    if saved.missing_parents:
        notes.append(
            _("Bovenliggende gebieden nog onbekend (worden gekoppeld zodra ze geladen zijn): %(codes)s")
            % {"codes": _codes(saved.missing_parents)}
        )
    if saved.created_codes:
        notes.append(_created_note(saved.created_codes))
    return notes


def _created_note(codes: list[str]) -> str:
    return _("%(count)s gebieden aangemaakt uit hun CBS-code: %(codes)s") % {
        "count": dutch_int(len(codes)),
        "codes": _codes(codes),
    }


def _codes(codes: list[str], shown: int = 20) -> str:
    listed = ", ".join(codes[:shown])
    if len(codes) <= shown:
        return listed
    return listed + _(" en %(rest)s meer") % {"rest": dutch_int(len(codes) - shown)}


def recompute_after(area_codes: list[str] | tuple[str, ...]) -> None:
    """After the transaction commits, recompute indicators and alerts for values in ``area_codes``."""
    codes = sorted(set(area_codes))
    if not codes:
        return

    def evaluate() -> None:
        # Indicators follow the new values (kompas.indicators); alerts judge the newest periods,
        # where new values may raise or clear them (kompas.alerts).
        from kompas.alerts.tasks import evaluate_after_import
        from kompas.indicators.tasks import recompute_indicators

        recompute_indicators.enqueue()
        evaluate_after_import(codes)

    transaction.on_commit(evaluate)
