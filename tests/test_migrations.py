# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Models and migrations agree, and migration files are named by hand."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from kompas.config import PROJECT_DIR


@pytest.mark.django_db
def test_no_missing_migrations() -> None:
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_migrations_are_named() -> None:
    automatic = [path.name for path in (PROJECT_DIR / "src").rglob("migrations/0*_auto_*.py")]
    assert automatic == []
