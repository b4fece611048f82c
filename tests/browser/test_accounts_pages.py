# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Login, second factor and start page in a real browser, checked with axe-core."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from playwright.sync_api import Page

from kompas.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_KEY_HEX
from tests.browser.conftest import load_demo, screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server: Any) -> str:
    load_demo()
    return str(live_server.url)


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_login_page_is_dutch_and_accessible(page: Page, demo: str) -> None:
    page.goto(f"{demo}/account/inloggen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen bij Kompas"
    assert serious_violations(page) == []
    screenshot(page, "inloggen")


def test_start_page_after_login_is_accessible(page: Page, demo: str) -> None:
    log_in(page, demo, "analist")
    page.wait_for_url(f"{demo}/")
    assert "Welkom bij Kompas, Gemeente Hengelo" in page.get_by_role("heading", level=1).inner_text()
    assert serious_violations(page) == []
    screenshot(page, "start")


def test_skip_link_moves_focus_to_main(page: Page, demo: str) -> None:
    page.goto(f"{demo}/account/inloggen/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_beheerder_needs_the_second_factor(page: Page, demo: str) -> None:
    log_in(page, demo, "beheerder")
    page.wait_for_url(f"{demo}/account/tweestaps/")
    assert serious_violations(page) == []
    code = pyotp.TOTP(_base32(DEMO_TOTP_KEY_HEX)).now()
    page.get_by_label("Code uit de authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{demo}/")
    page.get_by_role("link", name="Audittrail").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Audittrail"
    assert serious_violations(page) == []


def _base32(hex_key: str) -> str:
    from base64 import b32encode

    return b32encode(bytes.fromhex(hex_key)).decode()


def test_password_reset_and_forced_change_are_accessible(page: Page, demo: str) -> None:
    # The beheerder gives the analist a temporary password; the analist must choose their own.
    log_in(page, demo, "beheerder")
    page.get_by_label("Code uit de authenticator-app").fill(pyotp.TOTP(_base32(DEMO_TOTP_KEY_HEX)).now())
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{demo}/")
    page.get_by_role("link", name="Gebruikers").click()
    page.get_by_role("link", name="analist", exact=True).click()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Tijdelijk wachtwoord geven").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tijdelijk wachtwoord voor analist"
    assert serious_violations(page) == []
    temporary = page.locator(".temporary-password code").inner_text()
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("Gebruikersnaam").fill("analist")
    page.get_by_label("Wachtwoord").fill(temporary)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{demo}/account/wachtwoord/")
    assert serious_violations(page) == []
    screenshot(page, "wachtwoord-wijzigen")
    page.get_by_label("Huidig wachtwoord").fill(temporary)
    page.get_by_label("Nieuw wachtwoord:", exact=True).fill("een-eigen-nieuw-wachtwoord-77")
    page.get_by_label("Nieuw wachtwoord (nogmaals)").fill("een-eigen-nieuw-wachtwoord-77")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.wait_for_url(f"{demo}/")
    assert "Uw wachtwoord is gewijzigd." in page.content()
