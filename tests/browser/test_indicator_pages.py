# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A council member opens an indicator and its values per wijk; the pages pass axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute
from kompas.indicators.models import Indicator
from tests.browser.conftest import load_demo, screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in
from tests.indicators.factories import RATE, burglary_panel, define, make_group

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server: Any) -> str:
    load_demo()
    with scopes_disabled():
        organisation = Organisation.objects.order_by("pk").first()
    assert organisation is not None
    burglary_panel(organisation)
    make_group("testgroep", ["WK999901", "WK999902"])
    define(RATE)
    compute(actor=None)
    return str(live_server.url)


def test_indicator_page_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "raadslid")
    page.get_by_role("navigation").get_by_role("link", name="Indicatoren").click()
    assert serious_violations(page) == []
    # The demo's standard set has a national indicator of the same name; take the test panel's.
    with scopes_disabled():
        panel = Indicator.objects.get(code="inbraak_per_1000")
    page.locator(f'a[href="/indicatoren/{panel.pk}/"]').click()
    assert page.get_by_role("heading", level=1).inner_text() == "Woninginbraken per 1.000 woningen"
    page.get_by_label("Niveau").select_option("wijk")
    page.get_by_role("button", name="Tonen").click()
    assert page.get_by_role("row", name="Wijk 01").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "indicator")
