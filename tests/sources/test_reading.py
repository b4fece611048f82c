# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading real-world tables: encodings, separators, Dutch numbers, periods, headers and footers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from kompas.observations.periods import PeriodLength
from kompas.sources.reading import csvdialect, encoding
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.numbers import DUTCH, POINT, parse_count, parse_number
from kompas.sources.reading.options import Options
from kompas.sources.reading.periods import Period, parse_date, parse_period_code
from kompas.sources.reading.tables import open_source, open_table


@pytest.mark.parametrize(
    ("text", "numbers", "expected"),
    [
        ("1.743", DUTCH, 1743.0),  # Dutch thousands point
        ("23,4", DUTCH, 23.4),  # Dutch decimal comma
        ("1.743,5", DUTCH, 1743.5),
        ("-2,0", DUTCH, -2.0),
        ("23.4", POINT, 23.4),
        ("800027.0", POINT, 800027.0),  # pandas writes counts as floats
        (".", DUTCH, None),  # StatLine: not available
        ("", POINT, None),  # empty cell: absent, never zero
        ("x", DUTCH, None),  # StatLine: secret
    ],
)
def test_numbers(text: str, numbers: object, expected: float | None) -> None:
    assert parse_number(text, numbers) == expected  # type: ignore[arg-type]  # a NumberFormat, parametrised as object


@pytest.mark.parametrize(
    ("text", "numbers", "problem"),
    [
        ("12.75", DUTCH, "is geen geldig getal"),  # a decimal point in a Dutch file is no thousands group
        ("23,4", POINT, "is geen geldig getal"),
        ("abc", DUTCH, "is geen geldig getal"),
        ("1e999", POINT, "is geen eindig getal"),
    ],
)
def test_invalid_numbers(text: str, numbers: object, problem: str) -> None:
    with pytest.raises(Invalid) as raised:
        parse_number(text, numbers)  # type: ignore[arg-type]  # a NumberFormat, parametrised as object
    assert raised.value.problem == problem


def test_counts_are_whole_and_not_negative() -> None:
    assert parse_count("1.743", DUTCH) == 1743
    with pytest.raises(Invalid, match="is negatief"):
        parse_count("-1", DUTCH)
    with pytest.raises(Invalid, match="is geen geheel getal"):
        parse_count("2,5", DUTCH)


@pytest.mark.parametrize(
    ("code", "period"),
    [
        ("2024JJ00", Period(date(2024, 1, 1), PeriodLength.YEAR)),
        ("2020MM01", Period(date(2020, 1, 1), PeriodLength.MONTH)),
        ("2016KW03", Period(date(2016, 7, 1), PeriodLength.QUARTER)),
        ("2024", Period(date(2024, 1, 1), PeriodLength.YEAR)),  # raw StatLine export header
        ("2016*", Period(date(2016, 1, 1), PeriodLength.YEAR)),  # provisional figure
    ],
)
def test_period_codes(code: str, period: Period) -> None:
    assert parse_period_code(code) == period


@pytest.mark.parametrize("code", ["2024XX00", "2020MM13", "2016KW05", "2024JJ01", "1800JJ00", ""])
def test_invalid_period_codes(code: str) -> None:
    with pytest.raises(Invalid) as raised:
        parse_period_code(code)
    assert raised.value.expected == "een periodecode zoals 2024JJ00, 2020MM01 of 2016KW03"


def test_impossible_dates_are_errors() -> None:
    assert parse_date("29-02-2024", "dd-mm-yyyy") == date(2024, 2, 29)
    with pytest.raises(Invalid) as raised:
        parse_date("31-02-2024", "dd-mm-yyyy")
    assert (raised.value.problem, raised.value.expected) == (
        "is geen geldige datum",
        "een datum zoals 31-03-2024",
    )


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b"\xef\xbb\xbfa;b\n", "utf-8-sig"),  # UTF-8 with BOM (Excel "CSV UTF-8")
        ("buurt;categorieën\n".encode(), "utf-8"),
        ("buurt;categorieën\n".encode("cp1252"), "cp1252"),  # Excel "CSV (puntkomma)"
        (b"a,b\n", "utf-8"),
    ],
)
def test_encoding_detection(head: bytes, codec: str) -> None:
    assert encoding.detect(head) == codec


