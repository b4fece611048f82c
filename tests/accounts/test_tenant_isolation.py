# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A user of organisation A cannot read, list, export or guess objects of organisation B."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def stranger(org_b: Organisation, make_user: Callable[..., User]) -> User:
    return make_user(Role.ANALIST, org_b, username="vreemde")


def _missing_id() -> int:
    return (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("accounts:user_detail", "get"),
        ("accounts:user_edit", "get"),
        ("accounts:user_edit", "post"),
        ("accounts:user_delete", "post"),
        ("accounts:user_password_reset", "post"),
        ("accounts:user_two_factor_reset", "post"),
        ("api:user_detail", "get"),
    ],
)
def test_other_tenants_user_answers_like_a_missing_id(
    name: str, method: str, client: Client, beheerder_a: User, stranger: User
) -> None:
    # Same status for "exists elsewhere" and "does not exist": ids cannot be probed.
    foreign = getattr(client, method)(reverse(name, kwargs={"user_id": stranger.pk}), {"role": "beheerder"})
    missing = getattr(client, method)(reverse(name, kwargs={"user_id": _missing_id()}), {"role": "beheerder"})
    assert foreign.status_code == missing.status_code == 404
    stranger.refresh_from_db()
    assert stranger.role == Role.ANALIST


def test_lists_show_only_own_users(client: Client, beheerder_a: User, stranger: User) -> None:
    page = client.get(reverse("accounts:user_list"))
    api = client.get(reverse("api:user_list")).json()
    assert beheerder_a.username in page.content.decode()
    assert stranger.username not in page.content.decode()
    assert [row["username"] for row in api["results"]] == [beheerder_a.username]


def test_audit_pages_and_export_hold_only_own_organisation(
    client: Client, beheerder_a: User, stranger: User, org_b: Organisation
) -> None:
    foreign_records = AuditRecord.objects.filter(organisation_id=org_b.pk)
    assert foreign_records.exists()
    export = client.get(reverse("accounts:audit_export")).content.decode("utf-8-sig")
    listing = client.get(reverse("accounts:audit_list")).content.decode()
    for record in foreign_records:
        assert f";{record.object_type};{record.object_id};" not in export
    assert f"accounts.user #{stranger.pk}" not in listing


def test_api_me_shows_own_organisation(client: Client, beheerder_a: User) -> None:
    assert client.get(reverse("api:me")).json()["organisation"]["code"] == "hengelo"
