# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every kind of registry object against stale versions and bad input, through its pages (issue 16,
acceptance 1), and the plan-indicator links as each role.

The table of kinds × (create, edit, delete) as each role is in test_roles.py (activity, event,
event risk assessment, functionary, function, OTO activity, deployment, partner target and its
realisation); the links need Hengelo's plan and are here. Each stale edit or delete is refused
with the one message "Iemand anders heeft dit intussen gewijzigd" and changes nothing; each bad
input is refused with one clear Dutch message and writes nothing (no row, no audit record).
Names are fictitious (“Deelnemer 1”). Time budget: about 40 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.policy.models import Plan
from kompas.registry.models import (
    Activity,
    ActivityKind,
    CountedAs,
    Event,
    Functionary,
    IndicatorLink,
    OtoActivity,
    PartnerTarget,
    PaspoortFunction,
)
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
from tests.registry.test_roles import ACTIVITY, EVENT

STALE = "Iemand anders heeft dit intussen gewijzigd"


@dataclass(frozen=True)
class Kind:
    """One kind of registry object: how to make one, a valid change, its edit and delete URLs."""

    model: type[models.Model]
    make: Callable[[Organisation], int]
    edit: str
    delete: str
    change: Callable[[int], dict[str, object]]


def _functionary_change(pk: int) -> dict[str, object]:
    with scopes_disabled():
        return {
            "name": "Deelnemer 3",
            "username": "",
            "function_id": Functionary.objects.get(pk=pk).function_id,
        }


KINDS = {
    "activity": Kind(
        Activity,
        make_activity,
        "registry:activity_edit",
        "registry:activity_delete",
        lambda pk: {**ACTIVITY, "start": "2018-03-01", "end": "2018-03-01", "participant_count": "31"},
    ),
    "event": Kind(
        Event,
        make_event,
        "registry:event_edit",
        "registry:event_delete",
        lambda pk: {**EVENT, "name": "Buurtfeest Demo", "start": "2018-06-02", "end": "2018-06-02"},
    ),
    "event_assessment": Kind(
        Event,
        make_event,
        "registry:event_edit",
        "registry:event_delete",
        lambda pk: {
            **EVENT,
            "name": "Buurtfeest Demo",
            "start": "2018-06-02",
            "end": "2018-06-02",
            "final_class": "C",
            "final_reason": "Aanrijroute ontbreekt (demo).",
        },
    ),
    "functionary": Kind(
        Functionary,
        make_functionary,
        "registry:functionary_edit",
        "registry:functionary_delete",
        _functionary_change,
    ),
    "function": Kind(
        PaspoortFunction,
        make_function,
        "registry:function_edit",
        "registry:function_delete",
        lambda pk: {"name": "Medewerker Actiecentrum", "oefenen": "2"},
    ),
    "oto": Kind(
        OtoActivity,
        make_oto_activity,
        "registry:oto_edit",
        "registry:oto_delete",
        lambda pk: {"kind": "oefenen", "title": "Oefening Demo", "date": "2018-04-11"},
    ),
    "deployment": Kind(
        OtoActivity,
        make_oto_activity,
        "registry:oto_edit",
        "registry:oto_delete",
        lambda pk: {"kind": "inzet", "title": "Inzet bij brand Demo", "date": "2018-07-02"},
    ),
    "partner_target": Kind(
        PartnerTarget,
        make_partner_target,
        "registry:target_edit",
        "registry:target_delete",
        lambda pk: {
            "year": "2016",
            "group": "Bestuurlijke aanpak",
            "measure": "Bibob-ondersteuningen",
            "target": "250",
        },
    ),
}


def _second_target(organisation: Organisation) -> int:
    """Create a second 2016 target of the RIEC (25 casussen, spec §7.7) directly; return its id."""
    with scopes_disabled():
        return PartnerTarget.objects.create(
            organisation=organisation, year=2016, group="Casuïstiek", measure="Aantal casussen", target=25
        ).pk


def _row(model: type[models.Model], pk: int) -> dict[str, object] | None:
    with scopes_disabled():
        return model._default_manager.filter(pk=pk).values().first()


