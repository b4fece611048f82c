# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A verdict computed from fictitious demo entries says "demo" wherever it shows (issue 16, "Demo").

Two made-up trainings of 60 and 45 trainees in 2018 (``is_demo``, as ``kompas demo`` records them)
make Hengelo's T6.I1 (at least 100, L1131) and goal T6.G1 *op koers*. The demo label travels with
the count: the own figure written from the register is a demo figure, so the theme page, the
dashboard's tile, the indicator page, the API (``demo``), ``kompas export indicators`` (CSV and
XLSX: column ``demo``) and the voortgang PDF (pdftotext) each say "demo". Real and demo entries of one kind
and year are never summed: a real training beside the demo ones is refused and nothing written.
The voortgang XLSX says "op koers (demo)" too.
Time budget: about 40 s.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.models import Indicator
from kompas.observations.models import Observation
from kompas.policy.models import Plan
from kompas.registry.activities import ActivityInput, record_activity
from kompas.registry.events import EventInput, record_event
from kompas.registry.links import save_link
from kompas.registry.models import Activity, ActivityKind, CountedAs, Event
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.conftest import verified_login
from tests.registry.test_roles import EVENT
from tests.reports.conftest import pdf_pages

MIXED = "echte en verzonnen registraties worden nooit bij elkaar opgeteld"
QUESTIONS = ("alcohol", "drugs", "risicopubliek", "vuurwerk", "openbare_weg", "nacht")


