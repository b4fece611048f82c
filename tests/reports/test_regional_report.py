# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture as PDF and XLSX on the report machinery, read back with pdftotext and openpyxl.

The numbers are the hand-checked ones of tests/reports/test_regional.py (bundled police and CBS
data): Hengelo 3.752 crimes / 83.060 inhabitants × 1.000 = 45,17, index 66,2, rank 12 of 14.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kompas.accounts.models import User
from kompas.accounts.roles import Role
from tests.cooperation.conftest import Setting
from tests.reports.conftest import pdf_pages
from tests.reports.test_regional import HENGELO, RATE, Twente, setting, twente  # noqa: F401  # fixtures

pytestmark = pytest.mark.django_db


def test_the_regional_picture_as_pdf_has_the_hand_checked_numbers(
    twente: Twente,  # noqa: F811
    setting: Setting,  # noqa: F811
    client: Client,
    login: Callable[[Client, User], Client],
    tmp_path: Path,
) -> None:
    login(client, setting.users[Role.REGIOCOORDINATOR])
    response = client.get(reverse("dashboard:regional_pdf"), {"jaar": "2024"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="regiobeeld-2024.pdf"' in response["Content-Disposition"]
    pages = pdf_pages(response.content, tmp_path)
    text = " ".join(" ".join(page.split()) for page in pages)
    assert "Regiobeeld Twente 2024" in text
    # Hengelo: value 45,17, trend −2,0 % per year, index 66,2, rank 12 of 14, no monthly open series
    assert "Hengelo (O.) 45,17 -2,0 66,2 12 / 14 –" in text
    assert "Hengelo (O.) – geen maand- of weekreeksen in open data" in text
    assert "Gemiddelde van Twente: 29,9." in text
    # the count indicator is shown but not compared, with the reason
    assert "Niet vergelijkbaar:" in text and "groeit met de grootte" in text
    assert "Hengelo (O.) 3.752 -2,0 – – –" in text  # the count of 2024, as the police publish it
    # the page links to it
    page = client.get(reverse("dashboard:regional"), {"jaar": "2024"}).content.decode()
    assert reverse("dashboard:regional_pdf") + "?jaar=2024" in page


def test_the_regional_workbook_comes_from_the_same_report(
    twente: Twente,  # noqa: F811
    setting: Setting,  # noqa: F811
    client: Client,
    login: Callable[[Client, User], Client],
) -> None:
    login(client, setting.users[Role.REGIOCOORDINATOR])
    export = client.get(reverse("dashboard:regional_export"), {"jaar": "2024"})
    book = load_workbook(io.BytesIO(export.content))
    assert (
        book.sheetnames[:2] == ["Regiobeeld 2024", "Gedeelde eigen cijfers"] and "Bronnen" in book.sheetnames
    )
    sheet = book["Regiobeeld 2024"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    hengelo = next(row for row in rows if row["code"] == RATE and row["gemeentecode"] == HENGELO)
    assert round(hengelo["waarde"], 2) == 45.17 and round(hengelo["benchmarkindex"], 1) == 66.2
    assert (hengelo["rang in Twente"], hengelo["leden met een waarde"]) == (12, 14)
    assert (hengelo["teller"], hengelo["noemer"]) == (3752, 83060)
