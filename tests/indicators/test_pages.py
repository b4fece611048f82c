# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator pages and the indicator API: what they show, to whom, and in how many queries."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled
from pytest_django import DjangoAssertNumQueries

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.compute import compute
from kompas.indicators.models import Indicator
from tests.indicators.factories import COUNT, RATE, burglary_panel, define, make_group

pytestmark = pytest.mark.django_db
OWN = """
[[indicator]]
code = "eigen_telling"
name = "Eigen telling"
formula = "count"
numerator = "inbraak"
"""


@pytest.fixture
def indicator(org_a: Organisation) -> Indicator:
    burglary_panel(org_a)
    make_group("testgroep", ["WK999901", "WK999902"])
    define(RATE, COUNT)
    compute(actor=None)
    with scopes_disabled():
        return Indicator.objects.get(code="inbraak_per_1000")


def test_list_shows_the_definitions(client: Client, beheerder_a: User, indicator: Indicator) -> None:
    page = client.get(reverse("indicators:indicator_list")).content.decode()
    assert "Woninginbraken per 1.000 woningen" in page and "Per N van een noemer" in page


def test_detail_shows_gemeente_years_by_default(
    client: Client,
    beheerder_a: User,
    indicator: Indicator,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_max_num_queries(20):
        page = client.get(reverse("indicators:indicator_detail", args=[indicator.pk])).content.decode()
    assert "Gemeente, Jaar vanaf 2015-01-01" in page
    assert "Testgemeente" in page and "68,57" in page  # 240 / 3.500 × 1.000
    assert "test.csv" in page  # the import run the values came from


def test_detail_shows_the_chosen_level_and_period(
    client: Client, beheerder_a: User, indicator: Indicator
) -> None:
    url = reverse("indicators:indicator_detail", args=[indicator.pk])
    page = client.get(url, {"niveau": "wijk", "periode": "month", "begin": "2014-03-01"}).content.decode()
    assert "Wijk, Maand vanaf 2014-03-01" in page
    assert "testgroep" not in page.lower() or "Testgroep" in page  # the group's name, not its code
    assert "1 / 2" in page and "2 / 2" in page  # ranks of both wijken in the group


def test_api_lists_indicators_and_filters_values(
    client: Client,
    beheerder_a: User,
    indicator: Indicator,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_max_num_queries(12):
        listed = client.get("/api/v1/indicators").json()
    assert [item["code"] for item in listed["results"]] == ["inbraak_aantal", "inbraak_per_1000"]
    assert listed["results"][1]["definition"]["denominator"] == "woningen"
    count, rate = (item["definition"] for item in listed["results"])
    # The count has no index and says why; the rate with a direction has one.
    assert (count["comparable"], count["compared"], count["not_compared_reason"]) == (
        None,
        False,
        "Een aantal groeit met de grootte van het gebied; vergelijk per inwoner of per woning.",
    )
    assert (rate["compared"], rate["not_compared_reason"]) == (True, "")
    values = client.get(
        f"/api/v1/indicators/{indicator.pk}/values",
        {"level": "gemeente", "period_length": "year", "period_start": "2015-01-01"},
    ).json()
    assert [(v["area_code"], v["n"], v["denominator"]) for v in values["results"]] == [
        ("GM9999", 240, 3500.0)
    ]
    assert client.get(f"/api/v1/indicators/{indicator.pk}/values", {"level": "planeet"}).status_code == 400


def test_another_organisations_indicator_is_not_found(
    client: Client, beheerder_a: User, org_b: Organisation, indicator: Indicator
) -> None:
    define(OWN, organisation=org_b)
    compute(actor=None)
    with scopes_disabled():
        own = Indicator.objects.get(code="eigen_telling")
    assert client.get(reverse("indicators:indicator_detail", args=[own.pk])).status_code == 404
    assert client.get(f"/api/v1/indicators/{own.pk}").status_code == 404
    assert client.get(f"/api/v1/indicators/{own.pk}/values").status_code == 404
    assert "eigen_telling" not in client.get("/api/v1/indicators").content.decode()


@pytest.mark.parametrize(("role", "shown"), [(Role.RAADSLID, "&lt; 5"), (Role.ANALIST, "3,00")])
def test_small_counts_are_withheld_from_a_council_member(
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    indicator: Indicator,
    role: Role,
    shown: str,
) -> None:
    login(client, make_user(role, org_a))
    with scopes_disabled():
        count = Indicator.objects.get(code="inbraak_aantal")
    choice = {"niveau": "buurt", "periode": "month", "begin": "2014-03-01"}
    page = client.get(reverse("indicators:indicator_detail", args=[count.pk]), choice).content.decode()
    cells = re.findall(r'<td class="number">([^<]*)</td>', page.split("BU99990101", 1)[1].split("</tr>")[0])
    assert cells[0] == shown  # 3 burglaries a month in that buurt
    rate = client.get(reverse("indicators:indicator_detail", args=[indicator.pk]), choice).content.decode()
    row = rate.split("BU99990101", 1)[1].split("</tr>")[0]
    assert ("n &lt; 5" in row) is (role == Role.RAADSLID)


def test_detail_says_why_a_count_has_no_index(
    client: Client, beheerder_a: User, indicator: Indicator
) -> None:
    with scopes_disabled():
        count = Indicator.objects.get(code="inbraak_aantal")
    choice = {"niveau": "wijk", "periode": "month", "begin": "2014-03-01"}
    page = " ".join(
        client.get(reverse("indicators:indicator_detail", args=[count.pk]), choice).content.decode().split()
    )
    reason = "Een aantal groeit met de grootte van het gebied; vergelijk per inwoner of per woning."
    assert f"<dd>Nee — {reason}</dd>" in page
    assert f"geen index of rang: {reason}" in page
    assert page.count(f'<span title="{reason}">niet vergelijkbaar</span>') == 2  # both wijken
    rate = " ".join(
        client.get(reverse("indicators:indicator_detail", args=[indicator.pk]), choice)
        .content.decode()
        .split()
    )
    assert "index en rang tegen de genoemde groep in dezelfde periode" in rate
    assert "niet vergelijkbaar" not in rate
