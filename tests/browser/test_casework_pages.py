# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The casework pages (overview, signal, case, group, figures) pass axe-core for a participant."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from tests.browser.conftest import screenshot, serious_violations
from tests.casework.conftest import TEST_KEY
from tests.casework.factories import World, make_world
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(org_a: Organisation, org_b: Organisation, settings: Any) -> World:
    settings.CASEWORK_KEYS = [TEST_KEY]
    return make_world(org_a, org_b)


def _logged_in(page: Page, base: str, user: User) -> None:
    """Give the page the session of ``user`` with the second factor verified."""
    client = verified_login(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])


@pytest.mark.parametrize("role", [Role.OOV_ADVISEUR, Role.PARTNER], ids=str)
def test_casework_pages_are_accessible(
    role: Role, page: Page, live_server: Any, world: World, make_user: Callable[..., User]
) -> None:
    base = str(live_server.url)
    organisation = world.keeper if role == Role.OOV_ADVISEUR else world.participant
    _logged_in(page, base, make_user(role, organisation, username=f"browser-{role.value}"))
    pages = {
        "casuistiek": "/casuistiek/",
        "signaal": f"/casuistiek/signalen/{world.signal.pk}/",
        "casus": f"/casuistiek/casussen/{world.case.pk}/",
        "jeugdgroep": f"/casuistiek/jeugdgroepen/{world.group.pk}/",
    }
    if role == Role.OOV_ADVISEUR:  # the figures page is for roles with dashboard access
        pages["casuistiek-cijfers"] = "/casuistiek/cijfers/"
    for name, path in pages.items():
        response = page.goto(f"{base}{path}")
        assert response is not None and response.status == 200, (name, response and response.status)
        assert serious_violations(page) == [], name
        if role == Role.OOV_ADVISEUR:
            screenshot(page, name)


def test_the_open_a_signal_form_refuses_bad_input_then_records_the_signal(
    page: Page, live_server: Any, world: World
) -> None:
    """The adviser opens a signal: a future date is refused with one Dutch message and nothing is
    stored; corrected, the signal page shows the person; both pages pass axe-core."""
    from kompas.casework.models import Signal

    base = str(live_server.url)
    _logged_in(page, base, world.adviser)
    page.goto(f"{base}/casuistiek/")
    page.get_by_role("link", name="Signaal vastleggen").click()
    assert serious_violations(page) == []
    page.get_by_label("Afkomstig van").select_option("vergunningen")
    page.get_by_label("Categorie").select_option("vrijplaatsen")
    page.get_by_label("Ontvangen op").fill("2999-01-01")
    page.get_by_label("Betrokken personen").fill("Persoon Test-6")
    before = Signal.objects.count()
    page.get_by_role("button", name="Vastleggen").click()
    error = page.locator(".error-list")
    assert error.count() == 1
    assert error.inner_text() == "Een signaal kan niet in de toekomst zijn ontvangen."
    assert Signal.objects.count() == before
    assert serious_violations(page) == []
    screenshot(page, "casuistiek-signaal-vastleggen-fout")
    page.get_by_label("Ontvangen op").fill("2025-02-10")
    page.get_by_role("button", name="Vastleggen").click()
    page.wait_for_url(f"{base}/casuistiek/signalen/*/")
    assert Signal.objects.count() == before + 1
    assert "Persoon Test-6" in page.content()
    assert "Het signaal is vastgelegd." in page.content()
    assert serious_violations(page) == []
