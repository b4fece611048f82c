# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reports made in the background: limits per user and overall, progress page, download, expiry.

The attack of issue 11 (M6): 16 parallel report requests by one council member stalled the
server because each request built its PDF. Now a request only queues a job within the limits.
Time budget: under 20 s.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR
from kompas.policy.models import Plan
from kompas.reports import pool
from kompas.reports.jobs import JOB_TIMEOUT, ReportLimitError, expire_jobs, request_report, run_job
from kompas.reports.models import JobStatus, ReportJob
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.reports.job_factories import make_report_job
from tests.reports.parallel_requests import sixteen_requests

PLAN_HTML = {"rapport": "plan", "formaat": "html"}
USER_LIMIT = "U laat al 2 rapportages maken. Wacht tot er één klaar is en probeer het dan opnieuw."
TOTAL_LIMIT = "Er worden nu al 4 rapportages gemaakt. Probeer het over een minuut opnieuw."


@pytest.fixture(autouse=True)
def _queue_only(settings: object) -> Iterator[None]:
    """Queue report tasks without running them, so a test sees exactly what a request did."""
    settings.TASKS = {  # type: ignore[attr-defined]  # settings fixture, typed loosely
        **settings.TASKS,  # type: ignore[attr-defined]  # settings fixture, typed loosely
        "reports": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    yield


def _jobs() -> list[ReportJob]:
    with scopes_disabled():
        return list(ReportJob.objects.order_by("pk"))


def _actions(action: str) -> int:
    return AuditRecord.objects.filter(action=action).count()


@pytest.mark.django_db(transaction=True)
def test_sixteen_parallel_requests_by_one_council_member_queue_two_jobs_and_refuse_the_rest(
    org_a: Organisation, make_user: Callable[..., User], tmp_path: Path
) -> None:
    raadslid = make_user(Role.RAADSLID, org_a)
    if connection.vendor == "sqlite":
        # A SQLite file of its own: pytest's in-memory SQLite fails on table locks at once.
        copy = tmp_path / "kompas.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        environment = os.environ | {"DATABASE_URL": f"sqlite:///{copy}"}
        result = subprocess.run(  # our own interpreter and module
            [sys.executable, "-m", "tests.reports.parallel_requests", str(raadslid.pk)],
            cwd=PROJECT_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        outcome = json.loads(result.stdout.strip().splitlines()[-1])
    else:
        outcome = sixteen_requests(raadslid)

    statuses = sorted(status for status, _page in outcome["answers"])
    assert statuses == [302] * 2 + [429] * 14, outcome["answers"]
    assert all(USER_LIMIT in page for status, page in outcome["answers"] if status == 429)
    # Two jobs wait for a worker, without a file: nothing was built in the requests.
    assert outcome["jobs"] == [[1, JobStatus.QUEUED, 0], [2, JobStatus.QUEUED, 0]]
    assert outcome["enqueued"] == ["kompas.reports.tasks.build_report"] * 2
    assert outcome["actions"] == {"reports.report.requested": 2, "reports.report.generated": 0}


@pytest.mark.django_db
def test_the_user_limit_then_the_total_limit_refuse_with_the_reason(
    org_a: Organisation, org_b: Organisation, make_user: Callable[..., User]
) -> None:
    options = ReportOptions(name=ReportName.PLAN, format=ReportFormat.PDF)
    first, second, third = (
        make_user(Role.ANALIST, org, f"aanvrager{n}") for n, org in enumerate([org_a, org_b, org_a])
    )
    for user in (first, first, second, second):  # four places in the installation, two per user
        with scope(organisation=user.organisation_id):
            request_report(actor=user, options=options)
    with scope(organisation=first.organisation_id), pytest.raises(ReportLimitError) as over_user:
        request_report(actor=first, options=options)
    with scope(organisation=third.organisation_id), pytest.raises(ReportLimitError) as over_total:
        request_report(actor=third, options=options)
    assert (str(over_user.value), str(over_total.value)) == (USER_LIMIT, TOTAL_LIMIT)
    assert [job.global_slot for job in _jobs()] == [1, 2, 3, 4]


@pytest.mark.django_db
def test_a_finished_job_frees_its_place(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    first, second = (client.post("/rapportages/maken/", PLAN_HTML) for _ in range(2))
    assert client.post("/rapportages/maken/", PLAN_HTML).status_code == 429
    [first_job, _] = _jobs()
    # The worker makes the first report: its place is free again.
    assert run_job(first_job.pk) == JobStatus.DONE
    assert client.post("/rapportages/maken/", PLAN_HTML).status_code == 302
    assert (first.status_code, second.status_code) == (302, 302)


@pytest.mark.django_db
def test_the_progress_page_follows_the_job_and_offers_the_file_when_ready(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    page_url = client.post("/rapportages/maken/", PLAN_HTML)["Location"]
    [job] = _jobs()
    waiting = client.get(page_url).content.decode()
    assert "In de wachtrij" in waiting
    assert 'hx-trigger="every 2s"' in waiting
    status = client.get(f"/rapportages/opdracht/{job.pk}/status/")
    assert status.status_code == 200

    run_job(job.pk)

    status = client.get(f"/rapportages/opdracht/{job.pk}/status/")
    assert status.status_code == 286  # htmx stops polling
    assert f"/rapportages/opdracht/{job.pk}/bestand/" in status.content.decode()
    assert "hx-trigger" not in client.get(page_url).content.decode()
    made = client.get(f"/rapportages/opdracht/{job.pk}/bestand/")
    assert (made.status_code, made["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert b"<title>Integraal Veiligheidsbeleid Hengelo 2017 - 2020" in made.content
    assert (_actions("reports.report.generated"), _actions("reports.report.downloaded")) == (1, 1)


@pytest.mark.django_db
def test_a_report_that_cannot_be_made_fails_with_the_reason(
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    page_url = client.post("/rapportages/maken/", PLAN_HTML)["Location"]
    [job] = _jobs()
    assert run_job(job.pk) == JobStatus.FAILED
    page = client.get(page_url).content.decode()
    assert "Er is nog geen veiligheidsplan. Laad er een met `kompas demo`." in page
    assert client.get(f"/rapportages/opdracht/{job.pk}/bestand/").status_code == 409


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reader", "status"),
    [
        ("requester", 200),  # the one who asked fetches the file
        ("colleague", 404),  # the same organisation and role: not theirs, as if it did not exist
        ("other_tenant", 404),  # another organisation: 404 like any foreign id
    ],
)
def test_only_the_requester_fetches_the_file(
    reader: str,
    status: int,
    client: Client,
    org_a: Organisation,
    org_b: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    job = make_report_job(org_a)
    users = {
        "requester": job.requested_by,
        "colleague": make_user(Role.ANALIST, org_a),
        "other_tenant": make_user(Role.ANALIST, org_b),
    }
    login(client, users[reader])
    for url in ("", "status/", "bestand/"):
        assert client.get(f"/rapportages/opdracht/{job.pk}/{url}").status_code in (status, 286)
    assert _actions("reports.report.downloaded") == (1 if status == 200 else 0)


@pytest.mark.django_db
def test_a_user_demoted_to_council_member_no_longer_fetches_unsuppressed_figures(
    client: Client, org_a: Organisation, login: Callable[[Client, User], Client]
) -> None:
    job = make_report_job(org_a)
    user = job.requested_by
    user.role = Role.RAADSLID
    user.save(update_fields=["role"])
    login(client, user)
    refused = client.get(f"/rapportages/opdracht/{job.pk}/bestand/")
    assert refused.status_code == 409
    assert "Uw rol is gewijzigd: u ziet nu de openbare cijfers." in refused.content.decode()


@pytest.mark.django_db
def test_files_expire_after_the_retention_and_hung_jobs_fail(
    org_a: Organisation, make_user: Callable[..., User], settings: object
) -> None:
    settings.REPORT_RETENTION_HOURS = 24  # type: ignore[attr-defined]  # settings fixture, typed loosely
    now = timezone.now()
    old = make_report_job(org_a, username="oud")
    recent = make_report_job(org_a, username="recent")
    user = make_user(Role.ANALIST, org_a)
    with scope(organisation=org_a.pk):
        hung = request_report(
            actor=user, options=ReportOptions(name=ReportName.PLAN, format=ReportFormat.PDF)
        )
    with scopes_disabled():
        ReportJob.objects.filter(pk=old.pk).update(finished_at=now - timedelta(hours=25))
        ReportJob.objects.filter(pk=hung.pk).update(created_at=now - JOB_TIMEOUT - timedelta(minutes=1))

    assert expire_jobs(now=now) == {"expired": 1, "failed": 1}

    statuses = {job.pk: (job.status, bytes(job.body)) for job in _jobs()}
    assert statuses[old.pk] == (JobStatus.EXPIRED, b"")
    assert statuses[recent.pk] == (JobStatus.DONE, b"<p>plan</p>")
    assert statuses[hung.pk][0] == JobStatus.FAILED


@pytest.mark.django_db
def test_the_embedded_pool_gets_the_job_only_after_the_request_commits(
    org_a: Organisation,
    make_user: Callable[..., User],
    monkeypatch: pytest.MonkeyPatch,
    settings: object,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    settings.TASKS = {  # type: ignore[attr-defined]  # settings fixture, typed loosely
        **settings.TASKS,  # type: ignore[attr-defined]  # settings fixture, typed loosely
        "reports": {"BACKEND": "kompas.reports.pool.ProcessPoolBackend", "OPTIONS": {"MAX_WORKERS": 2}},
    }
    submitted: list[tuple[object, ...]] = []
    monkeypatch.setattr(pool.ProcessPoolBackend, "_submit", lambda self, *call: submitted.append(call))
    user = make_user(Role.ANALIST, org_a)
    with django_capture_on_commit_callbacks(execute=True), scope(organisation=org_a.pk):  # type: ignore[attr-defined]  # pytest-django's fixture, typed loosely
        job = request_report(
            actor=user, options=ReportOptions(name=ReportName.PLAN, format=ReportFormat.HTML)
        )
        assert submitted == []
    assert submitted == [("kompas.reports.tasks.build_report", (job.pk,), {})]


@pytest.mark.django_db
def test_a_worker_process_runs_the_job_it_is_given(
    org_a: Organisation, plan: Plan, make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker closes its connection after each task; here it is the test's, inside its transaction.
    monkeypatch.setattr(pool, "close_old_connections", lambda: None)
    user = make_user(Role.ANALIST, org_a)
    with scope(organisation=org_a.pk):
        job = request_report(
            actor=user, options=ReportOptions(name=ReportName.PLAN, format=ReportFormat.HTML)
        )
    pool._run("kompas.reports.tasks.build_report", (job.pk,), {})
    [done] = _jobs()
    assert (done.status, done.filename.endswith(".html"), done.step) == (JobStatus.DONE, True, "")
