# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``cbs-bevolking``: inhabitants per buurt 2024, Amsterdam kerncijfers 2016-2021 and its shapefile."""

from __future__ import annotations

import csv
from pathlib import Path

from kompas.areas.levels import AreaLevel
from kompas.sources import formats

TWENTE = (
    "GM0141",
    "GM0147",
    "GM1774",
    "GM0153",
    "GM0158",
    "GM0163",
    "GM0164",
    "GM1735",
    "GM0168",
    "GM0173",
    "GM1742",
    "GM0183",
    "GM1700",
    "GM0189",
)

cbs_bevolking = formats.get("cbs-bevolking")
AMSTERDAM = "cbs-kwb-amsterdam-wijken-2016-2021"


def test_inhabitants_per_buurt_2024(data: Path) -> None:
    path = data / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv"
    with path.open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = cbs_bevolking.parse(path)
    assert result.ok
    assert result.rows_read == len(raw) == 14_574
    assert sum(o.value for o in result.observations) == sum(int(row["inwoners"]) for row in raw) == 17_942_915
    assert sum(o.value for o in result.observations if o.area_code[2:6] == "0164") == 83_060  # Hengelo
    assert sum(o.value for o in result.observations if "GM" + o.area_code[2:6] in TWENTE) == 640_740
    assert {(o.period_start.isoformat(), o.measure_code) for o in result.observations} == {
        ("2024-01-01", "inwoners")
    }
    assert any(o.area_code == "BU0363AA01" for o in result.observations)  # CBS codes with letters (Amsterdam)


def test_amsterdam_kerncijfers_per_wijk_and_year(data: Path) -> None:
    path = data / AMSTERDAM / "wijken_info.csv"
    with path.open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = cbs_bevolking.parse(path)
    assert result.ok
    assert result.rows_read == len(raw) == 594
    inhabitants = [o for o in result.observations if o.measure_code == "inwoners"]
    assert len(inhabitants) == 594
    assert sum(o.value for o in inhabitants) == sum(int(row["a_inw"]) for row in raw)
    density = [o for o in result.observations if o.measure_code == "bevolkingsdichtheid"]
    assert len(density) == sum(1 for row in raw if row["bev_dich"] != ".") == 589  # "." is absent, not zero
    assert sorted({o.period_start.year for o in inhabitants}) == [2016, 2017, 2018, 2019, 2020, 2021]


def test_amsterdam_shapefile(data: Path) -> None:
    result = cbs_bevolking.parse(data / AMSTERDAM / "amsterdam_wijken.shp", options={"year": 2021})
    assert result.ok
    assert len(result.areas) == 99
    assert {a.level for a in result.areas} == {AreaLevel.WIJK}
    assert {a.parent_code for a in result.areas} == {"GM0363"}
    assert all(a.geometry for a in result.areas)
    wijken = {
        row["gwb_code"]
        for row in csv.DictReader((data / AMSTERDAM / "wijken_info.csv").open(encoding="utf-8"))
    }
    assert {a.code for a in result.areas} == wijken


def test_shapefile_without_year_says_so(data: Path) -> None:
    assert [e.message for e in cbs_bevolking.parse(data / AMSTERDAM / "amsterdam_wijken.shp").errors] == [
        'amsterdam_wijken.shp, kolom "optie year": de waarde ontbreekt; '
        "verwacht: de optie year (het jaar van de gebiedsindeling) of een jaartal in de bestandsnaam."
    ]


def test_gemeente_code_must_match_the_buurt(tmp_path: Path) -> None:
    path = tmp_path / "bevolking_2024.csv"
    path.write_text("buurt_code,inwoners,gemeente_code\nBU01640100,3455,GM0153\n")
    assert [e.message for e in cbs_bevolking.parse(path).errors] == [
        'bevolking_2024.csv, regel 2, kolom "gemeente_code": waarde "GM0153" hoort niet bij buurt '
        "BU01640100; "
        "verwacht: de gemeentecode GM0164 van de buurt."
    ]


def test_national_population_on_1_january_from_83474ned(data: Path) -> None:
    path = data / "politie-nl-misdrijven-overlast-maand-2012-2023" / "nl_bevolking_maand_83474NED.csv"
    result = cbs_bevolking.parse(path)
    assert result.ok
    assert result.rows_read == 375  # 1995MM01 … 2023MM11 with the year rows 1995JJ00 … 2022JJ00
    by_year = {o.period_start.year: o for o in result.observations}
    assert sorted(by_year) == list(range(1995, 2024))  # one stock per year: the start of January
    assert {(o.measure_code, o.area_code, o.period_length) for o in result.observations} == {
        ("inwoners", "NL00", "year")
    }
    # Rows "2023MM01,17811291,17817202" and "1995MM01,15424122,15430178" of the file.
    assert by_year[2023].value == 17_811_291 and by_year[2023].period_start.isoformat() == "2023-01-01"
    assert by_year[1995].value == 15_424_122


def test_83474ned_with_a_broken_count_names_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "bevolking.csv"
    path.write_text(
        "Perioden,BevolkingAanHetBeginVanDePeriode_1,BevolkingAanHetEindVanDePeriode_8\n"
        "2023MM01,17811291,17817202\n2024MM01,-5,17817202\n2025XX01,1,1\n",
        encoding="utf-8",
    )
    result = cbs_bevolking.parse(path)
    assert [(e.line, e.column, e.value) for e in result.errors] == [
        (3, "BevolkingAanHetBeginVanDePeriode_1", "-5"),
        (4, "Perioden", "2025XX01"),
    ]
