# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The reports tests' Hengelo (its plan, areas and counts) and a client logged in with a role."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from tests.reports.conftest import hengelo, in_scope, plan

__all__ = ["as_role", "hengelo", "in_scope", "plan"]


@pytest.fixture
def as_role(
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> Callable[[Role], Client]:
    def log_in(role: Role) -> Client:
        return login(client, make_user(role, org_a))

    return log_in
