# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Budget over time (issue 14 §6): a theme's budget per year, spending per line and year, and
spent against planned in the voortgang report and the themablad, read back from XLSX and PDF.

Hengelo's IVP links budget lines B5 Veiligheidsmonitor (7.500), B6 Cameratoezicht (40.000) and
B7 KVO/KVU (6.158) to T2 Binnenstad: 53.658 a year. The 2018 budget and spending below are
entered in the test (the plan has no realisation): T2 budgeted 53.658, spent 38.250 on B6 and
6.158 on B7, so 44.408 spent = 82,8 % of the budget.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.policy.models import BudgetLine, Plan, Spending, Theme, ThemeBudget
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.reports.conftest import pdf_pages

pytestmark = pytest.mark.django_db
YEAR = 2018


def _objects(plan: Plan) -> tuple[Theme, dict[str, BudgetLine]]:
    with scope(organisation=plan.organisation_id):
        theme = Theme.objects.get(plan=plan, code="T2")
        lines = {line.code: line for line in BudgetLine.objects.filter(plan=plan)}
    return theme, lines


def _spend(client: Client, plan: Plan, line: BudgetLine, amount: str, **extra: Any) -> Any:
    form = {
        "budget_line": line.pk,
        "year": YEAR,
        "amount": amount,
        "note": "",
        "source_ref": "",
        "version": 0,
    }
    return client.post(reverse("policy:spending_create", kwargs={"plan_id": plan.pk}), form | extra)


def _enter_2018(client: Client, plan: Plan) -> None:
    theme, lines = _objects(plan)
    budget = {"year": YEAR, "amount": "53658", "note": "", "source_ref": "", "version": 0}
    created = client.post(reverse("policy:theme_budget_create", kwargs={"theme_id": theme.pk}), budget)
    assert created.status_code == 302, created.content.decode()
    assert _spend(client, plan, lines["B6"], "38250", note="camera’s binnenstad").status_code == 302
    assert _spend(client, plan, lines["B7"], "6158").status_code == 302


def test_budget_and_spending_are_entered_audited_and_guarded(
    client: Client, oov: User, hengelo_plan: Plan
) -> None:
    _enter_2018(client, hengelo_plan)
    theme, lines = _objects(hengelo_plan)
    with scope(organisation=hengelo_plan.organisation_id):
        spending = Spending.objects.get(budget_line=lines["B6"], year=YEAR)
        assert ThemeBudget.objects.get(theme=theme, year=YEAR).amount == Decimal(53658)
    record = AuditRecord.objects.get(action="policy.spending.created", object_id=str(spending.pk))
    assert (record.actor_id, record.changes["amount"]) == (oov.pk, [None, 38250])

    # a correction is audited; an editor still at version 1 gets the conflict, nothing is lost
    edit = reverse("policy:spending_edit", kwargs={"spending_id": spending.pk})
    form = {"budget_line": lines["B6"].pk, "year": YEAR, "note": "", "source_ref": "", "version": 1}
    assert client.post(edit, form | {"amount": "38500"}).status_code == 302
    stale = client.post(edit, form | {"amount": "37000"})
    assert stale.status_code == 400 and "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    with scope(organisation=hengelo_plan.organisation_id):
        assert Spending.objects.get(pk=spending.pk).amount == Decimal(38500)
    page = client.get(reverse("policy:spending_detail", kwargs={"spending_id": spending.pk})).content.decode()
    assert "Besteding op een begrotingsregel gewijzigd" in page and "Olga van Dam" in page

    # refused: a negative amount, a second spending for the same line and year; nothing written
    negative = _spend(client, hengelo_plan, lines["B5"], "-10")
    assert negative.status_code == 400 and "Een bedrag kan niet negatief zijn." in negative.content.decode()
    assert _spend(client, hengelo_plan, lines["B7"], "100").status_code == 400
    with scope(organisation=hengelo_plan.organisation_id):
        assert Spending.objects.filter(plan=hengelo_plan).count() == 2

    # the theme page shows planned against spent, and explains the cost columns
    sheet = client.get(reverse("policy:theme_detail", kwargs={"theme_id": theme.pk})).content.decode()
    assert "Begroot en besteed per jaar" in sheet and "worden niet opgeteld" in sheet


def test_spending_on_a_line_of_another_plan_is_refused(
    client: Client, oov: User, hengelo_plan: Plan, org_a: Organisation
) -> None:
    _theme, lines = _objects(hengelo_plan)
    with scope(organisation=org_a.pk):
        other = Plan.objects.create(
            organisation=org_a,
            key="ander",
            title="Ander plan",
            period_start=2021,
            period_end=2024,
            status="draft",
        )
    response = _spend(client, other, lines["B6"], "100")
    assert response.status_code == 400
    with scope(organisation=org_a.pk):
        assert not Spending.objects.exists()


def _report(org_a: Organisation, name: ReportName, fmt: ReportFormat, **extra: Any) -> bytes:
    with scope(organisation=org_a.pk):
        options = ReportOptions(name=name, format=fmt, period=YEAR, **extra)
        return generate(org_a, options, actor=None).body


def test_voortgang_and_themablad_show_spent_against_planned(
    client: Client, oov: User, hengelo_plan: Plan, org_a: Organisation, tmp_path: Path
) -> None:
    _enter_2018(client, hengelo_plan)
    workbook = openpyxl.load_workbook(io.BytesIO(_report(org_a, ReportName.VOORTGANG, ReportFormat.XLSX)))
    per_theme = {
        str(row[0]).split()[0]: row[1:]
        for row in workbook["Begroting per thema"].iter_rows(min_row=2, values_only=True)
        if row[0]
    }
    # themablad costs, budget lines, budgeted 2018, spent 2018, spent share
    assert per_theme["T2"][1:4] == (53658, 53658, 44408)
    assert per_theme["T2"][4] == pytest.approx(44408 / 53658 * 100)
    assert per_theme["T1"][2:4] == ("niet ingevoerd", "niet ingevoerd")
    spending = {row[0]: row for row in workbook["Besteding"].iter_rows(min_row=2, values_only=True)}
    assert spending[6][2:5] == (40000, 38250, 1750)  # B6: in the budget, spent, remaining
    assert spending[5][3] == "niet ingevoerd"

    text = " ".join(pdf_pages(_report(org_a, ReportName.VOORTGANG, ReportFormat.PDF), tmp_path))
    assert "besteed 2018 (€)" in text and "T2 Binnenstad 0 53.658 53.658 44.408 82,8 %" in text
    assert "meten iets anders en worden niet opgeteld" in text

    sheet = " ".join(
        pdf_pages(_report(org_a, ReportName.THEMABLAD, ReportFormat.PDF, theme_code="T2"), tmp_path)
    )
    assert "Begroot en besteed per jaar" in sheet
    assert "2018 53.658 53.658 44.408 82,8 %" in sheet
