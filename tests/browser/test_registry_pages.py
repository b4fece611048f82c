# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The registry pages pass axe-core: the event application form (with its errors), the calendar
by month and as a list (the demo event labelled "demo"), the activity form and list, the paspoort
dossier and overview. Demo
accounts with fictitious entries; the full demo is not loaded (only the accounts and two areas),
to keep the test short (about 30 s).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pyotp
import pytest
from django_scopes import scope
from playwright.sync_api import Page

from kompas.accounts.demo import DEMO_TOTP_KEY_HEX, load_demo_accounts
from kompas.accounts.models import User
from kompas.registry.events import EventInput, record_event
from kompas.registry.models import OtoKind
from kompas.registry.oto import Present, record_oto_activity
from tests.browser.conftest import screenshot, serious_violations
from tests.browser.test_accounts_pages import _base32, log_in
from tests.registry.factories import ensure_areas, make_functionary

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def registry(live_server: Any) -> str:
    load_demo_accounts()
    oov = User.objects.get(username="oov")
    ensure_areas(oov.organisation)
    with scope(organisation=oov.organisation_id):
        record_event(
            actor=oov,
            data=EventInput(
                name="Festival Demo",
                organiser="Stichting Demo",
                start=dt.date(2018, 6, 15),
                end=dt.date(2018, 6, 17),
                area_code="GM0164",
                location="Marktplein",
                answers={
                    "bezoekers": 12000,
                    "alcohol": True,
                    "drugs": True,
                    "risicopubliek": False,
                    "vuurwerk": False,
                    "openbare_weg": False,
                    "nacht": True,
                },
                is_demo=True,  # a fictitious entry: the calendar says so
            ),
        )
        person = make_functionary(oov.organisation, oov, "Deelnemer 1")
        record_oto_activity(
            actor=oov,
            kind=OtoKind.TRAINING,
            title="Training Demo",
            date=dt.date(2018, 2, 1),
            cost=None,
            present=[Present(person, "voldoende")],
        )
    return str(live_server.url)


def _as_oov(page: Page, base: str) -> None:
    log_in(page, base, "oov")
    page.get_by_label("Code uit de authenticator-app").fill(pyotp.TOTP(_base32(DEMO_TOTP_KEY_HEX)).now())
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{base}/")


def test_event_form_and_calendar_are_accessible(page: Page, registry: str) -> None:
    _as_oov(page, registry)
    page.goto(f"{registry}/registers/evenementen/")
    assert page.get_by_role("link", name="Festival Demo").count() == 1
    assert page.get_by_role("note").get_by_text("Deze kalender bevat demogegevens").is_visible()
    assert page.get_by_role("cell", name="Festival Demo (demo)", exact=True).count() == 1
    assert serious_violations(page) == []
    page.goto(f"{registry}/registers/evenementen/?weergave=maand&maand=2018-06")
    assert page.get_by_role("link", name="Festival Demo").count() == 3
    assert serious_violations(page) == []
    screenshot(page, "evenementenkalender")
    page.goto(f"{registry}/registers/evenementen/nieuw/")
    assert serious_violations(page) == []
    page.get_by_label("Naam van het evenement").fill("Buurtfeest Demo")
    page.get_by_role("button", name="Opslaan").click()  # most fields empty: errors shown
    assert page.locator(".error-list").count() > 0
    assert serious_violations(page) == []
    screenshot(page, "evenement-aanvragen")


def test_activity_form_and_list_are_accessible(page: Page, registry: str) -> None:
    _as_oov(page, registry)
    page.goto(f"{registry}/registers/activiteiten/nieuw/")
    assert serious_violations(page) == []
    page.get_by_label("Titel").fill("Training Demo")
    page.get_by_label("Begindatum").fill("2018-03-06")
    page.get_by_label("Einddatum").fill("2018-03-05")
    page.get_by_label("Gebied").fill("GM0164")
    page.get_by_label("Organisator").fill("Team OOV")
    page.get_by_label("Aantal deelnemers").fill("12")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De einddatum ligt voor de begindatum.").count() == 1
    assert serious_violations(page) == []
    page.get_by_label("Einddatum").fill("2018-03-06")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Training Demo"
    assert serious_violations(page) == []
    page.goto(f"{registry}/registers/activiteiten/")
    assert serious_violations(page) == []


def test_paspoort_dossier_is_accessible(page: Page, registry: str) -> None:
    _as_oov(page, registry)
    page.goto(f"{registry}/registers/paspoort/?jaar=2018")
    assert "Dossier vakbekwaamheid van Deelnemer 1" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_text("Oefenen: nog 1 te gaan (0 van 1)").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "dossier-vakbekwaamheid")
    page.goto(f"{registry}/registers/paspoort/overzicht/?jaar=2018")
    assert serious_violations(page) == []


def test_paspoort_edit_forms_and_targets_file_are_accessible(page: Page, registry: str) -> None:
    _as_oov(page, registry)
    page.goto(f"{registry}/registers/paspoort/overzicht/?jaar=2018")
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+Training Demo$")).click()
    page.get_by_label("Kosten (€)").fill("-1")
    page.get_by_role("button", name="Opslaan").click()  # refused: one message at the field
    page.locator(".error-list").wait_for()
    assert page.get_by_text("De kosten kunnen niet negatief zijn.").count() == 1
    assert serious_violations(page) == []
    page.goto(f"{registry}/registers/paspoort/overzicht/?jaar=2018")
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+Deelnemer 1$")).click()
    assert serious_violations(page) == []
    page.goto(f"{registry}/registers/paspoort/overzicht/?jaar=2018")
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+Officier van Dienst Bevolkingszorg$")).click()
    assert serious_violations(page) == []
    page.goto(f"{registry}/registers/streefcijfers/inlezen/")
    page.get_by_label("Bestand met streefcijfers").set_input_files(
        files=[
            {
                "name": "kapot.toml",
                "mimeType": "text/plain",
                "buffer": b'format = "kompas-streefcijfers"\nyear = 2016\n[[target]]\nmeasure = Bibob\n',
            }
        ]
    )
    page.get_by_role("button", name="Inlezen").click()
    page.locator(".message--error").wait_for()
    assert (
        page.get_by_text("kapot.toml, regel 4, kolom 11: hier is het bestand geen geldige TOML.").count() == 1
    )
    assert serious_violations(page) == []
