# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Import runs for page tests, without importing a file."""

from __future__ import annotations

from django.utils import timezone
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.sources.models import ImportRun, ImportStatus


def make_import_run(organisation: Organisation | None, file_name: str = "misdrijven.csv") -> ImportRun:
    """Create a finished, rejected import run with one error (organisation None: open data)."""
    error = {
        "file": file_name,
        "line": 3,
        "column": "aantal",
        "value": "-1",
        "expected": "een geheel getal van 0 of meer",
        "problem": "is negatief",
        "message": f'{file_name}, regel 3, kolom "aantal": waarde "-1" is negatief; '
        "verwacht: een geheel getal van 0 of meer.",
    }
    with scopes_disabled():
        return ImportRun.objects.create(
            organisation=organisation,
            format="politie-buurt-maand",
            file_name=file_name,
            file_size=120,
            sha256="0" * 64,
            status=ImportStatus.REJECTED,
            finished_at=timezone.now(),
            duration_seconds=0.1,
            rows_read=2,
            rows_rejected=2,
            errors=[error],
            error_count=1,
        )
