# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The only way to read or change a signal, case or youth group: checked, scoped and audited.

A user reaches a casework object when all of these hold, each on its own line in
:func:`_reachable`:

1. their role holds ``casework.view`` (and so logs in with a second factor);
2. the object belongs to their organisation, **or** their organisation takes part in it
   (:class:`~kompas.casework.models.Participation`) today, under a convenant valid today.

Nothing bypasses it: no superuser flag, no setting. An object out of reach answers exactly
like one that does not exist (404), so ids cannot be probed. Every read writes one audit
record naming actor, object and purpose; every change writes its record inside its
transaction (:mod:`kompas.casework.signals`, ``cases``, ``groups`` call the ``*_for_change``
functions here). Identities are decrypted only here, for an object already in reach.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.casework import crypto
from kompas.casework.models import Case, Participation, Person, Signal, YouthGroup

Obj = TypeVar("Obj", Signal, Case, YouthGroup)
T = TypeVar("T")


class Purpose(models.TextChoices):
    """Why personal data is read or changed; every audit record of casework names one."""

    APPROACH = "uitvoering", _("Uitvoering van de aanpak")
    WEIGHING = "weging", _("Weging aan de lokale tafel")
    MEETING = "overleg", _("Voorbereiding van het casusoverleg")
    RETENTION = "bewaartermijn", _("Bewaartermijn (verwijdering)")


# The reverse name of each kind's participations, the audit noun and the kind's label.
_KIND = {Signal: ("signal", "signal"), Case: ("case", "case"), YouthGroup: ("group", "group")}


@dataclass(frozen=True)
class Identity:
    """Who a pseudonym stands for; shown only to participants, never logged."""

    name: str
    birth_date: str = ""

    def token(self) -> str:
        """Return the identity encrypted for storage."""
        return crypto.encrypt(json.dumps({"name": self.name, "birth_date": self.birth_date}))


def identity_of(person: Person) -> Identity:
    """Return the decrypted identity of ``person``; only for persons of an object in reach."""
    data = json.loads(crypto.decrypt(person.identity_token))
    return Identity(name=data["name"], birth_date=data.get("birth_date", ""))


def may_view(actor: User) -> bool:
    """Return whether ``actor``'s role reaches casework at all."""
    return has_permission(actor.role, Permission.VIEW_CASEWORK)


def may_open(actor: User) -> bool:
    """Return whether ``actor``'s role may open signals, cases and groups."""
    return has_permission(actor.role, Permission.OPEN_CASEWORK)


def _participating(model: type[Obj], actor: User, today: dt.date) -> Exists:
    field = _KIND[model][0]
    return Exists(
        Participation.objects.filter(
            **{field: OuterRef("pk")},
            organisation_id=actor.organisation_id,
            since__lte=today,
        )
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .filter(convenant__valid_from__lte=today)
        .filter(Q(convenant__valid_until__isnull=True) | Q(convenant__valid_until__gte=today))
    )


def _reachable(model: type[Obj], actor: User) -> QuerySet[Obj]:
    """Return the objects of ``model`` in ``actor``'s reach (see the module docstring)."""
    if not may_view(actor):
        return model.objects.none()
    today = timezone.localdate()
    own = Q(organisation_id=actor.organisation_id)
    taking_part = _participating(model, actor, today)
    return model.objects.filter(own | Q(taking_part))


def _get(model: type[Obj], actor: User, object_id: int, *, lock: bool = False) -> Obj:
    rows = _reachable(model, actor).filter(pk=object_id)
    found = rows.first()
    if found is None:
        raise Http404
    if lock:
        # Lock the row itself: select_for_update cannot lock a query with EXISTS on every database.
        return model.objects.select_for_update().get(pk=found.pk)
    return found


def _record_read(
    action: str, actor: User, target: Signal | Case | YouthGroup | None, purpose: Purpose, **extra: object
) -> None:
    if target is None:
        audit.record(action, actor=actor, changes={"purpose": str(purpose), **extra})
    else:
        record_change(action, actor=actor, target=target, changes={"purpose": str(purpose), **extra})


def record_change(
    action: str, *, actor: User, target: Signal | Case | YouthGroup, changes: dict[str, Any]
) -> None:
    """Audit ``action`` on ``target`` in the trail of the organisation that keeps it.

    The keeper answers for the data, so every read and change by a participant of another
    organisation shows in the keeper's trail too (with the actor's id).
    """
    audit.record(action, actor=actor, target=target, changes=changes, organisation_id=target.organisation_id)


@dataclass(frozen=True)
class Overview:
    """The signals, cases and groups a user may see, read once (one audit record)."""

    signals: list[Signal]
    cases: list[Case]
    groups: list[YouthGroup]


