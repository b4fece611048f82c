# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's registry entries (issue 16, "Demo"): fictitious trainings for Hengelo, every one
marked as demo, 105 trainees in 2018 so that T6.I1 and goal T6.G1 get a verdict; labelled "demo"
on the registry pages, and the voortgang report says its registry figures include demo entries.
A second run adds nothing. Time budget: about 30 s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.compute import compute
from kompas.policy.load import load_plan
from kompas.registry.demo import load_demo_registry
from kompas.registry.models import Activity, Event, Functionary, IndicatorLink, OtoActivity
from kompas.registry.queries import demo_share
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from kompas.sources.load import import_file
from kompas.sources.models import ImportStatus
from tests.conftest import verified_login
from tests.registry.conftest import GEMEENTEN
from tests.registry.test_plan_feed import _t6_status
from tests.reports.conftest import pdf_pages


@pytest.fixture
def hengelo(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """Hengelo with its areas, its plan and the demo OOV adviser (account ``oov``)."""
    with scope(organisation=None):
        run = import_file(GEMEENTEN, format="cbs-gebieden", organisation=None, actor=None, create_areas=True)
    assert run.status == ImportStatus.LOADED, run.errors
    with scope(organisation=org_a.pk):
        load_plan(actor=None, organisation=org_a)
    return make_user(Role.OOV_ADVISEUR, org_a, "oov")


def test_demo_entries_give_t6_a_verdict_and_say_they_are_demo(
    hengelo: User, org_a: Organisation, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert load_demo_registry() == 2
    assert load_demo_registry() == 0  # a second demo run adds nothing
    compute(actor=None)  # as `kompas demo` does next, with every other indicator
    with scopes_disabled():
        entries = Activity.objects.filter(organisation=org_a)
        assert {(a.is_demo, a.organiser) for a in entries} == {(True, "Demo-organisator")}
        assert entries.filter(start__year=2018).aggregate(total=Sum("participant_count"))["total"] == 105
        assert list(IndicatorLink.objects.values_list("indicator_code", flat=True)) == ["T6.I1"]
    assert _t6_status(2018) == "op_koers"  # 105 of at least 100

    client = verified_login(Client(), hengelo)
    listing = client.get(reverse("registry:activity_list")).content.decode()
    assert listing.count("<small>(demo)</small>") == 2 and "Deze lijst bevat demogegevens" in listing
    detail = client.get(reverse("registry:activity_detail", kwargs={"activity_id": entries[0].pk}))
    assert "Demogegevens: een verzonnen activiteit" in detail.content.decode()

    assert demo_share(org_a.pk, 2017).entries == 0  # a year without demo entries needs no note
    with scope(organisation=org_a.pk):
        pdf = generate(
            org_a, ReportOptions(name=ReportName.VOORTGANG, format=ReportFormat.PDF, period=2018), actor=None
        )
    text = " ".join(" ".join(pdf_pages(pdf.body, tmp_path)).split())
    assert (
        "de cijfers uit de registers van Kompas bevatten demogegevens: 5 verzonnen activiteiten of "
        "evenementen in 2018, geen echte registraties. Dat geldt voor de indicatoren die uit de registers "
        "tellen: T6.I1." in text
    ), text[:2000]
    assert "T6.G1 (op koers, demo)" in text


def test_demo_events_and_paspoort_entries_are_fictitious_and_labelled(
    hengelo: User, org_a: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_registry()
    with scopes_disabled():
        events = list(
            Event.objects.order_by("start").values_list("name", "computed_class", "is_demo", "organiser")
        )
        people = list(Functionary.objects.order_by("name").values_list("name", "is_demo"))
        oto = sorted(OtoActivity.objects.values_list("kind", "title", "is_demo"))
    assert events == [
        ("Evenement 1 (demo)", "A", True, "Demo-organisator"),
        ("Evenement 2 (demo)", "B", True, "Demo-organisator"),
        ("Evenement 3 (demo)", "C", True, "Demo-organisator"),
    ]
    assert people == [("Functionaris 1", True), ("Functionaris 2", True)]
    assert oto == [("inzet", "Inzet 1 (demo)", True), ("oefenen", "Oefening 1 (demo)", True)]
    load_demo_registry()  # a second run adds nothing
    with scopes_disabled():
        assert (Event.objects.count(), Functionary.objects.count(), OtoActivity.objects.count()) == (3, 2, 2)

    client = verified_login(Client(), hengelo)
    calendar = client.get(reverse("registry:event_calendar")).content.decode()
    assert "Deze kalender bevat demogegevens" in calendar and calendar.count("<small>(demo)</small>") == 3
    overview = client.get(reverse("registry:paspoort_overview") + "?jaar=2018").content.decode()
    assert "Dit overzicht bevat demogegevens" in overview
    assert overview.count("<small>(demo)</small>") == 4  # two functionaries, an exercise, a deployment
    with scopes_disabled():
        first = Functionary.objects.get(name="Functionaris 1")
    dossier = client.get(reverse("registry:dossier", kwargs={"functionary_id": first.pk}) + "?jaar=2018")
    text = dossier.content.decode()
    assert "Demogegevens: een verzonnen functionaris" in text and "Inzet 1 (demo)" in text
