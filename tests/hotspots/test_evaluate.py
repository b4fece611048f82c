# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Hit rate, PAI and PEI by hand on a tiny grid, and a rolling origin that never looks ahead."""

from __future__ import annotations

import numpy as np
import pytest

from kompas.hotspots.evaluate import backtest, ranked, score_week, totals
from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern

GRID = Grid(0.0, 0.0, 100.0, 10, 10)


def test_scores_by_hand() -> None:
    # 100 active cells; naming 5 % = 5 cells that hold 6 of the week's 10 events; the best
    # 5 cells could have held 8
    observed = np.zeros((10, 10))
    observed.flat[[0, 1, 2, 3, 4]] = [2, 1, 1, 1, 1]
    observed.flat[[50, 51]] = [3, 1]
    forecast = np.zeros((10, 10))
    forecast.flat[[0, 1, 2, 3, 4]] = 1.0
    active = np.ones((10, 10), dtype=bool)
    order = ranked(forecast, active, np.arange(100))
    score = score_week(order, observed, active, 0.05)
    assert (score.caught, score.total, score.best) == (6, 10, 8)
    assert score.hit_rate == pytest.approx(0.6)
    assert score.pai == pytest.approx(0.6 / 0.05)
    assert score.pei == pytest.approx(6 / 8)


def test_a_week_without_events_has_no_rates() -> None:
    active = np.ones((10, 10), dtype=bool)
    score = score_week(np.arange(100), np.zeros((10, 10)), active, 0.05)
    assert score.hit_rate is None and score.pai is None and score.pei is None


def test_ties_follow_the_given_order_and_inactive_cells_are_never_named() -> None:
    active = np.zeros((10, 10), dtype=bool)
    active.flat[[3, 7, 9]] = True
    ties = np.arange(100)[::-1]
    assert ranked(np.zeros((10, 10)), active, ties).tolist() == [9, 7, 3]


def test_the_backtest_pools_weeks_and_knows_only_the_past() -> None:
    # one event every day in cell 0; the long-run count names cell 0 and catches all
    t = np.arange(0.0, 70.0)
    events = Pattern.of(t, np.full(70, 50.0), np.full(70, 50.0))
    active = np.ones((10, 10), dtype=bool)
    weeks = backtest(events, GRID, active, [28.0, 35.0], ["longrun", "recent"], coverages=(0.01,))
    pooled = {(total.method, total.coverage): total for total in totals(weeks)}
    assert pooled["longrun", 0.01].caught == 14 and pooled["longrun", 0.01].total == 14
    assert pooled["longrun", 0.01].pai == pytest.approx(100.0)
    # the first origin has no past: nothing to rank but the tie order, which misses cell 0
    empty = backtest(events, GRID, active, [0.0], ["longrun"], coverages=(0.01,))
    assert empty[0].scores["longrun"][0.01].caught in (0, 7)
