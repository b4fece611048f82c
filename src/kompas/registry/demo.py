# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's registry entries for Hengelo: fictitious trainings so that the plan's T6.I1 gets a
verdict, events in the three risk classes for the calendar, and Veiligheidspaspoort entries
(issue 16, "Demo").

Hengelo's IVP expects "ruim 100 personen" at the radicalisation trainings (T6.I1, target at
least 100, L1131); nobody has recorded them, so the voortgang report would say "geen data". The
demo records two trainings in 2018 with 60 and 45 trainees — made up, organised by
"Demo-organisator", every entry ``is_demo`` — and links trainings (participants) to T6.I1 as the
OOV adviser would. Three events "Evenement 1 (demo)" … "Evenement 3 (demo)" score A, B and C on
the bundled (example) risk table; two functionaries "Functionaris 1" and "Functionaris 2" hold the
function Officier van Dienst Bevolkingszorg, with one exercise and one deployment. Every entry is
``is_demo`` and named so; pages label them "demo", values counted from them carry the demo label
(:mod:`kompas.indicators.demo_values`) and the voortgang report says its registry figures include
demo entries (:func:`kompas.registry.queries.demo_share`). The entries are
recorded in the name of the demo OOV adviser (account ``oov``), so the audit trail shows them like
any other. A second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django_scopes import scope

from kompas.accounts.models import Organisation, User
from kompas.registry.activities import ActivityInput, record_activity
from kompas.registry.events import EventInput, record_event
from kompas.registry.functionaries import add_functionary
from kompas.registry.links import save_link
from kompas.registry.models import (
    Activity,
    ActivityKind,
    Assessment,
    CountedAs,
    Event,
    Functionary,
    IndicatorLink,
    OtoKind,
)
from kompas.registry.oto import Present, record_oto_activity

ORGANISER = "Demo-organisator"
INDICATOR = "T6.I1"
# (title, day, trainees): 105 trainees in 2018, over T6.I1's "at least 100"
TRAININGS = (
    ("Deelnemer-training radicalisering herkennen 1 (demo)", dt.date(2018, 3, 6), 60),
    ("Deelnemer-training radicalisering herkennen 2 (demo)", dt.date(2018, 9, 12), 45),
)
NO = dict.fromkeys(("alcohol", "drugs", "risicopubliek", "vuurwerk", "openbare_weg", "nacht"), False)
# (name, day, answers of the risk scan, incidents): scores 0, 3 and 6 on the bundled table: A, B, C
EVENTS: tuple[tuple[str, dt.date, dict[str, int | bool], int], ...] = (
    ("Evenement 1 (demo)", dt.date(2018, 5, 19), {**NO, "bezoekers": 500}, 0),
    (
        "Evenement 2 (demo)",
        dt.date(2018, 7, 7),
        {**NO, "bezoekers": 3000, "alcohol": True, "openbare_weg": True},
        1,
    ),
    (
        "Evenement 3 (demo)",
        dt.date(2018, 8, 25),
        {**NO, "bezoekers": 12000, "alcohol": True, "drugs": True, "nacht": True},
        4,
    ),
)
FUNCTION = "Officier van Dienst Bevolkingszorg"
FUNCTIONARIES = ("Functionaris 1", "Functionaris 2")


def load_demo_registry(organisation_code: str = "hengelo", username: str = "oov") -> int:
    """Record the demo trainings with the T6.I1 link, the demo events and the paspoort entries for
    the organisation once each; return how many trainings were recorded (0 when already there).

    Expects the demo accounts, the organisation's plan and its areas (the demo data). The caller
    computes the indicators afterwards when this returns more than 0 (T6.I1 is not recomputed here).
    """
    organisation = Organisation.objects.get(code=organisation_code)
    with scope(organisation=organisation.pk):
        actor = User.objects.get(username=username, organisation=organisation)
        _events(actor)
        _paspoort(actor)
        if Activity.objects.filter(organisation=organisation, is_demo=True).exists():
            return 0
        for title, day, trainees in TRAININGS:
            record_activity(actor=actor, data=_training(organisation, title, day, trainees))
        # Linked last and not recomputed here: each recorded count hands its measure to
        # recomputation, which is quick while no indicator reads it, and T6.I1 is computed with all
        # other indicators by the demo's next step (one indicator alone costs about a second).
        if not IndicatorLink.objects.filter(organisation=organisation, indicator_code=INDICATOR).exists():
            save_link(
                actor=actor,
                kind=ActivityKind.TRAINING,
                counted=CountedAs.PARTICIPANTS,
                indicator_code=INDICATOR,
                recompute=False,
            )
    return len(TRAININGS)


def _events(actor: User) -> None:
    """Apply for the three demo events (not linked to an indicator: they only fill the calendar)."""
    if Event.objects.filter(organisation=actor.organisation, is_demo=True).exists():
        return
    for name, day, answers, incidents in EVENTS:
        data = EventInput(
            name=name,
            organiser=ORGANISER,
            start=day,
            end=day,
            area_code=actor.organisation.cbs_code,
            location="Locatie 1 (demo)",
            answers=answers,
            incidents=incidents,
            is_demo=True,
        )
        record_event(actor=actor, data=data)


def _paspoort(actor: User) -> None:
    """Give two fictitious functionaries a paspoort, with an exercise and a deployment in 2018."""
    if Functionary.objects.filter(organisation=actor.organisation, is_demo=True).exists():
        return
    people = [
        add_functionary(
            actor=actor,
            name=name,
            function_name=FUNCTION,
            requirements={OtoKind.TRAINING: 2, OtoKind.EXERCISE: 1},
            is_demo=True,
        )
        for name in FUNCTIONARIES
    ]
    record_oto_activity(
        actor=actor,
        kind=OtoKind.EXERCISE,
        title="Oefening 1 (demo)",
        date=dt.date(2018, 4, 10),
        cost=Decimal("450.00"),
        present=[Present(people[0].pk, Assessment.GOOD), Present(people[1].pk, Assessment.SUFFICIENT)],
        is_demo=True,
    )
    record_oto_activity(
        actor=actor,
        kind=OtoKind.DEPLOYMENT,
        title="Inzet 1 (demo)",
        date=dt.date(2018, 6, 20),
        cost=None,
        present=[Present(people[0].pk)],
        is_demo=True,
    )


def _training(organisation: Organisation, title: str, day: dt.date, trainees: int) -> ActivityInput:
    return ActivityInput(
        kind=ActivityKind.TRAINING,
        title=title,
        start=day,
        end=day,
        area_code=organisation.cbs_code,
        organiser=ORGANISER,
        participant_count=trainees,
        is_demo=True,
    )
