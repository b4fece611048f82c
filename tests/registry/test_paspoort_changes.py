# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Changing and removing what the Veiligheidspaspoort holds (issue 16 §2): functionaries, their
functions with the yearly requirements, OTO activities and deployments. Each change is audited
without names, refused when stale, and bad input is refused with one Dutch message and nothing
written; the dossier follows every change.

Fictitious functionaries (“Deelnemer 1”, “Deelnemer 2”). Time budget: about 10 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.registry.functionaries import (
    FunctionaryInput,
    StalePaspoortError,
    change_function,
    change_functionary,
    delete_function,
    delete_functionary,
)
from kompas.registry.models import Attendance, Functionary, OtoActivity, OtoKind, PaspoortFunction
from kompas.registry.oto import (
    OtoInput,
    Present,
    StaleOtoError,
    change_oto_activity,
    delete_oto_activity,
    record_oto_activity,
)
from kompas.registry.paspoort import dossier_for
from tests.conftest import verified_login
from tests.registry.factories import make_function, make_functionary


@pytest.fixture
def coordinator(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """The OTO coordinator: the OOV adviser, who keeps the registers."""
    return make_user(Role.OOV_ADVISEUR, org_a)


def _trail() -> list[tuple[str, dict[str, object]]]:
    with scopes_disabled():
        records = AuditRecord.objects.filter(action__startswith="registry.").exclude(
            action__endswith="viewed"
        )
        return [(record.action, record.changes) for record in records.order_by("id")]


def test_a_functionary_changes_function_and_account_audited_without_the_name(
    coordinator: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    person = make_user(Role.PROJECTLEIDER, org_a, "deelnemer1")
    mine = make_functionary(org_a, None, "Deelnemer 1")
    other_function = make_function(org_a)
    with scope(organisation=org_a.pk):
        changed = change_functionary(
            actor=coordinator,
            functionary_id=mine,
            version=1,
            data=FunctionaryInput("Deelnemer 2", other_function, "deelnemer1"),
        )
        assert (changed.version, changed.function_id, changed.user_id) == (2, other_function, person.pk)
        with pytest.raises(StalePaspoortError):  # a second coordinator who loaded version 1
            change_functionary(
                actor=coordinator, functionary_id=mine, version=1, data=FunctionaryInput("X", other_function)
            )
        # the new function's norm (1 exercise a year) is now the dossier's
        assert [(line.kind, line.required) for line in dossier_for(person, mine, 2018).norm] == [
            (OtoKind.EXERCISE, 1)
        ]
    [(action, changes)] = _trail()
    assert action == "registry.functionary.changed"
    assert changes["name"] == "(gewijzigd)" and "Deelnemer" not in str(changes)
    assert changes["user_id"] == [None, person.pk]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        # no name
        (lambda function: FunctionaryInput("  ", function), "name", "Noem de functionaris."),
        # a function of another organisation
        (lambda function: FunctionaryInput("Deelnemer 1", -1), "function_id", "Kies een functie"),
        # an account Hengelo does not have
        (lambda function: FunctionaryInput("Deelnemer 1", function, "onbekend"), "username", "geen account"),
        # the account of someone who already has a paspoort
        (lambda function: FunctionaryInput("Deelnemer 1", function, "deelnemer2"), "username", "al een"),
    ],
)
def test_bad_functionary_input_is_refused_and_nothing_written(
    coordinator: User,
    org_a: Organisation,
    make_user: Callable[..., User],
    data: Callable[[int], FunctionaryInput],
    field: str,
    message: str,
) -> None:
    mine = make_functionary(org_a, None, "Deelnemer 1")
    make_functionary(org_a, make_user(Role.ANALIST, org_a, "deelnemer2"), "Deelnemer 2")
    with scopes_disabled():
        function = Functionary.objects.get(pk=mine).function_id
    with scope(organisation=org_a.pk), pytest.raises(ValidationError) as refused:
        change_functionary(actor=coordinator, functionary_id=mine, version=1, data=data(function))
    assert list(refused.value.message_dict) == [field]
    assert message in refused.value.message_dict[field][0]
    with scopes_disabled():
        assert (Functionary.objects.get(pk=mine).name, Functionary.objects.get(pk=mine).version) == (
            "Deelnemer 1",
            1,
        )
    assert _trail() == []


