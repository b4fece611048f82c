# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Editing the plan: audited history per object, and two editors of one goal lose nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import AuditRecord, User
from kompas.policy.models import CapacityPlan, Goal, Plan, Target

pytestmark = pytest.mark.django_db


def _goal(plan: Plan, code: str = "T1.G2") -> Goal:
    with scope(organisation=plan.organisation_id):
        return Goal.objects.select_related("theme").get(theme__plan=plan, code=code)


def _goal_form(goal: Goal, **changes: Any) -> dict[str, Any]:
    with scope(organisation=goal.theme.plan.organisation_id):
        indicators = [indicator.pk for indicator in goal.indicators.all()]
    data = {
        "code": goal.code,
        "position": goal.position,
        "level": goal.level,
        "parent": "",
        "text": goal.text,
        "indicators": indicators,
        "note": goal.note,
        "source_ref": goal.source_ref,
        "version": goal.version,
    }
    return data | changes


def test_edit_is_audited_and_shown_as_history(client: Client, oov: User, hengelo_plan: Plan) -> None:
    goal = _goal(hengelo_plan)
    url = reverse("policy:goal_edit", kwargs={"goal_id": goal.pk})
    response = client.post(url, _goal_form(goal, text="Alle bewoners voelen zich veilig in hun eigen buurt."))
    assert response.status_code == 302
    [record] = AuditRecord.objects.filter(action="policy.goal.changed", object_id=str(goal.pk))
    assert record.actor_id == oov.pk
    assert record.changes == {
        "text": [
            "Alle bewoners voelen zich veilig in hun eigen wijk",
            "Alle bewoners voelen zich veilig in hun eigen buurt.",
        ],
        "version": [1, 2],
    }
    page = client.get(reverse("policy:goal_detail", kwargs={"goal_id": goal.pk})).content.decode()
    assert "Olga van Dam" in page and "Doel gewijzigd" in page
    assert "<del>Alle bewoners voelen zich veilig in hun eigen wijk</del>" in page
    assert "<ins>Alle bewoners voelen zich veilig in hun eigen buurt.</ins>" in page


def test_second_editor_gets_a_conflict_and_nothing_is_lost(
    client: Client, oov: User, hengelo_plan: Plan
) -> None:
    goal = _goal(hengelo_plan)
    url = reverse("policy:goal_edit", kwargs={"goal_id": goal.pk})
    first = client.post(url, _goal_form(goal, text="Tekst van de eerste redacteur"))
    assert first.status_code == 302
    second = client.post(url, _goal_form(goal, text="Tekst van de tweede redacteur"))  # still version 1
    page = second.content.decode()
    assert second.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert "Tekst van de tweede redacteur" in page  # the second editor's input is still in the form
    assert "Tekst van de eerste redacteur" in page  # and what the first one changed is shown
    assert 'name="version" value="2"' in page
    assert _goal(hengelo_plan).text == "Tekst van de eerste redacteur"
    # Having seen the change, the second editor saves on purpose: both versions stay in the history.
    again = client.post(url, _goal_form(goal, text="Tekst van de tweede redacteur", version=2))
    assert again.status_code == 302
    texts = [
        r.changes["text"][1] for r in AuditRecord.objects.filter(action="policy.goal.changed").order_by("pk")
    ]
    assert texts == ["Tekst van de eerste redacteur", "Tekst van de tweede redacteur"]


