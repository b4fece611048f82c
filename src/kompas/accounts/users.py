# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""State changes of users: each one function, atomic, audited in its own transaction."""

from __future__ import annotations

import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role

EDITABLE_FIELDS = ("first_name", "last_name", "email", "role", "is_active")
# No 0/O, 1/l/I: a temporary password is read off a screen and typed in by someone else.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TEMPORARY_GROUPS = 4


class StaleUserError(Exception):
    """Raised when someone else changed the user since the form was loaded."""

    def __init__(self, current: User) -> None:
        super().__init__(f"User {current.pk}: versie {current.version}")
        self.current = current


class SelfServiceError(ValueError):
    """Raised when a beheerder tries on their own account what is meant for someone else's."""


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
def update_user(*, actor: User, user: User, version: int, **values: object) -> User:
    """Change the editable fields of ``user`` if it is still at ``version``.

    Raises :class:`StaleUserError` when another beheerder changed the user in between, so an
    old form can never undo their change (for instance re-activate a deactivated account).
    The audit record lists which fields changed, with ``version`` as ``[old, new]``.
    """
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(sorted(unknown))
    current = _locked(user.pk)
    if current.version != version:
        raise StaleUserError(current)
    before = audit.snapshot(current, values)
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean(exclude=["password"])
    changes = audit.diff(before, current)
    if changes:
        current.version += 1
        current.save(update_fields=[*changes, "version"])
        changes["version"] = [version, current.version]
        audit.record("accounts.user.changed", actor=actor, target=current, changes=changes)
    return current


@transaction.atomic
def delete_user(*, actor: User, user: User) -> None:
    """Delete ``user``; the audit trail keeps their id, never their name."""
    if user.pk == actor.pk:
        raise ValueError("self")
    audit.record("accounts.user.deleted", actor=actor, target=user, organisation_id=user.organisation_id)
    user.delete()


@transaction.atomic
def change_password(*, user: User, current_password: str, new_password: str) -> User:
    """Replace the password of ``user`` (by the user themself) after checking the current one.

    Raises ``ValidationError`` on the field that is wrong: a current password that does not
    match, a new one that fails the password policy or equals the current one.
    """
    current = _locked(user.pk)
    if not current.check_password(current_password):
        raise ValidationError({"current_password": _("Het huidige wachtwoord klopt niet.")})
    if new_password == current_password:
        raise ValidationError({"new_password": _("Kies een ander wachtwoord dan het huidige.")})
    try:
        validate_password(new_password, current)
    except ValidationError as error:
        raise ValidationError({"new_password": error.messages}) from error
    current.set_password(new_password)
    was_temporary = current.must_change_password
    current.must_change_password = False
    current.save(update_fields=["password", "must_change_password"])
    audit.record(
        "accounts.password.changed", actor=current, target=current, changes={"after_reset": was_temporary}
    )
    return current


@transaction.atomic
def reset_password(*, actor: User, user: User) -> str:
    """Give ``user`` a temporary password and return it (to be shown once, never stored).

    The user must choose their own password at the next login; their open sessions end, as
    Django ties a session to the password it was opened with.
    """
    _refuse_self(actor, user)
    current = _locked(user.pk)
    temporary = _temporary_password(current)
    current.set_password(temporary)
    current.must_change_password = True
    current.save(update_fields=["password", "must_change_password"])
    audit.record("accounts.user.password_reset", actor=actor, target=current)
    return temporary


@transaction.atomic
def reset_two_factor(*, actor: User, user: User) -> int:
    """Remove every second-factor device of ``user``; they enrol a new one at the next login.

    This is the recovery path for a lost phone: enrolment itself stays trust-on-first-use, so
    the beheerder resets only after checking who asks. Returns how many devices were removed.
    """
    _refuse_self(actor, user)
    current = _locked(user.pk)
    removed = 0
    for device in devices_for_user(current, confirmed=None):
        device.delete()
        removed += 1
    audit.record("accounts.user.two_factor_reset", actor=actor, target=current, changes={"devices": removed})
    return removed


def _locked(user_id: int) -> User:
    """Return the user row locked for the rest of the transaction."""
    return User.objects.select_for_update().get(pk=user_id)


def _refuse_self(actor: User, user: User) -> None:
    # A reset of one's own account from a session would let a stolen session take it over.
    if actor.pk == user.pk:
        raise SelfServiceError("self")


def _temporary_password(user: User) -> str:
    """Return a random password in groups of four that passes the password policy."""
    while True:
        groups = [
            "".join(secrets.choice(TEMPORARY_ALPHABET) for _position in range(4))
            for _group in range(TEMPORARY_GROUPS)
        ]
        candidate = "-".join(groups)
        try:
            validate_password(candidate, user)
        except ValidationError:
            continue
        return candidate
