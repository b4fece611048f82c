# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture of Twente in the browser, checked by axe-core (0 serious or critical)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from kompas.accounts.demo import DEMO_PASSWORD
from kompas.accounts.models import OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.cooperation.platforms import save_platform
from tests.browser.conftest import screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in
from tests.reports.test_regional import load_twente

pytestmark = pytest.mark.django_db(transaction=True)


def test_regional_picture_in_the_browser(live_server: Any, page: Page) -> None:
    load_twente()
    regio = create_organisation(
        actor=None, code="platform", name="Platform IVZ (demo)", kind=OrganisationKind.REGIO, cbs_code=""
    )
    hengelo = create_organisation(
        actor=None, code="hengelo", name="Gemeente Hengelo", kind=OrganisationKind.GEMEENTE, cbs_code="GM0164"
    )
    save_platform(actor=None, organisation=regio, members=[hengelo])
    create_user(
        actor=None,
        organisation=regio,
        username="coordinator",
        password=DEMO_PASSWORD,
        role=Role.REGIOCOORDINATOR,
    )
    log_in(page, str(live_server.url), "coordinator")
    page.goto(f"{live_server.url}/regio/")
    page.get_by_role("heading", name="Regiobeeld Twente 2024").wait_for()
    table = page.get_by_role("table").first
    assert "Hengelo (O.)" in table.inner_text() and "12 / 14" in table.inner_text()
    page.get_by_label("Indicator").select_option("T1.I4")
    page.get_by_role("button", name="Tonen").click()
    page.get_by_text("niet vergelijkbaar").first.wait_for()
    screenshot(page, "regiobeeld")
    assert serious_violations(page) == []
