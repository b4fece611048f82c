# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Background tasks of kompas.reports: thin wrappers that take ids and call a function."""

from __future__ import annotations

from django_tasks import task

from kompas.reports.jobs import expire_jobs, run_job


@task(backend="reports")
def build_report(job_id: int) -> str:
    """Make the report of one waiting job (enqueued when a user asks for a report)."""
    return run_job(job_id)


@task()
def expire_report_files() -> dict[str, int]:
    """Delete report files past their retention period and fail hung jobs (run hourly)."""
    return expire_jobs()
