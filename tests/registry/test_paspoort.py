# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Veiligheidspaspoort (issue 16 §2): attendance and assessed performance per person, real
deployments, the dossier vakbekwaamheid with what is overdue against the function's yearly norm;
a functionary sees only their own dossier, the OTO coordinator all of the organisation's.

Fictitious functionaries (“Deelnemer 1”, “Deelnemer 2”). Time budget: about 10 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.registry.models import OtoKind
from kompas.registry.oto import Present, record_oto_activity
from kompas.registry.paspoort import dossier_for
from tests.conftest import verified_login
from tests.registry.factories import make_functionary


@pytest.fixture
def people(org_a: Organisation, make_user: Callable[..., User]) -> tuple[User, User, User, int, int]:
    """The OTO coordinator (OOV adviser), two functionaries with accounts, and their paspoort ids."""
    coordinator = make_user(Role.OOV_ADVISEUR, org_a)
    first = make_user(Role.PROJECTLEIDER, org_a, "deelnemer1")
    second = make_user(Role.ANALIST, org_a, "deelnemer2")
    return (
        coordinator,
        first,
        second,
        make_functionary(org_a, first, "Deelnemer 1"),
        make_functionary(org_a, second, "Deelnemer 2"),
    )


def test_overdue_requirements_are_listed(people: tuple[User, User, User, int, int]) -> None:
    coordinator, first, _second, mine, theirs = people
    with scope(organisation=coordinator.organisation_id):
        record_oto_activity(
            actor=coordinator,
            kind=OtoKind.TRAINING,
            title="Training crisiscommunicatie",
            date=dt.date(2018, 2, 1),
            cost=Decimal("450.00"),
            present=[Present(mine, "voldoende"), Present(theirs, "goed")],
        )
        record_oto_activity(
            actor=coordinator,
            kind=OtoKind.DEPLOYMENT,
            title="Inzet grote brand",
            date=dt.date(2018, 5, 3),
            cost=None,
            present=[Present(mine, "goed")],
        )
        dossier = dossier_for(first, mine, 2018)
    # the norm: 2 trainings (1 done) and 1 exercise (none) a year; the deployment is recorded too
    assert [(line.kind, line.required, line.done, line.overdue) for line in dossier.norm] == [
        (OtoKind.EXERCISE, 1, 0, 1),
        (OtoKind.TRAINING, 2, 1, 1),
    ]
    assert [line.kind for line in dossier.overdue] == [OtoKind.EXERCISE, OtoKind.TRAINING]
    assert [(item.kind, item.assessment) for item in dossier.done] == [
        (OtoKind.TRAINING, "voldoende"),
        (OtoKind.DEPLOYMENT, "goed"),
    ]
    page = verified_login(Client(), first).get(reverse("registry:own_dossier"), {"jaar": "2018"}, follow=True)
    text = page.content.decode()
    assert "Oefenen: nog 1 te gaan (0 van 1)" in text and "Trainen: nog 1 te gaan (1 van 2)" in text


def test_a_functionary_cannot_see_another_dossier(people: tuple[User, User, User, int, int]) -> None:
    coordinator, first, second, mine, theirs = people
    with scope(organisation=coordinator.organisation_id):
        with pytest.raises(Http404):
            dossier_for(first, theirs, 2018)
        assert dossier_for(second, theirs, 2018).functionary.name == "Deelnemer 2"
        assert dossier_for(coordinator, mine, 2018).functionary.name == "Deelnemer 1"  # the coordinator
    url = reverse("registry:dossier", kwargs={"functionary_id": theirs})
    assert verified_login(Client(), first).get(url).status_code == 404
    assert verified_login(Client(), coordinator).get(url).status_code == 200
    with scopes_disabled():
        reads = list(
            AuditRecord.objects.filter(action="registry.dossier.viewed")
            .order_by("id")
            .values_list("actor_id", flat=True)
        )
    assert reads == [second.pk, coordinator.pk, coordinator.pk]  # the refused read wrote nothing


def test_the_overview_read_is_audited_like_a_dossier_read(people: tuple[User, User, User, int, int]) -> None:
    coordinator, first, _second, mine, theirs = people
    url = reverse("registry:paspoort_overview") + "?jaar=2018"
    assert verified_login(Client(), first).get(url).status_code == 403  # a functionary: refused, no read
    page = verified_login(Client(), coordinator).get(url)
    assert page.status_code == 200 and "Deelnemer 1" in page.content.decode()
    with scopes_disabled():
        reads = list(
            AuditRecord.objects.filter(action="registry.paspoort_overview.viewed").values_list(
                "actor_id", "changes"
            )
        )
    assert reads == [(coordinator.pk, {"year": 2018, "functionary_ids": [mine, theirs]})]


def test_another_organisations_coordinator_sees_no_dossier(
    people: tuple[User, User, User, int, int], org_b: Organisation, make_user: Callable[..., User]
) -> None:
    _coordinator, _first, _second, mine, _theirs = people
    other = make_user(Role.OOV_ADVISEUR, org_b)
    url = reverse("registry:dossier", kwargs={"functionary_id": mine})
    assert verified_login(Client(), other).get(url).status_code == 404


def test_bad_attendance_is_refused_and_nothing_written(
    people: tuple[User, User, User, int, int], org_b: Organisation
) -> None:
    coordinator, _first, _second, mine, _theirs = people
    stranger = make_functionary(org_b, None, "Deelnemer 3")
    with scope(organisation=coordinator.organisation_id), pytest.raises(ValidationError) as refused:
        record_oto_activity(
            actor=coordinator,
            kind=OtoKind.EXERCISE,
            title="Oefening",
            date=dt.date(2018, 3, 1),
            cost=Decimal("-1"),
            present=[Present(mine), Present(stranger)],
        )
    assert sorted(refused.value.message_dict) == ["cost", "present"]
    with scopes_disabled():
        assert not AuditRecord.objects.filter(action="registry.oto.recorded").exists()


def test_the_coordinator_adds_a_functionary_and_records_an_exercise_on_pages(
    org_a: Organisation, make_user: Callable[..., User]
) -> None:
    coordinator = make_user(Role.OOV_ADVISEUR, org_a)
    person = make_user(Role.PROJECTLEIDER, org_a, "deelnemer1")
    client = verified_login(Client(), coordinator)
    form = {
        "name": "Deelnemer 1",
        "function_name": "Officier van Dienst Bevolkingszorg",
        "username": "deelnemer1",
        "trainen": "2",
        "oefenen": "1",
    }
    refused = client.post(reverse("registry:functionary_create"), {**form, "username": "onbekend"})
    assert refused.status_code == 400 and "geen account met deze gebruikersnaam" in refused.content.decode()
    assert client.post(reverse("registry:functionary_create"), form).status_code == 302
    with scopes_disabled():
        from kompas.registry.models import Functionary

        mine = Functionary.objects.get()
    exercise = {
        "kind": "oefenen",
        "title": "Oefening Demo",
        "date": "2018-04-10",
        f"persoon_{mine.pk}": "goed",
    }
    assert client.post(reverse("registry:oto_create"), exercise).status_code == 302
    page = verified_login(Client(), person).get(
        reverse("registry:own_dossier"), {"jaar": "2018"}, follow=True
    )
    text = page.content.decode()
    assert (
        "Oefening Demo" in text and "Trainen: nog 2 te gaan (0 van 2)" in text and "Oefenen: nog" not in text
    )
