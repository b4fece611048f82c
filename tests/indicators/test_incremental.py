# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Recomputing after an import touches only the new periods and gives what a full run gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute
from kompas.indicators.models import IndicatorComparison, IndicatorTrend, IndicatorValue
from tests.indicators.factories import (
    BURGLARIES,
    COUNT,
    RATE,
    burglary_panel,
    define,
    make_group,
    make_run,
    observe,
)

pytestmark = pytest.mark.django_db
FIELDS = (
    "indicator__code", "organisation_id", "area_code", "area_level", "period_start", "period_length", "value",
    "ci_low", "ci_high", "numerator", "denominator", "denominator_year", "n", "flag", "import_runs",
)  # fmt: skip


def _snapshot() -> dict[str, list[tuple[object, ...]]]:
    with scopes_disabled():
        values = sorted(IndicatorValue.objects.values_list(*FIELDS), key=str)
        trends = sorted(
            IndicatorTrend.objects.values_list("indicator__code", "area_code", "pct_per_year", "n_periods"),
            key=str,
        )
        ranks = sorted(
            IndicatorComparison.objects.values_list(
                "indicator__code", "area_code", "period_start", "index", "rank"
            ),
            key=str,
        )
    return {"values": values, "trends": trends, "ranks": ranks}


def test_a_new_month_is_added_incrementally_and_equals_a_full_recompute(org_a: Organisation) -> None:
    areas = burglary_panel(org_a, years=(2013, 2014, 2015))
    make_group("testgroep", ["WK999901", "WK999902"])
    define(RATE, COUNT)
    compute(actor=None)
    observe("woningen", areas, {code: 1000.0 for code in BURGLARIES}, [dt.date(2016, 1, 1)], "year")
    january = {"BU99990101": 4.0, "BU99990102": 9.0, "BU99990201": 1.0}
    observe("inbraak", areas, january, [dt.date(2016, 1, 1)], run=make_run(org_a, "januari.csv"))

    report = compute(actor=None)

    # The dwellings of 2016 came without an import run, so only the burglaries count as new.
    assert {r.code: r.mode for r in report.indicators} == {
        "inbraak_aantal": "incrementeel",
        "inbraak_per_1000": "incrementeel",
    }
    incremental = _snapshot()
    compute(actor=None, full=True)
    assert incremental == _snapshot()


def test_nothing_new_changes_nothing(org_a: Organisation) -> None:
    burglary_panel(org_a)
    define(COUNT)
    compute(actor=None)
    report = compute(actor=None)
    assert [r.mode for r in report.indicators] == ["ongewijzigd"]


def test_a_new_stock_recomputes_in_full(org_a: Organisation) -> None:
    areas = burglary_panel(org_a)
    define(RATE)
    compute(actor=None)
    observe("woningen", areas, {code: 1000.0 for code in BURGLARIES}, [dt.date(2016, 1, 1)], "year",
            run=make_run(org_a, "woningen.csv"))  # fmt: skip
    report = compute(actor=None)
    assert [r.mode for r in report.indicators] == ["volledig"]
