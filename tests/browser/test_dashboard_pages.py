# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dashboard, theme, wijk and report pages with the demo's real data: filters in place, axe-core clean.

Each page is saved as a screenshot in test-artifacts/, and the first page of a report PDF as PNG.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from typing import Any

import pytest
from django.core.cache import cache
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from kompas.observations.models import Observation
from tests.browser.conftest import ARTIFACTS, load_demo, screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server: Any) -> str:
    load_demo()
    return str(live_server.url)


def test_dashboard_filters_in_place_and_theme_page(page: Page, demo: str) -> None:
    log_in(page, demo, "raadslid")
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom bij Kompas, Gemeente Hengelo"
    assert page.locator(".tile").count() == 8
    assert page.locator("#dashboard-inhoud svg").count() >= 1  # the map, drawn from stored boundaries
    assert serious_violations(page) == []
    screenshot(page, "dashboard")
    page.evaluate("window.__marker = 'zelfde pagina'")
    page.get_by_label("Gebiedsniveau").select_option("buurt")
    page.wait_for_url("**niveau=buurt**")
    page.get_by_text("per buurt").first.wait_for()
    assert page.evaluate("window.__marker") == "zelfde pagina"  # htmx swapped the part in place
    assert serious_violations(page) == []
    page.get_by_role("link", name="T2 Binnenstad").click()
    assert page.get_by_role("heading", level=1).inner_text() == "T2 Binnenstad"
    assert "niveau=buurt" in page.url  # the link kept the filters
    assert page.get_by_role("heading", name="Indicatoren").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "dashboard-thema")


def test_wijk_page_and_report_page(page: Page, demo: str, settings: Any) -> None:
    # The report is made at once instead of by the worker pool, which cannot see the test database.
    settings.TASKS = {
        **settings.TASKS,
        "reports": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    log_in(page, demo, "analist")
    page.locator("#dashboard-inhoud table a").first.click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("Veiligheidsbeeld ")
    page.get_by_text("Toon tabel").first.click()
    assert serious_violations(page) == []
    screenshot(page, "dashboard-wijk")
    page.get_by_role("link", name="Rapportages", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Rapportages"
    assert serious_violations(page) == []
    screenshot(page, "rapportages")
    page.get_by_label("Rapportage").select_option("veiligheidsbeeld")
    page.get_by_role("button", name="Rapportage maken").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="ophalen").click()
    pdf = ARTIFACTS / "veiligheidsbeeld.pdf"
    download.value.save_as(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(ARTIFACTS / "rapport-pdf")], check=True)
    assert (ARTIFACTS / "rapport-pdf-1.png").exists()


def _inhabitants_2023() -> None:
    """Store the demo's inhabitants of 1 January 2024 once more as of 2023, the year of its crime map.

    Made up for the test: the demo ships CBS's inhabitants of 2024 only, which a 2023 map never
    divides by.
    """
    with scopes_disabled():
        found = Observation.objects.filter(measure__code="inwoners", period_start=dt.date(2024, 1, 1))
        Observation.objects.bulk_create(
            Observation(
                measure_id=row.measure_id,
                area_id=row.area_id,
                period_start=dt.date(2023, 1, 1),
                period_length=row.period_length,
                value=row.value,
            )
            for row in found
        )
    cache.clear()


def test_map_per_1000_inhabitants_switches_in_place(page: Page, demo: str) -> None:
    _inhabitants_2023()
    log_in(page, demo, "analist")
    image = page.locator("#dashboard-inhoud .chart__image").first
    title = "Totaal misdrijven per 1.000 inwoners per wijk, 2023 (inwoners 2023)."
    expect(image).to_have_attribute("aria-label", re.compile("^" + re.escape(title)))
    display = page.get_by_label("Weergave op de kaart")
    display.select_option("aantal")
    page.wait_for_url("**weergave=aantal**")
    expect(image).to_have_attribute("aria-label", re.compile(r"^Totaal misdrijven per wijk, 2023\."))
    # The inhabitants themselves have no rate: the field goes, and comes back with the choice kept.
    page.get_by_label("Maatstaf op de kaart").select_option("inwoners")
    expect(display).to_be_hidden()
    page.get_by_label("Maatstaf op de kaart").select_option("misdrijven_totaal")
    expect(display).to_be_visible()
    expect(display).to_have_value("aantal")
    assert serious_violations(page) == []
    page.locator("#dashboard-inhoud table a").first.click()
    assert "weergave=aantal" in page.url
    expect(page.get_by_label("Weergave op de kaart")).to_have_value("aantal")
    assert serious_violations(page) == []
