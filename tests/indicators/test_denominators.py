# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Denominators from the bundled CBS files: the national rates of the standard set.

Only the national files are imported (yearly crime and disorder counts, the monthly population
83474NED), so the test costs a second, not a demo load.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators import definitions
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.indicators.models import IndicatorValue
from kompas.sources.codelists import DATA
from tests.sources.importing import run_import

NL = "politie-nl-misdrijven-overlast-maand-2012-2023/"
HOUSEHOLDS = "cbs-gebiedsindelingen-2014-2015/huishoudens_gemeenten_2015.csv"
STANDARD_SET = Path(definitions.__file__).parent / "sets" / "standaard_criminaliteit.toml"


@pytest.fixture
def national(org_a: Organisation) -> None:
    for counts in ("nl_misdrijven_jaar_soort.csv", "nl_overlast_jaar_soort.csv"):
        run_import(org_a, NL + counts, "politie-statline", create_areas=True)
    run_import(org_a, NL + "nl_bevolking_maand_83474NED.csv", "cbs-bevolking", create_areas=True)
    run_import(org_a, HOUSEHOLDS, "cbs-bevolking", create_areas=True)
    with scopes_disabled():
        loaded = load_definitions(
            STANDARD_SET.read_text(encoding="utf-8"), STANDARD_SET.name, actor=None, organisation=None
        )
        assert loaded.problems == ()
        compute(actor=None)


def _year(code: str, year: int) -> IndicatorValue:
    with scopes_disabled():
        return IndicatorValue.objects.get(
            indicator__code=code, area_code="NL00", period_length="year", period_start=f"{year}-01-01"
        )


def test_violent_crime_per_1000_inhabitants_of_nederland_2023(national: None) -> None:
    value = _year("geweldsmisdrijven_per_1000_inwoners", 2023)
    # Numerator: 1.4.1-1.4.7 in nl_misdrijven_jaar_soort.csv, 2023: 8.214 + 2.541 + 4.037 + 23.298
    # + 39.268 + 2.435 + 541 = 80.334. Denominator: nl_bevolking_maand_83474NED.csv, row
    # "2023MM01,17811291,17817202" (BevolkingAanHetBeginVanDePeriode_1: 17.811.291 on 1 January 2023).
    # 80.334 / 17.811.291 × 1.000 = 4,510285077…
    assert value.numerator == 80_334
    assert (value.denominator, value.denominator_year) == (17_811_291, 2023)
    assert value.value == pytest.approx(4.510285077033439, rel=1e-12)


def test_every_national_year_has_the_stock_of_its_own_1_january(national: None) -> None:
    # 2012: row "2012MM01,16730348,…"; total crime 2012: 1.127.869 (nl_misdrijven_jaar_soort.csv).
    value = _year("misdrijven_totaal_per_1000_inwoners", 2012)
    assert (value.denominator, value.denominator_year) == (16_730_348, 2012)
    assert value.value == pytest.approx(1_127_869 / 16_730_348 * 1000, rel=1e-12)
    with scopes_disabled():
        rates = IndicatorValue.objects.filter(
            indicator__code__in=[
                "geweldsmisdrijven_per_1000_inwoners",
                "verward_gedrag_e33_per_1000_inwoners",
                "misdrijven_totaal_per_1000_inwoners",
            ],
            area_code="NL00",
            period_length="year",
        )
        assert rates.count() == 3 * 12  # 2012-2023
        assert not rates.filter(value__isnull=True).exists()


def _bundled_lines(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_burglary_proxy_per_1000_households_of_nederland_2015(national: None) -> None:
    # Numerator: nl_misdrijven_jaar_soort.csv, "1.1.1 Diefstal/inbraak woning,2015,64676".
    crimes = _bundled_lines(NL + "nl_misdrijven_jaar_soort.csv")
    burglaries = next(int(c) for kind, year, c in crimes[1:] if kind.startswith("1.1.1 ") and year == "2015")
    # Denominator: the households on 1 January 2015 of all 393 gemeenten of 2015 (CBS kerncijfers,
    # derived from gemeenten_2015.geojson), added up here from the gemeente rows of the bundled file.
    rows = _bundled_lines(HOUSEHOLDS)[1:]
    gemeenten = {code: int(count) for code, year, count in rows if code.startswith("GM") and year == "2015"}
    assert len(gemeenten) == 393
    households = sum(gemeenten.values())
    assert (burglaries, households) == (64_676, 7_665_198)
    # the file's NL00 row is that sum, not a figure from elsewhere
    assert [count for code, _year, count in rows if code == "NL00"] == [str(households)]
    value = _year("woninginbraken_per_1000_huishoudens", 2015)
    assert (value.numerator, value.denominator, value.denominator_year) == (64_676, 7_665_198, 2015)
    # 64.676 / 7.665.198 × 1.000 = 8,4376…
    assert value.value == pytest.approx(burglaries / households * 1000, rel=1e-12)
    assert round(value.value, 2) == 8.44
    # the dwellings rate stays empty: no bundled file has `woningen`
    with scopes_disabled():
        assert not IndicatorValue.objects.filter(
            indicator__code="woninginbraken_per_1000_woningen", value__isnull=False
        ).exists()
