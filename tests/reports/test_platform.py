# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Platform reports (jaarverslag, project sheet) as PDF and XLSX, read back with pdftotext and openpyxl."""

from __future__ import annotations

import io
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.cooperation.formats import EVALUATION
from kompas.cooperation.models import ProgressReport, ProjectState
from tests.cooperation.conftest import Setting, make_setting, project_in
from tests.cooperation.factories import load_cbs_populations
from tests.reports.conftest import pdf_pages


@pytest.fixture
def platform(org_a: Organisation, org_b: Organisation, make_user: Callable[..., User]) -> Setting:
    """A demo Platform with three projects and the CBS populations 2015 and 2024."""
    setting = make_setting(org_a, org_b, make_user)
    load_cbs_populations()
    running = project_in(setting, ProjectState.IN_EXECUTION, title="Demo-project uitvoering")
    project_in(setting, ProjectState.CLOSED, title="Demo-project afgesloten")
    project_in(setting, ProjectState.REJECTED, title="Demo-project afgewezen", plan={})
    with scopes_disabled():
        for half in (1, 2):
            ProgressReport.objects.create(
                project=running,
                year=2017,
                half=half,
                content="Demo",
                process="Demo",
                author=running.project_leader,
            )
    return setting


def _make(tmp_path: Path, *args: str) -> bytes:
    path = tmp_path / "uit"
    call_command("platform_report", *args, "--output", str(path), stdout=StringIO())
    return path.read_bytes()


def test_jaarverslag_pdf_has_the_projects_and_the_contributions(platform: Setting, tmp_path: Path) -> None:
    pages = pdf_pages(_make(tmp_path, "jaarverslag", "--year", "2017"), tmp_path)
    text = " ".join(pages)
    assert "Jaarverslag Platform IVZ Twente (demo) 2017" in text
    # pdftotext drops the hyphen of "Demo-project"; 8 municipalities, 2 half-year reports in 2017
    assert "Demoproject uitvoering In uitvoering – – 8 2" in text
    assert "Afgewezen 1 In uitvoering 1 Afgesloten 1 Totaal 3" in text
    # Hengelo: 81.059 inhabitants (CBS 2015), € 0,15 → 12.159; 6 hours worth € 11.667
    assert "Hengelo 81.059 2015 12.159 6 11.667 12.159" in text
    assert "Hof van Twente: gedrukt € 6.685, berekend € 0,20 × 34.917 inwoners (2015) = € 6.983" in text
    assert (
        AuditRecord.objects.filter(action="reports.report.generated", changes__report="jaarverslag").count()
        == 1
    )


def test_jaarverslag_xlsx_holds_the_same_numbers(platform: Setting, tmp_path: Path) -> None:
    book = load_workbook(io.BytesIO(_make(tmp_path, "jaarverslag", "--year", "2017", "--format", "xlsx")))
    states = [list(row) for row in book["Status"].iter_rows(min_row=2, values_only=True)]
    assert states == [["Afgewezen", 1], ["In uitvoering", 1], ["Afgesloten", 1], ["Totaal", 3]]
    projects = {row[0]: row for row in book["Projecten"].iter_rows(min_row=2, values_only=True)}
    assert projects["Demo-project uitvoering"][4:6] == (8, 2)  # 8 municipalities, 2 reports in 2017
    contributions = {row[0]: row for row in book["Bijdragen"].iter_rows(min_row=2, values_only=True)}
    assert contributions["Hengelo"] == ("Hengelo", 81_059, 2015, 12_159, 6, 11_667, 12_159)
    # sums of the rounded amounts per municipality, recomputed by hand from the CBS 2015 numbers
    assert contributions["Totaal"][3:] == (93_897, 52, 101_107, 94_686)


def test_the_current_marap_uses_the_2024_populations(platform: Setting, tmp_path: Path) -> None:
    book = load_workbook(io.BytesIO(_make(tmp_path, "marap", "--year", "2024", "--format", "xlsx")))
    contributions = {row[0]: row for row in book["Bijdragen"].iter_rows(min_row=2, values_only=True)}
    assert contributions["Hengelo"] == ("Hengelo", 83_060, 2024, 16_612, 6, 11_667, 12_459)


def test_project_sheet_pdf_and_xlsx(platform: Setting, tmp_path: Path) -> None:
    with scopes_disabled():
        running = platform.platform.projects.get(title="Demo-project uitvoering")
    number = str(running.pk)
    text = " ".join(pdf_pages(_make(tmp_path, "project", "--project", number), tmp_path))
    assert "Demo-project uitvoering" in text and "Halfjaarlijkse voortgang" in text
    assert str(EVALUATION[10].label) in text
    book = load_workbook(io.BytesIO(_make(tmp_path, "project", "--project", number, "--format", "xlsx")))
    facts = {row[0]: row[1] for row in book["Project"].iter_rows(min_row=2, values_only=True)}
    assert facts["Status"] == "In uitvoering" and facts["Gemeenten"] == 8
    assert [row[:2] for row in book["Voortgang"].iter_rows(min_row=2, values_only=True)] == [
        (2017, 1),
        (2017, 2),
    ]
