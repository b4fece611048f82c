# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Retention per object state, after Signalen ADR-0006: delete when the term has passed.

Terms (settings, in days): a signal closed without action goes after
``CASEWORK_RETENTION_NO_ACTION_DAYS`` (default one year); a handled signal, a closed case and a
dissolved youth group after ``CASEWORK_RETENTION_CLOSED_DAYS`` (default five years). Open
objects are kept. With the object go its participations, plan, scans and every pseudonymised
person that nothing else refers to; the :class:`~kompas.casework.models.DeletionLog` keeps kind,
id, state, end date and rule — nothing about who or what. A dry run lists the same without
deleting. Runs nightly: ``kompas casework retention`` (cron) or the task
:func:`kompas.casework.tasks.apply_retention`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kompas.accounts import audit
from kompas.casework.models import Case, CaseState, DeletionLog, Person, Signal, WeighingOutcome, YouthGroup


@dataclass(frozen=True)
class Expired:
    """One object whose term has passed."""

    kind: str
    object_id: int
    organisation_id: int
    state: str
    ended_on: dt.date
    rule_days: int


def _days(name: str) -> int:
    return int(getattr(settings, name))


def expired(today: dt.date | None = None) -> list[Expired]:
    """Return every signal, case and group whose retention term has passed on ``today``."""
    day = today or timezone.localdate()
    no_action, closed = _days("CASEWORK_RETENTION_NO_ACTION_DAYS"), _days("CASEWORK_RETENTION_CLOSED_DAYS")
    found = []
    signals = Signal.objects.filter(closed_on__isnull=False).only("organisation_id", "outcome", "closed_on")
    for signal in signals:
        term = no_action if signal.outcome == WeighingOutcome.NO_ACTION else closed
        if signal.closed_on and signal.closed_on + dt.timedelta(days=term) < day:
            found.append(
                Expired("signal", signal.pk, signal.organisation_id, signal.outcome, signal.closed_on, term)
            )
    cases = Case.objects.filter(state=CaseState.CLOSED, closed_on__lt=day - dt.timedelta(days=closed))
    found += [
        Expired("case", c.pk, c.organisation_id, c.state, c.closed_on, closed) for c in cases if c.closed_on
    ]
    groups = YouthGroup.objects.filter(dissolved_on__lt=day - dt.timedelta(days=closed))
    found += [
        Expired("group", g.pk, g.organisation_id, "opgeheven", g.dissolved_on, closed)
        for g in groups
        if g.dissolved_on
    ]
    return found


def _persons_of(item: Expired) -> set[int]:
    if item.kind == "signal":
        return set(Signal.objects.get(pk=item.object_id).persons.values_list("pk", flat=True))
    if item.kind == "case":
        return {Case.objects.get(pk=item.object_id).person_id}
    return set(YouthGroup.objects.get(pk=item.object_id).members.values_list("pk", flat=True))


def _delete(item: Expired) -> None:
    if item.kind == "signal":
        Signal.objects.filter(pk=item.object_id).delete()
    elif item.kind == "case":
        Case.objects.filter(pk=item.object_id).delete()
    else:
        YouthGroup.objects.filter(pk=item.object_id).delete()


def _orphans(ids: set[int]) -> list[int]:
    """Return the persons among ``ids`` that no remaining signal, case or group refers to."""
    used = Q(signals__isnull=False) | Q(cases__isnull=False) | Q(groups__isnull=False)
    return list(Person.objects.filter(pk__in=ids).exclude(used).values_list("pk", flat=True))


@transaction.atomic
def apply_retention(*, dry_run: bool, today: dt.date | None = None) -> list[Expired]:
    """Delete what has expired (or, with ``dry_run``, only list it); log and audit each deletion."""
    items = expired(today)
    if dry_run:
        return items
    for item in items:
        persons = _persons_of(item)
        _delete(item)
        orphans = _orphans(persons)
        Person.objects.filter(pk__in=orphans).delete()
        DeletionLog.objects.create(
            organisation_id=item.organisation_id,
            kind=item.kind,
            object_id=item.object_id,
            state=item.state,
            ended_on=item.ended_on,
            rule_days=item.rule_days,
            persons_removed=len(orphans),
        )
    for organisation_id in sorted({item.organisation_id for item in items}):
        deleted = [f"{i.kind}:{i.object_id}" for i in items if i.organisation_id == organisation_id]
        changes = {"purpose": "bewaartermijn", "deleted": deleted}
        audit.record(
            "casework.retention.applied", actor=None, changes=changes, organisation_id=organisation_id
        )
    return items
