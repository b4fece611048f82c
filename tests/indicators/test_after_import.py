# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An import brings the indicators up to date once it is committed; without definitions, nothing runs."""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeAlias

import pytest
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators.models import ComputeRun, IndicatorValue
from kompas.sources.codelists import DENHAAG
from kompas.sources.load import import_file
from tests.indicators.factories import define

pytestmark = pytest.mark.django_db
PANEL = DENHAAG / "misdrijven_buurt_maand_2011_2015.csv.gz"
ROWS = 3000
OnCommit: TypeAlias = Callable[..., AbstractContextManager[object]]


def _first_rows(folder: Path) -> tuple[Path, list[dict[str, str]]]:
    with gzip.open(PANEL, "rt", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for _number, row in zip(range(ROWS), reader, strict=False)]
        fields = list(reader.fieldnames or [])
    path = folder / "denhaag.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)
    return path, rows


def _import(path: Path, organisation: Organisation | None, on_commit: OnCommit) -> None:
    with on_commit(execute=True), scope(organisation=organisation.pk if organisation else None):
        import_file(
            path, format="politie-buurt-maand", organisation=organisation, actor=None, create_areas=True
        )


def test_an_import_recomputes_the_indicators_after_commit(
    org_a: Organisation, tmp_path: Path, django_capture_on_commit_callbacks: OnCommit
) -> None:
    path, rows = _first_rows(tmp_path)
    offence = rows[0]["delict_code"]
    define(
        f'[[indicator]]\ncode = "delict"\nname = "Delict"\nformula = "count"\n'
        f'numerator = "politie_delict_{offence}"\n'
    )
    _import(path, None, django_capture_on_commit_callbacks)  # open data: the operator's import
    per_buurt_month: Counter[tuple[str, str]] = Counter()
    for row in rows:
        if row["delict_code"] == offence:
            month = f"{row['jaar']}-{int(row['maand']):02d}"
            per_buurt_month[(row["buurt_code"], month)] += int(row["aantal"])
    with scopes_disabled():
        stored = {
            (value.area_code, f"{value.period_start:%Y-%m}"): value.value
            for value in IndicatorValue.objects.filter(
                indicator__code="delict", area_level="buurt", period_length="month"
            )
        }
        assert ComputeRun.objects.count() == 1
    assert per_buurt_month
    assert {key: stored.get(key) for key in per_buurt_month} == dict(per_buurt_month)


def test_without_definitions_an_import_computes_nothing(
    org_a: Organisation, tmp_path: Path, django_capture_on_commit_callbacks: OnCommit
) -> None:
    path, _rows = _first_rows(tmp_path)
    _import(path, None, django_capture_on_commit_callbacks)
    with scopes_disabled():
        assert ComputeRun.objects.count() == 0
