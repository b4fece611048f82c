# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Shared fixtures: two municipalities as tenants and one user per role in each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role, requires_two_factor
from kompas.accounts.users import create_user
from tests.programs import missing_message, missing_programs

PASSWORD = "een-lang-testwachtwoord-2026"


def _stop_without_programs(nodeids: Iterable[str]) -> None:
    """Stop with one Dutch line when a selected test calls a program the machine lacks."""
    missing = missing_programs(nodeids)
    if missing:
        pytest.exit(missing_message(missing), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected tests
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Check the programs in a run without xdist workers; xdist's controller checks its own."""
    if not hasattr(config, "workerinput"):
        _stop_without_programs(item.nodeid for item in items)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: object, ids: list[str]) -> None:
    """Check the programs on the xdist controller, which sees what each worker collected."""
    _stop_without_programs(ids)


@pytest.fixture
def org_a(db: None) -> Organisation:
    """Gemeente Hengelo, the tenant under test."""
    return create_organisation(
        actor=None, code="hengelo", name="Gemeente Hengelo", kind=OrganisationKind.GEMEENTE, cbs_code="GM0164"
    )


@pytest.fixture
def org_b(db: None) -> Organisation:
    """Gemeente Enschede, the other tenant whose data must stay out of reach."""
    return create_organisation(
        actor=None,
        code="enschede",
        name="Gemeente Enschede",
        kind=OrganisationKind.GEMEENTE,
        cbs_code="GM0153",
    )


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    """Create a user with a role in an organisation (password: PASSWORD)."""

    def make(role: Role, organisation: Organisation, username: str | None = None) -> User:
        name = username or f"{role.value}-{organisation.code}"
        return create_user(actor=None, organisation=organisation, username=name, password=PASSWORD, role=role)

    return make


def verified_login(client: Client, user: User) -> Client:
    """Log ``user`` in on ``client``; for 2FA roles also mark the session as verified."""
    client.force_login(user)
    if requires_two_factor(user.role):
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, name="test", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login() -> Callable[[Client, User], Client]:
    """Return :func:`verified_login` as a fixture."""
    return verified_login


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Start every test with an empty cache.

    Cached figures and page parts are keyed by ids (import runs, audit records) that a rolled-back
    test transaction hands out again to the next test, which would then read the other's parts.
    """
    cache.clear()


@pytest.fixture(autouse=True)
def _audit_trail_flushable(request: pytest.FixtureRequest) -> Iterator[None]:
    """Let a transactional test's flush empty the audit trail, as ADR 0012 prescribes.

    The database refuses DELETE of audit records while the chain head exists, and Django's
    flush empties tables in no fixed order; the head goes first here, before the flush.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server", "django_db_reset_sequences"} & set(request.fixturenames)
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")  # set up first, so its flush runs after this
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditchainhead")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    """Hash test passwords cheaply; the production hasher is Django's PBKDF2 default."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]  # pytest-django's settings fixture


@pytest.fixture
def beheerder_a(org_a: Organisation, make_user: Callable[..., User], client: Client) -> User:
    """A beheerder of organisation A, logged in (second factor verified) on ``client``."""
    user = make_user(Role.BEHEERDER, org_a)
    verified_login(client, user)
    return user
