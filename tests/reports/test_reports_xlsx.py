# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every report as XLSX: one sheet per table, frozen headers, Dutch formats, the same numbers, "Bronnen"."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest

from kompas.accounts.models import Organisation
from kompas.policy.models import Action, Plan
from kompas.presentation import formatting
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.reports.factories import Hengelo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


def _book(organisation: Organisation, name: ReportName, **options: Any) -> openpyxl.Workbook:
    output = generate(organisation, ReportOptions(name, ReportFormat.XLSX, **options), actor=None)
    return openpyxl.load_workbook(io.BytesIO(output.body))


def _rows(book: openpyxl.Workbook, sheet: str) -> list[dict[str, Any]]:
    rows = list(book[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_voortgang_workbook(org_a: Organisation, plan: Plan, hengelo: Hengelo) -> None:
    book = _book(org_a, ReportName.VOORTGANG, period=2023)
    assert book.sheetnames == [
        "Samenvatting",
        "Indicatoren",
        "Acties",
        "Begroting per thema",
        "Begrotingsregels",
        "Besteding",
        "Bronnen",
    ]
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames)
    indicators = _rows(book, "Indicatoren")
    assert len(indicators) == 32
    [i1] = [row for row in indicators if row["code"] == "T1.I1"]
    assert (i1["thema"], i1["basiswaarde"], i1["basisjaar"], i1["streefwaarde"], i1["streefjaar"]) == (
        "T1",
        20,
        2015,
        20,
        2020,
    )
    assert book["Indicatoren"]["E2"].number_format == formatting.XLSX_DECIMAL
    summary = _rows(book, "Samenvatting")
    assert [row["thema"][:2] for row in summary] == [f"T{n}" for n in range(1, 9)]
    planned = Action.objects.filter(theme__plan=plan, state="gepland").count()
    assert sum(row["acties: gepland"] for row in summary) == planned > 0
    lines = _rows(book, "Begrotingsregels")
    assert [row["bedrag (€)"] for row in lines if row["onderwerp"] == "som van de regels"] == [203400]
    assert book["Begrotingsregels"]["D2"].number_format == formatting.XLSX_INTEGER
    sources = _rows(book, "Bronnen")
    assert [row["bron"] for row in sources][1:] == [
        "Politie / CBS (47022NED, 47024NED)",
        "Veiligheidsmonitor (CBS)",
    ]
    assert sources[1]["laatste import"] == "1 februari 2024, 10:30"
    assert sources[1]["periode"] == "januari 2022 – december 2023"


def test_veiligheidsbeeld_workbook_holds_the_observed_numbers(org_a: Organisation, hengelo: Hengelo) -> None:
    book = _book(org_a, ReportName.VEILIGHEIDSBEELD, period=2023, area_code="WK016402")
    assert book.sheetnames == ["Cijfers", "Indicatoren", "Signaleringen", "Grafieken", "Bronnen"]
    [burglary] = [row for row in _rows(book, "Cijfers") if row["maatstaf"] == "Diefstal uit woning"]
    # Wijk 02: 4 a month in 2023, 5 in 2022; the gemeente is the sum of the ten wijken.
    gemeente = sum(sum(months) for months in (_months(n) for n in range(10)))
    assert (burglary["waarde"], burglary["vorig jaar"], burglary["gemeente"]) == (48, 60, gemeente)
    assert burglary["verandering (%)"] == pytest.approx(-20.0)
    assert burglary["aandeel in gemeente (%)"] == pytest.approx(48 / gemeente * 100)
    assert len(book["Grafieken"]._images) == 2  # the map and the series


def _months(number: int) -> list[int]:
    from tests.reports.factories import burglaries

    return burglaries(number, 2023)


def test_themablad_workbook(org_a: Organisation, plan: Plan) -> None:
    book = _book(org_a, ReportName.THEMABLAD, theme_code="t4", period=2020)
    assert book.sheetnames == [
        "Indicatoren",
        "Acties",
        "Kosten",
        "Begroting",
        "Betrokkenen",
        "Regionale projecten",
        "Bronnen",
    ]
    assert {row["thema"] for row in _rows(book, "Indicatoren")} == {"T4"}
    assert [row["Bedrag (€)"] for row in _rows(book, "Kosten") if isinstance(row["Bedrag (€)"], int)] == [
        35000
    ]


def test_plan_workbook_is_the_plan_export(org_a: Organisation, plan: Plan) -> None:
    book = _book(org_a, ReportName.PLAN)
    assert "Thema’s" in book.sheetnames and book.sheetnames[-1] == "Bronnen"