def test_a_functions_norm_changes_every_dossier_and_it_goes_only_when_nobody_holds_it(
    coordinator: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    person = make_user(Role.PROJECTLEIDER, org_a, "deelnemer1")
    mine = make_functionary(org_a, person, "Deelnemer 1")
    spare = make_function(org_a)
    with scopes_disabled():
        function = Functionary.objects.get(pk=mine).function
    with scope(organisation=org_a.pk):
        with pytest.raises(ValidationError) as refused:  # negative norm and a name already taken
            change_function(
                actor=coordinator,
                function_id=function.pk,
                version=1,
                name="Medewerker Actiecentrum",
                requirements={"oefenen": -1},
            )
        assert sorted(refused.value.message_dict) == ["name", "requirements"]
        change_function(
            actor=coordinator,
            function_id=function.pk,
            version=1,
            name="Officier van Dienst Bevolkingszorg",
            requirements={"opleiden": 1, "trainen": 0, "oefenen": 2},
        )
        norm = dossier_for(person, mine, 2018).norm
        with pytest.raises(StalePaspoortError):
            change_function(actor=coordinator, function_id=function.pk, version=1, name="X", requirements={})
        with pytest.raises(ValidationError, match="hebben deze functie nog"):
            delete_function(actor=coordinator, function_id=function.pk, version=2)
        delete_function(actor=coordinator, function_id=spare, version=1)
        assert list(PaspoortFunction.objects.values_list("pk", flat=True)) == [function.pk]
    # training no longer asked; education once, exercise twice
    assert [(line.kind, line.required) for line in norm] == [(OtoKind.EXERCISE, 2), (OtoKind.EDUCATION, 1)]
    assert [action for action, _changes in _trail()] == [
        "registry.function.changed",
        "registry.function.deleted",
    ]
    assert _trail()[0][1] == {
        "per_year_opleiden": [0, 1],
        "per_year_trainen": [2, 0],
        "per_year_oefenen": [1, 2],
    }


def test_an_oto_activity_changes_attendance_and_leaves_the_dossier_when_removed(
    coordinator: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    person = make_user(Role.PROJECTLEIDER, org_a, "deelnemer1")
    mine = make_functionary(org_a, person, "Deelnemer 1")
    theirs = make_functionary(org_a, None, "Deelnemer 2")
    with scope(organisation=org_a.pk):
        activity = record_oto_activity(
            actor=coordinator,
            kind=OtoKind.TRAINING,
            title="Training crisiscommunicatie",
            date=dt.date(2018, 2, 1),
            cost=Decimal("450.00"),
            present=[Present(mine, "voldoende")],
        )
        with pytest.raises(ValidationError) as refused:  # negative cost, someone twice
            change_oto_activity(
                actor=coordinator,
                activity_id=activity.pk,
                version=1,
                data=OtoInput(
                    "oefenen", "Oefening", dt.date(2018, 2, 1), Decimal("-5"), (Present(mine),) * 2
                ),
            )
        assert sorted(refused.value.message_dict) == ["cost", "present"]
        changed = change_oto_activity(
            actor=coordinator,
            activity_id=activity.pk,
            version=1,
            data=OtoInput(
                OtoKind.EXERCISE,
                "Oefening crisiscommunicatie",
                dt.date(2018, 2, 2),
                Decimal("450"),
                (Present(mine, "goed"), Present(theirs)),
            ),
        )
        assert changed.version == 2
        done = dossier_for(person, mine, 2018).done
        with pytest.raises(StaleOtoError):
            delete_oto_activity(actor=coordinator, activity_id=activity.pk, version=1)
        delete_oto_activity(actor=coordinator, activity_id=activity.pk, version=2)
        assert dossier_for(person, mine, 2018).done == []
        assert not OtoActivity.objects.exists() and not Attendance.objects.exists()
    assert [(item.kind, item.title, item.assessment) for item in done] == [
        (OtoKind.EXERCISE, "Oefening crisiscommunicatie", "goed")
    ]
    trail = _trail()
    assert [action for action, _changes in trail] == [
        "registry.oto.recorded",
        "registry.oto.changed",
        "registry.oto.deleted",
    ]
    # the cost 450.00 and 450 are the same; who was there and how they did stay out of the trail
    assert trail[1][1] == {
        "kind": ["trainen", "oefenen"],
        "title": ["Training crisiscommunicatie", "Oefening crisiscommunicatie"],
        "date": ["2018-02-01", "2018-02-02"],
        "present": [1, 2],
        "attendance": "(gewijzigd)",
    }


def test_removing_a_functionary_removes_their_attendance(coordinator: User, org_a: Organisation) -> None:
    mine = make_functionary(org_a, None, "Deelnemer 1")
    with scope(organisation=org_a.pk):
        record_oto_activity(
            actor=coordinator,
            kind=OtoKind.DEPLOYMENT,
            title="Inzet grote brand",
            date=dt.date(2018, 5, 3),
            cost=None,
            present=[Present(mine, "goed")],
        )
        with pytest.raises(StalePaspoortError):
            delete_functionary(actor=coordinator, functionary_id=mine, version=2)
        delete_functionary(actor=coordinator, functionary_id=mine, version=1)
        assert not Functionary.objects.exists() and not Attendance.objects.exists()
        assert OtoActivity.objects.count() == 1  # the deployment happened all the same
    action, changes = _trail()[-1]
    assert action == "registry.functionary.deleted"
    assert (changes["account"], changes["attendances"]) == (None, 1)


def test_pages_refuse_bad_input_once_and_a_stale_edit(coordinator: User, org_a: Organisation) -> None:
    mine = make_functionary(org_a, None, "Deelnemer 1")
    client = verified_login(Client(), coordinator)
    url = reverse("registry:functionary_edit", kwargs={"functionary_id": mine})
    with scopes_disabled():
        function = Functionary.objects.get(pk=mine).function_id
    form = {"name": "Deelnemer 3", "function_id": str(function), "username": "onbekend", "version": "1"}
    refused = client.post(url, form)
    assert refused.status_code == 400
    assert refused.content.decode().count("Uw organisatie heeft geen account met deze gebruikersnaam.") == 1
    assert client.post(url, {**form, "username": ""}).status_code == 302
    stale = client.post(url, {**form, "name": "Deelnemer 4", "username": ""})
    assert stale.status_code == 400 and "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    overview = client.get(reverse("registry:paspoort_overview")).content.decode()
    assert "Deelnemer 3" in overview and "Deelnemer 4" not in overview
    oto = client.post(
        reverse("registry:oto_create"), {"kind": "oefenen", "title": "Oefening Demo", "date": "2018-04-10"}
    )
    assert oto.status_code == 302
    with scopes_disabled():
        activity = OtoActivity.objects.get()
    edit = reverse("registry:oto_edit", kwargs={"oto_id": activity.pk})
    page = client.get(edit).content.decode()
    assert 'value="Oefening Demo"' in page
    bad = client.post(
        edit,
        {"kind": "oefenen", "title": "Oefening Demo", "date": "2018-04-10", "cost": "-1", "version": "1"},
    )
    assert bad.status_code == 400 and bad.content.decode().count("De kosten kunnen niet negatief zijn.") == 1
