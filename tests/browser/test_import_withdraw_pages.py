# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Withdraw and replace an import in a real browser: the figures come back, the pages pass axe-core.

No demo: one municipality (Hengelo) and its analist, and a one-row police file of its own buurt,
so the test costs seconds and every figure is known by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django_scopes import scopes_disabled
from playwright.sync_api import Page

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.observations.models import Observation
from kompas.sources.models import ImportRun, ImportStatus
from tests.browser.conftest import screenshot, serious_violations
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db(transaction=True)
HEADER = "jaar,maand,wijk_code,buurt_code,delict_code,aantal\n"
FIRST = HEADER + "2011,1,WK016401,BU01640100,104,3\n"  # a buurt of Hengelo, the analist's own gemeente
CORRECTED = HEADER + "2011,1,WK016401,BU01640100,104,5\n"


def _logged_in(page: Page, base: str, user: User) -> None:
    """Give the page the session of ``user`` (as the casework browser tests do)."""
    client = verified_login(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])


def _upload(page: Page, base: str, path: Path, *, replaces: ImportRun | None = None) -> None:
    page.goto(f"{base}/gegevens/importeren/")
    page.locator("#id_file").set_input_files(str(path))
    page.locator("#id_format").select_option("politie-buurt-maand")
    page.get_by_label("Ontbrekende gebieden aanmaken uit hun CBS-code (buurt → wijk → gemeente)").check()
    if replaces is not None:
        page.get_by_label("Vervangt importrun").select_option(str(replaces.pk))
    page.get_by_role("button", name="Controleren en importeren").click()
    page.wait_for_url("**/gegevens/importruns/**")


def _values() -> list[float]:
    with scopes_disabled():
        return [float(value) for value in Observation.objects.values_list("value", flat=True)]


def _runs() -> list[tuple[str, str]]:
    with scopes_disabled():
        return [(run.file_name, run.status) for run in ImportRun.objects.order_by("pk")]


def test_withdraw_through_the_page_brings_the_figures_back_then_replace_through_the_form(
    page: Page,
    live_server: Any,
    org_a: Organisation,
    make_user: Callable[..., User],
    tmp_path: Path,
) -> None:
    base = str(live_server.url)
    _logged_in(page, base, make_user(Role.ANALIST, org_a, username="browser-analist"))
    first, corrected = tmp_path / "eerste.csv", tmp_path / "verbeterd.csv"
    first.write_text(FIRST, encoding="utf-8")
    corrected.write_text(CORRECTED, encoding="utf-8")

    _upload(page, base, first)
    _upload(page, base, corrected)  # a plain import changes 3 → 5 and keeps 3 as history
    assert _values() == [5.0]
    with scopes_disabled():
        second = ImportRun.objects.get(file_name="verbeterd.csv")

    page.get_by_role("link", name="Deze import intrekken…").click()
    page.wait_for_url(f"**/gegevens/importruns/{second.pk}/intrekken/")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == f"Importrun {second.pk} intrekken (verbeterd.csv)"
    assert page.get_by_text(
        f"Proef: intrekken van importrun {second.pk} zou 0 waarden verwijderen, 1 waarden terugzetten"
    ).is_visible()
    assert serious_violations(page) == []
    screenshot(page, "importrun-intrekken")
    page.get_by_role("button", name="Ja, importrun intrekken").click()
    page.wait_for_url(f"**/gegevens/importruns/{second.pk}/")
    done = f"Importrun {second.pk} ingetrokken: 0 waarden verwijderd, 1 waarden teruggezet"
    assert page.get_by_text(done).is_visible()
    assert _values() == [3.0]  # the figure is back
    assert _runs() == [("eerste.csv", ImportStatus.LOADED), ("verbeterd.csv", ImportStatus.WITHDRAWN)]
    assert page.get_by_role("link", name="Deze import intrekken…").count() == 0
    assert serious_violations(page) == []

    page.goto(f"{base}/gegevens/importeren/")
    assert serious_violations(page) == []  # the form with its new field
    with scopes_disabled():
        original = ImportRun.objects.get(file_name="eerste.csv")
    offered = page.get_by_label("Vervangt importrun").locator("option").all_inner_texts()
    assert offered[0] == "(geen: een nieuwe import)"
    assert [text.split(" (")[0] for text in offered[1:]] == [f"Importrun {original.pk} — eerste.csv"]
    _upload(page, base, corrected, replaces=original)
    assert page.get_by_text(f"Vervangt importrun {original.pk}: 1 waarden verwijderd").first.is_visible()
    assert _values() == [5.0]
    assert _runs() == [
        ("eerste.csv", ImportStatus.WITHDRAWN),
        ("verbeterd.csv", ImportStatus.WITHDRAWN),
        ("verbeterd.csv", ImportStatus.LOADED),
    ]
    assert serious_violations(page) == []