@pytest.fixture
def oov(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An OOV adviser of Hengelo: keeps the registers and the links."""
    return make_user(Role.OOV_ADVISEUR, org_a)


def _training(title: str, day: dt.date, trainees: int, *, demo: bool) -> ActivityInput:
    return ActivityInput(
        kind=ActivityKind.TRAINING,
        title=title,
        start=day,
        end=day,
        area_code="GM0164",
        organiser="Demo-organisator" if demo else "Team OOV",
        participant_count=trainees,
        is_demo=demo,
    )


def _record_demo(org_a: Organisation, oov: User, capture: Any) -> None:
    with scope(organisation=org_a.pk), capture(execute=True):
        save_link(
            actor=oov, kind=ActivityKind.TRAINING, counted=CountedAs.PARTICIPANTS, indicator_code="T6.I1"
        )
    for title, day, trainees in (
        ("Deelnemer-training 1 (demo)", dt.date(2018, 3, 6), 60),
        ("Deelnemer-training 2 (demo)", dt.date(2018, 9, 12), 45),
    ):
        with scope(organisation=org_a.pk), capture(execute=True):
            record_activity(actor=oov, data=_training(title, day, trainees, demo=True))


def _export(*extra: str) -> str:
    out = io.StringIO()
    call_command("indicators_export", "--organisation", "hengelo", "--indicator", "T6.I1", *extra, stdout=out)
    return out.getvalue()


def _t6_row(year: int) -> dict[str, str]:
    rows = [
        row
        for row in csv.DictReader(io.StringIO(_export("--period", str(year))))
        if row["area_code"] == "GM0164"
    ]
    assert len(rows) == 1, rows
    return rows[0]


def test_a_verdict_from_demo_entries_says_demo_on_every_page_and_export(
    org_a: Organisation, plan: Plan, oov: User, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    _record_demo(org_a, oov, django_capture_on_commit_callbacks)
    with scopes_disabled():
        figure = Observation.objects.get(measure__code="register_training_deelnemers", area__code="GM0164")
        assert (figure.value, figure.figure_source.is_demo) == (105.0, True)
        indicator = Indicator.objects.get(code="T6.I1", organisation=org_a)

    row = _t6_row(2018)
    assert (row["value"], row["target_status"], row["demo"]) == ("105.0", "op_koers", "ja")
    workbook_path = tmp_path / "indicatoren.xlsx"
    _export("--format", "xlsx", "--output", str(workbook_path))
    sheet = openpyxl.load_workbook(workbook_path)["indicatoren"]
    table = list(sheet.iter_rows(values_only=True))
    demo_column = table[0].index("demo")
    assert {line[demo_column] for line in table[1:] if line[1] == "GM0164"} == {"ja"}

    client = verified_login(Client(), oov)
    with scope(organisation=org_a.pk):
        theme = plan.themes.get(code="T6")
    page = client.get(
        reverse("dashboard:theme", kwargs={"theme_id": theme.pk}) + "?jaar=2018"
    ).content.decode()
    line = page[page.index("<td>T6.I1") : page.index("</tr>", page.index("<td>T6.I1"))]
    assert ">op koers</span> <small>(demo)</small>" in line, line
    goal = page[
        page.index("<strong>T6.G1</strong>") : page.index("</li>", page.index("<strong>T6.G1</strong>"))
    ]
    assert "<small>(demo)</small>" in goal, goal
    assert "Demo: de waarden en oordelen van T6.I1 rusten op verzonnen demogegevens" in page
    home = client.get(reverse("dashboard:home") + "?jaar=2018").content.decode()
    assert "Demo: het oordeel over T6.I1 rust op verzonnen demogegevens." in home
    detail = client.get(reverse("indicators:indicator_detail", kwargs={"indicator_id": indicator.pk}))
    assert "Demo: de waarden van 2018 rusten (deels) op verzonnen demogegevens" in detail.content.decode()
    api = client.get(
        reverse("api:indicator_values", kwargs={"indicator_id": indicator.pk}), {"area_code": "GM0164"}
    ).json()
    assert {(row["period_start"][:4], row["value"], row["demo"]) for row in api["results"]} == {
        ("2018", 105.0, True)
    }

    with scope(organisation=org_a.pk):
        pdf = generate(
            org_a, ReportOptions(name=ReportName.VOORTGANG, format=ReportFormat.PDF, period=2018), actor=None
        )
    text = " ".join(pdf_pages(pdf.body, tmp_path))
    table_text = text[text.index("Indicatoren van T6") :]
    t6 = table_text[table_text.index("T6.I1") : table_text.index("T6.I2")]
    assert t6.endswith("op koers (demo) "), t6
    assert "T6.G1 (op koers, demo)" in text
    with scope(organisation=org_a.pk):
        book = generate(
            org_a, ReportOptions(name=ReportName.VOORTGANG, format=ReportFormat.XLSX, period=2018), actor=None
        )
    rows = list(openpyxl.load_workbook(io.BytesIO(book.body))["Indicatoren"].iter_rows(values_only=True))
    t6_rows = [row for row in rows if any(str(cell).startswith("T6.I1") for cell in row)]
    assert t6_rows and all("op koers (demo)" in row for row in t6_rows), t6_rows


def test_real_and_demo_entries_are_never_summed(
    org_a: Organisation, plan: Plan, oov: User, django_capture_on_commit_callbacks: Any
) -> None:
    _record_demo(org_a, oov, django_capture_on_commit_callbacks)
    with scopes_disabled():
        before = (Activity.objects.count(), AuditRecord.objects.count())
    with scope(organisation=org_a.pk), pytest.raises(ValidationError) as refused:
        record_activity(actor=oov, data=_training("Training signalen", dt.date(2018, 5, 1), 30, demo=False))
    assert MIXED in " ".join(refused.value.messages)
    form = {
        "kind": ActivityKind.TRAINING,
        "title": "Training signalen",
        "start": "2018-05-01",
        "end": "2018-05-01",
        "area_code": "GM0164",
        "organiser": "Team OOV",
        "participant_count": "30",
        "participants": "",
    }
    page = verified_login(Client(), oov).post(reverse("registry:activity_create"), form)
    assert page.status_code == 400 and page.content.decode().count(MIXED) == 1
    with scopes_disabled():
        assert (Activity.objects.count(), AuditRecord.objects.count()) == before
        figure = Observation.objects.get(measure__code="register_training_deelnemers", area__code="GM0164")
        assert (figure.value, figure.figure_source.is_demo) == (105.0, True)
    # a real training in another year is a real figure: no demo label on its value
    with scope(organisation=org_a.pk), django_capture_on_commit_callbacks(execute=True):
        record_activity(actor=oov, data=_training("Training signalen", dt.date(2019, 5, 1), 120, demo=False))
    row = _t6_row(2019)
    assert (row["value"], row["demo"]) == ("120.0", "nee")


def test_a_real_event_beside_demo_events_is_refused_on_the_form(
    org_a: Organisation, plan: Plan, oov: User, django_capture_on_commit_callbacks: Any
) -> None:
    with scope(organisation=org_a.pk), django_capture_on_commit_callbacks(execute=True):
        record_event(
            actor=oov,
            data=EventInput(
                name="Evenement 1 (demo)",
                organiser="Demo-organisator",
                start=dt.date(2018, 5, 19),
                end=dt.date(2018, 5, 19),
                area_code="GM0164",
                location="Locatie 1 (demo)",
                answers={**dict.fromkeys(QUESTIONS, False), "bezoekers": 500},
                is_demo=True,
            ),
        )
    with scopes_disabled():
        before = (Event.objects.count(), AuditRecord.objects.count())
    page = verified_login(Client(), oov).post(reverse("registry:event_create"), EVENT)
    assert page.status_code == 400 and page.content.decode().count(MIXED) == 1
    with scopes_disabled():
        assert (Event.objects.count(), AuditRecord.objects.count()) == before
