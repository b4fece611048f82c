# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Events (issue 16 §3): the regional application form with its computed risk class, the
adviser's final class with a reason, the calendar by month and as a list with filters, and the
incidents during events counted for the plan (IVP T2.I5). Fictitious events only.

Time budget: about 15 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.observations.models import Observation
from kompas.registry.events import EventInput, StaleEventError, change_event, record_event
from kompas.registry.models import Event
from tests.conftest import verified_login
from tests.registry.factories import ensure_areas

NO = {"alcohol": False, "drugs": False, "risicopubliek": False, "vuurwerk": False, "openbare_weg": False}
FEAST = EventInput(
    name="Buurtfeest Demo",
    organiser="Buurtvereniging (demo)",
    start=dt.date(2018, 6, 2),
    end=dt.date(2018, 6, 2),
    area_code="WK016401",
    location="Marktplein",
    answers={"bezoekers": 800, "nacht": False, **NO},
)
FESTIVAL = replace(
    FEAST,
    name="Festival Demo",
    start=dt.date(2018, 6, 15),
    end=dt.date(2018, 6, 17),
    area_code="GM0164",
    answers={**FEAST.answers, "bezoekers": 12000, "alcohol": True, "drugs": True, "nacht": True},
)


@pytest.fixture
def oov(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An OOV adviser of Hengelo, with Hengelo and one wijk as areas."""
    ensure_areas(org_a)
    return make_user(Role.OOV_ADVISEUR, org_a)


def _events() -> int:
    with scopes_disabled():
        return Event.objects.count()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        # the festival ends before it starts
        ({"end": dt.date(2018, 6, 1)}, "end", "De einddatum ligt voor de begindatum."),
        # a wijk Kompas does not know
        ({"area_code": "WK016499"}, "area_code", "Onbekend gebied"),
        # minus 800 visitors
        ({"answers": {**FEAST.answers, "bezoekers": -800}}, "answers", "niet negatief"),
        # the night question left open
        ({"answers": {"bezoekers": 800, **NO}}, "answers", "Beantwoord alle vragen"),
        # class C set by hand without a reason
        ({"final_class": "C"}, "final_reason", "Geef de reden"),
        # minus one incident
        ({"incidents": -1}, "incidents", "niet negatief"),
    ],
)
def test_bad_applications_are_refused_with_one_message(
    oov: User, changes: dict[str, Any], field: str, message: str
) -> None:
    with scope(organisation=oov.organisation_id), pytest.raises(ValidationError) as refused:
        record_event(actor=oov, data=replace(FEAST, **changes))
    assert list(refused.value.message_dict) == [field]
    assert message in refused.value.message_dict[field][0]
    assert _events() == 0


def test_class_computed_then_set_by_the_adviser_with_a_reason(oov: User) -> None:
    with scope(organisation=oov.organisation_id):
        feast = record_event(actor=oov, data=FEAST)
        festival = record_event(actor=oov, data=FESTIVAL)
        assert (feast.computed_class, feast.score, festival.computed_class, festival.score) == (
            "A",
            0,
            "C",
            6,
        )
        with pytest.raises(ValidationError, match="staat al in de kalender"):
            record_event(actor=oov, data=FEAST)
        reason = "Smalle aanrijroute voor hulpdiensten"
        changed = change_event(
            actor=oov, event_id=feast.pk, version=1, data=replace(FEAST, final_class="B", final_reason=reason)
        )
        assert (changed.risk_class, changed.computed_class, changed.version) == ("B", "A", 2)
        with pytest.raises(StaleEventError):
            change_event(actor=oov, event_id=feast.pk, version=1, data=FEAST)
    with scopes_disabled():
        record = AuditRecord.objects.get(action="registry.event.changed")
    assert record.changes["final_class"] == ["", "B"]


def test_incidents_during_events_are_counted_for_the_plan(
    oov: User, django_capture_on_commit_callbacks: Any
) -> None:
    with scope(organisation=oov.organisation_id):
        feast = record_event(actor=oov, data=FEAST)
        record_event(actor=oov, data=replace(FESTIVAL, incidents=7))
        change_event(actor=oov, event_id=feast.pk, version=1, data=replace(FEAST, incidents=2))
    with scopes_disabled():
        counts = dict(
            Observation.objects.filter(measure__code="register_evenement_incidenten").values_list(
                "area__code", "value"
            )
        )
        events = dict(
            Observation.objects.filter(measure__code="register_evenement_activiteiten").values_list(
                "area__code", "value"
            )
        )
    assert counts == {"GM0164": 9.0, "WK016401": 2.0}
    assert events == {"GM0164": 2.0, "WK016401": 1.0}


def test_calendar_by_month_and_as_a_list_with_filters(oov: User, org_a: Organisation) -> None:
    with scope(organisation=org_a.pk):
        record_event(actor=oov, data=FEAST)
        record_event(actor=oov, data=FESTIVAL)
    client = verified_login(Client(), oov)
    url = reverse("registry:event_calendar")
    listed = client.get(url).content.decode()
    assert "Buurtfeest Demo" in listed and "Festival Demo" in listed
    assert "voorbeeldtabel" in listed  # the criteria are an example, said where the class is shown
    only_c = client.get(url, {"klasse": "C"}).content.decode()
    assert "Festival Demo" in only_c and "Buurtfeest Demo" not in only_c
    in_wijk = client.get(url, {"gebied": "WK016401"}).content.decode()
    assert "Buurtfeest Demo" in in_wijk and "Festival Demo" not in in_wijk
    month = client.get(url, {"weergave": "maand", "maand": "2018-06"}).content.decode()
    assert month.count("Festival Demo") == 3  # 15, 16 and 17 June
    assert (
        "Buurtfeest Demo" not in client.get(url, {"weergave": "maand", "maand": "2018-07"}).content.decode()
    )


def test_the_application_form_computes_the_class(oov: User) -> None:
    client = verified_login(Client(), oov)
    form = {
        "name": "Koningsdag Demo",
        "organiser": "Oranjecomité (demo)",
        "start": "2018-04-27",
        "end": "2018-04-27",
        "area_code": "gm0164",
        "location": "Centrum",
        "risico_bezoekers": "2000",
        "risico_alcohol": "ja",
        "risico_drugs": "nee",
        "risico_risicopubliek": "nee",
        "risico_vuurwerk": "nee",
        "risico_openbare_weg": "ja",
        "risico_nacht": "nee",
    }
    refused = client.post(reverse("registry:event_create"), {**form, "end": "2018-04-26"})
    assert refused.status_code == 400 and _events() == 0
    assert client.post(reverse("registry:event_create"), form).status_code == 302
    with scopes_disabled():
        event = Event.objects.get()
    assert (event.score, event.computed_class, event.answers["alcohol"]) == (3, "B", True)
    page = client.get(reverse("registry:event_detail", kwargs={"event_id": event.pk})).content.decode()
    assert "score 3" in page


def test_the_calendar_exports_with_incidents_suppressed_for_council_members(
    oov: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    with scope(organisation=org_a.pk):
        record_event(actor=oov, data=replace(FEAST, incidents=2))
    council = verified_login(Client(), make_user(Role.RAADSLID, org_a))
    url = reverse("registry:event_calendar")
    rows = council.get(url, {"formaat": "csv"}).content.decode("utf-8-sig").splitlines()
    assert rows[0].split(";")[9] == "incidenten" and rows[1].split(";")[9] == "< 5"
    own = verified_login(Client(), oov).get(url, {"formaat": "csv"}).content.decode("utf-8-sig")
    assert own.splitlines()[1].split(";")[9] == "2"
    xlsx = verified_login(Client(), oov).get(url, {"formaat": "xlsx"})
    assert xlsx["Content-Disposition"] == 'attachment; filename="evenementen.xlsx"'
