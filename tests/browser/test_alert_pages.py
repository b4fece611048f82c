# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The alerts page filters without reloading and, with an alert open, passes axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from kompas.accounts.queries import organisation_by_code
from tests.alerts.factories import make_alert
from tests.browser.conftest import load_demo, screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server: Any) -> str:
    load_demo()
    organisation = organisation_by_code("hengelo")
    assert organisation is not None
    make_alert(organisation, area_code="WK016401")
    make_alert(organisation, area_code="WK016402")
    return str(live_server.url)


def test_alert_list_filters_without_reload_and_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "analist")
    page.goto(f"{demo}/signaleringen/")
    assert serious_violations(page) == []
    page.evaluate("window.__marker = 'zelfde pagina'")
    page.get_by_label("Gebiedscode").fill("WK016402")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**area=WK016402**")
    assert page.evaluate("window.__marker") == "zelfde pagina"  # htmx swapped the table in place
    assert page.locator("#alert-table tbody tr").count() == 1
    screenshot(page, "signaleringen")


def test_alert_detail_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "analist")
    page.goto(f"{demo}/signaleringen/")
    page.locator("#alert-table a").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Signalering: woninginbraak")
    page.get_by_text("Toon tabel").click()
    assert serious_violations(page) == []
    screenshot(page, "signalering")
