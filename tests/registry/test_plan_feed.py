# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The registry feeds the plan (issue 16 §5): counts become observations, indicators get verdicts.

Hengelo's IVP 2017-2020 expects "ruim 100 personen" at the radicalisation trainings (T6.I1,
target: at least 100, L1131). The OOV adviser links trainings (participants) to T6.I1; two
trainings in 2018 with 60 and 40 trainees make T6.I1 — and so goal T6.G1, whose only judged
indicator it is — *op koers*: in ``kompas export indicators``, on the theme page and in the
voortgang PDF. Deleting one training takes it back. Time budget: about 30 s.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.observations.models import Observation
from kompas.policy.models import Plan
from kompas.registry.activities import ActivityInput, delete_activity, record_activity
from kompas.registry.links import delete_link, save_link
from kompas.registry.models import Activity, ActivityKind, CountedAs, IndicatorLink
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.conftest import verified_login
from tests.reports.conftest import pdf_pages


@pytest.fixture
def oov(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An OOV adviser of Hengelo: keeps the registers and the links."""
    return make_user(Role.OOV_ADVISEUR, org_a)


def _training(title: str, day: dt.date, trainees: int) -> ActivityInput:
    return ActivityInput(
        kind=ActivityKind.TRAINING,
        title=title,
        start=day,
        end=day,
        area_code="GM0164",
        organiser="Team OOV",
        participant_count=trainees,
    )


def _t6_status(year: int) -> str | None:
    """Return T6.I1's verdict for Hengelo in ``year`` as ``kompas export indicators`` writes it."""
    out = io.StringIO()
    call_command(
        "indicators_export",
        "--organisation",
        "hengelo",
        "--indicator",
        "T6.I1",
        "--period",
        str(year),
        stdout=out,
    )
    rows = [row for row in csv.DictReader(io.StringIO(out.getvalue())) if row["area_code"] == "GM0164"]
    assert len(rows) <= 1, out.getvalue()
    return rows[0]["target_status"] if rows else None


def test_trainings_with_100_trainees_put_t6_on_course(
    org_a: Organisation, plan: Plan, oov: User, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with scope(organisation=org_a.pk), django_capture_on_commit_callbacks(execute=True):
        save_link(
            actor=oov, kind=ActivityKind.TRAINING, counted=CountedAs.PARTICIPANTS, indicator_code="T6.I1"
        )
    with scope(organisation=org_a.pk), django_capture_on_commit_callbacks(execute=True):
        record_activity(actor=oov, data=_training("Training eerste ring", dt.date(2018, 3, 6), 60))
    assert _t6_status(2018) == "niet_op_koers"  # 60 of at least 100
    with scope(organisation=org_a.pk), django_capture_on_commit_callbacks(execute=True):
        second = record_activity(actor=oov, data=_training("Training tweede ring", dt.date(2018, 9, 12), 40))
    assert _t6_status(2018) == "op_koers"
    with scopes_disabled():
        stored = Observation.objects.get(measure__code="register_training_deelnemers", area__code="GM0164")
        assert (stored.value, stored.organisation_id) == (100.0, org_a.pk)
        assert stored.figure_source.source_text.startswith("Kompas-register")  # the provenance

    client = verified_login(Client(), oov)
    with scope(organisation=org_a.pk):
        theme = plan.themes.get(code="T6")
        pdf = generate(
            org_a, ReportOptions(name=ReportName.VOORTGANG, format=ReportFormat.PDF, period=2018), actor=None
        )
    page = client.get(
        reverse("dashboard:theme", kwargs={"theme_id": theme.pk}) + "?jaar=2018"
    ).content.decode()
    row = page[page.index("T6.I1") : page.index("</tr>", page.index("T6.I1"))]
    assert "op koers" in row.casefold() and "niet op koers" not in row.casefold(), row
    goal = page[
        page.index("<strong>T6.G1</strong>") : page.index("</li>", page.index("<strong>T6.G1</strong>"))
    ]
    assert ">op koers</span>" in goal, goal
    text = " ".join(pdf_pages(pdf.body, tmp_path))
    table = text[text.index("Indicatoren van T6") :]
    line = table[table.index("T6.I1") : table.index("T6.I2")]
    assert line.endswith("op koers ") and "niet op koers" not in line, line
    assert "T6.G1 (op koers)" in text and "T6.G2 (geen data)" in text

    with scope(organisation=org_a.pk), django_capture_on_commit_callbacks(execute=True):
        delete_activity(actor=oov, activity_id=second.pk, version=second.version)
    assert _t6_status(2018) == "niet_op_koers"
    with scopes_disabled():
        actions = list(
            AuditRecord.objects.filter(action__startswith="registry.")
            .order_by("id")
            .values_list("action", flat=True)
        )
    assert actions == [
        "registry.link.created",
        "registry.activity.recorded",
        "registry.activity.recorded",
        "registry.activity.deleted",
    ]


def test_a_link_never_takes_over_an_indicator_computed_from_other_measures(
    org_a: Organisation, plan: Plan, oov: User
) -> None:
    hengelo_set = Path(__file__).parents[2] / "src/kompas/indicators/sets/hengelo_ivp_2017_2020.toml"
    from kompas.indicators.load import load_definitions

    with scope(organisation=org_a.pk):
        load_definitions(hengelo_set.read_text(encoding="utf-8"), "set", actor=None, organisation=org_a)
        with pytest.raises(ValidationError) as refused:
            save_link(
                actor=oov, kind=ActivityKind.TRAINING, counted=CountedAs.PARTICIPANTS, indicator_code="T1.I4"
            )
        assert list(refused.value.message_dict) == ["indicator_code"]
        assert "al berekend uit andere maatstaven" in refused.value.message_dict["indicator_code"][0]
        with pytest.raises(ValidationError, match="kent deze indicator niet"):
            save_link(
                actor=oov, kind=ActivityKind.TRAINING, counted=CountedAs.PARTICIPANTS, indicator_code="T9.I9"
            )
        assert not IndicatorLink.objects.exists()


def test_the_last_link_of_an_indicator_stays_until_another_replaces_it(
    org_a: Organisation, plan: Plan, oov: User
) -> None:
    with scope(organisation=org_a.pk):
        first = save_link(
            actor=oov, kind=ActivityKind.TRAINING, counted=CountedAs.PARTICIPANTS, indicator_code="T6.I1"
        )
        with pytest.raises(ValidationError, match=r"enige koppeling van T6\.I1"):
            delete_link(actor=oov, link_id=first.pk, version=first.version)
        save_link(actor=oov, kind=ActivityKind.RING_2, counted=CountedAs.PARTICIPANTS, indicator_code="T6.I1")
        delete_link(actor=oov, link_id=first.pk, version=first.version)
        assert list(IndicatorLink.objects.values_list("kind", flat=True)) == [ActivityKind.RING_2]
        assert Activity.objects.count() == 0
