# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The attacks of issue 11 (H1, H2) replayed: no tenant changes or reads what belongs to another.

H1: Enschede's analist imports shared open data with Hengelo's figure falsified, renames Hengelo
buurten with a boundary file and creates areas in Hengelo; none of it reaches Hengelo. H2: the
Platform (a regio without CBS code) watches Assen's own meldingen measure; no entry point that
reads observations gives it anything. Time budget: about 20 s.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.alerts import configure
from kompas.alerts.evaluate import evaluate_organisation, series_frame
from kompas.alerts.models import AlertSetting
from kompas.areas.models import Area
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.indicators.models import IndicatorValue
from kompas.observations import queries
from kompas.observations.export import export_observations, selection
from kompas.observations.models import Observation
from kompas.reports import figures
from kompas.sources.codelists import DATA
from kompas.sources.load import create_file_areas, import_file
from kompas.sources.models import ImportRun, ImportStatus
from tests.conftest import verified_login

POLITIE_2024 = DATA / "politie-gemeente-totaal-misdrijven-2022-2024" / "Misdrijven_2024.csv"
BUURTEN = DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_buurten_2014.geojson"
MELDINGEN = DATA / "assen-meldingen-openbare-ruimte-2026" / "meldingen_assen.csv"
HENGELO_2024 = '"Hengelo (O.)";"3752"'
TOTAL_INDICATOR = """format = "kompas-indicatoren"
version = 1

[[indicator]]
code = "misdrijven"
name = "Geregistreerde misdrijven"
formula = "count"
numerator = "misdrijven_totaal"
kind = "effect"
unit = "aantal"
direction = "lower_is_better"
"""


FOREIGN_INDICATOR = """format = "kompas-indicatoren"
version = 1

[[indicator]]
code = "{code}"
name = "Meldingen afval"
formula = "count"
numerator = "meldingen_afval"
kind = "effect"
unit = "aantal"
direction = "lower_is_better"
"""


def _operator(path: Path, format_name: str, **kwargs: object) -> ImportRun:
    with scope(organisation=None):
        run = import_file(path, format=format_name, organisation=None, actor=None, **kwargs)  # type: ignore[arg-type]  # the format options, typed loosely
    assert run.status == ImportStatus.LOADED, run.errors
    return run


def _as(organisation: Organisation, path: Path, format_name: str, **kwargs: object) -> ImportRun:
    with scope(organisation=organisation.pk):
        return import_file(path, format=format_name, organisation=organisation, actor=None, **kwargs)  # type: ignore[arg-type]  # the format options, typed loosely


def _hengelo_total(organisation: Organisation) -> list[float]:
    with scope(organisation=organisation.pk):
        rows = Observation.objects.filter(measure__code="misdrijven_totaal", area__code="GM0164")
        return list(rows.values_list("value", flat=True))


@pytest.fixture
def shared_2024(db: None) -> ImportRun:
    """The operator's import of the police's 2024 totals per gemeente, as shared open data."""
    return _operator(POLITIE_2024, "politie-statline", create_areas=True)


def test_enschede_cannot_falsify_hengelos_police_figure(
    org_a: Organisation,
    org_b: Organisation,
    shared_2024: ImportRun,
    tmp_path: Path,
    make_user: Callable[..., User],
) -> None:
    with scopes_disabled():
        load_definitions(TOTAL_INDICATOR, "test", actor=None, organisation=None)
    compute(actor=None)
    falsified = tmp_path / "Misdrijven_2024.csv"
    text = POLITIE_2024.read_text(encoding="utf-8")
    assert HENGELO_2024 in text
    falsified.write_text(text.replace(HENGELO_2024, '"Hengelo (O.)";"1"'), encoding="utf-8")
    run = _as(org_b, falsified, "politie-statline")
    assert run.status == ImportStatus.REJECTED
    hengelo = next(error for error in run.errors if error["value"] == "GM0164")
    assert hengelo["message"].startswith("Misdrijven_2024.csv, regel ")
    assert 'kolom "gebiedscode": waarde "GM0164" ligt buiten de eigen gemeente' in hengelo["message"]
    compute(actor=None)
    assert _hengelo_total(org_a) == [3752.0]
    with scope(organisation=org_a.pk):
        value = IndicatorValue.objects.get(
            indicator__code="misdrijven",
            area_code="GM0164",
            period_start=dt.date(2024, 1, 1),
            period_length="year",
        )
    assert value.value == 3752.0
    client = verified_login(Client(), make_user(Role.ANALIST, org_a))
    page = client.get(
        reverse("dashboard:area", kwargs={"area_code": "GM0164"}) + "?measure=misdrijven_totaal"
    )
    assert page.status_code == 200
    assert "3.752" in page.content.decode()


