# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The report progress page in a real browser: waiting, then ready with its file; axe-core clean.

Data: the demo organisations and users with the Hengelo IVP (no observations: the plan report
needs none), so the test stays short.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from kompas.accounts.demo import load_demo_accounts
from kompas.policy.load import load_demo_plan
from tests.browser.conftest import screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan_only(live_server: Any) -> str:
    load_demo_accounts()
    load_demo_plan()
    return str(live_server.url)


def _reports_backend(settings: Any, backend: str) -> None:
    settings.TASKS = {**settings.TASKS, "reports": {"BACKEND": backend}}


def _ask_for_the_plan(page: Page, base: str) -> None:
    log_in(page, base, "raadslid")
    page.wait_for_url(lambda url: "/account/" not in url)
    page.goto(f"{base}/rapportages/")
    page.get_by_label("Rapportage:", exact=True).select_option("plan")
    page.get_by_label("Formaat").select_option("html")
    page.get_by_role("button", name="Rapportage maken").click()
    page.get_by_role("heading", level=1, name="Het hele veiligheidsplan").wait_for()


def test_a_waiting_report_shows_its_place_and_keeps_asking(page: Page, plan_only: str, settings: Any) -> None:
    _reports_backend(settings, "django_tasks.backends.dummy.DummyBackend")  # no worker takes it
    _ask_for_the_plan(page, plan_only)
    status = page.get_by_role("status")
    assert "In de wachtrij" in status.inner_text()
    assert status.get_attribute("hx-trigger") == "every 2s"
    assert serious_violations(page) == []
    screenshot(page, "rapportage-wachtrij")


def test_a_made_report_offers_its_file(page: Page, plan_only: str, settings: Any) -> None:
    _reports_backend(settings, "django_tasks.backends.immediate.ImmediateBackend")
    _ask_for_the_plan(page, plan_only)
    assert "Klaar" in page.get_by_role("status").inner_text()
    assert serious_violations(page) == []
    screenshot(page, "rapportage-klaar")
    page.get_by_role("link", name="Rapportages", exact=True).click()
    assert page.get_by_role("table").get_by_text("Klaar").is_visible()
    assert serious_violations(page) == []
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="ophalen").click()
    assert download.value.suggested_filename.endswith(".html")
