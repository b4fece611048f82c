# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator engine's results in reports and pages: value, trend, benchmark index, verdict."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.models import Indicator, IndicatorDefinition
from kompas.policy.models import Plan
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from kompas.reports.tables import indicator_table
from kompas.reports.theme_progress import plan_progress
from tests.reports.conftest import pdf_pages
from tests.reports.factories import Hengelo
from tests.reports.indicator_factories import Results, make_results
from tests.reports.job_factories import fetch_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def results(org_a: Organisation, plan: Plan) -> Results:
    return make_results(org_a, plan)


@pytest.mark.usefixtures("in_scope")
def test_progress_reads_value_trend_index_and_verdict(plan: Plan, results: Results) -> None:
    [t1] = plan_progress(plan, year=2023, area_code="GM0164", suppress=False, only=results.target.theme)
    [line] = [line for line in t1.lines if line.target.pk == results.target.pk]
    figures = line.figures
    assert (figures.value, figures.period, figures.benchmark_index, line.status) == (
        18.0,
        "2023",
        104.0,
        "op_koers",
    )
    assert figures.trend is not None and figures.trend.text == "↓ -4,8 % per jaar (significant)"
    assert [point.value for point in figures.series] == [22.0, 21.0, 20.0, 19.5, 18.0]
    assert dict((code, n) for code, _label, n in t1.status_counts())["op_koers"] == 1


@pytest.mark.usefixtures("in_scope")
def test_an_earlier_year_shows_the_figures_of_that_year(plan: Plan, results: Results) -> None:
    [t1] = plan_progress(plan, year=2021, area_code="GM0164", suppress=False, only=results.target.theme)
    [line] = [line for line in t1.lines if line.target.pk == results.target.pk]
    assert (line.figures.value, line.figures.period, line.status) == (20.0, "2021", "geen_data")


def test_voortgang_workbook_holds_the_numbers_of_the_api(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    results: Results,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    tmp_path: Path,
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    book = openpyxl.load_workbook(
        io.BytesIO(
            fetch_report(client, {"rapport": "voortgang", "formaat": "xlsx", "periode": "2023"}).content
        )
    )
    rows = list(book["Indicatoren"].iter_rows(values_only=True))
    [t1_i1] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[1] == "T1.I1"]
    api = client.get(
        f"/api/v1/indicators/{results.target.indicator_id}/values",
        {"area_code": "GM0164", "period_length": "year", "period_start": "2023-01-01"},
    ).json()["results"]
    [value] = api
    assert (t1_i1["actuele waarde"], t1_i1["ondergrens 95 %"], t1_i1["bovengrens 95 %"]) == (
        value["value"],
        value["ci_low"],
        value["ci_high"],
    )
    assert (t1_i1["trend (% per jaar of punten)"], t1_i1["benchmarkindex"], t1_i1["status"]) == (
        -4.8,
        104,
        "op koers",
    )
    assert len(book["Grafieken"]._images) == 1  # the series of T1.I1 with its target line


@pytest.mark.usefixtures("in_scope")
def test_voortgang_pdf_prints_the_figures(
    org_a: Organisation, plan: Plan, results: Results, tmp_path: Path
) -> None:
    options = ReportOptions(ReportName.VOORTGANG, ReportFormat.PDF, period=2023)
    text = " ".join(pdf_pages(generate(org_a, options, actor=None).body, tmp_path))
    assert "1 op koers" in text
    assert "↓ -4,8 % per jaar (significant)" in text
    assert "T1.I1 Mensen die zich weleens onveilig voelen" in text or "T1.I1" in text


def test_wijk_page_compares_indicators_with_gemeente_and_reference_group(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    hengelo: Hengelo,
    results: Results,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.RAADSLID, org_a))
    [noord] = client.get("/gebied/WK016402/", {"periode": "2023"}).context["picture"].indicators
    assert (noord.indicator.code, noord.value, noord.gemeente) == ("woninginbraken", 48.0, 183.0)
    [buitengebied] = client.get("/gebied/WK016409/", {"periode": "2023"}).context["picture"].indicators
    assert buitengebied.value == "< 5"
    [gemeente] = [line for line in client.get("/gebied/GM0164/").context["picture"].indicators if line.group]
    assert (gemeente.group, gemeente.group_mean, gemeente.benchmark_index) == (
        "Middelgrote gemeenten",
        18.7,
        104.0,
    )