def test_enschedes_own_figure_stays_enschedes(
    org_a: Organisation, org_b: Organisation, shared_2024: ImportRun, tmp_path: Path
) -> None:
    # Only Enschede's own row: stored as Enschede's own figure, beside the shared value.
    own = tmp_path / "enschede.csv"
    lines = POLITIE_2024.read_text(encoding="utf-8").splitlines()
    header = lines[: lines.index('"Nederland";"805559"')]
    own.write_text("\n".join([*header, '"Enschede";"9000"']) + "\n", encoding="utf-8")
    run = _as(org_b, own, "politie-statline")
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, 1), run.errors

    def enschede_seen_by(organisation: Organisation) -> list[float]:
        with scope(organisation=organisation.pk):
            rows = Observation.objects.filter(measure__code="misdrijven_totaal", area__code="GM0153")
            return list(rows.values_list("value", flat=True))

    assert enschede_seen_by(org_b) == [9000.0]  # its own figure wins for Enschede
    assert enschede_seen_by(org_a) == [9558.0]  # Hengelo still sees the shared value
    with scope(organisation=None):
        assert list(Observation.objects.filter(area__code="GM0153").values_list("value", flat=True)) == [
            9558.0
        ]


def test_enschede_cannot_rename_hengelo_buurten(org_b: Organisation, tmp_path: Path) -> None:
    _operator(BUURTEN, "cbs-gebieden")
    document = json.loads(BUURTEN.read_text(encoding="utf-8"))
    for feature in document["features"]:
        feature["properties"]["statnaam"] = "Overgenomen door Enschede"
    renamed = tmp_path / "buurten_2014.geojson"
    renamed.write_text(json.dumps(document), encoding="utf-8")
    run = _as(org_b, renamed, "cbs-gebieden")
    assert run.status == ImportStatus.REJECTED
    assert "BU01640502" in {error["value"] for error in run.errors}
    assert Area.objects.get(code="BU01640502").name == "Berflo Es Zuid"
    # Its own buurten alone: the file is taken, but an existing area keeps the operator's name.
    document["features"] = [
        f for f in document["features"] if f["properties"]["statcode"].startswith("BU0153")
    ]
    renamed.write_text(json.dumps(document), encoding="utf-8")
    run = _as(org_b, renamed, "cbs-gebieden")
    assert run.status == ImportStatus.UNCHANGED, run.errors
    assert not Area.objects.filter(name="Overgenomen door Enschede").exists()


def test_create_areas_only_inside_the_own_gemeente(org_b: Organisation, tmp_path: Path) -> None:
    panel = tmp_path / "panel.csv"
    panel.write_text(
        "jaar,maand,wijk_code,buurt_code,delict_code,aantal\n"
        "2011,1,WK015301,BU01530101,104,3\n"
        "2011,1,WK016401,BU01640199,104,3\n",
        encoding="utf-8",
    )
    run = _as(org_b, panel, "politie-buurt-maand", create_areas=True)
    assert run.status == ImportStatus.REJECTED
    assert [(error["line"], error["value"]) for error in run.errors] == [(3, "BU01640199")]
    assert not Area.objects.filter(code__startswith="BU0164").exists()
    assert not Area.objects.exists()


@pytest.fixture
def platform(db: None) -> Organisation:
    """The Platform IVZ: a regio without CBS code."""
    return create_organisation(actor=None, code="platform", name="Platform IVZ", kind=OrganisationKind.REGIO)


@pytest.fixture
def assen_meldingen(db: None) -> tuple[Organisation, str]:
    """Assen with its own meldingen (real bundled file); returns Assen and its afval measure code."""
    assen = create_organisation(
        actor=None, code="assen", name="Gemeente Assen", kind=OrganisationKind.GEMEENTE, cbs_code="GM0106"
    )
    # Some meldingen lie in wijken of neighbouring gemeenten: the operator creates those areas.
    create_file_areas(MELDINGEN, format="meldingen")
    run = _as(assen, MELDINGEN, "meldingen", create_areas=True)
    assert run.status == ImportStatus.LOADED, run.errors
    with scope(organisation=assen.pk):
        codes = sorted(queries.measure_owners(["meldingen_afval"]))
    assert codes == ["meldingen_afval"]
    return assen, "meldingen_afval"