def test_changed_indicators_are_recorded_by_code(client: Client, oov: User, hengelo_plan: Plan) -> None:
    goal = _goal(hengelo_plan, "T2.G1")  # measured by T2.I2 and T2.I3, no effect indicator
    with scope(organisation=hengelo_plan.organisation_id):
        effect = Target.objects.get(indicator__code="T2.I1", kind="plan").indicator
    data = _goal_form(goal)
    data["indicators"] = [*data["indicators"], effect.pk]
    assert client.post(reverse("policy:goal_edit", kwargs={"goal_id": goal.pk}), data).status_code == 302
    [record] = AuditRecord.objects.filter(action="policy.goal.changed")
    assert record.changes["indicators"] == [["T2.I2", "T2.I3"], ["T2.I1", "T2.I2", "T2.I3"]]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # "≤ x" needs the x
        ({"rule": "at_most", "target_value": ""}, "Deze streefregel heeft een streefwaarde nodig."),
        # a number without saying what it means
        ({"rule": "", "target_value": "15"}, "Kies bij een streefwaarde ook de streefregel."),
        # a year is a year
        ({"target_period": "2200"}, "Vul een jaar in tussen 1900 en 2100."),
    ],
)
def test_target_validation(
    client: Client, oov: User, hengelo_plan: Plan, changes: dict[str, str], message: str
) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        target = Target.objects.get(indicator__code="T1.I1", kind="plan")
    data = {
        "indicator": target.indicator_id,
        "kind": "plan",
        "area": target.area,
        "baseline_value": "20",
        "baseline_period": "2015",
        "rule": "at_most_baseline",
        "target_value": "20",
        "target_period": "2020",
        "source_ref": target.source_ref,
        "version": 1,
    } | changes
    response = client.post(reverse("policy:target_edit", kwargs={"target_id": target.pk}), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AuditRecord.objects.filter(action="policy.target.changed").exists()


def test_create_and_delete_an_action(client: Client, oov: User, hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        theme = hengelo_plan.themes.get(code="T6")
    create = reverse("policy:action_create", kwargs={"theme_id": theme.pk})
    assert 'value="T6.A8"' in client.get(create).content.decode()  # the next free code is suggested
    data = {
        "code": "T6.A8",
        "position": 8,
        "text": "Jaarlijks bezoek aan verenigingen",
        "state": "gepland",
        "version": 0,
    }
    assert client.post(create, data).status_code == 302
    [record] = AuditRecord.objects.filter(action="policy.action.created")
    action_id = int(record.object_id)
    delete = reverse("policy:action_delete", kwargs={"action_id": action_id})
    assert client.post(delete, {"version": 0}).status_code == 302  # stale: refused
    assert AuditRecord.objects.filter(action="policy.action.deleted").count() == 0
    assert client.post(delete, {"version": 1}).status_code == 302
    assert AuditRecord.objects.get(action="policy.action.deleted").changes["text"] == [
        "Jaarlijks bezoek aan verenigingen",
        None,
    ]


def test_capacity_shares_are_edited_with_history(client: Client, oov: User, hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        capacity = CapacityPlan.objects.get(plan=hengelo_plan)
    data = {
        "fte": "4",
        "hours_per_fte": "1440",
        "share_calamiteiteninzet": "20",
        "share_bovenlokale_samenwerking": "20",
        "share_reguliere_taken": "40",
        "share_nieuwe_prioriteiten": "20",
        "version": 1,
    }
    assert (
        client.post(reverse("policy:capacity_edit", kwargs={"capacity_id": capacity.pk}), data).status_code
        == 302
    )
    [record] = AuditRecord.objects.filter(action="policy.capacity.changed")
    assert record.changes["fte"] == [3, 4]
    assert [share["percent"] for share in record.changes["shares"][1]] == [20, 20, 40, 20]
    page = client.get(reverse("policy:capacity", kwargs={"plan_id": hengelo_plan.pk})).content.decode()
    assert "1.152 uur" in page  # 4 fte × 1.440 × 20 %


def test_raadslid_reads_but_cannot_edit(client: Client, raadslid: User, hengelo_plan: Plan) -> None:
    goal = _goal(hengelo_plan)
    theme = client.get(reverse("policy:theme_detail", kwargs={"theme_id": goal.theme_id}))
    assert theme.status_code == 200 and "Thema bewerken" not in theme.content.decode()
    url = reverse("policy:goal_edit", kwargs={"goal_id": goal.pk})
    assert client.post(url, _goal_form(goal, text="niet toegestaan")).status_code == 403
    assert _goal(hengelo_plan).version == 1
