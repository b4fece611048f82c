# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Hengelo plan loaded for organisation A, and logged-in users who read or edit it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django_scopes import scope

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.policy.load import load_plan
from kompas.policy.models import Plan


@pytest.fixture
def hengelo_plan(org_a: Organisation) -> Plan:
    """The Hengelo IVP 2017-2020 fixture, loaded for organisation A."""
    with scope(organisation=org_a.pk):
        return load_plan(actor=None, organisation=org_a).plan


@pytest.fixture
def in_scope(org_a: Organisation) -> Iterator[None]:
    """Run the test body inside organisation A's scope, as a request would."""
    with scope(organisation=org_a.pk):
        yield


@pytest.fixture
def oov(
    org_a: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> User:
    """An OOV-adviser of organisation A (may edit the plan), logged in on ``client``."""
    user = make_user(Role.OOV_ADVISEUR, org_a, username="oov-hengelo")
    user.first_name, user.last_name = "Olga", "van Dam"
    user.save()
    login(client, user)
    return user


@pytest.fixture
def raadslid(
    org_a: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> User:
    """A council member of organisation A (reads the plan), logged in on ``client``."""
    user = make_user(Role.RAADSLID, org_a, username="raadslid-hengelo")
    login(client, user)
    return user
