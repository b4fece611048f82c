# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The only ways to reach participants (personal data): checked, scoped and read-audited.

Only a user who keeps the registers (``registry.edit``) of the activity's own organisation sees
the names; everyone else sees the number of participants only. Names are kept for
:data:`RETENTION_YEARS` after the activity and then removed (:func:`purge_expired`); the count
stays, so the plan's figures do not change.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.registry.models import Activity, Participant

# Long enough to show who was trained during one four-year plan; no longer needed after that.
RETENTION_YEARS = 4


def may_see_participants(actor: User, activity: Activity) -> bool:
    """Return whether ``actor`` may read the names of ``activity``'s participants."""
    if not has_permission(actor.role, Permission.EDIT_REGISTRY):
        return False
    return activity.organisation_id == actor.organisation_id


@transaction.atomic
def participants_for(actor: User, activity: Activity) -> list[Participant]:
    """Return the participants of ``activity`` for ``actor`` and record the read; [] when out of reach."""
    if not may_see_participants(actor, activity):
        return []
    people = list(Participant.objects.filter(activity=activity))
    if people:
        audit.record(
            "registry.participants.viewed",
            actor=actor,
            target=activity,
            changes={"participant_ids": [person.pk for person in people]},
        )
    return people


@transaction.atomic
def purge_expired(*, today: dt.date, actor: User | None = None) -> int:
    """Remove the names of participants of activities that ended more than the retention ago."""
    limit = dt.date(today.year - RETENTION_YEARS, today.month, min(today.day, 28))
    expired = Participant._base_manager.filter(activity__end__lt=limit)
    activity_ids = sorted(set(expired.values_list("activity_id", flat=True)))
    removed, _detail = expired.delete()
    if removed:
        audit.record(
            "registry.participants.purged",
            actor=actor,
            changes={"activity_ids": activity_ids, "removed": removed, "before": limit.isoformat()},
        )
    return removed
