# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A Platform project from request to evaluation in the browser, every page type checked by axe-core."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page

from kompas.accounts.demo import DEMO_PASSWORD
from kompas.accounts.models import OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.formats import ASSIGNMENT, EVALUATION, PLAN
from kompas.cooperation.models import Document, Project, ProjectState
from kompas.cooperation.platforms import save_platform
from tests.browser.conftest import screenshot, serious_violations
from tests.browser.test_accounts_pages import log_in
from tests.cooperation.factories import BEVOLKING_2024

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def platform(live_server: Any) -> str:
    """A demo Platform with Hengelo as member, a regiocoördinator and a projectleider."""
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
    create_user(
        actor=None,
        organisation=hengelo,
        username="projectleider",
        password=DEMO_PASSWORD,
        role=Role.PROJECTLEIDER,
    )
    return str(live_server.url)


def _step(page: Page, name: str, fill: dict[str, str] | None = None, checks: tuple[str, ...] = ()) -> None:
    page.get_by_role("link", name=name).click()
    for label, value in (fill or {}).items():
        page.get_by_label(_label(label)).fill(value)
    for label in checks:
        page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name=name).click()
    page.get_by_text(f"Stap gezet: {name}.").wait_for()


def _label(text: str) -> re.Pattern[str]:
    """Match a field's label with or without Django's label suffix."""
    return re.compile("^" + re.escape(text) + ":?$")


def _answers(fields: tuple[Any, ...]) -> dict[str, str]:
    return {str(field.label): f"Demo-antwoord {number}" for number, field in enumerate(fields, start=1)}


def test_a_project_from_request_to_evaluation(page: Page, platform: str) -> None:
    base = platform
    log_in(page, base, "coordinator")
    page.goto(f"{base}/samenwerking/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Projectverzoek indienen").click()
    page.get_by_label("Titel").fill("Demo-project buurtbemiddeling")
    page.get_by_label("Verzoek").fill("Demo: regionale aanpak")
    page.get_by_label("Het DVO").check()
    for name in sorted(PARTICIPANTS.values())[:8]:
        page.get_by_label(name, exact=True).check()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Indienen").click()
    page.get_by_text("Het projectverzoek is ingediend.").wait_for()
    assert serious_violations(page) == []

    page.get_by_role("link", name="Projectopdracht opstellen").click()
    # the help questions of bijlage 4 are shown with their field
    assert page.get_by_text("Wat gebeurt er als de uitdaging niet wordt opgepakt?").is_visible()
    assert serious_violations(page) == []
    page.go_back()
    _step(page, "Projectopdracht opstellen", _answers(ASSIGNMENT))
    criteria = (
        "Primaat openbare orde en veiligheid",
        "DVO besluitvormend orgaan",
        "Actueel / urgent / hoog afbreukrisico",
    )
    page.get_by_role("link", name="Selecteren").click()
    for label in criteria:
        page.get_by_label(label).check()
    page.get_by_role("button", name="Selecteren").click()
    assert page.get_by_text("Niet aan dit criterium voldaan.").is_visible()  # haalbaarheid not ticked
    assert serious_violations(page) == []
    page.get_by_label("Haalbaar binnen de planning / legt realistisch beslag op de middelen").check()
    page.get_by_role("button", name="Selecteren").click()
    page.get_by_text("Stap gezet: Selecteren.").wait_for()
    page.get_by_role("link", name="Portefeuillehouder en projectleider toewijzen").click()
    page.get_by_label("Bestuurlijk portefeuillehouder (lid van het DVO)").fill("Portefeuillehouder (demo)")
    page.get_by_label(_label("Projectleider")).select_option(label="projectleider")
    page.get_by_role("button", name="Portefeuillehouder en projectleider toewijzen").click()
    page.get_by_text("Stap gezet").wait_for()
    project_url = page.url
    page.context.clear_cookies()
    log_in(page, base, "projectleider")
    page.goto(project_url)
    _step(page, "Projectplan indienen", _answers(PLAN))

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    page.goto(project_url)
    _step(page, "Ambtelijk vaststellen (Platform)")
    _step(page, "Bestuurlijk vaststellen (DVO)")

    page.context.clear_cookies()
    log_in(page, base, "projectleider")
    page.goto(project_url)
    _step(
        page,
        "Uitvoering starten",
        {"Startdatum": "2027-01-01", "Einddatum (vooraf vastgesteld)": "2027-12-31"},
    )
    _step(
        page,
        "Halfjaarlijkse voortgang rapporteren",
        {"Jaar": "2027", "Inhoudelijke voortgang": "Demo", "Procesmatige voortgang": "Demo"},
    )
    _step(page, "Evaluatie indienen", _answers(EVALUATION))
    assert page.get_by_role("heading", name="Evaluatie (bijlage 6)").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "samenwerking-project")
    with scopes_disabled():
        project = Project.objects.get()
    assert project.state == ProjectState.EVALUATION
    assert project.evaluation["e11"] == "Demo-antwoord 11"


def test_the_catalogue_refuses_a_forbidden_type_and_finds_an_upload(
    page: Page, platform: str, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    forbidden, allowed = tmp_path / "inwoners.exe", tmp_path / "inwoners.csv"
    head = b"".join(BEVOLKING_2024.read_bytes().splitlines(True)[:20])
    forbidden.write_bytes(head)
    allowed.write_bytes(head)
    log_in(page, platform, "projectleider")
    page.goto(f"{platform}/samenwerking/documenten/nieuw/")
    for path in (forbidden, allowed):
        page.get_by_label(_label("Bestand")).set_input_files(str(path))
        page.get_by_label(_label("Titel")).fill("Inwoners per buurt 2024")
        page.get_by_label(_label("Omschrijving")).fill("CBS kerncijfers voor de bijdragen")
        page.get_by_label(_label("Soort")).select_option(label="Dataset")
        page.get_by_label("Deelnemers van het Platform").check()
        page.get_by_label(_label("Datum van het document")).fill("2024-08-16")
        page.get_by_role("button", name="Toevoegen").click()
        if path == forbidden:
            assert page.get_by_text("Bestanden van het type .exe worden niet aangenomen").is_visible()
            assert serious_violations(page) == []
    page.get_by_text("Het document is toegevoegd.").wait_for()
    page.get_by_label(_label("Zoeken in titel en omschrijving")).fill("bijdragen")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_role("link", name="Inwoners per buurt 2024").is_visible()
    assert serious_violations(page) == []
    with scopes_disabled():
        assert Document.objects.count() == 1
