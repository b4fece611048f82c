# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Veiligheidspaspoort: OTO activities and deployments with attendance and assessed
performance, and the per-person *dossier vakbekwaamheid* against the function's yearly norm.

The IVP's annex (spec §9.6, R83-R84) asks to register attendance ("niet geregistreerd"),
performance, real deployments, as "basis voor het dossier vakbekwaamheid", and an overview of
all OTO activities with their costs. A dossier is personal data: a functionary reaches their own
through their account, the OTO coordinator (who keeps the registers, ``registry.edit``) all of
the organisation's — each read audited (:func:`dossier_for`). Recording what was done is in
:mod:`kompas.registry.oto`, who holds a paspoort in :mod:`kompas.registry.functionaries`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.http import Http404

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.registry.models import Attendance, Functionary, OtoKind, Requirement


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


@transaction.atomic
def overview_names(actor: User, year: int) -> list[Functionary]:
    """Return the organisation's functionaries (names: personal data) for the OTO coordinator's
    overview of ``year`` and record the read, like a dossier's; the caller checked the permission."""
    people = list(
        Functionary.objects.filter(organisation_id=actor.organisation_id).select_related("function")
    )
    audit.record(
        "registry.paspoort_overview.viewed",
        actor=actor,
        changes={"year": year, "functionary_ids": [person.pk for person in people]},
    )
    return people


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
