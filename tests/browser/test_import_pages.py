# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Upload, error report and import history in a real browser, checked with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import load_demo, screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)
HEADER = "jaar,maand,wijk_code,buurt_code,delict_code,aantal\n"
BAD = HEADER + "2011,1,WK016401,BU01640100,104,-3\n2011,13,WK016401,BU01640100,104,1\n"


@pytest.fixture
def demo(live_server: Any) -> str:
    load_demo()
    return str(live_server.url)


def test_upload_with_errors_shows_the_report_and_is_accessible(page: Page, demo: str, tmp_path: Path) -> None:
    log_in(page, demo, "analist")
    page.goto(f"{demo}/gegevens/importeren/")
    assert page.get_by_role("heading", level=1).inner_text() == "Gegevens importeren"
    assert serious_violations(page) == []
    path = tmp_path / "misdrijven.csv"
    path.write_text(BAD, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(path))
    page.locator("#id_format").select_option("politie-buurt-maand")
    page.get_by_role("button", name="Controleren en importeren").click()
    page.wait_for_url("**/gegevens/importruns/**")
    assert page.get_by_text("Afgewezen: 2 fouten in het bestand; er is niets opgeslagen.").first.is_visible()
    assert page.get_by_role("table").filter(has_text="regel 3").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "importrun-fouten")


def test_history_lists_the_demo_imports_and_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "analist")
    page.get_by_role("link", name="Gegevens").click()
    page.wait_for_url(f"{demo}/gegevens/")
    assert page.locator("tbody tr").count() >= 10  # the demo's open data files
    assert serious_violations(page) == []
    page.locator("tbody a").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Import ")
    assert serious_violations(page) == []
    screenshot(page, "importgeschiedenis")
