# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas export observations``: CSV to the screen, XLSX with a sources sheet, clear mistakes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from kompas.observations.export import COLUMNS
from tests.observations.test_export import data as data  # the fixture, shared

pytestmark = pytest.mark.django_db


def _call(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("observations_export", *arguments, stdout=out, stderr=err)
    except SystemExit as stop:
        return int(stop.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_csv_has_the_documented_columns_and_plain_numbers(data: None) -> None:
    code, out, err = _call("--measure", "woninginbraken", "--level", "gemeente", "--period", "year")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    assert tuple(rows[0]) == COLUMNS
    # all 3 buurten, but 19 of their 36 months: the sum is marked, and the command says so
    assert rows[1] == [
        "woninginbraken",
        "Woninginbraken",
        "GM0164",
        "gemeente",
        "2024-01-01",
        "year",
        "29",
        "",
        "",
        "3",
        "3",
        "19",
        "36",
        "",
        "onvolledig (19 van 36 waarden)",
    ]
    assert err == "1 opgetelde waarden zijn onvolledig (kolom coverage): geen totaal van het gebied.\n"


def test_values_left_out_are_counted_on_standard_error(data: None) -> None:
    code, _out, err = _call("--level", "gemeente")
    assert code == 0
    assert "1 waarden niet opgenomen: ze zijn geen aantal" in err


def test_xlsx_holds_the_rows_and_their_sources(data: None, tmp_path: Path) -> None:
    path = tmp_path / "waarnemingen.xlsx"
    code, _out, err = _call("--format", "xlsx", "--output", str(path))
    book = load_workbook(path)
    sheet = book["Waarnemingen"]
    values = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert code == 0 and "Geschreven:" in err
    assert book.sheetnames == ["Waarnemingen", "Bronnen"]
    assert len(values) == 21 and sum(v for v in values if isinstance(v, float | int)) == pytest.approx(
        29 + 23.4 + 21
    )
    assert [row[0] for row in book["Bronnen"].iter_rows(min_row=2, values_only=True)] == [
        "Politie (veiligheidsgevoel)",
        "Politie (woninginbraken)",
    ]


def test_an_unknown_measure_is_a_mistake(data: None) -> None:
    code, _out, err = _call("--measure", "bestaat_niet")
    assert code == 1 and "Onbekende maatstaf: bestaat_niet" in err
