# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every registry object created, changed and removed through its pages as each role (issue 16):
only who keeps the registers (the OOV adviser, ``registry.edit``) gets through, each step audited
and version-guarded; every other role is refused (403) and nothing is written.

The permission matrix (tests/accounts/test_permission_matrix.py) proves who may *reach* each URL;
this file proves what each role's request *does*. Names are fictitious (“Deelnemer 1”).
Time budget: about 30 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR
from kompas.registry.models import Activity, Event, Functionary, OtoActivity, PartnerTarget, PaspoortFunction
from tests.conftest import verified_login
from tests.registry.factories import (
    ensure_areas,
    make_activity,
    make_event,
    make_function,
    make_functionary,
    make_oto_activity,
    make_partner_target,
)

RIEC_2016 = PROJECT_DIR / "src" / "kompas" / "registry" / "data" / "riec_streefcijfers_2016.toml"
# The OOV adviser keeps the registers and is the OTO coordinator; no other role writes them.
KEEPERS = frozenset({Role.OOV_ADVISEUR})

ACTIVITY = {
    "kind": "training",
    "title": "Informatieavond scholen",
    "start": "2018-05-01",
    "end": "2018-05-01",
    "area_code": "GM0164",
    "organiser": "Team OOV",
    "participant_count": "30",
    "participants": "",
}
EVENT = {
    "name": "Koningsdag Demo",
    "organiser": "Oranjecomité (demo)",
    "start": "2018-04-27",
    "end": "2018-04-27",
    "area_code": "GM0164",
    "location": "Centrum",
    "risico_bezoekers": "2000",
    "risico_alcohol": "ja",
    "risico_drugs": "nee",
    "risico_risicopubliek": "nee",
    "risico_vuurwerk": "nee",
    "risico_openbare_weg": "ja",
    "risico_nacht": "nee",
}
NEW_FUNCTIONARY = {"name": "Deelnemer 2", "function_name": "Officier van Dienst Bevolkingszorg"}


@dataclass(frozen=True)
class Case:
    """How to create, change and remove one kind of registry object through its pages."""

    model: type[models.Model]
    make: Callable[[Organisation], int]
    create: str
    create_data: dict[str, object]
    created: int  # how many objects the create request adds
    edit: str
    edit_data: dict[str, object]
    delete: str
    actions: tuple[str, ...]
    upload: bool = False
    edit_data_for: Callable[[int], dict[str, object]] = field(default=lambda pk: {})


def _function_of(functionary_id: int) -> dict[str, object]:
    with scopes_disabled():
        return {"function_id": Functionary.objects.get(pk=functionary_id).function_id}


