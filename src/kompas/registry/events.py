# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Event applications on the regional form: recorded, changed and removed, each audited.

The risk class is computed from the answers (:mod:`kompas.registry.risk`) on every save; the
adviser may set a final class, and must then say why when it differs from the computed one.
Incidents during the event feed the plan (IVP T2.I5) through :mod:`kompas.registry.feed`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.areas.queries import area_by_code
from kompas.registry import feed, risk
from kompas.registry.models import EVENT_KIND, Event, RiskClass

FIELDS = (
    "name",
    "organiser",
    "start",
    "end",
    "area_code",
    "location",
    "answers",
    "final_class",
    "final_reason",
    "advice",
    "incidents",
)


class StaleEventError(Exception):
    """Raised when someone else changed the event since the editor loaded it."""


@dataclass(frozen=True)
class EventInput:
    """An application as the form gives it; ``answers`` by criterion code."""

    name: str
    organiser: str
    start: dt.date
    end: dt.date
    area_code: str
    location: str
    answers: dict[str, int | bool] = field(default_factory=dict)
    final_class: str = ""
    final_reason: str = ""
    advice: str = ""
    incidents: int | None = None
    is_demo: bool = False


def problems(data: EventInput, organisation_code: str) -> dict[str, str]:
    """Return a Dutch message per wrong field; empty when ``data`` may be stored."""
    found: dict[str, str] = {}
    if not data.name.strip():
        found["name"] = _("Geef het evenement een naam.")
    if not data.organiser.strip():
        found["organiser"] = _("Noem de organisator.")
    if data.end < data.start:
        found["end"] = _("De einddatum ligt voor de begindatum.")
    code = data.area_code.strip()
    inside = code == organisation_code or (code[:2] == "WK" and code[2:].startswith(organisation_code[2:]))
    if not (inside and area_by_code(code, data.start.year) is not None):
        found["area_code"] = _("Onbekend gebied: kies de eigen gemeente of een van haar wijken.")
    if risk.missing_answers(data.answers):
        found["answers"] = _("Beantwoord alle vragen van de risicoscan.")
    elif any(isinstance(v, int) and not isinstance(v, bool) and v < 0 for v in data.answers.values()):
        found["answers"] = _("Een aantal bezoekers kan niet negatief zijn.")
    if data.incidents is not None and data.incidents < 0:
        found["incidents"] = _("Het aantal incidenten kan niet negatief zijn.")
    if data.final_class and data.final_class not in RiskClass.values:
        found["final_class"] = _("Kies klasse A, B of C.")
    elif data.final_class and not data.final_reason.strip():
        computed = risk.classify(data.answers).risk_class if "answers" not in found else ""
        if data.final_class != computed:
            found["final_reason"] = _("Geef de reden waarom de vastgestelde klasse afwijkt van de berekende.")
    return found


def _check(actor: User, data: EventInput, exclude: int | None = None) -> None:
    found = problems(data, actor.organisation.cbs_code)
    same = Event.objects.filter(organisation=actor.organisation, name=data.name.strip(), start=data.start)
    if not found and (same.exclude(pk=exclude) if exclude else same).exists():
        found["__all__"] = _("Dit evenement staat al in de kalender (zelfde naam en begindatum).")
    if found:
        raise ValidationError(found)


def _values(data: EventInput) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in FIELDS}
    for name in ("name", "organiser", "area_code", "location", "final_reason", "advice"):
        values[name] = values[name].strip()
    result = risk.classify(data.answers)
    values["computed_class"], values["score"] = result.risk_class, result.score
    return values


def _plain(event: Event) -> dict[str, Any]:
    names = (*FIELDS, "computed_class", "score")
    return {
        n: str(getattr(event, n)) if isinstance(getattr(event, n), dt.date) else getattr(event, n)
        for n in names
    }


@transaction.atomic
def record_event(*, actor: User, data: EventInput) -> Event:
    """Store an application of the actor's organisation with its computed class; audited."""
    _check(actor, data)
    event = Event.objects.create(
        organisation=actor.organisation, created_by=actor, is_demo=data.is_demo, **_values(data)
    )
    audit.record("registry.event.recorded", actor=actor, target=event, changes=_plain(event))
    feed.refresh(actor=actor, organisation=actor.organisation, touched=[_key(event)])
    return event


@transaction.atomic
def change_event(*, actor: User, event_id: int, version: int, data: EventInput) -> Event:
    """Change an application loaded at ``version`` (answers, final class, advice, incidents); audited."""
    event = Event.objects.select_for_update().get(pk=event_id)
    if event.version != version:
        raise StaleEventError
    _check(actor, data, exclude=event.pk)
    before_key = _key(event)
    before = audit.snapshot(event, (*FIELDS, "computed_class", "score"))
    for name, value in _values(data).items():
        setattr(event, name, value)
    changes = audit.diff(before, event)
    if changes:
        event.version += 1
        event.save()
        audit.record("registry.event.changed", actor=actor, target=event, changes=changes)
        feed.refresh(actor=actor, organisation=actor.organisation, touched={before_key, _key(event)})
    return event


@transaction.atomic
def delete_event(*, actor: User, event_id: int, version: int) -> None:
    """Remove an application from the calendar; audited, counts updated."""
    event = Event.objects.select_for_update().get(pk=event_id)
    if event.version != version:
        raise StaleEventError
    key = _key(event)
    audit.record("registry.event.deleted", actor=actor, target=event, changes=_plain(event))
    event.delete()
    feed.refresh(actor=actor, organisation=actor.organisation, touched=[key])


def _key(event: Event) -> tuple[str, int, str]:
    return (EVENT_KIND, event.start.year, event.area_code)