def _trail() -> list[str]:
    with scopes_disabled():
        records = AuditRecord.objects.filter(action__startswith="registry.").exclude(
            action__endswith=".viewed"
        )
        return list(records.order_by("id").values_list("action", flat=True))


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_stale_edit_or_delete_is_refused_and_changes_nothing(
    name: str, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    kind = KINDS[name]
    ensure_areas(org_a)
    pk = kind.make(org_a)
    client = verified_login(Client(), make_user(Role.OOV_ADVISEUR, org_a))
    url = reverse(kind.edit, args=[pk])
    assert client.post(url, {**kind.change(pk), "version": "1"}).status_code == 302
    current = _row(kind.model, pk)
    assert current is not None and current["version"] == 2
    trail = _trail()
    # a second user still has the form of version 1 open
    stale = client.post(url, {**kind.change(pk), "version": "1"})
    assert stale.status_code == 400
    assert stale.content.decode().count(STALE) == 1
    removed = client.post(reverse(kind.delete, args=[pk]), {"version": "1"}, follow=True)
    assert removed.content.decode().count(STALE) == 1
    assert _row(kind.model, pk) == current
    assert _trail() == trail


@dataclass(frozen=True)
class Bad:
    """A request that must be refused: the URL (create, or edit of a made object), its data, the message."""

    model: type[models.Model]
    url: str
    data: dict[str, object]
    message: str
    make: Callable[[Organisation], int] | None = None


DUPLICATE_EVENT = {**EVENT, "name": "Buurtfeest Demo", "start": "2018-06-02", "end": "2018-06-02"}
BAD = {
    "activity end before start": Bad(
        Activity,
        "registry:activity_create",
        {**ACTIVITY, "end": "2018-04-30"},
        "De einddatum ligt voor de begindatum.",
    ),
    "activity negative participants": Bad(
        Activity,
        "registry:activity_create",
        {**ACTIVITY, "participant_count": "-3"},
        "Het aantal deelnemers kan niet negatief zijn.",
    ),
    "activity unknown area": Bad(
        Activity,
        "registry:activity_create",
        {**ACTIVITY, "area_code": "GM0363"},
        "Onbekend gebied: kies de eigen gemeente of een van haar wijken.",
    ),
    "activity edited to end before start": Bad(
        Activity,
        "registry:activity_edit",
        {**ACTIVITY, "end": "2018-04-30", "version": "1"},
        "De einddatum ligt voor de begindatum.",
        make_activity,
    ),
    "event end before start": Bad(
        Event,
        "registry:event_create",
        {**EVENT, "end": "2018-04-26"},
        "De einddatum ligt voor de begindatum.",
    ),
    "event negative visitors": Bad(
        Event,
        "registry:event_create",
        {**EVENT, "risico_bezoekers": "-5"},
        "Een aantal bezoekers kan niet negatief zijn.",
    ),
    "event unknown area": Bad(
        Event,
        "registry:event_create",
        {**EVENT, "area_code": "GM0363"},
        "Onbekend gebied: kies de eigen gemeente of een van haar wijken.",
    ),
    "event duplicate": Bad(
        Event,
        "registry:event_create",
        DUPLICATE_EVENT,
        "Dit evenement staat al in de kalender (zelfde naam en begindatum).",
        make_event,
    ),
    "event assessment without reason": Bad(
        Event,
        "registry:event_edit",
        {**DUPLICATE_EVENT, "final_class": "C", "final_reason": "", "version": "1"},
        "Geef de reden waarom de vastgestelde klasse afwijkt van de berekende.",
        make_event,
    ),
    "functionary without name": Bad(
        Functionary,
        "registry:functionary_create",
        {"name": " ", "function_name": "Officier van Dienst Bevolkingszorg"},
        "Dit veld is vereist.",
    ),
    "function duplicate name": Bad(
        PaspoortFunction,
        "registry:function_edit",
        {"name": "Officier van Dienst Bevolkingszorg", "oefenen": "1", "version": "1"},
        "Uw organisatie heeft al een functie met deze naam.",
        lambda org: (make_functionary(org), make_function(org))[1],
    ),
    "function negative norm": Bad(
        PaspoortFunction,
        "registry:function_edit",
        {"name": "Medewerker Actiecentrum", "oefenen": "-1", "version": "1"},
        "Een jaarlijkse eis kan niet negatief zijn.",
        make_function,
    ),
    "oto negative cost": Bad(
        OtoActivity,
        "registry:oto_create",
        {"kind": "oefenen", "title": "Oefening Demo", "date": "2018-04-11", "cost": "-1"},
        "De kosten kunnen niet negatief zijn.",
    ),
    "deployment negative cost": Bad(
        OtoActivity,
        "registry:oto_create",
        {"kind": "inzet", "title": "Inzet bij brand Demo", "date": "2018-07-01", "cost": "-120"},
        "De kosten kunnen niet negatief zijn.",
    ),
    "partner target duplicate": Bad(
        PartnerTarget,
        "registry:target_edit",
        {
            "year": "2016",
            "group": "Bestuurlijke aanpak",
            "measure": "Aantal ondersteuningen vergunningaanvraag (o.a. Bibob)",
            "target": "250",
            "version": "1",
        },
        "Dit jaar heeft al een streefcijfer voor deze groep en maatstaf.",
        lambda org: (make_partner_target(org), _second_target(org))[1],
    ),
    "partner target negative": Bad(
        PartnerTarget,
        "registry:target_edit",
        {"year": "2016", "group": "Bestuurlijke aanpak", "measure": "Bibob", "target": "-1", "version": "1"},
        "Het streefcijfer kan niet negatief zijn.",
        make_partner_target,
    ),
}


def _count(model: type[models.Model]) -> int:
    with scopes_disabled():
        return model._default_manager.count()


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_with_one_message_and_nothing_written(
    case: str, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    bad = BAD[case]
    ensure_areas(org_a)
    pk = bad.make(org_a) if bad.make else None
    before = (_count(bad.model), _row(bad.model, pk) if pk else None)
    client = verified_login(Client(), make_user(Role.OOV_ADVISEUR, org_a))
    url = reverse(bad.url, args=[pk]) if "_create" not in bad.url else reverse(bad.url)
    refused = client.post(url, bad.data)
    assert refused.status_code == 400
    assert refused.content.decode().count(bad.message) == 1, refused.content.decode()[-3500:]
    assert (_count(bad.model), _row(bad.model, pk) if pk else None) == before
    assert _trail() == []


def _links() -> list[tuple[str, str, str, int]]:
    with scopes_disabled():
        return list(
            IndicatorLink.objects.order_by("pk").values_list("kind", "counted", "indicator_code", "version")
        )


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_links_created_changed_and_removed_as_each_role(
    role: Role, plan: Plan, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    with scopes_disabled():
        kept = IndicatorLink.objects.create(
            organisation=org_a,
            kind=ActivityKind.RING_2,
            counted=CountedAs.PARTICIPANTS,
            indicator_code="T6.I1",
        )
    client = verified_login(Client(), make_user(role, org_a))
    link = {"kind": ActivityKind.TRAINING, "counted": CountedAs.PARTICIPANTS, "indicator_code": "T6.I1"}
    created = client.post(reverse("registry:link_create"), link)
    changed = client.post(
        reverse("registry:link_edit", args=[kept.pk]),
        {
            "kind": ActivityKind.RING_1,
            "counted": CountedAs.PARTICIPANTS,
            "indicator_code": "T6.I1",
            "version": "1",
        },
    )
    after_change = _links()
    removed = client.post(reverse("registry:link_delete", args=[kept.pk]), {"version": "2"})
    statuses = (created.status_code, changed.status_code, removed.status_code)
    if role == Role.OOV_ADVISEUR:
        assert statuses == (302, 302, 302)
        assert after_change == [
            ("radicalisering_ring_1", "deelnemers", "T6.I1", 2),
            ("training", "deelnemers", "T6.I1", 1),
        ]
        assert _links() == [("training", "deelnemers", "T6.I1", 1)]
        assert _trail() == ["registry.link.created", "registry.link.changed", "registry.link.deleted"]
    else:
        assert statuses == (403, 403, 403)
        assert _links() == [("radicalisering_ring_2", "deelnemers", "T6.I1", 1)]
        assert _trail() == []


def test_a_link_refuses_a_duplicate_an_unknown_indicator_and_a_stale_version(
    plan: Plan, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    client = verified_login(Client(), make_user(Role.OOV_ADVISEUR, org_a))
    link = {"kind": ActivityKind.TRAINING, "counted": CountedAs.PARTICIPANTS, "indicator_code": "T6.I1"}
    assert client.post(reverse("registry:link_create"), link).status_code == 302
    before, trail = _links(), _trail()
    for data, message in (
        (link, "Deze soort activiteit telt al voor deze indicator."),
        (
            {**link, "indicator_code": "T99.I9"},
            "Het veiligheidsplan van uw organisatie kent deze indicator niet.",
        ),
    ):
        refused = client.post(reverse("registry:link_create"), data)
        assert refused.status_code == 400 and refused.content.decode().count(message) == 1
    with scopes_disabled():
        pk = IndicatorLink.objects.get().pk
    stale = client.post(
        reverse("registry:link_edit", args=[pk]), {**link, "counted": "activiteiten", "version": "0"}
    )
    assert stale.status_code == 400 and stale.content.decode().count(STALE) == 1
    assert (_links(), _trail()) == (before, trail)