def test_utf16_is_refused_not_guessed() -> None:
    with pytest.raises(Invalid, match="UTF-16"):
        encoding.detect(b"\xff\xfea\x00")


@pytest.mark.parametrize(
    ("line", "separator"),
    [
        ('"Onderwerp";"Geregistreerde misdrijven"', ";"),
        ("jaar,maand,buurt_code", ","),
        ("jaar\tmaand\tbuurt_code", "\t"),
        ('Onderwerp,Perioden,"Waarde_Groningen (PV)_2015"', ","),
    ],
)
def test_separator_sniffing(line: str, separator: str) -> None:
    assert csvdialect.sniff(["Titel van de tabel", line]) == separator


def _table(path: Path, text: bytes, required: tuple[str, ...]) -> object:
    path.write_bytes(text)
    return open_table(open_source(path, Options(None, path.name)), required)


def test_title_lines_footer_and_trailing_empty_columns(tmp_path: Path) -> None:
    text = "Titel\n\nbuurt;aantal;;\nBU01640100;1.743;;\nBU01640101;23;;\n\nBron: Politie\n".encode("cp1252")
    table = _table(tmp_path / "t.csv", text, ("buurt", "aantal"))
    rows = list(table.rows())  # type: ignore[attr-defined]  # a Table: the header was found
    assert [(row.line, row.text("aantal")) for row in rows] == [(4, "1.743"), (5, "23")]
    assert table.header_line == 3  # type: ignore[attr-defined]  # a Table: the header was found


def test_undecodable_bytes_are_reported_with_line_and_column(tmp_path: Path) -> None:
    text = b"buurt,naam\nBU01640100,Centrum\nBU01640101,Es\x81\n"
    rows = list(_table(tmp_path / "t.csv", text, ("buurt",)).rows())  # type: ignore[attr-defined]  # a Table: the header was found
    assert [error.message for error in rows[1]] == [
        't.csv, regel 3, kolom "naam": waarde "\\x81" is geen geldige tekst; '
        "verwacht: tekst in utf-8 (geef anders de codering op, bijvoorbeeld cp1252)."
    ]


def test_short_rows_name_the_first_missing_column(tmp_path: Path) -> None:
    rows = list(_table(tmp_path / "t.csv", b"a,b,c\n1,2\n", ("a",)).rows())  # type: ignore[attr-defined]  # a Table: the header was found
    assert (
        rows[0][0].message
        == 't.csv, regel 2, kolom "c": de waarde ontbreekt; verwacht: 3 kolommen; de regel heeft er 2.'
    )


def test_quoted_fields_with_separators_and_line_breaks(tmp_path: Path) -> None:
    text = b'key,title\n1,"Moord, doodslag"\n2,"twee\nregels"\n3,drie\n'
    rows = list(_table(tmp_path / "t.csv", text, ("key",)).rows())  # type: ignore[attr-defined]  # a Table: the header was found
    assert [(row.line, row.text("title")) for row in rows] == [
        (2, "Moord, doodslag"),
        (3, "twee\nregels"),
        (5, "drie"),
    ]


def test_xlsx_rows_read_like_csv(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.create_sheet("Blad1", 0)
    sheet.append(["Titel"])
    sheet.append(["buurt", "aantal", "datum"])
    sheet.append(["BU01640100", 1743, date(2024, 1, 1)])
    sheet.append(["BU01640101", 23.4, None])
    workbook.save(tmp_path / "t.xlsx")
    table = open_table(open_source(tmp_path / "t.xlsx", Options(None, "t.xlsx")), ("buurt", "aantal"))
    rows = list(table.rows())  # type: ignore[union-attr]  # a Table: the header was found
    assert [(row.line, row.text("aantal"), row.text("datum")) for row in rows] == [
        (3, "1743", "2024-01-01"),
        (4, "23.4", ""),
    ]
