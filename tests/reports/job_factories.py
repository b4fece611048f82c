# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Report jobs for tests: ask for a report as a user does, or make a finished job directly."""

from __future__ import annotations

from django.http import HttpResponse
from django.test import Client
from django.urls import resolve
from django.utils import timezone
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.reports.jobs import run_job
from kompas.reports.models import JobStatus, ReportJob


def fetch_report(client: Client, data: dict[str, str]) -> HttpResponse:
    """Ask for a report with the form ``data``, run its job as the worker would, fetch the file.

    Fails when the request is not accepted; returns the download response (or the page with the
    reason when the job failed).
    """
    requested = client.post("/rapportages/maken/", data)
    assert requested.status_code == 302, requested.content[:500]
    job_id = resolve(requested["Location"]).kwargs["job_id"]
    run_job(job_id)
    return client.get(f"/rapportages/opdracht/{job_id}/bestand/")  # type: ignore[return-value]  # the test client's response, typed loosely


def make_report_job(organisation: Organisation, *, username: str = "aanvrager") -> ReportJob:
    """Return a finished HTML report job of a new analyst of ``organisation``."""
    user = create_user(
        actor=None, organisation=organisation, username=username, password="x" * 16, role=Role.ANALIST
    )
    with scopes_disabled():
        return ReportJob.objects.create(
            organisation=organisation,
            requested_by=user,
            kind="plan",
            format="html",
            options={"name": "plan", "format": "html", "suppress": False},
            status=JobStatus.DONE,
            user_slot=1,
            global_slot=1,
            body=b"<p>plan</p>",
            filename="plan.html",
            content_type="text/html; charset=utf-8",
            finished_at=timezone.now(),
        )
