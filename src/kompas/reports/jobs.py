# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reports made in the background: ask for one within the limits, make it, fetch it, expire it.

A request takes a place under two limits (per user, whole installation; see
``REPORT_JOBS_PER_USER`` and ``REPORT_JOBS_TOTAL``) or is refused at once with the reason: a
queue that grows without bound would only move the overload from the web server to the
workers. The places are numbered slots under conditional unique constraints, so the database
itself refuses a job beyond the limits when many requests arrive at once, on SQLite and on
PostgreSQL alike. Only the user who asked may fetch the file (least privilege); colleagues
make their own. See ADR 0013.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope, scopes_disabled

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.accounts.roles import suppresses
from kompas.reports.generate import Output, generate
from kompas.reports.models import ACTIVE_STATUSES, JobStatus, ReportJob
from kompas.reports.options import ReportError, ReportFormat, ReportName, ReportOptions

logger = logging.getLogger(__name__)

# A job still waiting or running after this long lost its worker (a killed process, a
# restart): it no longer holds a place, so one crash cannot block a user until the next day.
JOB_TIMEOUT = timedelta(minutes=30)
# Two requests may race for the same free place; the loser looks again, a few times at most.
CLAIM_ATTEMPTS = 4


class ReportLimitError(Exception):
    """The user or the installation already has as many reports in the making as allowed."""


class ReportUnavailableError(Exception):
    """The job's file cannot be handed out (not ready, expired, or no longer for this reader)."""


def options_of(job: ReportJob) -> ReportOptions:
    """Return the report options a job was asked with."""
    data = dict(job.options)
    return ReportOptions(name=ReportName(data.pop("name")), format=ReportFormat(data.pop("format")), **data)


@transaction.atomic
def request_report(*, actor: User, options: ReportOptions) -> ReportJob:
    """Queue the report ``options`` ask for, made by a background task for ``actor``.

    Raises :class:`ReportLimitError` with the reason when the user or the installation has
    no place left; nothing is queued then.
    """
    # Hung jobs give back their places before the free ones are counted; old files go too, so
    # the embedded default keeps its retention without a scheduler.
    expire_jobs()
    for _attempt in range(CLAIM_ATTEMPTS):
        user_slot, global_slot = _free_slots(actor)
        try:
            with transaction.atomic():
                job = ReportJob.objects.create(
                    organisation=actor.organisation,
                    requested_by=actor,
                    kind=options.name,
                    format=options.format,
                    options=_data(options),
                    user_slot=user_slot,
                    global_slot=global_slot,
                )
        except IntegrityError:
            continue
        audit.record(
            "reports.report.requested",
            actor=actor,
            target=job,
            changes=_data(options),
            organisation_id=actor.organisation_id,
        )
        _enqueue(job.pk)
        return job
    raise ReportLimitError(
        _("Het is nu te druk om een rapportage te maken. Probeer het over een minuut opnieuw.")
    )


def _data(options: ReportOptions) -> dict[str, object]:
    data = asdict(options)
    data["name"], data["format"] = options.name.value, options.format.value
    return data


def _enqueue(job_id: int) -> None:
    # Imported here: the task module imports this one to run the jobs it is given.
    from kompas.reports.tasks import build_report

    build_report.enqueue(job_id)


def _free_slots(actor: User) -> tuple[int, int]:
    with scopes_disabled():
        active = ReportJob.objects.filter(status__in=ACTIVE_STATUSES)
        user_slot = _free_slot(active.filter(requested_by=actor), "user_slot", settings.REPORT_JOBS_PER_USER)
        if user_slot is None:
            limit = settings.REPORT_JOBS_PER_USER
            raise ReportLimitError(
                ngettext(
                    "U laat al %(limit)d rapportage maken. "
                    "Wacht tot die klaar is en probeer het dan opnieuw.",
                    "U laat al %(limit)d rapportages maken. "
                    "Wacht tot er één klaar is en probeer het dan opnieuw.",
                    limit,
                )
                % {"limit": limit}
            )
        global_slot = _free_slot(active, "global_slot", settings.REPORT_JOBS_TOTAL)
    if global_slot is None:
        raise ReportLimitError(
            _("Er worden nu al %(limit)d rapportages gemaakt. Probeer het over een minuut opnieuw.")
            % {"limit": settings.REPORT_JOBS_TOTAL}
        )
    return user_slot, global_slot


def _free_slot(jobs: QuerySet[ReportJob], field: str, limit: int) -> int | None:
    taken = set(jobs.values_list(field, flat=True))
    return next((slot for slot in range(1, limit + 1) if slot not in taken), None)


