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
