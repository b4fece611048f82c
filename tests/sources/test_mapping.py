# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``mapping``: a table Kompas has never seen, imported from its mapping file alone."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest
from openpyxl import Workbook

from kompas.sources import formats

mapping = formats.get("mapping")

PANEL = "politie-denhaag-buurt-maand-2011-2015"
MAPPING = """
format = "kompas-mapping"
version = 1

[file]
encoding = "cp1252"
delimiter = ";"
decimal = ","

[area]
column = "Gebiedscode"
level = "buurt"

[period]
column = "Peildatum"
format = "date"
date_format = "dd-mm-yyyy"
length = "month"

[measure]
column = "Categorieën"

[measure.codes]
{codes}

[[value]]
column = "Geregistreerd aantal"
kind = "number"

[[measures]]
code = "woninginbraken"
name = "Woninginbraken (incl. pogingen)"
unit = "aantal"
source = "Politie eenheid Den Haag"
"""


def _offence_names(data: Path) -> dict[str, str]:
    with (data / PANEL / "delict_codes.csv").open(encoding="utf-8") as handle:
        return {row["delict_code"]: row["omschrijving"].rsplit(" (", 1)[0] for row in csv.DictReader(handle)}


@pytest.fixture
def unseen(data: Path, tmp_path: Path) -> tuple[Path, Path, list[dict[str, str]]]:
    """The Den Haag panel rewritten: other column names, ';', decimal commas, cp1252, a title line."""
    names = _offence_names(data)
    with gzip.open(
        data / PANEL / "misdrijven_buurt_maand_2011_2015.csv.gz", "rt", encoding="utf-8"
    ) as handle:
        raw = list(csv.DictReader(handle))
    target = tmp_path / "misdrijven_eigen_export.csv"
    with target.open("w", encoding="cp1252", newline="") as out:
        out.write("Export misdrijven per buurt – eenheid Den Haag\n")
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Gebiedscode", "Peildatum", "Categorieën", "Geregistreerd aantal", ""])
        for row in raw:
            writer.writerow(
                [
                    row["buurt_code"],
                    f"01-{int(row['maand']):02d}-{row['jaar']}",
                    names[row["delict_code"]],
                    f"{row['aantal']},0",
                    "",
                ]
            )
    codes = "\n".join(
        f'"{name}" = "{"woninginbraken" if code == "104" else "delict_" + code}"'
        for code, name in names.items()
    )
    toml = tmp_path / "eigen_export.toml"
    toml.write_text(MAPPING.format(codes=codes), encoding="utf-8")
    return target, toml, raw


def test_unseen_shape_imports_from_its_mapping_alone(unseen: tuple[Path, Path, list[dict[str, str]]]) -> None:
    target, toml, raw = unseen
    assert target.read_bytes().count("ë".encode("cp1252")) == 1  # truly cp1252
    result = mapping.parse(target, options={"mapping": str(toml)})
    assert result.ok, [e.message for e in result.errors[:3]]
    assert result.encoding == "cp1252"
    assert result.rows_read == len(raw) == 245_520
    assert sum(o.value for o in result.observations) == sum(int(row["aantal"]) for row in raw) == 189_029
    burglaries = sum(int(row["aantal"]) for row in raw if row["delict_code"] == "104")
    assert sum(o.value for o in result.observations if o.measure_code == "woninginbraken") == burglaries
    described = next(m for m in result.measures if m.code == "woninginbraken")
    assert (described.name, described.source) == (
        "Woninginbraken (incl. pogingen)",
        "Politie eenheid Den Haag",
    )


def test_xlsx_with_the_same_mapping(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.create_sheet("Blad1", 0)
    sheet.append(["Gebied", "Jaar", "Inwoners", "Marge"])
    sheet.append(["GM0164", 2024, 83060, None])
    sheet.append(["GM0153", 2024, 161000.5, 1.5])
    workbook.save(tmp_path / "eigen.xlsx")
    (tmp_path / "eigen.toml").write_text(
        'format = "kompas-mapping"\nversion = 1\n[area]\ncolumn = "Gebied"\n[period]\ncolumn = '
        '"Jaar"\nformat = "year"\n'
        '[[value]]\ncolumn = "Inwoners"\nmeasure = "inwoners"\nmargin_column = "Marge"\n'
    )
    result = mapping.parse(tmp_path / "eigen.xlsx", options={"mapping": str(tmp_path / "eigen.toml")})
    assert result.ok
    assert [(o.area_code, o.value, o.margin) for o in result.observations] == [
        ("GM0164", 83060.0, None),
        ("GM0153", 161000.5, 1.5),
    ]


def test_mapping_file_errors_name_their_key(tmp_path: Path) -> None:
    (tmp_path / "fout.toml").write_text(
        'format = "kompas-mapping"\n[area]\n[period]\nformat = "weekdag"\n[[value]]\ncolumn = "Aantal"\n'
    )
    (tmp_path / "data.csv").write_text("a\n1\n")
    assert [
        e.message
        for e in mapping.parse(tmp_path / "data.csv", options={"mapping": str(tmp_path / "fout.toml")}).errors
    ] == [
        'fout.toml, kolom "period.format": waarde "weekdag" is ongeldig; verwacht: een van: statline, '
        "date, year, year_month.",
        'fout.toml, kolom "area.column": de waarde ontbreekt; verwacht: een tekst.',
        'fout.toml, kolom "period.column": de waarde ontbreekt; verwacht: een tekst.',
        'fout.toml, kolom "value[1].measure": de waarde ontbreekt; verwacht: een maatstafcode, of een '
        "[measure] met column.",
    ]
