# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A council member reads a themablad and compares the scenarios; both pages pass axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import load_demo, screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server: Any) -> str:
    load_demo()
    return str(live_server.url)


def test_themablad_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "raadslid")
    page.get_by_role("link", name="Veiligheidsplan").click()
    page.get_by_role("link", name="T1 Veilige wijken, samenredzaamheid, overlast gevende personen").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("T1 Veilige wijken")
    for question in ("Waar gaat het om?", "Wat willen we bereiken?", "Hoe gaan we dat meten?"):
        assert page.get_by_role("heading", name=question).is_visible()
    assert serious_violations(page) == []
    screenshot(page, "themablad")


def test_scenario_page_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "raadslid")
    page.get_by_role("link", name="Veiligheidsplan").click()
    page.get_by_role("link", name="Capaciteit en scenario’s").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Capaciteit en scenario’s"
    page.get_by_text("Toon tabel").click()
    assert serious_violations(page) == []
    page.get_by_label("Formatie OOV (fte)").fill("4")
    page.get_by_role("button", name="Doorrekenen").click()
    assert page.get_by_text("Dit zijn uw proefcijfers").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "scenarios")
