# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Each create, change, delete and personal-data view leaves exactly one audit record."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from kompas.accounts import audit
from kompas.accounts.audit_actions import AUDIT_ACTIONS
from kompas.accounts.models import AuditImmutableError, AuditRecord, Organisation, User
from kompas.accounts.roles import Role

pytestmark = pytest.mark.django_db


def _records(action: str, obj_id: int) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(action=action, object_type="accounts.user", object_id=str(obj_id)))


def test_create_through_page(client: Client, beheerder_a: User) -> None:
    response = client.post(
        reverse("accounts:user_create"),
        {"username": "nieuw", "password": "Zeer-geheim-wachtwoord-1", "role": "analist", "is_active": "on"},
        REMOTE_ADDR="192.0.2.7",
    )
    created = User.objects.get(username="nieuw")
    assert response.status_code == 302
    [record] = _records("accounts.user.created", created.pk)
    assert (record.actor_id, record.organisation_id, record.ip_address) == (
        beheerder_a.pk,
        beheerder_a.organisation_id,
        "192.0.2.7",
    )


def test_change_through_page_lists_fields_without_personal_values(
    client: Client, beheerder_a: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    subject = make_user(Role.ANALIST, org_a, username="subject")
    client.post(
        reverse("accounts:user_edit", kwargs={"user_id": subject.pk}),
        {"role": "raadslid", "email": "nieuw@example.org", "is_active": "on", "version": "1"},
    )
    [record] = _records("accounts.user.changed", subject.pk)
    assert record.actor_id == beheerder_a.pk
    assert record.changes == {"role": ["analist", "raadslid"], "email": audit.REDACTED, "version": [1, 2]}


def test_unchanged_save_writes_no_record(
    client: Client, beheerder_a: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    subject = make_user(Role.ANALIST, org_a, username="subject")
    client.post(
        reverse("accounts:user_edit", kwargs={"user_id": subject.pk}),
        {"role": "analist", "is_active": "on", "version": "1"},
    )
    assert _records("accounts.user.changed", subject.pk) == []


def test_delete_through_page(
    client: Client, beheerder_a: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    subject = make_user(Role.ANALIST, org_a, username="subject")
    subject_id = subject.pk
    client.post(reverse("accounts:user_delete", kwargs={"user_id": subject_id}))
    assert not User.objects.filter(pk=subject_id).exists()
    [record] = _records("accounts.user.deleted", subject_id)
    assert record.actor_id == beheerder_a.pk


@pytest.mark.parametrize("name", ["accounts:user_detail", "api:user_detail"])
def test_viewing_personal_data(
    name: str, client: Client, beheerder_a: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    subject = make_user(Role.ANALIST, org_a, username="subject")
    assert client.get(reverse(name, kwargs={"user_id": subject.pk})).status_code == 200
    [record] = _records("accounts.user.viewed", subject.pk)
    assert record.actor_id == beheerder_a.pk


def test_records_cannot_be_altered_through_the_orm(beheerder_a: User) -> None:
    record = AuditRecord.objects.first()
    assert record is not None
    record.action = "accounts.logout"
    attempts: list[Callable[[], object]] = [
        record.save,
        record.delete,
        lambda: AuditRecord.objects.filter(pk=record.pk).update(action="x"),
        lambda: AuditRecord.objects.filter(pk=record.pk).delete(),
        lambda: AuditRecord.objects.all().delete(),
        lambda: AuditRecord.objects.bulk_update([record], ["action"]),
        lambda: AuditRecord.objects.update_or_create(pk=record.pk, defaults={"action": "x"}),
    ]
    for attempt in attempts:
        with pytest.raises(AuditImmutableError):
            attempt()
    assert AuditRecord.objects.get(pk=record.pk).action != "accounts.logout"


def test_database_refuses_update_even_with_raw_sql(beheerder_a: User) -> None:
    record = AuditRecord.objects.first()
    assert record is not None
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditrecord SET action = %s WHERE id = %s", ["x", record.pk])


def test_unknown_action_code_is_refused(beheerder_a: User) -> None:
    with pytest.raises(KeyError):
        audit.record("accounts.user.teleported", actor=beheerder_a)


def test_every_action_has_a_dutch_label() -> None:
    assert all(str(label) for label in AUDIT_ACTIONS.values())


def test_audit_pages_accept_no_writes(client: Client, beheerder_a: User) -> None:
    response = client.post(reverse("accounts:audit_list"), {"action": "x"})
    assert response.status_code == 405
    assert client.post(reverse("accounts:audit_export")).status_code == 405
