# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Identities encrypted at rest, key rotation, and a production install without keys refusing."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from kompas.casework import crypto
from kompas.casework.access import identity_of
from kompas.casework.models import Person, Signal
from tests.casework.factories import IDENTITIES, SUMMARY, World

pytestmark = pytest.mark.django_db


def _all_text_in_casework_tables() -> str:
    """Return every value of every casework table as the database stores it."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("casework_"):
                cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  # table names from introspection
                found += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(found)


def test_no_identity_or_summary_is_stored_in_plain_text(world: World) -> None:
    stored = _all_text_in_casework_tables()
    for text in (*IDENTITIES, SUMMARY, "01-01-1990"):
        assert text not in stored


def test_rotation_re_encrypts_everything_so_the_old_key_can_go(world: World, settings: object) -> None:
    old = list(settings.CASEWORK_KEYS)  # type: ignore[attr-defined]
    new = Fernet.generate_key().decode("ascii")
    settings.CASEWORK_KEYS = [new, *old]  # type: ignore[attr-defined]
    call_command("casework_rotate_keys")
    settings.CASEWORK_KEYS = [new]  # type: ignore[attr-defined]  # the old key dropped
    names = sorted(identity_of(person).name for person in Person.objects.all())
    assert names == sorted(IDENTITIES)
    assert crypto.decrypt(Signal.objects.get().summary_token) == SUMMARY


def test_a_token_no_key_fits_raises_without_its_content(world: World, settings: object) -> None:
    settings.CASEWORK_KEYS = [Fernet.generate_key().decode("ascii")]  # type: ignore[attr-defined]
    with pytest.raises(crypto.UnreadableIdentityError) as error:
        identity_of(world.case.person)
    assert "Persoon" not in str(error.value)


def test_production_without_keys_refuses_to_store_identities(settings: object) -> None:
    settings.CASEWORK_KEYS = []  # type: ignore[attr-defined]
    settings.EMBEDDED, settings.DEBUG = False, False  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured, match="CASEWORK_KEYS ontbreekt"):
        crypto.encrypt("Persoon Test-1")


def test_the_embedded_default_keeps_one_key_file_readable_by_the_owner_only(
    settings: object, tmp_path: object
) -> None:
    from pathlib import Path

    settings.CASEWORK_KEYS = []  # type: ignore[attr-defined]
    settings.EMBEDDED = True  # type: ignore[attr-defined]
    key_file = Path(str(tmp_path)) / "casework.keys"
    settings.CASEWORK_KEY_FILE = key_file  # type: ignore[attr-defined]
    token = crypto.encrypt("Persoon Test-1")
    assert crypto.decrypt(token) == "Persoon Test-1"
    assert key_file.stat().st_mode & 0o777 == 0o600
