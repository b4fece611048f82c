# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What a setting costs, shown beside it: its backtest on the organisation's own history.

Outbreaks are simulated into the organisation's monthly series of the measure (design in
:mod:`kompas.alerts.backtest`, after Noufaily et al. 2013) and the setting is judged on every
period with enough history. Buurt series are left out so the page answers within a second or
two; wijk and gemeente series carry the same signal summed. The random generator is seeded, so
the same data and setting always give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kompas.accounts.models import Organisation
from kompas.alerts.backtest import BacktestResult, OutbreakDesign, backtest
from kompas.alerts.choice import choose_method
from kompas.alerts.detect import Options
from kompas.alerts.evaluate import series_frame
from kompas.alerts.models import Method
from kompas.alerts.series_frames import panel_from_frame, series_by_level

LEVELS_TESTED = ("gemeente", "wijk", "regio", "provincie", "land")
SEED = 2013
DESIGN = OutbreakDesign(outbreaks_per_series=10)


@dataclass(frozen=True)
class RuleCost:
    """The backtest of one setting, summed over the area levels tested, in percentages."""

    series: int
    evaluated: int
    false_positive_rate: float | None
    probability_by_size: tuple[tuple[float, float | None], ...]


def rule_cost(
    organisation: Organisation, measure_code: str, method: str, alpha: float, min_count: int
) -> RuleCost | None:
    """Backtest a setting on the organisation's monthly series; ``None`` when there are none."""
    frame = series_frame(organisation, measure_code, "month")
    if frame.empty:
        return None
    rng = np.random.default_rng(SEED)
    results: list[BacktestResult] = []
    series = 0
    for level, rows in series_by_level(frame).items():
        if level in LEVELS_TESTED:
            panel = panel_from_frame(rows, "month")
            series += len(panel.names)
            running = choose_method(method, len(panel.periods), "month").method
            options = Options(alpha=None if running == Method.CUSUM else alpha, min_count=min_count)
            results.append(backtest(panel, running, options, rng, DESIGN))
    if not results:
        return None
    return _combined(series, results)


def _combined(series: int, results: list[BacktestResult]) -> RuleCost:
    evaluated = sum(result.evaluated for result in results)
    alarms = sum(result.alarms for result in results)
    by_size = []
    for index, size in enumerate(DESIGN.sizes):
        outbreaks = sum(result.by_size[index].outbreaks for result in results)
        detected = sum(result.by_size[index].detected for result in results)
        by_size.append((size, _percent(detected, outbreaks)))
    return RuleCost(series, evaluated, _percent(alarms, evaluated), tuple(by_size))


def _percent(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None
