# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Veiligheidspaspoort: OTO activities and deployments with attendance and assessed
performance, and the per-person *dossier vakbekwaamheid* against the function's yearly norm.

The IVP's annex (spec §9.6, R83-R84) asks to register attendance ("niet geregistreerd"),
performance, real deployments, as "basis voor het dossier vakbekwaamheid", and an overview of
all OTO activities with their costs. A dossier is personal data: a functionary reaches their own
through their account, the OTO coordinator (who keeps the registers, ``registry.edit``) all of
the organisation's — each read audited (:func:`dossier_for`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.registry.models import (
    Assessment,
    Attendance,
    Functionary,
    OtoActivity,
    OtoKind,
    PaspoortFunction,
    Requirement,
)


@dataclass(frozen=True)
class DoneItem:
    """One activity in a dossier: when, what, and how it went."""

    date: dt.date
    kind: str
    title: str
    assessment: str

    @property
    def label(self) -> str:
        """Return the kind in words."""
        return str(OtoKind(self.kind).label)


@dataclass(frozen=True)
class NormLine:
    """One yearly requirement of the function: asked, done, and how many are still overdue."""

    kind: str
    label: str
    required: int
    done: int

    @property
    def overdue(self) -> int:
        """Return how many activities of this kind are still missing this year."""
        return max(self.required - self.done, 0)


@dataclass(frozen=True)
class Dossier:
    """A functionary's dossier vakbekwaamheid for one year."""

    functionary: Functionary
    year: int
    done: list[DoneItem]
    norm: list[NormLine]

    @property
    def overdue(self) -> list[NormLine]:
        """Return the requirements not yet met this year."""
        return [line for line in self.norm if line.overdue]


def may_see_all(actor: User) -> bool:
    """Return whether ``actor`` is an OTO coordinator: sees every dossier of the organisation."""
    return has_permission(actor.role, Permission.EDIT_REGISTRY)


@transaction.atomic
def dossier_for(actor: User, functionary_id: int, year: int) -> Dossier:
    """Return the dossier of ``functionary_id`` for ``actor`` and record the read; 404 out of reach.

    Another's dossier answers exactly like one that does not exist, so ids cannot be probed.
    """
    functionary = Functionary.objects.filter(pk=functionary_id, organisation_id=actor.organisation_id).first()
    if functionary is None:
        raise Http404
    if functionary.user_id != actor.pk and not may_see_all(actor):
        raise Http404
    audit.record("registry.dossier.viewed", actor=actor, target=functionary, changes={"year": year})
    return _dossier(functionary, year)


def own_functionary(actor: User) -> Functionary | None:
    """Return the functionary record of ``actor``'s own account, if they have a paspoort."""
    return Functionary.objects.filter(user=actor).first()


def _dossier(functionary: Functionary, year: int) -> Dossier:
    present = Attendance.objects.filter(functionary=functionary).select_related("activity")
    done = sorted(
        (
            DoneItem(a.activity.date, a.activity.kind, a.activity.title, a.assessment)
            for a in present
            if a.activity.date.year == year
        ),
        key=lambda item: item.date,
    )
    labels = dict(OtoKind.choices)
    norm = [
        NormLine(r.kind, str(labels[r.kind]), r.per_year, sum(1 for item in done if item.kind == r.kind))
        for r in Requirement.objects.filter(function_id=functionary.function_id).order_by("kind")
    ]
    return Dossier(functionary, year, done, norm)


@dataclass(frozen=True)
class Present:
    """A functionary present at an activity, with the assessed performance (may be empty)."""

    functionary_id: int
    assessment: str = ""


@transaction.atomic
def record_oto_activity(
    *, actor: User, kind: str, title: str, date: dt.date, cost: Decimal | None, present: list[Present]
) -> OtoActivity:
    """Record an OTO activity or deployment with who was there and how they did; audited."""
    found: dict[str, str] = {}
    if kind not in OtoKind.values:
        found["kind"] = _("Kies opleiden, trainen, oefenen of inzet.")
    if not title.strip():
        found["title"] = _("Geef de activiteit een titel.")
    if cost is not None and cost < 0:
        found["cost"] = _("De kosten kunnen niet negatief zijn.")
    ids = [p.functionary_id for p in present]
    known = set(
        Functionary.objects.filter(pk__in=ids, organisation=actor.organisation).values_list("pk", flat=True)
    )
    if set(ids) - known or len(ids) != len(set(ids)):
        found["present"] = _("Kies functionarissen van de eigen organisatie, elk één keer.")
    if any(p.assessment not in ("", *Assessment.values) for p in present):
        found["present"] = _("Beoordeel met goed, voldoende of onvoldoende, of laat leeg.")
    if found:
        raise ValidationError(found)
    activity = OtoActivity.objects.create(
        organisation=actor.organisation, kind=kind, title=title.strip(), date=date, cost=cost
    )
    Attendance.objects.bulk_create(
        Attendance(activity=activity, functionary_id=p.functionary_id, assessment=p.assessment)
        for p in present
    )
    changes = {"kind": kind, "title": activity.title, "date": date.isoformat(), "present": len(present)}
    audit.record("registry.oto.recorded", actor=actor, target=activity, changes=changes)
    return activity


@transaction.atomic
def add_functionary(
    *, actor: User, name: str, function_name: str, requirements: dict[str, int], username: str = ""
) -> Functionary:
    """Give a person a Veiligheidspaspoort under a function (created with ``requirements`` when new).

    ``username`` links the paspoort to a Kompas account of the organisation, through which the
    person sees their own dossier. Audited; names stay out of the trail.
    """
    found: dict[str, str] = {}
    if not name.strip():
        found["name"] = _("Noem de functionaris.")
    if not function_name.strip():
        found["function_name"] = _("Noem de functie.")
    if any(value < 0 for value in requirements.values()):
        found["requirements"] = _("Een jaarlijkse eis kan niet negatief zijn.")
    user = None
    if username.strip():
        user = User.objects.filter(username=username.strip(), organisation_id=actor.organisation_id).first()
        if user is None:
            found["username"] = _("Uw organisatie heeft geen account met deze gebruikersnaam.")
        elif Functionary.objects.filter(user=user).exists():
            found["username"] = _("Aan dit account is al een Veiligheidspaspoort gekoppeld.")
    if found:
        raise ValidationError(found)
    function, created = PaspoortFunction.objects.get_or_create(
        organisation=actor.organisation, name=function_name.strip()
    )
    if created:
        Requirement.objects.bulk_create(
            Requirement(function=function, kind=kind, per_year=value)
            for kind, value in requirements.items()
            if value
        )
    person = Functionary.objects.create(
        organisation=actor.organisation, name=name.strip(), function=function, user=user
    )
    changes = {"function": function.name, "function_created": created, "account": user.pk if user else None}
    audit.record("registry.functionary.created", actor=actor, target=person, changes=changes)
    return person
