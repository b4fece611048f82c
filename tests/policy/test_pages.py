# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan pages a council member reads: overview, themablad, budget, scenarios, check."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import User
from kompas.policy.models import Plan

pytestmark = pytest.mark.django_db


def _get(client: Client, name: str, **kwargs: int) -> str:
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_start_opens_the_latest_plan(client: Client, raadslid: User, hengelo_plan: Plan) -> None:
    response = client.get(reverse("policy:home"))
    assert response["Location"] == reverse("policy:plan_detail", kwargs={"plan_id": hengelo_plan.pk})
    assert "Veiligheidsplan" in _get(client, "dashboard:home")  # in the main menu


def test_overview_lists_the_themes_with_status(client: Client, raadslid: User, hengelo_plan: Plan) -> None:
    page = _get(client, "policy:plan_detail", plan_id=hengelo_plan.pk)
    assert "Integraal Veiligheidsbeleid Hengelo 2017 - 2020" in page
    assert "2017–2020" in page and "Concept" in page
    assert "T7 Aanpak ondermijning door integraal toezicht en handhaving" in page
    assert "8 gepland" in page  # T1 has eight actions, all still planned


def test_themablad_answers_the_five_questions(
    client: Client, raadslid: User, hengelo_plan: Plan, django_assert_max_num_queries: object
) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        theme = hengelo_plan.themes.get(code="T1")
    with django_assert_max_num_queries(40):  # type: ignore[operator]  # pytest-django's fixture, typed loosely here
        page = _get(client, "policy:theme_detail", theme_id=theme.pk)
    for heading in ("Waar gaat het om?", "Wat willen we bereiken?", "Wat en wie hebben we daarvoor nodig?"):
        assert heading in page
    assert "Wat gaat dat kosten?" in page and "Hoe gaan we dat meten?" in page
    assert "20 % (2015)" in page and "Gelijk of lager dan de basiswaarde: 20 % (2020)" in page  # T1.I1
    assert "buitengebied: 32 % (2011); Hasseler Es: 13 % (2011)" in page  # T1.I2 per wijk
    assert "nog geen gegevens" in page
    assert "Kostenpost T1.C1 staat op PM" in page


def test_budget_shows_lines_as_printed_and_the_mismatch(
    client: Client, raadslid: User, hengelo_plan: Plan
) -> None:
    page = _get(client, "policy:budget", plan_id=hengelo_plan.pk)
    assert (
        "De begrotingsregels tellen op tot € 203.400; het gedrukte totaal is € 180.000 (verschil € 23.400)"
        in page
    )
    # "28000" was printed without a thousands separator (spec A2): shown beside the amount.
    assert "28.000 <small>(gedrukt: 28000)</small>" in page and "(gedrukt: 22.000)" not in page
    assert "0,05 per inwoner" in page


def test_capacity_page_compares_and_tries_numbers(client: Client, raadslid: User, hengelo_plan: Plan) -> None:
    page = _get(client, "policy:capacity", plan_id=hengelo_plan.pk)
    assert "<svg" in page and "Toon tabel" in page
    assert "432 uur" in page and "S3 Meer slagkracht organiseren met extra middelen en formatie" in page
    tried = client.get(
        reverse("policy:capacity", kwargs={"plan_id": hengelo_plan.pk}),
        {"fte": "4", "priority_share": "10", "hours_per_fte": "1440"}
        | {f"uren_T{n}": "100" for n in range(1, 9)},
    ).content.decode()
    assert "576 uur" in tried and "Dit zijn uw proefcijfers" in tried
    wrong = client.get(reverse("policy:capacity", kwargs={"plan_id": hengelo_plan.pk}), {"fte": "-1"})
    assert wrong.status_code == 400


def test_check_page_groups_the_findings(client: Client, raadslid: User, hengelo_plan: Plan) -> None:
    page = _get(client, "policy:check", plan_id=hengelo_plan.pk)
    assert "Doel zonder effectindicator (22)" in page
    assert "Capaciteitsaandelen tellen niet op tot 100 % (1)" in page


@pytest.mark.parametrize(
    ("kind", "content_type"), [("json", "application/json"), ("xlsx", "spreadsheetml"), ("pdf", "pdf")]
)
def test_downloads(client: Client, raadslid: User, hengelo_plan: Plan, kind: str, content_type: str) -> None:
    response = client.get(reverse("policy:export", kwargs={"plan_id": hengelo_plan.pk}), {"formaat": kind})
    assert response.status_code == 200 and content_type in response["Content-Type"]
    assert response["Content-Disposition"] == f'attachment; filename="hengelo_ivp_2017_2020.{kind}"'


def test_api_returns_the_export(
    client: Client, org_a: object, make_user: object, login: object, hengelo_plan: Plan
) -> None:
    from kompas.accounts.roles import Role

    login(client, make_user(Role.ANALIST, org_a, username="api-analist"))  # type: ignore[operator]  # the login fixture, typed loosely here
    data = client.get(reverse("api:plan_detail", kwargs={"plan_id": hengelo_plan.pk})).json()
    assert data["budget"]["stated_total"] == 180000 and len(data["themes"]) == 8


def test_no_plan_yet(client: Client, raadslid: User) -> None:
    assert "Uw organisatie heeft nog geen veiligheidsplan in Kompas." in _get(client, "policy:home")
