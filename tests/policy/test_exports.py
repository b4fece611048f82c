# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas plan export``: JSON shape, XLSX with the JSON's numbers, PDF with every themablad."""

from __future__ import annotations

import json
import socket
import subprocess
from io import StringIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.management import call_command

from kompas.policy.models import Plan
from kompas.presentation import formatting

pytestmark = pytest.mark.django_db

QUESTIONS = [
    "Waar gaat het om?",
    "Wat willen we bereiken?",
    "Wat en wie hebben we daarvoor nodig?",
    "Wat gaat dat kosten?",
    "Hoe gaan we dat meten?",
]


def _export(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"plan.{kind}"
    call_command("plan_export", "--format", kind, "--output", str(path), stdout=StringIO())
    return path


def _json(tmp_path: Path) -> dict[str, Any]:
    return dict(json.loads(_export("json", tmp_path).read_text(encoding="utf-8")))


def test_json_lists_themes_goals_indicators_and_budget_lines(hengelo_plan: Plan, tmp_path: Path) -> None:
    data = _json(tmp_path)
    assert data["format"] == {"name": "kompas-plan-export", "version": 1}
    assert [theme["code"] for theme in data["themes"]] == [f"T{n}" for n in range(1, 9)]
    assert len(data["goals"]) == 33 and len(data["indicators"]) == 32
    [i1] = [item for item in data["indicators"] if item["code"] == "T1.I1"]
    assert i1["unit"] == "%" and i1["direction"] == "lower_is_better" and i1["source"] == "L431-432"
    assert i1["baseline"] == {
        "value": 20,
        "period": 2015,
        "period_text": None,
        "area": "heel Hengelo",
        "source": "L431-432",
    }
    assert {key: i1["target"][key] for key in ("rule", "value", "period")} == {
        "rule": "at_most_baseline",
        "value": 20,
        "period": 2020,
    }
    [i2] = [item for item in data["indicators"] if item["code"] == "T1.I2"]
    assert [(area["area"], area["value"]) for area in i2["area_values"]] == [
        ("buitengebied", 32),
        ("Hasseler Es", 13),
    ]
    assert len(data["budget"]["lines"]) == 11
    assert (data["budget"]["lines_sum"], data["budget"]["stated_total"]) == (203400, 180000)


def test_json_to_standard_output(hengelo_plan: Plan) -> None:
    out = StringIO()
    call_command("plan_export", stdout=out)
    assert json.loads(out.getvalue())["plan"]["key"] == "hengelo_ivp_2017_2020"


def _sheet_rows(book: openpyxl.Workbook, name: str) -> list[dict[str, Any]]:
    sheet = book[name]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_xlsx_reads_back_to_the_json_numbers(hengelo_plan: Plan, tmp_path: Path) -> None:
    data = _json(tmp_path)
    book = openpyxl.load_workbook(_export("xlsx", tmp_path))
    assert book.sheetnames[:5] == ["Thema’s", "Doelen", "Indicatoren", "Gebiedswaarden", "Begroting"]
    indicators = {row["code"]: row for row in _sheet_rows(book, "Indicatoren")}
    for item in data["indicators"]:
        row, base, goal = indicators[item["code"]], item["baseline"] or {}, item["target"] or {}
        assert (row["basiswaarde"], row["basisjaar"]) == (base.get("value"), base.get("period")), item["code"]
        assert (row["streefregel"], row["streefwaarde"], row["streefjaar"]) == (
            goal.get("rule"),
            goal.get("value"),
            goal.get("period"),
        )
        assert (row["eenheid"], row["richting"], row["bron"]) == (
            item["unit"],
            item["direction"],
            item["source"],
        )
    lines = _sheet_rows(book, "Begroting")
    assert [row["bedrag (€)"] for row in lines] == [line["amount"] for line in data["budget"]["lines"]]
    totals = [row["bedrag (€)"] for row in _sheet_rows(book, "Begrotingstotaal")]
    assert totals == [203400, 180000]
    shares = [row["waarde"] for row in _sheet_rows(book, "Capaciteit")]
    assert shares == [3, 20, 20, 40, 10, 90]
    sheet = book["Begroting"]
    assert sheet.freeze_panes == "A2" and sheet["E2"].number_format == formatting.XLSX_INTEGER
    assert book.sheetnames[-1] == "Bronnen"


def _pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def test_pdf_has_every_themablad_with_the_five_questions(
    hengelo_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("netwerkverbinding geprobeerd")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    text = _pdf_text(_export("pdf", tmp_path))
    data = _json(tmp_path)
    for theme in data["themes"]:
        assert f"{theme['code']} {theme['title']}" in text
    for question in QUESTIONS:
        assert text.count(question) >= 8, question
    assert "203.400" in text and "180.000" in text  # Dutch number formatting
    assert "20 % (2015)" in text  # T1.I1 baseline
    assert "periode 2017–2020" in text  # years are not numbers with a thousands separator
    assert "Herkomst" in text and "Integraal Veiligheidsbeleid Hengelo 2017 - 2020 (import" in text
    assert "pagina 1 van" in text