@transaction.atomic
def overview_for(actor: User, *, purpose: Purpose) -> Overview:
    """Return everything in ``actor``'s reach and record the read with the ids shown."""
    signals = list(_reachable(Signal, actor))
    cases = list(_reachable(Case, actor).select_related("person"))
    groups = list(_reachable(YouthGroup, actor))
    ids = {
        "signals": [s.pk for s in signals],
        "cases": [c.pk for c in cases],
        "groups": [g.pk for g in groups],
    }
    _record_read("casework.overview.viewed", actor, None, purpose, **ids)
    return Overview(signals, cases, groups)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of the objects of one kind in reach, and how many there are in all."""

    count: int
    rows: list[T]


def _page(
    model: type[Obj], actor: User, purpose: Purpose, offset: int, limit: int, *related: str
) -> Page[Obj]:
    reachable = _reachable(model, actor).order_by("pk")
    rows = list(reachable.prefetch_related(*related)[offset : offset + limit])
    key = f"{_KIND[model][0]}s"
    # the same record as the overview page: the ids shown, for this one kind; "api" says where
    _record_read(
        "casework.overview.viewed", actor, None, purpose, channel="api", **{key: [r.pk for r in rows]}
    )
    return Page(reachable.count(), rows)


@transaction.atomic
def signal_page_for(actor: User, *, purpose: Purpose, offset: int, limit: int) -> Page[Signal]:
    """Return one page of the signals in reach (pseudonyms only) and record the ids shown."""
    return _page(Signal, actor, purpose, offset, limit, "persons")


@transaction.atomic
def case_page_for(actor: User, *, purpose: Purpose, offset: int, limit: int) -> Page[Case]:
    """Return one page of the cases in reach (pseudonyms only) and record the ids shown."""
    return _page(Case, actor, purpose, offset, limit, "person")


@transaction.atomic
def group_page_for(actor: User, *, purpose: Purpose, offset: int, limit: int) -> Page[YouthGroup]:
    """Return one page of the youth groups in reach (pseudonyms only) and record the ids shown."""
    return _page(YouthGroup, actor, purpose, offset, limit, "members")


@dataclass(frozen=True)
class Opened(Generic[T]):
    """One object read by a participant, with the identities of its persons by pseudonym."""

    obj: T
    identities: dict[str, Identity]
    participations: list[Participation]

    @property
    def identity_rows(self) -> list[dict[str, str]]:
        """Return the identities as rows by pseudonym (for the API of a participant)."""
        return [
            {"pseudonym": pseudonym, "name": who.name, "birth_date": who.birth_date}
            for pseudonym, who in sorted(self.identities.items())
        ]


def _participations(model: type[Obj], obj: Obj) -> list[Participation]:
    rows = Participation.objects.filter(**{_KIND[model][0]: obj}).select_related("organisation", "convenant")
    return list(rows.order_by("since", "pk"))


@transaction.atomic
def get_signal_for(actor: User, signal_id: int, *, purpose: Purpose) -> Opened[Signal]:
    """Return signal ``signal_id`` with its persons' identities; 404 out of reach; audited."""
    signal = _get(Signal, actor, signal_id)
    identities = {p.pseudonym: identity_of(p) for p in signal.persons.all()}
    _record_read("casework.signal.viewed", actor, signal, purpose)
    return Opened(signal, identities, _participations(Signal, signal))


@transaction.atomic
def get_case_for(actor: User, case_id: int, *, purpose: Purpose) -> Opened[Case]:
    """Return case ``case_id`` with its person's identity; 404 out of reach; audited."""
    case = _get(Case, actor, case_id)
    _record_read("casework.case.viewed", actor, case, purpose)
    return Opened(case, {case.person.pseudonym: identity_of(case.person)}, _participations(Case, case))


@transaction.atomic
def get_group_for(actor: User, group_id: int, *, purpose: Purpose) -> Opened[YouthGroup]:
    """Return youth group ``group_id`` with its members' identities; 404 out of reach; audited."""
    group = _get(YouthGroup, actor, group_id)
    identities = {p.pseudonym: identity_of(p) for p in group.members.all()}
    _record_read("casework.group.viewed", actor, group, purpose)
    return Opened(group, identities, _participations(YouthGroup, group))


def signal_for_change(actor: User, signal_id: int) -> Signal:
    """Return signal ``signal_id`` locked for a change by ``actor``; 404 out of reach."""
    return _get(Signal, actor, signal_id, lock=True)


def case_for_change(actor: User, case_id: int) -> Case:
    """Return case ``case_id`` locked for a change by ``actor``; 404 out of reach."""
    return _get(Case, actor, case_id, lock=True)


def group_for_change(actor: User, group_id: int) -> YouthGroup:
    """Return youth group ``group_id`` locked for a change by ``actor``; 404 out of reach."""
    return _get(YouthGroup, actor, group_id, lock=True)


def owned_kind_for_change(kind: str, actor: User, object_id: int) -> Signal | Case | YouthGroup:
    """Return the object of ``kind`` (``signal``, ``case``, ``group``) as :func:`owned_for_change` does."""
    if kind == "signal":
        return owned_for_change(Signal, actor, object_id)
    if kind == "case":
        return owned_for_change(Case, actor, object_id)
    return owned_for_change(YouthGroup, actor, object_id)


def check_reach(kind: str, actor: User, object_id: int) -> None:
    """Raise 404 unless the object of ``kind`` is in ``actor``'s reach (no lock, no read of persons)."""
    rows: QuerySet[Signal] | QuerySet[Case] | QuerySet[YouthGroup]
    if kind == "signal":
        rows = _reachable(Signal, actor)
    elif kind == "case":
        rows = _reachable(Case, actor)
    else:
        rows = _reachable(YouthGroup, actor)
    if not rows.filter(pk=object_id).exists():
        raise Http404


def check_keeper(kind: str, actor: User, object_id: int) -> None:
    """Raise 404 unless ``actor`` may make the keeper's changes to the object of ``kind`` (no lock, no read
    of persons): a page refuses a keeper's form to anyone else before it shows any refusal."""
    obj: Signal | Case | YouthGroup
    if kind == "signal":
        obj = _get(Signal, actor, object_id)
    elif kind == "case":
        obj = _get(Case, actor, object_id)
    else:
        obj = _get(YouthGroup, actor, object_id)
    if obj.organisation_id != actor.organisation_id or not may_open(actor):
        raise Http404


def owned_for_change(model: type[Obj], actor: User, object_id: int) -> Obj:
    """Return an object of ``actor``'s own organisation locked for a change that only the owner
    makes (participants, closure); 404 when not reachable, 403-like 404 when only taking part."""
    obj = _get(model, actor, object_id, lock=True)
    if obj.organisation_id != actor.organisation_id or not may_open(actor):
        raise Http404
    return obj
