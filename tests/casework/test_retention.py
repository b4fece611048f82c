# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Retention per object state: a dry run lists, a real run deletes and logs without personal data."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from kompas.casework import cases, groups
from kompas.casework.models import Case, DeletionLog, Person, Signal, YouthGroup
from kompas.casework.retention import apply_retention, expired
from kompas.casework.signals import Weighing, weigh_signal
from kompas.casework.tasks import apply_retention as retention_task
from tests.casework.factories import DAY, IDENTITIES, World

pytestmark = pytest.mark.django_db


def _end_everything(world: World) -> None:
    """Weigh the signal as 'no action', close the case and dissolve the group on DAY."""
    weigh_signal(
        actor=world.adviser, signal_id=world.signal.pk, weighing=Weighing("geen_actie", DAY, ("oov",))
    )
    cases.close_case(actor=world.adviser, case_id=world.case.pk, closed_on=DAY, went_well=True)
    groups.dissolve_group(actor=world.adviser, group_id=world.group.pk, on=DAY)


@pytest.mark.parametrize(
    ("today", "kinds"),
    [
        (DAY + dt.timedelta(days=365), []),  # one year to the day: everything kept
        (DAY + dt.timedelta(days=366), ["signal"]),  # a signal without action goes after a year
        (DAY + dt.timedelta(days=1826), ["signal"]),  # closed case and dissolved group: five years
        (DAY + dt.timedelta(days=1827), ["signal", "case", "group"]),
    ],
)
def test_terms_per_state(world: World, today: dt.date, kinds: list[str]) -> None:
    _end_everything(world)
    assert [item.kind for item in expired(today)] == kinds


def test_open_objects_are_kept_whatever_their_age(world: World) -> None:
    assert expired(DAY + dt.timedelta(days=10_000)) == []


def test_a_dry_run_deletes_nothing(world: World) -> None:
    _end_everything(world)
    listed = apply_retention(dry_run=True, today=DAY + dt.timedelta(days=2000))
    assert len(listed) == 3
    assert (
        Signal.objects.count(),
        Case.objects.count(),
        YouthGroup.objects.count(),
        Person.objects.count(),
    ) == (
        1,
        1,
        1,
        3,
    )
    assert not DeletionLog.objects.exists()


def test_a_real_run_deletes_objects_and_their_persons_and_logs_no_personal_data(world: World) -> None:
    _end_everything(world)
    deleted = apply_retention(dry_run=False, today=DAY + dt.timedelta(days=2000))
    assert {item.kind for item in deleted} == {"signal", "case", "group"}
    assert (
        Signal.objects.count(),
        Case.objects.count(),
        YouthGroup.objects.count(),
        Person.objects.count(),
    ) == (
        0,
        0,
        0,
        0,
    )
    log = list(
        DeletionLog.objects.order_by("kind").values(
            "kind", "state", "ended_on", "rule_days", "persons_removed"
        )
    )
    assert log == [
        {"kind": "case", "state": "afgesloten", "ended_on": DAY, "rule_days": 1826, "persons_removed": 1},
        {"kind": "group", "state": "opgeheven", "ended_on": DAY, "rule_days": 1826, "persons_removed": 1},
        {"kind": "signal", "state": "geen_actie", "ended_on": DAY, "rule_days": 365, "persons_removed": 1},
    ]
    text = str(list(DeletionLog.objects.values()))
    assert not any(name in text for name in IDENTITIES)


def test_a_person_still_in_another_object_is_kept(world: World) -> None:
    from kompas.casework.access import identity_of

    world.signal.persons.add(world.case.person)
    cases.close_case(actor=world.adviser, case_id=world.case.pk, closed_on=DAY, went_well=True)
    apply_retention(dry_run=False, today=DAY + dt.timedelta(days=2000))
    assert identity_of(Person.objects.get(pk=world.case.person_id)).name == "Persoon Test-2"


def test_the_command_and_the_nightly_task(world: World) -> None:
    _end_everything(world)
    out = io.StringIO()
    call_command("casework_retention", "--dry-run", stdout=out)
    # today the signal without action (closed February 2025) is past its year; the rest is kept
    assert out.getvalue().splitlines() == [
        f"signal {world.signal.pk} (geen_actie, afgesloten 03-02-2025, termijn 365 dagen)",
        "Proefrun, niets verwijderd. Te verwijderen: 1.",
    ]
    assert Signal.objects.exists()
    assert retention_task.call() == 1
    assert (Signal.objects.exists(), Case.objects.exists()) == (False, True)
