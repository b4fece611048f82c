# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The only ways to reach user records (personal data): scoped, checked and read-audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from kompas.accounts import audit
from kompas.accounts.models import AuditRecord, User
from kompas.accounts.roles import Permission, has_permission


def users_visible_to(actor: User) -> QuerySet[User]:
    """Return the users ``actor`` may list: those of their own organisation, if a beheerder."""
    if not has_permission(actor.role, Permission.MANAGE_USERS):
        return User.objects.none()
    return User.objects.filter(organisation_id=actor.organisation_id).order_by("username")


@transaction.atomic
def record_users_listed(actor: User, shown: Iterable[User], *, via: str) -> None:
    """Record that ``actor`` was shown a list of users (page or API), naming their ids."""
    audit.record(
        "accounts.users.listed", actor=actor, changes={"via": via, "user_ids": [u.pk for u in shown]}
    )


@transaction.atomic
def get_user_for(actor: User, user_id: int) -> User:
    """Return user ``user_id`` for ``actor`` and record the read; 404 when out of reach.

    Users of another organisation answer exactly like ids that do not exist, so ids cannot
    be probed.
    """
    if not has_permission(actor.role, Permission.MANAGE_USERS):
        raise Http404
    user = User.objects.filter(pk=user_id, organisation_id=actor.organisation_id).first()
    if user is None:
        raise Http404
    audit.record("accounts.user.viewed", actor=actor, target=user)
    return user


def audit_records_visible_to(actor: User) -> QuerySet[AuditRecord]:
    """Return the audit records of ``actor``'s organisation, if they may view the trail."""
    if not has_permission(actor.role, Permission.VIEW_AUDIT):
        return AuditRecord.objects.none()
    return AuditRecord.objects.filter(organisation_id=actor.organisation_id)
