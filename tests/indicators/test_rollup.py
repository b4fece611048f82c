# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Sums for every level and period length, on a hand-computed panel (no database)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kompas.indicators import hierarchy, rollup
from kompas.indicators.inputs import RunBits
from kompas.indicators.rollup import Cells
from kompas.observations.periods import PeriodLength

# BU1 and BU2 lie in WK1, BU3 in WK2, both wijken in GM1; group "westhoek" is BU1 and BU3.
VERSIONS = pd.DataFrame(
    [
        (1, "GM1", "gemeente", None, 2015, None),
        (2, "WK1", "wijk", "GM1", 2015, None),
        (3, "WK2", "wijk", "GM1", 2015, None),
        (4, "BU1", "buurt", "WK1", 2015, None),
        (5, "BU2", "buurt", "WK1", 2015, None),
        (6, "BU3", "buurt", "WK2", 2015, None),
    ],
    columns=["id", "code", "level", "parent_code", "valid_from", "valid_to"],
)
MEMBERS = pd.DataFrame(
    [(7, "westhoek", None, "regio", "BU1"), (7, "westhoek", None, "regio", "BU3")],
    columns=["group_id", "group_code", "organisation_id", "kind", "area_code"],
)
JANUARY_2015 = 2015 * 12
MONTHS = range(JANUARY_2015, JANUARY_2015 + 15)  # January 2015 - March 2016


@pytest.fixture
def areas() -> hierarchy.Areas:
    return hierarchy.build(VERSIONS, MEMBERS, (2014, 2017))


def _cells(areas: hierarchy.Areas, rows: list[tuple[str, int, float]]) -> Cells:
    area = areas.index_of([code for code, _start, _value in rows])
    start = np.asarray([start for _code, start, _value in rows], dtype=np.int64)
    value = np.asarray([value for _code, _start, value in rows], dtype=np.float64)
    return Cells(area, start, value, np.ones((len(rows), 1), dtype=np.uint64))


@pytest.fixture
def monthly(areas: hierarchy.Areas) -> Cells:
    # BU1: 1 burglary every month; BU2: 2 a month and 0 in February 2015; BU3: 5 in June 2015, else 0.
    rows = [("BU1", m, 1.0) for m in MONTHS] + [
        ("BU2", m, 0.0 if m == JANUARY_2015 + 1 else 2.0) for m in MONTHS
    ]
    rows += [("BU3", m, 5.0 if m == JANUARY_2015 + 5 else 0.0) for m in MONTHS]
    rolled = rollup.roll_up(_cells(areas, rows), areas)
    return rollup.concat([rolled, rollup.group_sums(rolled, areas)])


def _table(cells: Cells, areas: hierarchy.Areas) -> dict[tuple[str, int], float]:
    return {
        (str(areas.codes[a]), int(s)): float(v)
        for a, s, v in zip(cells.area, cells.start, cells.value, strict=True)
    }


def test_every_level_and_the_group_per_month(monthly: Cells, areas: hierarchy.Areas) -> None:
    june = _table(monthly, areas)
    assert june[("WK1", JANUARY_2015 + 5)] == 3.0
    assert june[("GM1", JANUARY_2015 + 5)] == 8.0
    assert june[("westhoek", JANUARY_2015 + 5)] == 6.0  # BU1 + BU3
    assert monthly.size == 15 * (3 + 2 + 1 + 1)


def test_years_need_twelve_months(monthly: Cells, areas: hierarchy.Areas) -> None:
    years = _table(rollup.to_length(monthly, PeriodLength.YEAR), areas)
    # BU1 12, BU2 11 × 2 = 22, BU3 5; WK1 34; GM1 39. 2016 has three months only: no year value.
    assert years == {
        ("BU1", JANUARY_2015): 12.0, ("BU2", JANUARY_2015): 22.0, ("BU3", JANUARY_2015): 5.0,
        ("WK1", JANUARY_2015): 34.0, ("WK2", JANUARY_2015): 5.0, ("GM1", JANUARY_2015): 39.0,
        ("westhoek", JANUARY_2015): 17.0,
    }  # fmt: skip


def test_quarters_need_all_three_months(monthly: Cells, areas: hierarchy.Areas) -> None:
    quarters = _table(rollup.to_length(monthly, PeriodLength.QUARTER), areas)
    assert quarters[("GM1", 2016 * 12)] == 9.0  # 3 × (1 + 2)
    assert quarters[("BU2", JANUARY_2015)] == 4.0  # February had none
    assert len(quarters) == 5 * 7


def test_rolling_windows_exist_only_where_twelve_months_are_covered(
    monthly: Cells, areas: hierarchy.Areas
) -> None:
    windows = _table(rollup.to_length(monthly, PeriodLength.ROLLING_12_MONTHS), areas)
    # 15 months give 4 windows per area, starting January - April 2015.
    assert len(windows) == 4 * 7
    assert windows[("BU2", JANUARY_2015 + 3)] == 24.0  # April 2015 - March 2016
    assert windows[("BU2", JANUARY_2015)] == 22.0  # includes the empty February


def test_a_missing_month_of_one_buurt_leaves_its_parents_without_a_value(areas: hierarchy.Areas) -> None:
    cells = _cells(areas, [("BU1", JANUARY_2015, 1.0), ("BU3", JANUARY_2015, 4.0)])
    rolled = _table(rollup.roll_up(cells, areas), areas)
    assert rolled == {("BU1", JANUARY_2015): 1.0, ("BU3", JANUARY_2015): 4.0, ("WK2", JANUARY_2015): 4.0}


def test_stocks_come_from_the_reference_year_or_the_nearest(areas: hierarchy.Areas) -> None:
    stocks = _cells(areas, [("BU1", 2015 * 12, 100.0), ("BU1", 2017 * 12, 120.0)])
    cells = _cells(areas, [("BU1", m, 1.0) for m in (2014 * 12, 2015 * 12 + 4, 2016 * 12, 2018 * 12)])
    found = rollup.stock_for(cells, stocks, cells.start // 12)
    # 2014: none before, so the first later (2015); 2016: the latest before (2015); 2018: 2017.
    assert found.year.tolist() == [2015, 2015, 2015, 2017]
    assert found.value.tolist() == [100.0, 100.0, 100.0, 120.0]


def test_run_bits_round_trip() -> None:
    bits = RunBits(tuple(range(3, 3 + 70)))  # two words
    encoded = bits.encode(np.asarray([3.0, 72.0, np.nan]))
    merged = encoded[[0]] | encoded[[1]]
    assert bits.decode(np.vstack([merged, encoded[[2]]])) == [(3, 72), ()]
