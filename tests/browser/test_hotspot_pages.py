# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forecast page with its map and accuracy panel passes axe-core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from tests.browser.conftest import screenshot, serious_violations
from tests.conftest import PASSWORD
from tests.hotspots.test_views import BURGLARY, _store_burglaries

pytestmark = pytest.mark.django_db(transaction=True)


def test_forecast_page_with_map_and_accuracy_is_accessible(
    page: Page, live_server: Any, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    _store_burglaries(org_a)
    user = make_user(Role.ANALIST, org_a)
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("navigation").get_by_role("link", name="Hotspots").click()
    page.get_by_role("link", name="Voorspelling per week uit incidenten").click()
    assert serious_violations(page) == []
    page.get_by_label("Soort incident").select_option(BURGLARY)
    page.get_by_label("Methode").select_option("longrun")
    page.get_by_label("Week vanaf").fill("2022-06-06")
    page.get_by_role("button", name="Voorspellen").click()
    page.get_by_role("heading", name="Nauwkeurigheid in de 12 weken ervoor").wait_for()
    assert page.locator(".chart__image svg").count() == 1
    page.get_by_text("Toon tabel").click()
    assert serious_violations(page) == []
    screenshot(page, "hotspots-voorspelling")
