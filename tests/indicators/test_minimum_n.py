# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Survey figures below the minimum n: "te weinig waarnemingen" instead of a value, everywhere.

Hengelo's IVP 2017-2020 judges goal T1.G1 by T1.I1 (“voelt zich wel eens onveilig in eigen
buurt”, at most 20 %). The case here is a constructed small own sample — 22 % ± 16,6 from 24
respondents, the margin being 1,96·√(0,22·0,78/24) — below the default minimum of 30
(``SURVEY_MIN_N``). It must not appear as a number on the theme page, the indicator page, in
``kompas export indicators``, the API or the voortgang report, and must not be judged against the
target; with the minimum set to 20 the same figure is shown and judged (*risico*).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.indicators.models import Indicator, IndicatorValue
from kompas.policy.load import load_plan
from kompas.policy.models import Plan
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportStatus
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db
HENGELO_SET = (
    Path(__file__).parents[2] / "src" / "kompas" / "indicators" / "sets" / "hengelo_ivp_2017_2020.toml"
)
GEMEENTEN = DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_gemeenten_2015.geojson"
SMALL_SAMPLE = (
    "indicator,eenheid,gebiedscode,jaar,marge,waarde,n\n"
    "Voelt zich wel eens onveilig in buurt,%,GM0164,2017,16.6,22,24\n"
)
TOO_FEW = "te weinig waarnemingen"


@pytest.fixture
def plan(org_a: Organisation, tmp_path: Path) -> Plan:
    """Hengelo's plan and indicators, with its own (small) Veiligheidsmonitor sample of 2017."""
    with scope(organisation=None):
        areas = import_file(
            GEMEENTEN, format="cbs-gebieden", organisation=None, actor=None, create_areas=True
        )
    assert areas.status == ImportStatus.LOADED, areas.errors
    own = tmp_path / "veiligheidsmonitor_hengelo_2017.csv"
    own.write_text(SMALL_SAMPLE, encoding="utf-8")
    with scope(organisation=org_a.pk):
        loaded = load_plan(actor=None, organisation=org_a).plan
        load_definitions(
            HENGELO_SET.read_text(encoding="utf-8"), HENGELO_SET.name, actor=None, organisation=org_a
        )
        run = import_file(own, format="veiligheidsmonitor", organisation=org_a, actor=None)
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, 1), run.errors
    return loaded


@pytest.fixture
def oov(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An OOV-adviser of Hengelo."""
    return make_user(Role.OOV_ADVISEUR, org_a)


def _export_row() -> dict[str, str]:
    out = io.StringIO()
    call_command(
        "indicators_export",
        "--organisation",
        "hengelo",
        "--indicator",
        "T1.I1",
        "--period",
        "2017",
        stdout=out,
    )
    rows = [row for row in csv.DictReader(io.StringIO(out.getvalue())) if row["area_code"] == "GM0164"]
    assert len(rows) == 1, out.getvalue()
    return rows[0]


def _voortgang_cells(org_a: Organisation) -> list[str]:
    with scope(organisation=org_a.pk):
        workbook = generate(
            org_a, ReportOptions(name=ReportName.VOORTGANG, format=ReportFormat.XLSX, period=2017), actor=None
        )
    return [
        " ".join(str(cell) for cell in row if cell is not None)
        for sheet in openpyxl.load_workbook(io.BytesIO(workbook.body), read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
    ]


def test_a_survey_figure_below_the_minimum_n_is_withheld_everywhere(
    org_a: Organisation, plan: Plan, oov: User
) -> None:
    compute(actor=None)
    with scopes_disabled():
        indicator = Indicator.objects.get(code="T1.I1", organisation=org_a)
        stored = IndicatorValue.objects.get(indicator=indicator, area_code="GM0164")
    # the engine keeps n and the flag, never the number (so nothing downstream can use it)
    assert (stored.value, stored.ci_low, stored.ci_high, stored.n, stored.flag) == (
        None, None, None, 24, "te_weinig_waarnemingen",
    )  # fmt: skip

    # export: no value, the flag and n, and no verdict on the target
    row = _export_row()
    assert (row["value"], row["ci_low"], row["n"], row["flag"]) == ("", "", "24", "te_weinig_waarnemingen")
    assert row["target_status"] in ("", "geen_data")

    # API: value and interval null, with n and the flag
    client = verified_login(Client(), oov)
    values = client.get(f"/api/v1/indicators/{indicator.pk}/values", {"area_code": "GM0164"}).json()
    assert [(v["value"], v["ci_low"], v["n"], v["flag"]) for v in values["results"]] == [
        (None, None, 24, "te_weinig_waarnemingen")
    ]

    # pages: the words instead of the number, on the indicator page and the theme page
    detail = client.get(
        reverse("indicators:indicator_detail", args=[indicator.pk]),
        {"niveau": "gemeente", "periode": "year", "begin": "2017-01-01"},
    ).content.decode()
    assert TOO_FEW in detail and "22,00" not in detail and "22.00" not in detail
    with scope(organisation=org_a.pk):
        theme = plan.themes.get(code="T1")
    page = client.get(reverse("dashboard:theme", kwargs={"theme_id": theme.pk}) + "?jaar=2017")
    assert page.status_code == 200
    text = page.content.decode()
    assert TOO_FEW in text and "22,0 %" not in text and "risico" not in text.casefold()

    # the voortgang report: the words, and no verdict
    cells = _voortgang_cells(org_a)
    t1 = [line for line in cells if "T1.I1" in line]
    assert any(TOO_FEW in line and "geen data" in line for line in t1), t1
    assert not any("risico" in line for line in t1)


@override_settings(KOMPAS_SURVEY_MIN_N=20)
def test_the_minimum_n_is_a_setting(org_a: Organisation, plan: Plan) -> None:
    compute(actor=None)
    with scopes_disabled():
        stored = IndicatorValue.objects.get(indicator__code="T1.I1", area_code="GM0164")
    assert (stored.value, stored.n, stored.flag) == (22.0, 24, "")
    row = _export_row()
    assert (row["value"], row["flag"], row["target_status"]) == ("22.0", "", "risico")
    assert any("T1.I1" in line and "risico" in line for line in _voortgang_cells(org_a))
