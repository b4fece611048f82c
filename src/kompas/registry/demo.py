# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's registry entries for Hengelo: fictitious trainings so that the plan's T6.I1 gets a
verdict (issue 16, "Demo").

Hengelo's IVP expects "ruim 100 personen" at the radicalisation trainings (T6.I1, target at
least 100, L1131); nobody has recorded them, so the voortgang report would say "geen data". The
demo records two trainings in 2018 with 60 and 45 trainees — made up, organised by
"Demo-organisator", every entry ``is_demo`` — and links trainings (participants) to T6.I1 as the
OOV adviser would. Pages label the entries "demo" and the voortgang report says its registry
figures include demo entries (:func:`kompas.registry.queries.demo_share`). The entries are
recorded in the name of the demo OOV adviser (account ``oov``), so the audit trail shows them like
any other. A second run changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django_scopes import scope

from kompas.accounts.models import Organisation, User
from kompas.registry.activities import ActivityInput, record_activity
from kompas.registry.links import save_link
from kompas.registry.models import Activity, ActivityKind, CountedAs, IndicatorLink

ORGANISER = "Demo-organisator"
INDICATOR = "T6.I1"
# (title, day, trainees): 105 trainees in 2018, over T6.I1's "at least 100"
TRAININGS = (
    ("Deelnemer-training radicalisering herkennen 1 (demo)", dt.date(2018, 3, 6), 60),
    ("Deelnemer-training radicalisering herkennen 2 (demo)", dt.date(2018, 9, 12), 45),
)


def load_demo_registry(organisation_code: str = "hengelo", username: str = "oov") -> int:
    """Record the demo trainings and the T6.I1 link for the organisation once; return how many
    trainings were recorded (0 when they were already there).

    Expects the demo accounts, the organisation's plan and its areas (the demo data). The caller
    computes the indicators afterwards when this returns more than 0 (T6.I1 is not recomputed here).
    """
    organisation = Organisation.objects.get(code=organisation_code)
    with scope(organisation=organisation.pk):
        if Activity.objects.filter(organisation=organisation, is_demo=True).exists():
            return 0
        actor = User.objects.get(username=username, organisation=organisation)
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
