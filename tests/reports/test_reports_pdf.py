# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every report as PDF: each page names organisation, title, filters and data vintage; no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompas.accounts.models import Organisation
from kompas.policy.models import Plan
from kompas.reports.generate import build, generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.reports.conftest import pdf_pages
from tests.reports.factories import Hengelo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope", "no_network")]

VINTAGE = (
    "Politie / CBS (47022NED, 47024NED) (import 1 februari 2024, 10:30, periode januari 2022 – december 2023)"
)


def _pdf(organisation: Organisation, options: ReportOptions, tmp_path: Path) -> tuple[list[str], str, str]:
    """Return the pages of the report and the filter and vintage lines its header promises."""
    report = build(organisation, options)
    pages = pdf_pages(generate(organisation, options, actor=None).body, tmp_path)
    return pages, "Filters: " + report.meta.filter_line, "Gegevens: " + report.meta.vintage_line


def _every_page_has(pages: list[str], *lines: str) -> None:
    assert pages
    for number, page in enumerate(pages, start=1):
        for line in lines:
            assert " ".join(line.split()) in page, (number, line)
        assert f"pagina {number} van {len(pages)}" in page


def test_voortgang_prints_every_theme_and_the_header_on_every_page(
    org_a: Organisation, plan: Plan, hengelo: Hengelo, tmp_path: Path
) -> None:
    options = ReportOptions(ReportName.VOORTGANG, ReportFormat.PDF, period=2023)
    pages, filters, vintage = _pdf(org_a, options, tmp_path)
    assert filters == (
        "Filters: plan: Integraal Veiligheidsbeleid Hengelo 2017 - 2020 · periode: 2023 · "
        "gebied: Hengelo (GM0164) · weergave: intern"
    )
    assert VINTAGE in vintage
    _every_page_has(pages, "Gemeente Hengelo · Voortgang Integraal Veiligheidsbeleid", filters, vintage)
    text = " ".join(pages)
    for theme in plan.themes.all():
        assert f"{theme.code} {' '.join(theme.title.split())}" in text
    assert "Begroting per thema" in text and "Herkomst van de cijfers" in text


def test_themablad_prints_the_five_questions(
    org_a: Organisation, plan: Plan, hengelo: Hengelo, tmp_path: Path
) -> None:
    options = ReportOptions(ReportName.THEMABLAD, ReportFormat.PDF, period=2023, theme_code="T2")
    pages, filters, vintage = _pdf(org_a, options, tmp_path)
    assert "thema: T2 Binnenstad" in filters
    _every_page_has(pages, "Themablad T2 Binnenstad", filters, vintage)
    text = " ".join(pages)
    for question in plan.question_headings:
        assert " ".join(question.split()) in text


def test_veiligheidsbeeld_of_a_wijk_has_its_figures_and_map(
    org_a: Organisation, plan: Plan, hengelo: Hengelo, tmp_path: Path
) -> None:
    options = ReportOptions(ReportName.VEILIGHEIDSBEELD, ReportFormat.PDF, period=2023, area_code="WK016402")
    pages, filters, vintage = _pdf(org_a, options, tmp_path)
    assert "gebied: Noord (WK016402)" in filters
    _every_page_has(pages, "Veiligheidsbeeld Noord, 2023", filters, vintage)
    text = " ".join(pages)
    # Wijk 02 has 4 burglaries a month in 2023 (48) and 5 in 2022 (60): -20 %.
    assert "aantal 48 60 -20 183 26,2 ja" in text
    assert "Diefstal uit woning per wijk, 2023" in text


def test_plan_is_the_plan_export(org_a: Organisation, plan: Plan, tmp_path: Path) -> None:
    options = ReportOptions(ReportName.PLAN, ReportFormat.PDF)
    pages = pdf_pages(generate(org_a, options, actor=None).body, tmp_path)
    _every_page_has(pages, "Gemeente Hengelo · Integraal Veiligheidsbeleid Hengelo", "Filters: status:")
    text = " ".join(pages)
    for theme in plan.themes.all():
        assert " ".join(theme.title.split()) in text
