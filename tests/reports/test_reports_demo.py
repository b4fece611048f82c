# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every report from the demo itself (real plan, real data, computed indicators), as PDF and XLSX,
with the network blocked."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scope
from openpyxl import load_workbook

from kompas.accounts.queries import organisation_by_code
from kompas.policy.queries import latest_plan
from kompas.reports.generate import build, generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.reports.conftest import pdf_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_network")]
CHOICES = {
    ReportName.VOORTGANG: {},
    ReportName.THEMABLAD: {"theme_code": "T2"},
    ReportName.VEILIGHEIDSBEELD: {"area_code": "WK016402"},
    ReportName.PLAN: {},
}


@pytest.mark.xdist_group("kompas-demo")  # one worker: parallel demo loads block each other on PostgreSQL
def test_every_report_from_the_demo(tmp_path: Path) -> None:
    call_command("demo", no_serve=True, stdout=StringIO())
    hengelo = organisation_by_code("hengelo")
    assert hengelo is not None
    with scope(organisation=hengelo.pk):
        plan = latest_plan()
        assert plan is not None
        titles = [f"{theme.code} {' '.join(theme.title.split())}" for theme in plan.themes.all()]
        for name, choice in CHOICES.items():
            pdf = ReportOptions(name, ReportFormat.PDF, **choice)
            pages = pdf_pages(generate(hengelo, pdf, actor=None).body, tmp_path)
            assert pages, name
            if name is not ReportName.PLAN:
                meta = build(hengelo, pdf).meta
                for number, page in enumerate(pages, start=1):
                    for line in ("Filters: " + meta.filter_line, "Gegevens: " + meta.vintage_line):
                        assert " ".join(line.split()) in page, (name, number, line)
                    assert f"pagina {number} van {len(pages)}" in page
            if name in (ReportName.VOORTGANG, ReportName.PLAN):
                text = " ".join(pages)
                assert all(title in text for title in titles), name
            workbook = generate(hengelo, ReportOptions(name, ReportFormat.XLSX, **choice), actor=None)
            sheets = load_workbook(io.BytesIO(workbook.body)).sheetnames
            assert len(sheets) > 1, (name, sheets)
            if name is not ReportName.PLAN:
                assert "Bronnen" in sheets, (name, sheets)
