# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Registry objects for tests that need ids rather than content (the permission matrix).

Names are fictitious (“Deelnemer 1”); the area is Hengelo with one wijk (``make_wijk``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.registry.models import (
    Activity,
    ActivityKind,
    CountedAs,
    Event,
    Functionary,
    IndicatorLink,
    OtoActivity,
    OtoKind,
    Participant,
    PartnerTarget,
    PaspoortFunction,
    Requirement,
)
from tests.reports.factories import make_wijk


def ensure_areas(organisation: Organisation) -> None:
    """Create the organisation's gemeente and one wijk once."""
    with scopes_disabled():
        if not Area.objects.filter(code=organisation.cbs_code).exists():
            make_wijk(organisation)


def make_activity(organisation: Organisation) -> int:
    """Create one training with one named participant directly (no counts written); return its id."""
    ensure_areas(organisation)
    with scopes_disabled():
        activity = Activity.objects.create(
            organisation=organisation,
            kind=ActivityKind.TRAINING,
            title="Training signalen herkennen",
            start=dt.date(2018, 3, 1),
            end=dt.date(2018, 3, 1),
            area_code=organisation.cbs_code,
            organiser="OOV",
            participant_count=12,
        )
        Participant.objects.create(activity=activity, name="Deelnemer 1", role="jongerenwerker")
    return activity.pk


def make_link(organisation: Organisation) -> int:
    """Create one link of trainings to an indicator code directly; return its id."""
    with scopes_disabled():
        link = IndicatorLink.objects.create(
            organisation=organisation,
            kind=ActivityKind.EXERCISE,
            counted=CountedAs.ACTIVITIES,
            indicator_code="X.I1",
        )
    return link.pk


def make_event(organisation: Organisation) -> int:
    """Create one class-A application directly (no counts written); return its id."""
    ensure_areas(organisation)
    with scopes_disabled():
        event = Event.objects.create(
            organisation=organisation,
            name="Buurtfeest Demo",
            organiser="Buurtvereniging (demo)",
            start=dt.date(2018, 6, 2),
            end=dt.date(2018, 6, 2),
            area_code=organisation.cbs_code,
            location="Marktplein",
            answers={"bezoekers": 300},
            computed_class="A",
        )
    return event.pk


def make_functionary(organisation: Organisation, user: object = None, name: str = "Deelnemer 1") -> int:
    """Create a functionary (Officier van Dienst Bevolkingszorg: 2 trainings and 1 exercise a year)."""
    with scopes_disabled():
        function, created = PaspoortFunction.objects.get_or_create(
            organisation=organisation, name="Officier van Dienst Bevolkingszorg"
        )
        if created:
            Requirement.objects.create(function=function, kind=OtoKind.TRAINING, per_year=2)
            Requirement.objects.create(function=function, kind=OtoKind.EXERCISE, per_year=1)
        person = Functionary.objects.create(
            organisation=organisation, name=name, function=function, user=user
        )
    return person.pk


def make_partner_target(organisation: Organisation) -> int:
    """Create the RIEC's 2016 Bibob target (250, spec §7.7) directly; return its id."""
    with scopes_disabled():
        target = PartnerTarget.objects.create(
            organisation=organisation,
            year=2016,
            group="Bestuurlijke aanpak",
            measure="Aantal ondersteuningen vergunningaanvraag (o.a. Bibob)",
            target=250,
            source_ref="L3684-3687",
        )
    return target.pk


def make_function(organisation: Organisation) -> int:
    """Create a function nobody holds yet (Medewerker Actiecentrum: 1 exercise a year); return its id."""
    with scopes_disabled():
        function = PaspoortFunction.objects.create(organisation=organisation, name="Medewerker Actiecentrum")
        Requirement.objects.create(function=function, kind=OtoKind.EXERCISE, per_year=1)
    return function.pk


def make_oto_activity(organisation: Organisation) -> int:
    """Create one OTO exercise without attendance directly; return its id."""
    with scopes_disabled():
        activity = OtoActivity.objects.create(
            organisation=organisation, kind=OtoKind.EXERCISE, title="Oefening Demo", date=dt.date(2018, 4, 10)
        )
    return activity.pk


REGISTRY_TARGETS: dict[str, Callable[[Organisation], object]] = {
    "activity_id": make_activity,
    "link_id": make_link,
    "event_id": make_event,
    "functionary_id": make_functionary,
    "target_id": make_partner_target,
    "function_id": make_function,
    "oto_id": make_oto_activity,
}
