# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One council member sends 16 report requests at the same moment; report what they got.

:func:`sixteen_requests` runs inside the test on PostgreSQL. On SQLite it runs here, as
``python -m tests.reports.parallel_requests USER_ID`` with ``DATABASE_URL`` naming a
SQLite file copied from the test database (``test_report_jobs.py`` does that): pytest's SQLite
database lives in memory with a shared cache, whose table locks fail at once instead of waiting
like a file's write lock.
Report tasks are only queued (the dummy backend), and making a PDF fails loudly, so the outcome
shows what the requests themselves did.
"""

from __future__ import annotations

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from unittest import mock

import django
from django.test import Client, override_settings

PARALLEL = 16
QUEUE_ONLY = {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}


def sixteen_requests(user: Any) -> dict[str, Any]:
    """Log ``user`` in, post 16 report requests at the same moment, and describe the result."""
    from django.conf import settings
    from django.db import connections
    from django_scopes import scopes_disabled
    from django_tasks.signals import task_enqueued

    from kompas.accounts.models import AuditRecord
    from kompas.reports.models import ReportJob
    from tests.conftest import verified_login

    cookies = verified_login(Client(), user).cookies
    start = threading.Barrier(PARALLEL)
    enqueued: list[str] = []

    def count(sender: object, task_result: Any, **kwargs: object) -> None:
        enqueued.append(task_result.task.module_path)

    def ask(_: int) -> tuple[int, str]:
        client = Client()
        client.cookies = cookies
        start.wait(timeout=30)
        try:
            response = client.post("/rapportages/maken/", {"rapport": "voortgang", "formaat": "pdf"})
            return response.status_code, response.content.decode()
        except Exception as error:  # the answer to report is whatever broke
            return 500, f"{type(error).__name__}: {error}"
        finally:
            connections.close_all()

    def refuse_pdf(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("PDF gemaakt tijdens het verzoek")

    task_enqueued.connect(count)
    try:
        with (
            override_settings(
                TASKS={**settings.TASKS, "reports": QUEUE_ONLY},
                ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            ),
            mock.patch("kompas.presentation.render.pdf_bytes", refuse_pdf),
            ThreadPoolExecutor(max_workers=PARALLEL) as threads,
        ):
            answers = list(threads.map(ask, range(PARALLEL)))
    finally:
        task_enqueued.disconnect(count)
    with scopes_disabled():
        jobs = [[job.user_slot, job.status, len(job.body)] for job in ReportJob.objects.order_by("user_slot")]
    actions = {
        action: AuditRecord.objects.filter(action=action).count()
        for action in ("reports.report.requested", "reports.report.generated")
    }
    return {"answers": answers, "jobs": jobs, "enqueued": enqueued, "actions": actions}


def main() -> None:
    """Run the 16 requests as the user named on the command line; print the outcome as JSON.

    ``DATABASE_URL`` names a copy of the test database, so its tables and users are there.
    """
    django.setup()
    from kompas.accounts.models import User

    outcome = sixteen_requests(User.objects.get(pk=int(sys.argv[1])))
    sys.stdout.write(json.dumps(outcome) + "\n")


if __name__ == "__main__":
    main()
