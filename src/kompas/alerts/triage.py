# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Triage of alerts: the allowed steps, each one audited in its own transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.alerts.models import Alert, AlertState

TRANSITIONS: dict[str, frozenset[str]] = {
    AlertState.NEW: frozenset({AlertState.SEEN, AlertState.IN_PROGRESS, AlertState.CLOSED}),
    AlertState.SEEN: frozenset({AlertState.IN_PROGRESS, AlertState.CLOSED}),
    AlertState.IN_PROGRESS: frozenset({AlertState.CLOSED}),
    # A closed alert may be reopened when new information arrives.
    AlertState.CLOSED: frozenset({AlertState.IN_PROGRESS}),
}


class StaleAlertError(Exception):
    """Raised when someone else changed the alert since it was loaded."""


@transaction.atomic
def triage(*, actor: User, alert: Alert, state: str, note: str, assignee: User | None, version: int) -> Alert:
    """Move ``alert`` to ``state`` with a note and an assignee; refuse stale or invalid steps."""
    current = Alert.objects.select_for_update().get(pk=alert.pk)
    if current.version != version:
        raise StaleAlertError
    if state != current.state and state not in TRANSITIONS[current.state]:
        raise ValidationError({"state": _("Deze stap is vanuit de huidige status niet mogelijk.")})
    if assignee is not None and assignee.organisation_id != current.organisation_id:
        raise ValidationError({"assignee": _("De behandelaar hoort niet bij uw organisatie.")})
    before = audit.snapshot(current, ("state", "note", "assignee_id"))
    current.state, current.note, current.assignee = state, note, assignee
    changes = audit.diff(before, current)
    if changes:
        current.version += 1
        current.save(update_fields=["state", "note", "assignee", "version"])
        audit.record("alerts.alert.triaged", actor=actor, target=current, changes=changes)
    return current
