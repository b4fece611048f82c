# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan check: the Hengelo inconsistencies of spec Appendix A, and every goal without an
effect indicator (spec §10.8), through ``kompas check plan --json``."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_scopes import scope

from kompas.accounts.models import Organisation
from kompas.policy.check import check_plan
from kompas.policy.load import HENGELO_PLAN
from kompas.policy.models import Plan
from tests.policy.factories import make_small_plan

pytestmark = pytest.mark.django_db


def _check_json(*args: str) -> dict[str, object]:
    out = StringIO()
    call_command("plan_check", "--json", *args, stdout=out)
    return dict(json.loads(out.getvalue()))


def _goals_without_effect_indicator_in_the_document() -> set[str]:
    document = json.loads(Path(HENGELO_PLAN).read_text(encoding="utf-8"))
    return {
        goal["code"]
        for theme in document["themes"]
        for goal in theme["goals"]
        if not goal["effect_indicators"]
    }


def test_json_reports_the_budget_and_capacity_inconsistencies(hengelo_plan: Plan) -> None:
    result = _check_json()
    findings = result["findings"]
    assert isinstance(findings, list)
    [budget] = [f for f in findings if f["code"] == "budget_total_mismatch"]
    assert budget["figures"] == {"lines_sum": 203400.0, "stated_total": 180000.0, "difference": 23400.0}
    assert "203.400" in budget["message"] and "180.000" in budget["message"]
    assert "L1565" in budget["source_refs"]
    [capacity] = [f for f in findings if f["code"] == "capacity_shares_not_100"]
    assert capacity["figures"] == {"shares_sum": 90.0}
    assert (
        capacity["message"]
        == "De aandelen van de OOV-inzet tellen op tot 90 % (20 + 20 + 40 + 10), niet 100 %."
    )
    assert capacity["source_refs"] == ["L1360", "L1362", "L1364", "L1366"]


def test_json_lists_every_goal_without_an_effect_indicator(hengelo_plan: Plan) -> None:
    findings = _check_json("--plan", str(hengelo_plan.pk))["findings"]
    assert isinstance(findings, list)
    reported = {f["subject"] for f in findings if f["code"] == "goal_without_effect_indicator"}
    expected = _goals_without_effect_indicator_in_the_document()
    assert reported == expected
    assert len(expected) == 22  # T2.G1, T2.G4, T3.G2, T3.G4-G7, T5.G3, T6.G1-G3, T7.G1-G4, T8.G1-G7


def test_json_summary_and_other_findings(hengelo_plan: Plan) -> None:
    result = _check_json("--organisation", "hengelo")
    assert result["plan"] == {
        "id": hengelo_plan.pk,
        "key": "hengelo_ivp_2017_2020",
        "title": "Integraal Veiligheidsbeleid Hengelo 2017 - 2020",
        "organisation": "hengelo",
    }
    findings = result["findings"]
    assert isinstance(findings, list)
    pm = {f["subject"] for f in findings if f["code"] == "cost_pm"}
    assert pm == {"T1.C1", "T8.C4"}  # "PM, onderwerp van gesprek met partners" (L479), "P.M." (L1299)
    no_year = {f["subject"] for f in findings if f["code"] == "target_without_year"}
    assert "T6.I1" in no_year and "T1.I1" not in no_year  # ruim 100 deelnemers, geen jaar (L1131)
    no_baseline = {f["subject"] for f in findings if f["code"] == "indicator_without_baseline"}
    assert "T4.I1" in no_baseline and "T1.I2" not in no_baseline  # E-Movo: no value given (L830-832)
    assert not [f for f in findings if f["code"] == "theme_without_lead"]


def test_text_output_names_counts_and_lines(hengelo_plan: Plan) -> None:
    out = StringIO()
    call_command("plan_check", stdout=out)
    text = out.getvalue()
    assert "22  Doel zonder effectindicator (goal_without_effect_indicator)" in text
    assert (
        "- [budget_total_mismatch] De 11 begrotingsregels tellen op tot 203.400; "
        "het gedrukte totaal is 180.000 (verschil 23.400)." in text
    )


@pytest.mark.parametrize(
    ("change", "code"),
    [
        # a plan whose lines add up to the printed total has no budget finding
        ({"budget_stated_total": Decimal(1000)}, None),
        ({"budget_stated_total": Decimal(999)}, "budget_total_mismatch"),
        # without a printed total there is nothing to compare
        ({"budget_stated_total": None}, None),
    ],
)
def test_budget_total(org_a: Organisation, change: dict[str, object], code: str | None) -> None:
    small = make_small_plan(org_a)
    with scope(organisation=org_a.pk):
        Plan.objects.filter(pk=small.plan.pk).update(**change)
        codes = {finding.code for finding in check_plan(Plan.objects.get(pk=small.plan.pk))}
    assert ("budget_total_mismatch" in codes) == (code is not None)


def test_theme_without_lead_and_shares_of_100(org_a: Organisation) -> None:
    small = make_small_plan(org_a)
    with scope(organisation=org_a.pk):
        small.capacity.shares = [
            {"code": "a", "label": "a", "percent": 60},
            {"code": "b", "label": "b", "percent": 40},
        ]
        small.capacity.save()
        findings = check_plan(Plan.objects.get(pk=small.plan.pk))
    assert [f.subject for f in findings if f.code == "theme_without_lead"] == ["T1"]
    assert not [f for f in findings if f.code == "capacity_shares_not_100"]


def test_several_plans_need_a_choice(org_a: Organisation, org_b: Organisation) -> None:
    make_small_plan(org_a)
    make_small_plan(org_b)
    with pytest.raises(CommandError, match="Er zijn meerdere plannen; kies er een met --plan ID"):
        call_command("plan_check", stdout=StringIO())