def test_platform_cannot_watch_assens_meldingen(
    platform: Organisation,
    assen_meldingen: tuple[Organisation, str],
    make_user: Callable[..., User],
) -> None:
    assen, measure = assen_meldingen
    analist = make_user(Role.ANALIST, platform)
    client = verified_login(Client(), analist)
    page = client.post(
        reverse("alerts:setting_create"),
        {"measure_code": measure, "method": "farrington", "alpha": 0.01, "min_count": 5, "active": "on"},
    )
    assert page.status_code == 400
    assert "Onbekende maatstaf" in page.content.decode()
    with scope(organisation=platform.pk), pytest.raises(ValidationError):
        configure.save_setting(
            actor=analist, organisation=platform, measure_code=measure, version=None, method="farrington"
        )
    with scope(organisation=platform.pk):
        assert not AlertSetting.objects.exists()
    # A setting that slipped in before the check: the run evaluates none of Assen's series.
    with scopes_disabled():
        AlertSetting.objects.create(organisation=platform, measure_code=measure)
        AlertSetting.objects.create(organisation=assen, measure_code=measure)
    assert evaluate_organisation(platform).series == 0
    assert evaluate_organisation(assen).series > 0  # the same setting works for the owner


def test_no_observation_entry_point_gives_a_foreign_private_measure(
    platform: Organisation, assen_meldingen: tuple[Organisation, str]
) -> None:
    assen, measure = assen_meldingen
    with scopes_disabled():
        assen_areas = list(Area.objects.filter(code__startswith="WK0106").values_list("pk", flat=True))
    mine = platform.pk
    with scope(organisation=mine):
        reads = {
            "count_series": len(queries.count_series(measure, "week")),
            "measure_owners": len(queries.measure_owners([measure])),
            "measure_labels": len(queries.measure_labels([measure])),
            "measure_info": len(queries.measure_info([measure])),
            "visible_measure": int(queries.visible_measure(measure, mine)),
            "yearly_values": len(queries.yearly_values(assen_areas, organisation_id=mine)),
            "measure_years": len(queries.measure_years(assen_areas, organisation_id=mine)),
            "measure_levels": len(queries.measure_levels(assen_areas, organisation_id=mine)),
            "source_coverage": len(queries.source_coverage(assen_areas, organisation_id=mine)),
            "count_series_spans": len(
                queries.count_series_spans(None, organisation_id=mine, period_lengths=["week"])
            ),
            "observation_frame": len(queries.observation_frame([measure], organisation_id=mine)),
            "alerts.series_frame": len(series_frame(platform, measure, "week")),
            "export.selection": len(export_observations(selection(organisation_id=mine)).rows),
            "observations (scoped manager)": Observation.objects.count(),
        }
    assert reads == dict.fromkeys(reads, 0)
    # Indicators: a shared one and the Platform's own on Assen's measure both stay empty.
    with scopes_disabled():
        load_definitions(
            FOREIGN_INDICATOR.format(code="afval_gedeeld"), "test", actor=None, organisation=None
        )
    with scope(organisation=mine):
        load_definitions(
            FOREIGN_INDICATOR.format(code="afval_platform"), "test", actor=None, organisation=platform
        )
    report = compute(actor=None)
    assert any(line.startswith("afval_gedeeld: ") for line in report.problems)
    with scope(organisation=mine):
        assert not IndicatorValue.objects.filter(indicator__code__startswith="afval_").exists()
        # Reports and dashboard read the catalogue of measures the Platform sees.
        assert measure not in {info.code for info in figures.measures(platform)}
        assert figures.measure(platform, measure) is None
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command(
            "observations_export",
            "--organisation",
            "platform",
            "--measure",
            measure,
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "Onbekende maatstaf: meldingen_afval" in err.getvalue()
    with scope(organisation=assen.pk):  # the owner reads them through the same entry points
        assert len(queries.count_series(measure, "week")) > 0
        assert queries.visible_measure(measure, assen.pk)
