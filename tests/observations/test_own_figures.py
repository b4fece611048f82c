# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Own figures for the plan (issue 12 §3): by import and by hand, judged against the plan's target.

Hengelo's IVP 2017-2020 sets T1.I1 (“voelt zich wel eens onveilig in eigen buurt”) at most 20 %.
Its own Veiligheidsmonitor gives 22 % ± 2,0 (n = 850) for 2017: 2 points short, within the
margin, so goal T1.G1 is at *risico* — on the theme page, in ``kompas export indicators`` and
in the voortgang report. Time budget: about 20 s.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.indicators.models import Indicator
from kompas.observations.models import Observation, ObservationChange
from kompas.observations.own_figures import OwnFigure, record_own_figure
from kompas.policy.load import load_plan
from kompas.policy.models import Plan
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportStatus
from kompas.sources.ownership import OPEN_DATA_FORMATS
from tests.conftest import verified_login

MEASURE = "vm_voelt_zich_wel_eens_onveilig_in_buurt"
HENGELO_SET = (
    Path(__file__).parents[2] / "src" / "kompas" / "indicators" / "sets" / "hengelo_ivp_2017_2020.toml"
)
GEMEENTEN = DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_gemeenten_2015.geojson"
PROVINCES = DATA / "cbs-veiligheidsmonitor-provincie-2015-2017" / "veiligheidsmonitor_provincie_tidy.csv"
OWN_MONITOR = (
    "indicator,eenheid,gebiedscode,jaar,marge,waarde,n\n"
    "Voelt zich wel eens onveilig in buurt,%,GM0164,2017,2.0,22,850\n"
)


def _operator(path: Path, format_name: str) -> None:
    assert format_name in OPEN_DATA_FORMATS
    with scope(organisation=None):
        run = import_file(path, format=format_name, organisation=None, actor=None, create_areas=True)
    assert run.status == ImportStatus.LOADED, run.errors


@pytest.fixture
def plan(org_a: Organisation) -> Plan:
    """Shared open data (gemeenten, the provinces' Veiligheidsmonitor), Hengelo's plan and indicators."""
    _operator(GEMEENTEN, "cbs-gebieden")
    _operator(PROVINCES, "veiligheidsmonitor")
    with scope(organisation=org_a.pk):
        loaded = load_plan(actor=None, organisation=org_a).plan
        load_definitions(
            HENGELO_SET.read_text(encoding="utf-8"), HENGELO_SET.name, actor=None, organisation=org_a
        )
    return loaded


