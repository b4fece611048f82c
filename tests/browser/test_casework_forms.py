# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The round-5 casework forms in a browser: triage of a case, reclassifying and dissolving a youth
group — a refusal shows one Dutch message and stores nothing; every page passes axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

from kompas.accounts.models import Organisation, User
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
    page.set_default_timeout(90_000)  # the first page of a live server is slow on a busy machine
    client = verified_login(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])


def test_triage_of_a_case_refuses_no_change_then_records_the_new_level(
    page: Page, live_server: Any, world: World
) -> None:
    from kompas.casework.models import Case

    base = str(live_server.url)
    _logged_in(page, base, world.adviser)
    page.goto(f"{base}/casuistiek/casussen/{world.case.pk}/")
    assert serious_violations(page) == []
    form = page.locator("form[aria-labelledby=triage]")
    form.get_by_role("button", name="Niveau en kader vastleggen").click()
    error = page.locator(".error-list")
    assert error.count() == 1
    assert error.inner_text() == "Niveau en kader zijn niet veranderd; er is niets opgeslagen."
    assert Case.objects.get(pk=world.case.pk).version == world.case.version
    assert serious_violations(page) == []
    form = page.locator("form[aria-labelledby=triage]")
    form.get_by_label("Niveau na triage").select_option("bovenlokaal")
    form.get_by_label("Kader").select_option("dwang")
    form.get_by_role("button", name="Niveau en kader vastleggen").click()
    page.wait_for_url(f"{base}/casuistiek/casussen/{world.case.pk}/")
    assert "Het niveau en het kader zijn vastgelegd." in page.content()
    case = Case.objects.get(pk=world.case.pk)
    assert (case.level, case.frame) == ("bovenlokaal", "dwang")
    assert serious_violations(page) == []
    screenshot(page, "casuistiek-casus-triage")


def test_a_group_is_reclassified_then_dissolved_and_a_bad_date_is_refused(
    page: Page, live_server: Any, world: World
) -> None:
    from kompas.casework.models import YouthGroup

    base = str(live_server.url)
    url = f"{base}/casuistiek/jeugdgroepen/{world.group.pk}/"
    _logged_in(page, base, world.adviser)
    page.goto(url)
    assert serious_violations(page) == []
    form = page.locator("form[aria-labelledby=classificeren]")
    form.get_by_label("Nieuwe classificatie").select_option("crimineel")
    form.get_by_label("Geldt vanaf").fill("2025-03-01")
    form.get_by_role("button", name="Classificatie vastleggen").click()
    page.wait_for_url(url)
    assert "De nieuwe classificatie is vastgelegd." in page.content()
    dissolve = page.locator("form[aria-labelledby=opheffen]")
    dissolve.get_by_label("Opgeheven op").fill("2025-01-01")  # before the group came into view
    dissolve.get_by_role("button", name="Groep opheffen").click()
    error = page.locator(".error-list")
    assert error.count() == 1
    assert error.inner_text() == "Een groep wordt opgeheven tussen het in beeld komen en vandaag."
    assert YouthGroup.objects.get(pk=world.group.pk).dissolved_on is None
    assert serious_violations(page) == []
    screenshot(page, "casuistiek-jeugdgroep-opheffen-fout")
    dissolve = page.locator("form[aria-labelledby=opheffen]")
    dissolve.get_by_label("Opgeheven op").fill("2025-04-01")
    dissolve.get_by_role("button", name="Groep opheffen").click()
    page.wait_for_url(url)
    assert "De groep is opgeheven." in page.content()
    assert "Opgeheven op 1 april 2025; de classificatie ligt vast." in page.content()
    group = YouthGroup.objects.get(pk=world.group.pk)
    assert (group.classification, str(group.dissolved_on)) == ("crimineel", "2025-04-01")
    assert serious_violations(page) == []
