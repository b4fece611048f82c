# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework tests run with a fixed test key (never the embedded key file of a developer)."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from kompas.accounts.models import Organisation
from tests.casework.factories import World, make_world

TEST_KEY = Fernet.generate_key().decode("ascii")


@pytest.fixture(autouse=True)
def _casework_key(settings: object) -> None:
    settings.CASEWORK_KEYS = [TEST_KEY]  # type: ignore[attr-defined]  # pytest-django's settings fixture


@pytest.fixture
def world(org_a: Organisation, org_b: Organisation) -> World:
    """The fictitious casework world of tests/casework/factories.py."""
    return make_world(org_a, org_b)
