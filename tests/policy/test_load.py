# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Loading plan documents: idempotent, audited once, all problems reported before any write."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scope

from kompas.accounts.models import AuditRecord, Organisation
from kompas.policy.load import HENGELO_PLAN, five_questions, load_plan
from kompas.policy.models import Goal, Plan
from kompas.policy.validate import PlanDocumentError

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing(org_a: Organisation, hengelo_plan: Plan) -> None:
    records = AuditRecord.objects.count()
    with scope(organisation=org_a.pk):
        again = load_plan(actor=None, organisation=org_a)
        goals = Goal.objects.count()
    assert (again.created, again.plan.pk) == (False, hengelo_plan.pk)
    assert again.counts == {
        "themes": 8,
        "goals": 33,
        "targets": 34,
        "actions": 61,
        "budget_lines": 11,
        "cost_items": 35,
        "scenarios": 3,
    }
    assert goals == 33
    assert AuditRecord.objects.count() == records


def test_load_is_audited_once_with_counts(hengelo_plan: Plan) -> None:
    [record] = AuditRecord.objects.filter(action="policy.plan.loaded")
    assert record.object_id == str(hengelo_plan.pk)
    assert record.changes["themes"] == 8 and record.changes["file"] == "plan.json"
    # The 32 indicators entered the organisation's catalogue, each audited.
    assert AuditRecord.objects.filter(action="indicators.indicator.created").count() == 32


def test_replace_reloads_the_document(org_a: Organisation, hengelo_plan: Plan) -> None:
    with scope(organisation=org_a.pk):
        Goal.objects.filter(code="T1.G1").update(text="gewijzigd")
        load_plan(actor=None, organisation=org_a, replace=True)
        assert Goal.objects.get(code="T1.G1").text.startswith(
            "Alle Hengeloërs moeten zich veilig kunnen voelen"
        )
        assert Plan.objects.count() == 1


def test_a_broken_document_reports_every_problem_and_loads_nothing(
    org_a: Organisation, tmp_path: Path
) -> None:
    document = json.loads(HENGELO_PLAN.read_text(encoding="utf-8"))
    document["themes"][0]["indicators"][0]["kind"] = "impact"
    document["themes"][1]["goals"][0]["indicators"] = ["T2.I99"]
    document["budget"]["lines"][0]["amount"] = "28000"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with scope(organisation=org_a.pk), pytest.raises(PlanDocumentError) as raised:
        load_plan(actor=None, organisation=org_a, path=path)
    assert raised.value.problems == [
        "plan.json: themes[0].indicators[0].kind: gevonden 'impact', verwacht effect | performance | process",
        "plan.json: themes[1].goals[0].indicators: gevonden 'T2.I99', verwacht een indicator van dit thema",
        "plan.json: budget.lines[0].amount: gevonden '28000', verwacht een getal",
    ]
    with scope(organisation=org_a.pk):
        assert Plan.objects.count() == 0


def test_unreadable_document(org_a: Organisation, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("{niet: json", encoding="utf-8")
    with scope(organisation=org_a.pk), pytest.raises(PlanDocumentError, match="niet te lezen als JSON"):
        load_plan(actor=None, organisation=org_a, path=path)


def test_the_five_questions_as_printed() -> None:
    sentence = (
        "Waar gaat het om? Wat willen we bereiken? Wat en wie hebben we daarvoor nodig? "
        "Wat gaat dat kosten? En hoe gaan we dat meten?"
    )  # L356-358
    assert five_questions(sentence) == [
        "Waar gaat het om?",
        "Wat willen we bereiken?",
        "Wat en wie hebben we daarvoor nodig?",
        "Wat gaat dat kosten?",
        "Hoe gaan we dat meten?",
    ]


@pytest.mark.xdist_group("kompas-demo")  # one worker: parallel demo loads block each other on PostgreSQL
def test_demo_loads_the_plan_for_hengelo(db: None) -> None:
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    assert "[3/3] Veiligheidsplan Hengelo 2017-2020 laden" in out.getvalue()
    # no server starts with --no-serve, so no address is printed (issue 15 used to see one)
    assert "http://" not in out.getvalue()
    assert "Kompas-demo staat klaar; start de server met: kompas serve" in out.getvalue()
    hengelo = Organisation.objects.get(code="hengelo")
    with scope(organisation=hengelo.pk):
        assert Plan.objects.get().key == "hengelo_ivp_2017_2020"
    call_command("demo", no_serve=True, stdout=StringIO())
    with scope(organisation=hengelo.pk):
        assert Plan.objects.count() == 1