def test_dashboard_tile_counts_the_verdict(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    results: Results,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.RAADSLID, org_a))
    page = " ".join(client.get("/", {"periode": "2023"}).content.decode().split())
    assert '<div class="status-count status-count--op_koers"><dt>op koers</dt><dd>1</dd></div>' in page


REASON = "Een aantal groeit met de grootte van het gebied; vergelijk per inwoner of per woning."


def test_area_page_prints_the_group_and_year_or_why_there_is_no_index(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    hengelo: Hengelo,
    results: Results,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.RAADSLID, org_a))
    response = client.get("/gebied/GM0164/", {"periode": "2023"})
    lines = {line.indicator.code: line for line in response.context["picture"].indicators}
    # T1.I1 is a survey percentage with a direction; the shared burglary count has neither a
    # reason to be compared nor a direction.
    assert (lines["T1.I1"].benchmark_index, lines["T1.I1"].benchmark.reference) == (
        104.0,
        "Middelgrote gemeenten, 2023",
    )
    assert (lines["woninginbraken"].benchmark_index, lines["woninginbraken"].benchmark.reason) == (
        "niet vergelijkbaar",
        REASON,
    )
    page = " ".join(response.content.decode().split())
    assert "104 <small>(Middelgrote gemeenten, 2023)</small>" in page
    assert f'<span title="{REASON}">niet vergelijkbaar</span>' in page


@pytest.mark.usefixtures("in_scope")
def test_veiligheidsbeeld_says_not_comparable_with_the_reason(
    org_a: Organisation, plan: Plan, hengelo: Hengelo, results: Results, tmp_path: Path
) -> None:
    options = ReportOptions(ReportName.VEILIGHEIDSBEELD, ReportFormat.XLSX, period=2023, area_code="GM0164")
    book = openpyxl.load_workbook(io.BytesIO(generate(org_a, options, actor=None).body))
    rows = list(book["Indicatoren"].iter_rows(values_only=True))
    found = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    survey = found[f"T1.I1 {results.target.indicator.name}"]
    assert (survey["benchmarkindex"], survey["referentiegroep, jaar"]) == (104, "Middelgrote gemeenten, 2023")
    count = found["woninginbraken Woninginbraken"]
    assert (count["benchmarkindex"], count["referentiegroep, jaar"]) == ("niet vergelijkbaar", None)
    pdf = ReportOptions(ReportName.VEILIGHEIDSBEELD, ReportFormat.PDF, period=2023, area_code="GM0164")
    text = " ".join(" ".join(pdf_pages(generate(org_a, pdf, actor=None).body, tmp_path)).split())
    assert f"Niet vergelijkbaar: woninginbraken Woninginbraken: {REASON}" in text


def test_theme_page_and_report_say_a_count_is_not_compared(
    client: Client,
    org_a: Organisation,
    plan: Plan,
    results: Results,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    with scopes_disabled():
        t1_i4 = Indicator.objects.get(organisation=org_a, code="T1.I4")
        IndicatorDefinition.objects.create(indicator=t1_i4, formula="count", numerator="misdrijven_totaal")
    login(client, make_user(Role.RAADSLID, org_a))
    theme = results.target.theme
    page = " ".join(client.get(f"/thema/{theme.pk}/", {"periode": "2023"}).content.decode().split())
    assert f'<span title="{REASON}">niet vergelijkbaar</span>' in page
    assert "104 <small>(Middelgrote gemeenten, 2023)</small>" in page
    with scope(organisation=org_a.pk):
        [t1] = plan_progress(plan, year=2023, area_code="GM0164", suppress=False, only=theme)
    table = indicator_table(t1.lines, "T1")
    assert f"Niet vergelijkbaar: T1.I4 {t1_i4.name}: {REASON}" in table.note
