# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``politie-buurt-maand`` on a StatLine download (47018NED): registered crime per buurt, 2023."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kompas.observations.periods import PeriodLength
from kompas.sources import formats

politie_buurt_maand = formats.get("politie-buurt-maand")

FOLDER = "politie-buurt-jaar-hengelo-enschede-2023/"
HEADER = (
    "SoortMisdrijf,SoortMisdrijf_label,WijkenEnBuurten,WijkenEnBuurten_label,Perioden,"
    "GeregistreerdeMisdrijven_1,Gemeentenaam_2\n"
)


@pytest.mark.parametrize(
    ("name", "buurten", "total"),
    [
        ("misdrijven_buurt_hengelo_2023.csv", 62, 3_665),  # PROVENANCE: 62 buurten, sum 3.665
        ("misdrijven_buurt_enschede_2023.csv", 70, 9_024),  # PROVENANCE: 70 buurten, sum 9.024
    ],
)
def test_buurt_year_totals_read_under_statline_column_names(
    data: Path, name: str, buurten: int, total: int
) -> None:

    with (data / FOLDER / name).open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = politie_buurt_maand.parse(data / FOLDER / name)
    assert result.ok, result.errors[:3]
    assert len(result.observations) == len(raw) == buurten
    assert sum(o.value for o in result.observations) == total
    assert {(o.measure_code, o.period_length, o.period_start.year) for o in result.observations} == {
        ("misdrijven_totaal", PeriodLength.YEAR, 2023)
    }
    assert [m.code for m in result.measures] == ["misdrijven_totaal"]


def test_errors_name_the_statline_column(tmp_path: Path) -> None:
    # A wijk row in a buurt download: refused, under the column name the file uses.
    path = tmp_path / "download.csv"
    path.write_text(HEADER + '0.0.0,Totaal misdrijven,WK016400,"Binnenstad",2023JJ00,717,Hengelo\n')
    assert [error.message for error in politie_buurt_maand.parse(path).errors] == [
        'download.csv, regel 2, kolom "WijkenEnBuurten": waarde "WK016400" is geen code van een buurt; '
        "verwacht: een buurt-code zoals BU01640100."
    ]
