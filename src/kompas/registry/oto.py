# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""OTO activities (opleiden, trainen, oefenen) and real deployments of the Veiligheidspaspoort:
recorded, changed and removed with who was there and how they did, one audited transaction each.

Attendance and assessments are personal data: the trail says how many were present and that
assessments changed, never who or how. A change names the version the coordinator loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.registry.models import Assessment, Attendance, Functionary, OtoActivity, OtoKind

FIELDS = ("kind", "title", "date", "cost")


class StaleOtoError(Exception):
    """Raised when someone else changed the OTO activity since the editor loaded it."""


@dataclass(frozen=True)
class Present:
    """A functionary present at an activity, with the assessed performance (may be empty)."""

    functionary_id: int
    assessment: str = ""


@dataclass(frozen=True)
class OtoInput:
    """An OTO activity or deployment as the form gives it."""

    kind: str
    title: str
    date: dt.date
    cost: Decimal | None
    present: tuple[Present, ...] = ()


def _check(actor: User, data: OtoInput) -> None:
    found: dict[str, str] = {}
    if data.kind not in OtoKind.values:
        found["kind"] = _("Kies opleiden, trainen, oefenen of inzet.")
    if not data.title.strip():
        found["title"] = _("Geef de activiteit een titel.")
    if data.cost is not None and data.cost < 0:
        found["cost"] = _("De kosten kunnen niet negatief zijn.")
    ids = [p.functionary_id for p in data.present]
    known = set(
        Functionary.objects.filter(pk__in=ids, organisation=actor.organisation).values_list("pk", flat=True)
    )
    if set(ids) - known or len(ids) != len(set(ids)):
        found["present"] = _("Kies functionarissen van de eigen organisatie, elk één keer.")
    if any(p.assessment not in ("", *Assessment.values) for p in data.present):
        found["present"] = _("Beoordeel met goed, voldoende of onvoldoende, of laat leeg.")
    if found:
        raise ValidationError(found)


def _set_present(activity: OtoActivity, present: tuple[Present, ...]) -> None:
    Attendance.objects.filter(activity=activity).delete()
    Attendance.objects.bulk_create(
        Attendance(activity=activity, functionary_id=p.functionary_id, assessment=p.assessment)
        for p in present
    )


def attendance_of(activity: OtoActivity) -> list[Present]:
    """Return who was present at ``activity`` and their assessment, in functionary order."""
    rows = Attendance.objects.filter(activity=activity).order_by("functionary_id")
    return [Present(row.functionary_id, row.assessment) for row in rows]


@transaction.atomic
def record_oto_activity(
    *,
    actor: User,
    kind: str,
    title: str,
    date: dt.date,
    cost: Decimal | None,
    present: list[Present],
    is_demo: bool = False,
) -> OtoActivity:
    """Record an OTO activity or deployment with who was there and how they did; audited.

    ``is_demo`` marks a fictitious entry of the demo (only :mod:`kompas.registry.demo` sets it).
    """
    data = OtoInput(kind, title, date, cost, tuple(present))
    _check(actor, data)
    activity = OtoActivity.objects.create(
        organisation=actor.organisation, kind=kind, title=title.strip(), date=date, cost=cost, is_demo=is_demo
    )
    _set_present(activity, data.present)
    changes = {"kind": kind, "title": activity.title, "date": date.isoformat(), "present": len(present)}
    audit.record("registry.oto.recorded", actor=actor, target=activity, changes=changes)
    return activity


@transaction.atomic
def change_oto_activity(*, actor: User, activity_id: int, version: int, data: OtoInput) -> OtoActivity:
    """Change an OTO activity loaded at ``version``, with its attendance; audited."""
    activity = OtoActivity.objects.select_for_update().get(pk=activity_id)
    if activity.version != version:
        raise StaleOtoError
    _check(actor, data)
    before = audit.snapshot(activity, FIELDS)
    activity.kind, activity.title, activity.date, activity.cost = (
        data.kind,
        data.title.strip(),
        data.date,
        data.cost,
    )
    changes = audit.diff(before, activity)
    old = attendance_of(activity)
    new = sorted(data.present, key=lambda p: p.functionary_id)
    if old != new:
        _set_present(activity, data.present)
        changes["present"] = [len(old), len(new)]
        changes["attendance"] = audit.REDACTED  # who, or how they did: personal, so only that it changed
    if changes:
        activity.version += 1
        activity.save()
        audit.record("registry.oto.changed", actor=actor, target=activity, changes=changes)
    return activity


@transaction.atomic
def delete_oto_activity(*, actor: User, activity_id: int, version: int) -> None:
    """Remove an OTO activity with its attendance (it leaves every dossier); audited."""
    activity = OtoActivity.objects.select_for_update().get(pk=activity_id)
    if activity.version != version:
        raise StaleOtoError
    changes = {
        "kind": activity.kind,
        "title": activity.title,
        "date": activity.date.isoformat(),
        "present": Attendance.objects.filter(activity=activity).count(),
    }
    audit.record("registry.oto.deleted", actor=actor, target=activity, changes=changes)
    activity.delete()
