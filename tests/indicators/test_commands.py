# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas compute``, ``kompas export indicators`` and ``kompas indicators load|dump``."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from kompas.accounts.models import AuditRecord, Organisation
from kompas.indicators import definitions, export
from kompas.indicators.models import Indicator, IndicatorDefinition
from kompas.policy.load import load_demo_plan
from tests.indicators.factories import COUNT, RATE, burglary_panel, define, make_group

pytestmark = pytest.mark.django_db
STANDARD_SET = Path(definitions.__file__).parent / "sets" / "standaard_criminaliteit.toml"
HENGELO_SET = STANDARD_SET.with_name("hengelo_ivp_2017_2020.toml")
COLUMNS = (
    "indicator_code,area_code,area_level,period_start,period_length,value,ci_low,ci_high,n,flag,"
    "trend_pct_per_year,trend_ci_low,trend_ci_high,trend_p,benchmark_group,benchmark_index,rank,"
    "benchmark_not_compared,target_status,demo"
)


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def computed(org_a: Organisation) -> Organisation:
    burglary_panel(org_a)
    make_group("testgroep", ["WK999901", "WK999902"])
    define(RATE, COUNT)
    return org_a


def test_compute_reports_as_json(computed: Organisation) -> None:
    report = json.loads(_run("compute", "--json"))
    assert [(r["code"], r["mode"]) for r in report["indicators"]] == [
        ("inbraak_aantal", "volledig"),
        ("inbraak_per_1000", "volledig"),
    ]
    assert report["indicators"][0]["values"] > 0


def test_compute_prints_counts_and_seconds_in_dutch_number_format(computed: Organisation) -> None:
    lines = _run("compute").splitlines()
    report = json.loads(_run("compute", "--full", "--json"))  # the same figures once more
    values = report["indicators"][0]["values"]
    dutch = f"{values:,}".replace(",", ".")  # thousands point (this panel has fewer than 1.000)
    assert lines[0].startswith(f"inbraak_aantal: volledig, {dutch} waarden, ")
    assert re.fullmatch(r"2 indicatoren, \d+ streefwaardeoordelen, \d+,\d s", lines[-1])
    assert re.search(r"\(\d+,\d s\)", lines[0])


def test_export_has_exactly_the_documented_columns(computed: Organisation) -> None:
    _run("compute")
    text = _run("indicators_export", "--indicator", "inbraak_per_1000", "--level", "wijk", "--period", "2015")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == COLUMNS
    assert ",".join(export.COLUMNS) == COLUMNS
    yearly = [r for r in rows if r["period_length"] == "year"]
    assert [(r["area_code"], r["period_start"], r["n"], r["benchmark_group"]) for r in yearly] == [
        ("WK999901", "2015-01-01", "180", "testgroep"),
        ("WK999902", "2015-01-01", "60", "testgroep"),
    ]
    assert {r["rank"] for r in yearly} == {"1.0", "2.0"}
    assert {r["benchmark_not_compared"] for r in rows} == {""}
    counted = _run(
        "indicators_export", "--indicator", "inbraak_aantal", "--level", "wijk", "--period", "2015"
    )
    reasons = {r["benchmark_not_compared"] for r in csv.DictReader(io.StringIO(counted))}
    assert reasons == {
        "Een aantal groeit met de grootte van het gebied; vergelijk per inwoner of per woning."
    }


def test_export_to_xlsx(computed: Organisation, tmp_path: Path) -> None:
    _run("compute")
    target = tmp_path / "indicatoren.xlsx"
    _run("indicators_export", "--format", "xlsx", "--period", "year", "--output", str(target))
    sheet = load_workbook(target)["indicatoren"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert ",".join(header) == COLUMNS
    assert sheet.max_row == 1 + 2 * 2 * 7  # 2 indicators × 2 years × (3 buurten, 2 wijken, gemeente, groep)


def test_an_unknown_period_is_refused_in_dutch(computed: Organisation) -> None:
    with pytest.raises(CommandError, match="onbekende periode week"):
        _run("indicators_export", "--period", "week")


def test_load_and_dump_round_trip(db: None, tmp_path: Path) -> None:
    assert "5 nieuw" in _run("indicators_load", str(STANDARD_SET))
    assert "5 ongewijzigd" in _run("indicators_load", str(STANDARD_SET))
    dumped = tmp_path / "set.toml"
    _run("indicators_dump", "--output", str(dumped))
    original = definitions.parse(STANDARD_SET.read_text(encoding="utf-8")).definitions
    by_code = sorted(original, key=lambda definition: definition.code)
    assert definitions.parse(dumped.read_text(encoding="utf-8")).definitions == tuple(by_code)


def test_a_file_with_problems_loads_nothing(db: None, tmp_path: Path) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text(
        'format = "kompas-indicatoren"\nversion = 1\n'
        '[[indicator]]\ncode = "a"\nname = "A"\nformula = "rate"\nnumerator = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as stopped:
        _run("indicators_load", str(broken))
    assert str(stopped.value) == (
        "kapot.toml: indicator 1, veld 'denominator': gevonden (leeg), verwacht een maatstafcode"
    )
    with scopes_disabled():
        assert not IndicatorDefinition.objects.exists()


def test_the_hengelo_plan_indicators_get_definitions_and_keep_their_texts(org_a: Organisation) -> None:
    load_demo_plan(org_a.code)
    with scope(organisation=org_a.pk):
        before = Indicator.objects.get(code="T1.I1", organisation=org_a)
    _run("indicators_load", str(HENGELO_SET), "--organisation", org_a.code)
    with scope(organisation=org_a.pk):
        after = Indicator.objects.select_related("definition").get(code="T1.I1", organisation=org_a)
    assert after.pk == before.pk and after.description == before.description
    assert (after.definition.formula, after.definition.numerator) == (
        "survey_percentage",
        "vm_voelt_zich_wel_eens_onveilig_in_buurt",
    )


def test_loading_the_same_definitions_again_is_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "set.toml"
    path.write_text('format = "kompas-indicatoren"\nversion = 1\n' + COUNT, encoding="utf-8")
    out = io.StringIO()
    for _ in range(2):
        call_command("indicators_load", str(path), stdout=out)
    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd" in out.getvalue()
    assert AuditRecord.objects.filter(action="indicators.definitions.loaded").count() == 1
