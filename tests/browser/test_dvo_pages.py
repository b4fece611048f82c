# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""DVO meeting dates and the regional picture's open-data alarms in the browser, checked by axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
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
YEAR = timezone.localdate().year + 1


def test_dvo_dates_and_the_alarm_table_in_the_browser(live_server: Any, page: Page) -> None:
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
    base = str(live_server.url)
    log_in(page, base, "coordinator")
    page.goto(f"{base}/samenwerking/dvo/?jaar={YEAR}")
    page.get_by_role("heading", name=f"DVO-vergaderingen {YEAR}").wait_for()
    field = page.get_by_label(f"Vergaderdata in {YEAR} (dd-mm-jjjj, één per regel)")
    field.fill(f"10-02-{YEAR}\n31-02-{YEAR}")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("alert").wait_for()
    assert f"‘31-02-{YEAR}’ is geen datum" in page.get_by_role("alert").inner_text()
    assert serious_violations(page) == []
    page.get_by_label(f"Vergaderdata in {YEAR} (dd-mm-jjjj, één per regel)").fill(
        f"10-02-{YEAR}\n14-04-{YEAR}"
    )
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text(f"2 vergaderingen in {YEAR}").wait_for()
    assert serious_violations(page) == []
    screenshot(page, "dvo-vergaderingen")
    page.goto(f"{base}/regio/")
    page.get_by_role("heading", name="Signaleringen uit open data").wait_for()
    assert (
        "geen maand- of weekreeksen in open data" in page.locator("#signaleringen + p + table").inner_text()
    )
    assert serious_violations(page) == []
