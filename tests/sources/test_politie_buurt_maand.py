# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``politie-buurt-maand`` on the real Den Haag panel 2011-2015, and its exact errors."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from kompas.observations.periods import PeriodLength
from kompas.sources import formats

politie_buurt_maand = formats.get("politie-buurt-maand")

PANEL = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"
HEADER = "jaar,maand,wijk_code,buurt_code,delict_code,aantal\n"


def test_den_haag_panel_counts_and_totals(data: Path) -> None:
    with gzip.open(data / PANEL, "rt", encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = politie_buurt_maand.parse(data / PANEL)
    assert result.ok, result.errors[:3]
    assert result.rows_read == len(raw) == 245_520
    assert len(result.observations) == 245_520  # zeros are registered zeros and kept
    assert sum(o.value for o in result.observations) == sum(int(row["aantal"]) for row in raw) == 189_029
    burglaries = sum(int(row["aantal"]) for row in raw if row["delict_code"] == "104")
    assert sum(o.value for o in result.observations if o.measure_code == "politie_delict_104") == burglaries
    assert {o.period_length for o in result.observations} == {PeriodLength.MONTH}
    assert len({o.area_code for o in result.observations}) == 341
    assert len(result.measures) == 12


def test_streaming_in_small_blocks_gives_the_same_result(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kompas.sources.reading import blocks

    monkeypatch.setattr(blocks, "BLOCK_BYTES", 64 * 1024)
    chunks = list(politie_buurt_maand.iter_chunks(data / PANEL))
    assert len(chunks) > 10
    assert sum(chunk.rows_read for chunk in chunks) == 245_520
    assert sum(chunk.observations.table.column("value").to_numpy().sum() for chunk in chunks) == 189_029


def _parse(tmp_path: Path, body: str, header: str = HEADER, encoding: str = "utf-8") -> list[str]:
    path = tmp_path / "panel.csv"
    path.write_bytes((header + body).encode(encoding))
    return [error.message for error in politie_buurt_maand.parse(path).errors]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        # a negative count
        (
            "2011,1,WK048402,BU04840201,104,-3",
            'panel.csv, regel 2, kolom "aantal": waarde "-3" is negatief; verwacht: een aantal van 0 of '
            "meer.",
        ),
        # month 13
        (
            "2011,13,WK048402,BU04840201,104,3",
            'panel.csv, regel 2, kolom "maand": waarde "13" is geen geldige maand; verwacht: een '
            "maandnummer van 1 tot en met 12.",
        ),
        # an unknown offence code
        (
            "2011,1,WK048402,BU04840201,999,3",
            'panel.csv, regel 2, kolom "delict_code": waarde "999" is geen bekende delictcode; verwacht: '
            "een code uit delict_codes.csv (100 tot en met 117) of een 47022NED-soort zoals 1.1.1.",
        ),
        # a buurt outside its wijk
        (
            "2011,1,WK048403,BU04840201,104,3",
            'panel.csv, regel 2, kolom "wijk_code": waarde "WK048403" hoort niet bij buurt BU04840201; '
            "verwacht: de wijkcode WK048402.",
        ),
        # a text where a count belongs
        (
            "2011,1,WK048402,BU04840201,104,drie",
            'panel.csv, regel 2, kolom "aantal": waarde "drie" is geen geldig getal; verwacht: een getal '
            "zoals 1743 of 23.4.",
        ),
        # a truncated line
        (
            "2011,1,WK048402,BU04840201",
            'panel.csv, regel 2, kolom "delict_code": de waarde ontbreekt; verwacht: 6 kolommen; de '
            "regel heeft er 4.",
        ),
    ],
)
def test_exact_errors(tmp_path: Path, row: str, message: str) -> None:
    assert _parse(tmp_path, row + "\n") == [message]


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    row = "2011,1,WK048402,BU04840201,104,3\n"
    assert _parse(tmp_path, row + "2011,2,WK048402,BU04840201,104,3\n" + row) == [
        'panel.csv, regel 4, kolom "delict_code, buurt_code, jaar, maand": waarde "politie_delict_104, '
        "BU04840201, "
        'month 2011-01-01" komt dubbel voor (ook op regel 2); verwacht: één waarde per maatstaf, gebied '
        "en periode."
    ]


def test_missing_values_are_absent_not_zero(tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(
        HEADER
        + "2011,1,WK048402,BU04840201,104,.\n"
        + "2011,1,WK048402,BU04840201,101,\n"
        + "2011,1,WK048402,BU04840201,100,0\n"
    )
    result = politie_buurt_maand.parse(path)
    assert result.ok
    assert [(o.measure_code, o.value) for o in result.observations] == [("politie_delict_100", 0.0)]


def test_dutch_export_with_period_codes_and_47022ned_types(tmp_path: Path) -> None:
    # A semicolon file in cp1252 with StatLine period codes and crime-type keys, title and footer.
    text = (
        "Misdrijven per buurt\nperioden;buurt_code;delict_code;aantal\n"
        "2020MM01;BU01640100;1.1.1;1.743\n\nBron: Politie\n"
    )
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode("cp1252"))
    result = politie_buurt_maand.parse(path)
    assert result.ok, [e.message for e in result.errors]
    assert [
        (o.measure_code, o.area_code, o.period_start.isoformat(), o.value) for o in result.observations
    ] == [("misdrijven_1_1_1", "BU01640100", "2020-01-01", 1743.0)]
