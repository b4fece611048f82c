# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Two beheerders save the same user at the same moment on a SQLite file; print both answers.

Run as ``python -m tests.accounts.simultaneous_edit`` with ``DATABASE_URL`` naming a fresh
SQLite file (``test_account_security.py`` does that): the test database of pytest is SQLite
in memory with a shared cache, whose table locks do not behave like a file's write lock.
Both requests read the user inside their transaction and pause there, so without a lock
taken at the start of the transaction the second one fails on "database is locked".
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import Any
from unittest import mock

import django
from django.test import Client


def main() -> None:
    """Migrate the file, create two beheerders and a user, and post both edits at once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.urls import reverse

    from kompas.accounts import audit
    from kompas.accounts.models import OrganisationKind, User
    from kompas.accounts.organisations import create_organisation
    from kompas.accounts.roles import Role
    from tests.conftest import verified_login

    for app in ("accounts", "sessions", "otp_totp", "axes"):
        call_command("migrate", app, verbosity=0)
    organisation = create_organisation(
        actor=None, code="hengelo", name="Gemeente Hengelo", kind=OrganisationKind.GEMEENTE, cbs_code="GM0164"
    )
    first, second, subject = (
        User.objects.create(username=name, organisation=organisation, role=role)
        for name, role in (("b1", Role.BEHEERDER), ("b2", Role.BEHEERDER), ("doel", Role.ANALIST))
    )
    clients = [verified_login(Client(), first), verified_login(Client(), second)]
    forms = [
        {"role": "analist", "version": "1"},  # the first beheerder deactivates the account
        {"role": "analist", "is_active": "on", "first_name": "Oud", "version": "1"},  # an old form
    ]
    connections.close_all()
    url = reverse("accounts:user_edit", kwargs={"user_id": subject.pk})
    answers: list[Any] = [None, None]
    start = threading.Barrier(2)
    snapshot = audit.snapshot

    def slow_snapshot(*args: Any, **kwargs: Any) -> Any:
        # Hold the transaction open after reading the user, so both requests overlap in it.
        time.sleep(0.4)
        return snapshot(*args, **kwargs)

    def post(index: int) -> None:
        start.wait()
        try:
            response = clients[index].post(url, forms[index])
            answers[index] = [response.status_code, response.content.decode()]
        except Exception as error:  # the answer to report is whatever broke
            answers[index] = [500, f"{type(error).__name__}: {error}"]
        finally:
            connections.close_all()

    with mock.patch.object(audit, "snapshot", slow_snapshot):
        threads = [threading.Thread(target=post, args=(index,)) for index in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    subject.refresh_from_db()
    sys.stdout.write(
        json.dumps({"answers": answers, "is_active": subject.is_active, "version": subject.version})
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