def _fail_stale(now: datetime) -> int:
    with scopes_disabled():
        return ReportJob.objects.filter(status__in=ACTIVE_STATUSES, created_at__lt=now - JOB_TIMEOUT).update(
            status=JobStatus.FAILED,
            step="",
            finished_at=now,
            error=_("De rapportage is afgebroken omdat het maken te lang duurde. Probeer het opnieuw."),
        )


def run_job(job_id: int) -> str:
    """Make the report of a waiting job and store the file on it; return the job's new status.

    A job that is no longer waiting (already taken, timed out) is left alone. A report that
    cannot be made with its options fails with the reason; any other error fails with a
    general message, and the details go to the log.
    """
    with scopes_disabled():
        started = ReportJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
            status=JobStatus.RUNNING, step="selecteren", started_at=timezone.now()
        )
        job = ReportJob.objects.select_related("organisation", "requested_by").defer("body").get(pk=job_id)
    if not started:
        return job.status
    with scope(organisation=job.organisation_id), translation.override(settings.LANGUAGE_CODE):
        try:
            output = generate(
                job.organisation,
                options_of(job),
                actor=job.requested_by,
                on_step=lambda step: _set_step(job_id, step),
            )
        except ReportError as error:
            return _finish(job_id, JobStatus.FAILED, error=str(error))
        except Exception:
            logger.exception("Report job %s failed", job_id)
            return _finish(
                job_id, JobStatus.FAILED, error=_("Er ging iets mis bij het maken van de rapportage.")
            )
        return _finish(job_id, JobStatus.DONE, output=output)


def _set_step(job_id: int, step: str) -> None:
    ReportJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(step=step)


def _finish(job_id: int, status: JobStatus, *, output: Output | None = None, error: str = "") -> str:
    values: dict[str, object] = {"status": status, "step": "", "finished_at": timezone.now(), "error": error}
    if output is not None:
        values |= {"body": output.body, "filename": output.filename, "content_type": output.content_type}
    ReportJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(**values)
    return status


def get_job_for(user: User, job_id: int) -> ReportJob:
    """Return ``user``'s own job ``job_id`` without its file.

    Raises ``ReportJob.DoesNotExist`` for a job of anyone else, also of a colleague in the same
    organisation, exactly as for an id that does not exist.
    """
    return ReportJob.objects.defer("body").get(
        pk=job_id,
        organisation_id=user.organisation_id,
        requested_by=user,
    )


def expires_at(job: ReportJob) -> datetime | None:
    """Return when the file of a made report is deleted, None for a job without file."""
    if job.status != JobStatus.DONE or job.finished_at is None:
        return None
    return job.finished_at + timedelta(hours=settings.REPORT_RETENTION_HOURS)


def jobs_of(user: User, *, limit: int = 10) -> list[ReportJob]:
    """Return ``user``'s most recent jobs, newest first, without their files."""
    return list(
        ReportJob.objects.filter(organisation_id=user.organisation_id, requested_by=user).defer("body")[
            :limit
        ]
    )


@transaction.atomic
def download(*, actor: User, job: ReportJob) -> Output:
    """Hand out the made file of ``actor``'s job and record that it was fetched.

    Raises :class:`ReportUnavailableError` when the job is not done or expired, or when the report
    shows counts that ``actor``'s current role may no longer see.
    """
    if job.status != JobStatus.DONE:
        raise ReportUnavailableError(_("Deze rapportage is niet (meer) beschikbaar."))
    if suppresses(actor.role) and not job.options.get("suppress"):
        raise ReportUnavailableError(
            _("Uw rol is gewijzigd: u ziet nu de openbare cijfers. Maak de rapportage opnieuw.")
        )
    body = ReportJob.objects.filter(pk=job.pk).values_list("body", flat=True).get()
    audit.record(
        "reports.report.downloaded",
        actor=actor,
        target=job,
        changes={"file": job.filename},
        organisation_id=job.organisation_id,
    )
    return Output(bytes(body), job.content_type, job.filename)


def expire_jobs(*, now: datetime | None = None) -> dict[str, int]:
    """Delete the files of reports older than the retention period; fail jobs that hung.

    Returns how many jobs were expired and how many failed. The job rows stay, without file,
    so the page can say the report expired; who asked and fetched it is in the audit trail.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.REPORT_RETENTION_HOURS)
    with transaction.atomic():
        failed = _fail_stale(now)
        with scopes_disabled():
            expired = ReportJob.objects.filter(status=JobStatus.DONE, finished_at__lt=cutoff).update(
                status=JobStatus.EXPIRED, body=b"", step=""
            )
    return {"expired": expired, "failed": failed}