CASES = {
    # activities and events had their pages; they are here so that every object is covered alike
    "activity": Case(
        Activity,
        make_activity,
        "registry:activity_create",
        ACTIVITY,
        1,
        "registry:activity_edit",
        {**ACTIVITY, "title": "Training signalen herkennen", "start": "2018-03-01", "end": "2018-03-01"},
        "registry:activity_delete",
        ("registry.activity.recorded", "registry.activity.changed", "registry.activity.deleted"),
    ),
    "event": Case(
        Event,
        make_event,
        "registry:event_create",
        EVENT,
        1,
        "registry:event_edit",
        {**EVENT, "name": "Buurtfeest Demo", "start": "2018-06-02", "end": "2018-06-02"},
        "registry:event_delete",
        ("registry.event.recorded", "registry.event.changed", "registry.event.deleted"),
    ),
    # a functionary gets a paspoort, is renamed, loses it
    "functionary": Case(
        Functionary,
        make_functionary,
        "registry:functionary_create",
        NEW_FUNCTIONARY,
        1,
        "registry:functionary_edit",
        {"name": "Deelnemer 3", "username": ""},
        "registry:functionary_delete",
        ("registry.functionary.created", "registry.functionary.changed", "registry.functionary.deleted"),
        edit_data_for=_function_of,
    ),
    # a new function comes with its first functionary; its yearly norm changes; nobody holds it
    "function": Case(
        PaspoortFunction,
        make_function,
        "registry:functionary_create",
        {"name": "Deelnemer 2", "function_name": "Hoofd Taakorganisatie Bevolkingszorg", "oefenen": "1"},
        1,
        "registry:function_edit",
        {"name": "Medewerker Actiecentrum", "oefenen": "2", "trainen": "1"},
        "registry:function_delete",
        ("registry.functionary.created", "registry.function.changed", "registry.function.deleted"),
    ),
    # an exercise is recorded, moved to another day, removed
    "oto": Case(
        OtoActivity,
        make_oto_activity,
        "registry:oto_create",
        {"kind": "trainen", "title": "Training crisiscommunicatie", "date": "2018-02-01"},
        1,
        "registry:oto_edit",
        {"kind": "oefenen", "title": "Oefening Demo", "date": "2018-04-11", "cost": "450"},
        "registry:oto_delete",
        ("registry.oto.recorded", "registry.oto.changed", "registry.oto.deleted"),
    ),
    # the RIEC's 2016 file adds eleven targets beside the Bibob one already there; that one is realised
    "partner_target": Case(
        PartnerTarget,
        make_partner_target,
        "registry:target_load",
        {},
        11,
        "registry:target_edit",
        {
            "year": "2016",
            "group": "Bestuurlijke aanpak",
            "measure": "Aantal ondersteuningen vergunningaanvraag (o.a. Bibob)",
            "target": "250",
            "realisation": "200",
        },
        "registry:target_delete",
        (
            "registry.partner_targets.loaded",
            "registry.partner_target.changed",
            "registry.partner_target.deleted",
        ),
        upload=True,
    ),
    # a real deployment at an incident is an OTO entry of kind "inzet": recorded, corrected, removed
    "deployment": Case(
        OtoActivity,
        make_oto_activity,
        "registry:oto_create",
        {"kind": "inzet", "title": "Inzet bij brand Demo", "date": "2018-07-01"},
        1,
        "registry:oto_edit",
        {"kind": "inzet", "title": "Inzet bij brand Demo", "date": "2018-07-02", "cost": "120"},
        "registry:oto_delete",
        ("registry.oto.recorded", "registry.oto.changed", "registry.oto.deleted"),
    ),
    # the event's risk assessment: applied for (computed class), the adviser sets class C with a reason
    "event_assessment": Case(
        Event,
        make_event,
        "registry:event_create",
        {**EVENT, "name": "Zomerfestival Demo"},
        1,
        "registry:event_edit",
        {
            **EVENT,
            "name": "Buurtfeest Demo",
            "start": "2018-06-02",
            "end": "2018-06-02",
            "final_class": "C",
            "final_reason": "Aanrijroute voor hulpdiensten ontbreekt (demo).",
            "advice": "Verkeersregelaars inzetten.",
        },
        "registry:event_delete",
        ("registry.event.recorded", "registry.event.changed", "registry.event.deleted"),
    ),
    # a partner's realisation of one target is recorded on the list (its own view)
    "partner_realisation": Case(
        PartnerTarget,
        make_partner_target,
        "registry:target_load",
        {},
        11,
        "registry:target_realise",
        {"realisatie": "120"},
        "registry:target_delete",
        (
            "registry.partner_targets.loaded",
            "registry.partner_target.realised",
            "registry.partner_target.deleted",
        ),
        upload=True,
    ),
}


def _state(model: type[models.Model], pk: int) -> tuple[int, int | None]:
    with scopes_disabled():
        found = model._default_manager.filter(pk=pk).first()
        return model._default_manager.count(), getattr(found, "version", None)


def _trail() -> list[str]:
    with scopes_disabled():
        records = AuditRecord.objects.filter(action__startswith="registry.")
        records = records.exclude(
            action__endswith=".viewed"
        )  # reads of names: test_activities, test_paspoort
        return list(records.order_by("id").values_list("action", flat=True))


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_create_edit_delete_as_each_role(
    name: str, role: Role, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    case = CASES[name]
    ensure_areas(org_a)
    pk = case.make(org_a)
    count, _version = _state(case.model, pk)
    client = verified_login(Client(), make_user(role, org_a))
    data = case.create_data
    if case.upload:
        with RIEC_2016.open("rb") as handle:
            created = client.post(reverse(case.create), {"file": handle})
    else:
        created = client.post(reverse(case.create), data)
    edit = {**case.edit_data, **case.edit_data_for(pk), "version": "1"}
    edited = client.post(reverse(case.edit, args=[pk]), edit)
    after_edit = _state(case.model, pk)
    deleted = client.post(reverse(case.delete, args=[pk]), {"version": str(after_edit[1])})
    statuses = (created.status_code, edited.status_code, deleted.status_code)
    if role in KEEPERS:
        assert statuses == (302, 302, 302), (statuses, created.content.decode()[-800:])
        assert after_edit == (count + case.created, 2)  # created, and the change made version 2
        assert _state(case.model, pk) == (count + case.created - 1, None)  # removed
        assert _trail() == list(case.actions)
    else:
        assert statuses == (403, 403, 403)
        assert after_edit == (count, 1)
        assert _state(case.model, pk) == (count, 1)
        assert _trail() == []
