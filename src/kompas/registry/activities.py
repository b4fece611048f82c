# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Recording, changing and removing activities: one audited transaction each.

Every input is checked first and all problems are returned together, with one Dutch message per
field; nothing is written then. A change names the version the editor loaded: a second editor
never silently overwrites the first. Each change rewrites the counts of the years and areas it
touched (:mod:`kompas.registry.feed`) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.areas.queries import area_by_code
from kompas.registry import feed
from kompas.registry.models import Activity, ActivityKind, Participant
from kompas.registry.rules import KIND_RULES

FIELDS = (
    "kind",
    "title",
    "start",
    "end",
    "area_code",
    "organiser",
    "participant_count",
    "cost",
    "train_the_trainer",
)


class StaleActivityError(Exception):
    """Raised when someone else changed the activity since the editor loaded it."""


@dataclass(frozen=True)
class PersonInput:
    """One participant as the form gives it."""

    name: str
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class ActivityInput:
    """An activity as the form, the CLI or the demo gives it."""

    kind: str
    title: str
    start: dt.date
    end: dt.date
    area_code: str
    organiser: str
    participant_count: int
    cost: Decimal | None = None
    train_the_trainer: bool = False
    participants: tuple[PersonInput, ...] = field(default_factory=tuple)
    is_demo: bool = False


def problems(data: ActivityInput, organisation_code: str, *, exclude: int | None = None) -> dict[str, str]:
    """Return a Dutch message per wrong field; empty when ``data`` may be stored."""
    found: dict[str, str] = {}
    if data.kind not in ActivityKind.values:
        found["kind"] = _("Kies een soort activiteit uit de lijst.")
    if not data.title.strip():
        found["title"] = _("Geef de activiteit een titel.")
    if data.end < data.start:
        found["end"] = _("De einddatum ligt voor de begindatum.")
    if data.participant_count < 0:
        found["participant_count"] = _("Het aantal deelnemers kan niet negatief zijn.")
    if data.cost is not None and data.cost < 0:
        found["cost"] = _("De kosten kunnen niet negatief zijn.")
    if not data.organiser.strip():
        found["organiser"] = _("Noem de organisator.")
    if len(data.participants) > max(data.participant_count, 0):
        found["participants"] = _("Er staan meer deelnemers bij naam dan het aantal deelnemers.")
    if not _known_area(data, organisation_code):
        found["area_code"] = _("Onbekend gebied: kies de eigen gemeente of een van haar wijken.")
    if data.kind in KIND_RULES and "end" not in found:
        found.update(KIND_RULES[data.kind].problems(data))
    return found


def _known_area(data: ActivityInput, organisation_code: str) -> bool:
    # The gemeente or one of its wijken: where the plan's counts go (a buurt is too fine for them).
    code = data.area_code.strip()
    inside = code == organisation_code or (code[:2] == "WK" and code[2:].startswith(organisation_code[2:]))
    return organisation_code.startswith("GM") and inside and area_by_code(code, data.start.year) is not None


def _duplicate(actor: User, data: ActivityInput, exclude: int | None) -> bool:
    same = Activity.objects.filter(
        organisation=actor.organisation,
        kind=data.kind,
        title=data.title.strip(),
        start=data.start,
        area_code=data.area_code.strip(),
    )
    return same.exclude(pk=exclude).exists() if exclude else same.exists()


def _check(actor: User, data: ActivityInput, exclude: int | None = None) -> None:
    found = problems(data, actor.organisation.cbs_code)
    if not found and _duplicate(actor, data, exclude):
        found["__all__"] = _(
            "Deze activiteit staat al in het register (zelfde soort, titel, datum en gebied)."
        )
    if found:
        raise ValidationError(found)


def _values(data: ActivityInput) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in FIELDS}
    values["title"], values["area_code"] = data.title.strip(), data.area_code.strip()
    values["organiser"] = data.organiser.strip()
    return values


def _audit_values(activity: Activity) -> dict[str, Any]:
    values = {name: getattr(activity, name) for name in FIELDS}
    return {
        name: str(value) if isinstance(value, dt.date | Decimal) else value for name, value in values.items()
    }


def _set_participants(activity: Activity, people: tuple[PersonInput, ...]) -> None:
    Participant.objects.filter(activity=activity).delete()
    Participant.objects.bulk_create(
        Participant(
            activity=activity,
            name=person.name.strip(),
            role=person.role.strip(),
            participant_organisation=person.organisation.strip(),
        )
        for person in people
        if person.name.strip()
    )


@transaction.atomic
def record_activity(*, actor: User, data: ActivityInput) -> Activity:
    """Store a new activity of the actor's organisation and update the plan's counts; audited."""
    _check(actor, data)
    activity = Activity.objects.create(organisation=actor.organisation, is_demo=data.is_demo, **_values(data))
    _set_participants(activity, data.participants)
    changes = {**_audit_values(activity), "participants": len(data.participants)}
    audit.record("registry.activity.recorded", actor=actor, target=activity, changes=changes)
    feed.refresh(actor=actor, organisation=actor.organisation, touched=[_key(activity)])
    return activity


@transaction.atomic
def change_activity(*, actor: User, activity_id: int, version: int, data: ActivityInput) -> Activity:
    """Change an activity loaded at ``version``; refuse a stale one or bad input, audited."""
    activity = Activity.objects.select_for_update().get(pk=activity_id)
    if activity.version != version:
        raise StaleActivityError
    _check(actor, data, exclude=activity.pk)
    before_key = _key(activity)
    before = audit.snapshot(activity, FIELDS)
    for name, value in _values(data).items():
        setattr(activity, name, value)
    changes = audit.diff(before, activity)
    people_before = sorted(Participant.objects.filter(activity=activity).values_list("name", "role"))
    people_after = sorted((p.name.strip(), p.role.strip()) for p in data.participants if p.name.strip())
    if people_before != people_after:
        _set_participants(activity, data.participants)
        changes["participants"] = audit.REDACTED
    if changes:
        activity.version += 1
        activity.save()
        audit.record("registry.activity.changed", actor=actor, target=activity, changes=changes)
        feed.refresh(actor=actor, organisation=actor.organisation, touched={before_key, _key(activity)})
    return activity


@transaction.atomic
def delete_activity(*, actor: User, activity_id: int, version: int) -> None:
    """Remove an activity with its participants and update the plan's counts; audited."""
    activity = Activity.objects.select_for_update().get(pk=activity_id)
    if activity.version != version:
        raise StaleActivityError
    key = _key(activity)
    changes = {"title": activity.title, "kind": activity.kind, "start": activity.start.isoformat()}
    audit.record("registry.activity.deleted", actor=actor, target=activity, changes=changes)
    activity.delete()
    feed.refresh(actor=actor, organisation=actor.organisation, touched=[key])


def _key(activity: Activity) -> tuple[str, int, str]:
    return (activity.kind, activity.start.year, activity.area_code)


def as_input(activity: Activity, participants: list[Participant]) -> dict[str, Any]:
    """Return the stored activity as form values (participants one per line)."""
    values = {name: getattr(activity, name) for name in FIELDS}
    values["participants"] = "\n".join(
        " | ".join(part for part in (p.name, p.role, p.participant_organisation) if part)
        for p in participants
    )
    values["version"] = activity.version
    return values
