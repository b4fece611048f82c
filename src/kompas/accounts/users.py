# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""State changes of users: each one function, atomic, audited in its own transaction."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role

EDITABLE_FIELDS = ("first_name", "last_name", "email", "role", "is_active")


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    organisation: Organisation,
    username: str,
    password: str,
    role: Role,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Create a user in ``organisation`` after checking the password policy."""
    user = User(
        organisation=organisation,
        username=username,
        role=role,
        email=email,
        first_name=first_name,
        last_name=last_name,
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(
        "accounts.user.created",
        actor=actor,
        target=user,
        changes={"role": str(role)},
        organisation_id=organisation.pk,
    )
    return user


@transaction.atomic
def update_user(*, actor: User, user: User, **values: object) -> User:
    """Change the editable fields of ``user``; records which fields changed."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(sorted(unknown))
    before = audit.snapshot(user, values)
    for name, value in values.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    changes = audit.diff(before, user)
    if changes:
        user.save(update_fields=list(changes))
        audit.record("accounts.user.changed", actor=actor, target=user, changes=changes)
    return user


@transaction.atomic
def delete_user(*, actor: User, user: User) -> None:
    """Delete ``user``; the audit trail keeps their id, never their name."""
    if user.pk == actor.pk:
        raise ValueError("self")
    audit.record("accounts.user.deleted", actor=actor, target=user, organisation_id=user.organisation_id)
    user.delete()
