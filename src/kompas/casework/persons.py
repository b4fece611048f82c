# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Pseudonymised persons: a random pseudonym for everyone, the identity encrypted at rest."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kompas.accounts.models import User
from kompas.casework.access import Identity
from kompas.casework.models import Person


def new_pseudonym() -> str:
    """Return a fresh pseudonym (``P-`` and ten hexadecimal digits), random, not derived from anyone."""
    return "P-" + secrets.token_hex(5).upper()


def new_person(actor: User, identity: Identity, target_group: str = "") -> Person:
    """Create a person of the actor's organisation; called inside the caller's transaction."""
    if not identity.name.strip():
        raise ValidationError({"person": _("Vul de naam van de persoon in.")})
    return Person.objects.create(
        organisation_id=actor.organisation_id,
        pseudonym=new_pseudonym(),
        identity_token=identity.token(),
        target_group=target_group,
    )
