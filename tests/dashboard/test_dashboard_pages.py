# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The dashboard, a theme page and an area page: content, filters in the URL, htmx parts, query budgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from kompas import caching
from kompas.accounts.roles import Role
from kompas.policy.models import Plan
from tests.reports.factories import Hengelo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]
# Queries a page may make with a cold cache (at most 22 and 24 measured): session and user, the
# theme counts in three queries, the gemeente's catalogue, the map's areas and values, freshness;
# none of them repeats per theme, area or indicator.
DASHBOARD_BUDGET = 22
# A council member's area page also reads the gemeente's areas and counts of every year once for
# complementary suppression (2 queries, cached until the next import).
AREA_BUDGET = 26


@pytest.fixture(autouse=True)
def _cold_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def test_dashboard_shows_themes_map_and_freshness(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    page = as_role(Role.ANALIST).get("/").content.decode()
    for theme in plan.themes.all():
        assert f"{theme.code} {theme.title}" in " ".join(page.split())
    assert "Diefstal uit woning per wijk, 2023" in page
    query = "periode=2023&amp;niveau=wijk&amp;maatstaf=misdrijven_1_1_1&amp;weergave=per1000"
    assert f'href="/gebied/WK016402/?{query}"' in page
    assert "1 februari 2024, 10:30" in page and "januari 2022 – december 2023" in page
    assert "<svg" in page and 'role="img"' in page


def test_filters_are_in_the_url_and_htmx_gets_only_the_part(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    client = as_role(Role.ANALIST)
    full = client.get("/", {"periode": "2022", "niveau": "buurt"})
    assert '<option value="2022" selected>' in full.content.decode()
    part = client.get("/", {"periode": "2022", "niveau": "buurt"}, headers={"HX-Request": "true"})
    text = part.content.decode()
    assert "<html" not in text and "Thema’s: stand in 2022" in text
    assert "Diefstal uit woning per buurt, 2022" in text
    assert "HX-Request" in part["Vary"]


def test_unknown_filter_values_fall_back_to_the_defaults(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    page = as_role(Role.ANALIST).get("/", {"periode": "1800", "niveau": "straat", "maatstaf": "x"})
    assert page.status_code == 200
    query = "periode=2023&niveau=wijk&maatstaf=misdrijven_1_1_1&weergave=per1000"
    assert page.context["filters"].query() == query


def test_a_council_member_sees_small_counts_suppressed(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    values = {a.name: a.value for a in as_role(Role.RAADSLID).get("/").context["overview"].areas}
    assert values["Buitengebied"] == "< 5" and values["Slangenbeek"] == "< 5"
    assert values["Noord"] == 48


def test_an_analyst_sees_the_small_counts(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    values = {a.name: a.value for a in as_role(Role.ANALIST).get("/").context["overview"].areas}
    assert (values["Buitengebied"], values["Slangenbeek"]) == (3, 0)


def test_a_partner_gets_the_start_page(as_role: Callable[[Role], Client], plan: Plan) -> None:
    page = as_role(Role.PARTNER).get("/").content.decode()
    assert "Wat u kunt doen" in page and "Thema’s: stand" not in page


def test_area_page_compares_with_last_year_and_the_gemeente(
    as_role: Callable[[Role], Client], hengelo: Hengelo
) -> None:
    response = as_role(Role.ANALIST).get("/gebied/WK016402/", {"periode": "2023"})
    page = " ".join(response.content.decode().split())
    assert "Veiligheidsbeeld Noord" in page
    [row] = [r for r in response.context["picture"].rows if r.measure.code == "misdrijven_1_1_1"]
    assert (row.value, row.previous, row.change_pct) == (48, 60, -20)
    assert "Diefstal uit woning in Noord per jaar" in page
    assert [code for code, _name in response.context["picture"].parts][:2] == ["BU01640200", "BU01640201"]


@pytest.mark.parametrize("code", ["WK015301", "XX", "BU99999999"])
def test_area_outside_the_gemeente_is_not_found(
    as_role: Callable[[Role], Client], hengelo: Hengelo, code: str
) -> None:
    assert as_role(Role.ANALIST).get(f"/gebied/{code}/").status_code == 404


def test_theme_page_lists_indicators_and_actions(as_role: Callable[[Role], Client], plan: Plan) -> None:
    theme = plan.themes.get(code="T1")
    page = " ".join(as_role(Role.RAADSLID).get(f"/thema/{theme.pk}/").content.decode().split())
    assert "T1 Veilige wijken" in page
    assert "T1.I1" in page and "nog geen gegevens" in page
    assert "Acties en hun stand" in page


@pytest.fixture
def steady_change_counter(monkeypatch: pytest.MonkeyPatch) -> None:
    # The change counter is looked up again after COUNTER_SECONDS, which a cold page on a busy
    # machine can take; that repeat is not the page's cost.
    monkeypatch.setattr(caching, "COUNTER_SECONDS", 60)


@pytest.mark.usefixtures("steady_change_counter")
def test_dashboard_query_budget(
    as_role: Callable[[Role], Client],
    plan: Plan,
    hengelo: Hengelo,
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    client = as_role(Role.ANALIST)
    with django_assert_max_num_queries(DASHBOARD_BUDGET):  # type: ignore[attr-defined]  # pytest-django's fixture, typed loosely
        assert client.get("/", {"niveau": "buurt"}).status_code == 200


@pytest.mark.usefixtures("steady_change_counter")
def test_area_query_budget(
    as_role: Callable[[Role], Client],
    hengelo: Hengelo,
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    client = as_role(Role.RAADSLID)
    for code in ("GM0164", "WK016402", "BU01640200"):
        cache.clear()
        with django_assert_max_num_queries(AREA_BUDGET):  # type: ignore[attr-defined]  # pytest-django's fixture, typed loosely
            assert client.get(f"/gebied/{code}/").status_code == 200