@pytest.fixture
def oov(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An OOV-adviser of Hengelo (may edit the plan)."""
    return make_user(Role.OOV_ADVISEUR, org_a)


def _t1_status(org_a: Organisation) -> str | None:
    """Return T1.I1's target status for Hengelo 2017 as ``kompas export indicators`` writes it
    (None: Hengelo has no value)."""
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
    assert len(rows) <= 1, out.getvalue()
    return rows[0]["target_status"] if rows else None


def _goal_at_risk_everywhere(org_a: Organisation, plan: Plan, oov: User) -> None:
    assert _t1_status(org_a) == "risico"
    with scope(organisation=org_a.pk):
        theme = plan.themes.get(code="T1")
        workbook = generate(
            org_a, ReportOptions(name=ReportName.VOORTGANG, format=ReportFormat.XLSX, period=2017), actor=None
        )
    cells = [
        [str(cell) for cell in row if cell is not None]
        for sheet in openpyxl.load_workbook(io.BytesIO(workbook.body), read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
    ]
    assert any("T1.I1" in " ".join(row) and "risico" in row for row in cells), cells
    client = verified_login(Client(), oov)
    page = client.get(reverse("dashboard:theme", kwargs={"theme_id": theme.pk}) + "?jaar=2017")
    assert page.status_code == 200
    assert "risico" in page.content.decode().casefold()


def test_own_veiligheidsmonitor_by_import(org_a: Organisation, plan: Plan, oov: User, tmp_path: Path) -> None:
    own = tmp_path / "veiligheidsmonitor_hengelo_2017.csv"
    own.write_text(OWN_MONITOR, encoding="utf-8")
    with scope(organisation=org_a.pk):
        run = import_file(own, format="veiligheidsmonitor", organisation=org_a, actor=oov)
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, 1), run.errors
    with scopes_disabled():
        stored = Observation.objects.get(measure__code=MEASURE, area__code="GM0164")
    assert (
        stored.organisation_id,
        stored.value,
        stored.margin,
        stored.sample_size,
        stored.import_run_id,
    ) == (
        org_a.pk,
        22.0,
        2.0,
        850,
        run.pk,
    )
    compute(actor=None)
    _goal_at_risk_everywhere(org_a, plan, oov)


def test_own_figure_by_hand_with_history(
    org_a: Organisation, plan: Plan, oov: User, django_capture_on_commit_callbacks: Any
) -> None:
    compute(actor=None)
    assert _t1_status(org_a) is None  # the provinces have values, Hengelo none
    client = verified_login(Client(), oov)
    with scope(organisation=org_a.pk):
        indicator = Indicator.objects.get(code="T1.I1", organisation=org_a)  # T1.G1's effect indicator
    url = reverse("indicators:own_figure", kwargs={"indicator_id": indicator.pk})
    form = {
        "measure_code": MEASURE,
        "area_code": "GM0164",
        "year": "2017",
        "value": "22",
        "margin": "2,0",
        "sample_size": "850",
        "source_text": "Veiligheidsmonitor Hengelo 2017, tabel 3.2",
        "document_url": "https://www.hengelo.nl/veiligheidsmonitor-2017.pdf",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()
    _goal_at_risk_everywhere(org_a, plan, oov)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**form, "value": "19,5", "margin": "1,8"})  # a corrected report
    assert _t1_status(org_a) == "op_koers"
    with scopes_disabled():
        change = ObservationChange.objects.get()
        actions = list(
            AuditRecord.objects.filter(action__startswith="observations.")
            .order_by("id")
            .values_list("action", flat=True)
        )
    assert (change.old_value, change.new_value, change.old_margin, change.new_margin) == (
        22.0,
        19.5,
        2.0,
        1.8,
    )
    assert (change.changed_by, change.import_run) == (oov, None)
    assert actions == ["observations.own_figure.recorded", "observations.own_figure.corrected"]


MAPPING = """format = "kompas-mapping"
[area]
column = "gebied"
[period]
column = "jaar"
[[value]]
column = "percentage"
kind = "number"
measure = "vm_voelt_zich_wel_eens_onveilig_in_buurt"
"""


def test_a_mapping_naming_an_open_measure_gives_own_figures(
    org_a: Organisation, org_b: Organisation, plan: Plan, tmp_path: Path
) -> None:
    (tmp_path / "eigen.toml").write_text(MAPPING, encoding="utf-8")
    data = tmp_path / "monitor.csv"
    data.write_text("gebied,jaar,percentage\nGM0164,2017,22\n", encoding="utf-8")
    with scope(organisation=org_a.pk):
        run = import_file(
            data, format="mapping", organisation=org_a, actor=None, mapping=tmp_path / "eigen.toml"
        )
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, 1), run.errors
    with scope(organisation=org_a.pk):
        mine = Observation.objects.get(measure__code=MEASURE, area__code="GM0164")
        assert (mine.organisation_id, mine.value, mine.measure.organisation_id) == (org_a.pk, 22.0, None)
        assert mine.measure.name == "Voelt zich wel eens onveilig in buurt"  # the operator's description
    with scope(organisation=org_b.pk):
        assert not Observation.objects.filter(area__code="GM0164", measure__code=MEASURE).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        # a margin is a distance: never negative
        ({"margin": -0.5}, "margin", "De marge kan niet negatief zijn."),
        # a percentage above 100 is a typing error
        ({"value": 122.0}, "value", "Een percentage ligt tussen 0 en 100."),
        # a survey without respondents has no result
        ({"sample_size": 0}, "sample_size", "Het aantal respondenten (n) is minstens 1."),
        # Enschede is not Hengelo's to describe
        (
            {"area_code": "GM0153"},
            "area_code",
            "Dit gebied ligt buiten de eigen gemeente; kies de gemeente of een eigen wijk.",
        ),
        # another organisation's (or no) measure does not exist here
        (
            {"measure_code": "meldingen_afval"},
            "measure_code",
            "Onbekende maatstaf: kies een maatstaf uit open data of een eigen.",
        ),
    ],
)
def test_refused_figures_store_nothing(
    plan: Plan, oov: User, changes: dict[str, object], field: str, message: str
) -> None:
    figure = {"measure_code": MEASURE, "area_code": "GM0164", "year": 2017, "value": 22.0, "margin": 2.0}
    figure |= {"sample_size": 850, "source_text": "Veiligheidsmonitor Hengelo 2017"}
    with pytest.raises(ValidationError) as refused:
        record_own_figure(actor=oov, figure=OwnFigure(**{**figure, **changes}))  # type: ignore[arg-type]  # the fields of an own figure, mixed types
    assert refused.value.message_dict == {field: [message]}
    with scopes_disabled():
        assert not Observation.objects.filter(organisation__isnull=False).exists()
