# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Both demo municipalities on real data: Hengelo (the plan) and Zoetermeer (the police panel).

After ``kompas demo --no-serve`` on an empty database each dashboard opens on a crime map, the
Zoetermeer analyst finds real alerts from the Den Haag police panel and can triage one, and
every page is free of serious and critical axe-core violations. The two dashboards are saved
as the README's screenshots in docs/img/. One test, because the demo loads once (about a
minute).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from kompas.config import PROJECT_DIR
from tests.browser.conftest import load_demo, screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)

README_IMAGES = PROJECT_DIR / "docs" / "img"


def _dashboard(page: Page, base: str, username: str, image: str) -> str:
    """Log in, check the dashboard, save it as ``docs/img/<image>.png``; return the map's label."""
    log_in(page, base, username)
    map_label = page.locator("#dashboard-inhoud .chart__image").first.get_attribute("aria-label") or ""
    assert serious_violations(page) == []
    page.screenshot(path=str(README_IMAGES / f"{image}.png"), full_page=True)
    page.context.clear_cookies()
    return map_label


def test_demo_municipalities_show_crime_maps_and_real_alerts(page: Page, live_server: Any) -> None:
    load_demo()
    base = str(live_server.url)

    # The plan demo: registered crime per wijk in 2023 (summed from the 47018NED buurt figures), per
    # 1.000 inhabitants of 1 January 2024, the only CBS year bundled for the buurten.
    assert _dashboard(page, base, "raadslid", "dashboard").startswith(
        "Totaal misdrijven per 1.000 inwoners per wijk, 2023 (inwoners 2024)."
    )

    # The police-panel demo: residential burglary per wijk in 2015, the panel's last year.
    title = _dashboard(page, base, "analist-zoetermeer", "dashboard-zoetermeer")
    assert title.startswith(
        "Woninginbraak incl. poging (burglary, attempted and successful) per 1.000 inwoners per wijk, 2015"
    )

    log_in(page, base, "analist-zoetermeer")
    page.get_by_role("link", name="Signaleringen", exact=True).click()
    rows = page.locator("table tbody tr")
    assert rows.count() >= 1
    assert "politie_delict_" in rows.first.inner_text()
    assert serious_violations(page) == []
    screenshot(page, "signaleringen-zoetermeer")

    rows.first.locator("a").first.click()
    assert serious_violations(page) == []
    page.get_by_label("Status").select_option("bekeken")
    page.get_by_label("Notitie").fill("Bekeken in de demo-test.")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Signalering bijgewerkt.").is_visible()
    screenshot(page, "signalering-zoetermeer")
