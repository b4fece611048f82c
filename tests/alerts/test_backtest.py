# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The backtest: outbreaks injected into real history, after Noufaily et al. (2013)."""

from __future__ import annotations

import numpy as np
import pytest

from kompas.alerts.backtest import OutbreakDesign, backtest
from kompas.alerts.detect import Options, detect
from kompas.alerts.series import Panel
from tests.alerts.synthetic import monthly_panel, seasonal_counts

DESIGN = OutbreakDesign(outbreaks_per_series=15, sizes=(1.0, 4.0, 12.0))


def _panel() -> Panel:
    rng = np.random.default_rng(2013)
    return monthly_panel(*(seasonal_counts(rng, level=level) for level in (10, 30, 80)))


@pytest.mark.parametrize("method", ["farrington-flexible", "ears-c2", "cusum"])
def test_larger_outbreaks_are_detected_more_often(method: str) -> None:
    result = backtest(_panel(), method, Options(), np.random.default_rng(1), DESIGN)
    pods = [size.probability_of_detection for size in result.by_size]
    assert pods[0] < pods[-1]
    assert pods[-1] > 0.9  # twelve standard deviations hardly go unnoticed
    assert all(size.outbreaks <= 45 for size in result.by_size)


def test_false_positive_rate_is_that_of_the_unaltered_history() -> None:
    panel = _panel()
    result = backtest(panel, "farrington-flexible", Options(), np.random.default_rng(1), DESIGN)
    plain = detect(panel, "farrington-flexible")
    assert (result.evaluated, result.alarms) == (int(plain.evaluated.sum()), int(plain.alarm.sum()))
    assert result.false_positive_rate == pytest.approx(result.alarms / result.evaluated)


def test_a_seeded_generator_gives_the_same_figures() -> None:
    first = backtest(_panel(), "ears-c1", Options(), np.random.default_rng(7), DESIGN)
    again = backtest(_panel(), "ears-c1", Options(), np.random.default_rng(7), DESIGN)
    other = backtest(_panel(), "ears-c1", Options(), np.random.default_rng(8), DESIGN)
    assert first == again
    assert first != other


def test_a_stricter_setting_costs_detections_and_saves_false_alarms() -> None:
    panel = _panel()
    loose = backtest(panel, "farrington-flexible", Options(alpha=0.2), np.random.default_rng(3), DESIGN)
    strict = backtest(panel, "farrington-flexible", Options(alpha=0.001), np.random.default_rng(3), DESIGN)
    assert strict.false_positive_rate < loose.false_positive_rate
    assert strict.by_size[1].probability_of_detection < loose.by_size[1].probability_of_detection


def test_series_without_variation_get_no_outbreaks() -> None:
    # The size is a multiple of the standard deviation in the year before: 0 here.
    result = backtest(monthly_panel(np.full(96, 4.0)), "ears-c1", Options(), np.random.default_rng(1), DESIGN)
    assert all(size.outbreaks == 0 for size in result.by_size)
    assert all(np.isnan(size.probability_of_detection) for size in result.by_size)


def test_nothing_evaluable_gives_missing_rates() -> None:
    short = monthly_panel(seasonal_counts(np.random.default_rng(1), months=30))
    result = backtest(short, "farrington-flexible", Options(), np.random.default_rng(1), DESIGN)
    assert result.evaluated == 0
    assert np.isnan(result.false_positive_rate)
    assert all(size.outbreaks == 0 for size in result.by_size)
