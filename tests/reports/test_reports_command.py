# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas report``: writes the file, records who made it, and explains wrong choices in Dutch."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation
from kompas.policy.models import Plan
from tests.reports.factories import Hengelo

pytestmark = pytest.mark.django_db


def test_writes_the_report_and_an_audit_record(plan: Plan, hengelo: Hengelo, tmp_path: Path) -> None:
    path = tmp_path / "beeld.xlsx"
    out = StringIO()
    call_command(
        "report", "veiligheidsbeeld", "--format", "xlsx", "--area", "wk016401", "--period", "2023",
        "--public", "--output", str(path), stdout=out,
    )  # fmt: skip
    assert out.getvalue().startswith(f"Geschreven: {path}")
    assert openpyxl.load_workbook(path).sheetnames[0] == "Cijfers"
    with scopes_disabled():
        record = AuditRecord.objects.get(action="reports.report.generated")
    assert record.changes["area"] == "wk016401" and record.changes["suppressed"] is True
    assert record.changes["file"] == "veiligheidsbeeld-hengelo-2023-WK016401.xlsx"


def test_default_file_name_says_what_the_report_covers(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    call_command(
        "report", "themablad", "--theme", "T3", "--format", "html", "--period", "2020", stdout=StringIO()
    )
    page = (tmp_path / "themablad-hengelo-2020-T3.html").read_text(encoding="utf-8")
    assert "Themablad T3 Huiselijk Geweld en Kindermishandeling" in page


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        # A themablad needs its theme, and the message lists the themes there are.
        (["themablad"], "Kies een thema van het plan met --theme: T1, T2, T3, T4, T5, T6, T7, T8."),
        # An area of another gemeente is refused.
        (
            ["veiligheidsbeeld", "--area", "WK015301"],
            "Gebied WK015301 is onbekend of ligt niet in Gemeente Hengelo",
        ),
        # A year in the future has no figures.
        (["voortgang", "--period", "2999"], "Periode 2999 valt buiten 1990–"),
        # A plan id that does not exist.
        (["voortgang", "--plan", "999999"], "Geen veiligheidsplan gevonden."),
    ],
)
def test_wrong_choices_are_explained(
    plan: Plan, org_a: Organisation, arguments: list[str], message: str
) -> None:
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        call_command("report", *arguments, "--format", "html", "--output", "/dev/null", stdout=StringIO())
