# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The area hotspot page with its map, method and tables passes axe-core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.models import Indicator
from tests.browser.conftest import screenshot, serious_violations
from tests.conftest import PASSWORD
from tests.hotspots.twente_crimes import RATE, load_twente_crimes

pytestmark = pytest.mark.django_db(transaction=True)


def test_area_hotspot_map_is_accessible(
    page: Page, live_server: Any, org_a: Organisation, make_user: Callable[..., User], tmp_path: Path
) -> None:
    load_twente_crimes(org_a, tmp_path)
    with scopes_disabled():
        indicator = Indicator.objects.get(code=RATE, organisation=None)
    user = make_user(Role.RAADSLID, org_a)
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("navigation").get_by_role("link", name="Hotspots").click()
    assert serious_violations(page) == []
    page.get_by_label("Indicator").select_option(str(indicator.pk))
    page.get_by_label("Niveau").select_option("buurt")
    page.get_by_role("button", name="Hotspots tonen").click()
    page.get_by_role("heading", name="Methode").wait_for()
    assert page.locator(".chart__image svg").count() == 1
    page.get_by_text("Toon tabel").click()
    assert serious_violations(page) == []
    screenshot(page, "hotspots-gebieden")
