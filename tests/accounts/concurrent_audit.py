# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Several threads append audit records at the same moment; print the chain they formed.

``test_audit_chain.py`` calls :func:`write_concurrently` in its own process on PostgreSQL, and
runs this module (``python -m tests.accounts.concurrent_audit``) on a fresh SQLite file, since
pytest's SQLite test database lives in memory with a shared cache, whose table locks fail at
once instead of queueing like a file's write lock.
"""

from __future__ import annotations

import json
import os
import threading

import django

THREADS = 4
RECORDS_PER_THREAD = 10


def write_concurrently(organisation_id: int) -> list[str]:
    """Start the threads together, each writing its records in own transactions; return errors."""
    from django.db import connection, transaction

    from kompas.accounts import audit

    start = threading.Barrier(THREADS)
    errors: list[str] = []

    def write() -> None:
        try:
            start.wait()
            for _ in range(RECORDS_PER_THREAD):
                with transaction.atomic():
                    audit.record("accounts.login.succeeded", actor=None, organisation_id=organisation_id)
        except Exception as error:  # reported to the caller, which asserts there is none
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def main() -> None:
    """Migrate the SQLite file, write concurrently and print errors, sequences and verify's code."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from kompas.accounts.audit import verify_trail
    from kompas.accounts.models import AuditRecord

    call_command("migrate", "accounts", verbosity=0)
    connections.close_all()
    errors = write_concurrently(organisation_id=1)
    sequences = list(AuditRecord.objects.order_by("sequence").values_list("sequence", flat=True))
    print(json.dumps({"errors": errors, "sequences": sequences, "intact": verify_trail().intact}))  # noqa: T201


if __name__ == "__main__":
    main()
