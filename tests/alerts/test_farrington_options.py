# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What each control option of farringtonFlexible does, on small synthetic series.

The reference tests prove agreement with R; these show, option by option, the effect a user
chooses, and the edge cases (all zeros, short series, a structural break, missing periods).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from kompas.alerts.farrington import FarringtonControl, FarringtonResult, farrington_flexible
from kompas.alerts.farrington_design import Windows, build_design
from kompas.alerts.series import Panel
from tests.alerts.synthetic import monthly_panel, seasonal_counts

LAST = 95  # the last month of the eight-year series


def _run(panel: Panel, **control: Any) -> FarringtonResult:
    return farrington_flexible(panel, FarringtonControl(**control))


def _panel(seed: int = 1) -> Panel:
    return monthly_panel(seasonal_counts(np.random.default_rng(seed)))


@pytest.mark.parametrize(
    ("b", "w", "first", "baseline"),
    [
        (5, 3, 63, 35),  # R's default: five years of seven-month windows
        (3, 2, 38, 15),  # three years of five-month windows
        (1, 0, 12, 1),  # the same month last year only
    ],
)
def test_b_and_w_set_history_and_window(b: int, w: int, first: int, baseline: int) -> None:
    result = _run(_panel(), b=b, w=w)
    evaluated = np.flatnonzero(result.detection.evaluated[0])
    assert evaluated[0] == first
    assert evaluated[-1] == LAST
    design = build_design(np.array([LAST]), 96, None, 12, Windows(b, w, 1, w))
    rows = design.rows[0][design.rows[0] >= 0]
    assert len(rows) == baseline
    # Windows of 2w + 1 months around the same month 1 … b years back.
    expected = sorted(LAST - 12 * year + offset for year in range(1, b + 1) for offset in range(-w, w + 1))
    assert rows.tolist() == expected


def test_reweighting_keeps_a_past_outbreak_from_raising_the_threshold() -> None:
    counts = seasonal_counts(np.random.default_rng(2))
    counts[LAST - 12] *= 4  # an outbreak in last year's window
    panel = monthly_panel(counts)
    reweighted = _run(panel).detection.upperbound[0, LAST]
    plain = _run(panel, reweight=False).detection.upperbound[0, LAST]
    assert reweighted < 0.8 * plain


def test_weights_threshold_above_every_residual_leaves_the_fit_unweighted() -> None:
    counts = seasonal_counts(np.random.default_rng(2))
    counts[LAST - 12] *= 4
    panel = monthly_panel(counts)
    never = _run(panel, weights_threshold=1e9, trend=False).detection
    plain = _run(panel, reweight=False, trend=False).detection
    # All weights 1: the same coefficients. (The bounds still differ: R takes the dispersion
    # of a reweighted model from its Anscombe weights, see kompas.alerts.farrington._Model.)
    np.testing.assert_allclose(never.expected, plain.expected, rtol=1e-9)
    # At R's 2.58 the outbreak is down-weighted, which lowers the expected count.
    default = _run(panel, trend=False).detection
    assert default.expected[0, LAST] < 0.95 * plain.expected[0, LAST]


def test_smaller_alpha_gives_higher_bounds() -> None:
    panel = _panel()
    bounds = [_run(panel, alpha=alpha).detection.upperbound[0, 63:] for alpha in (0.2, 0.05, 0.01, 0.001)]
    for lower, higher in itertools.pairwise(bounds):
        assert np.all(higher > lower)


def test_trend_follows_a_falling_series_and_can_be_switched_off() -> None:
    rng = np.random.default_rng(3)
    counts = rng.poisson(np.linspace(120, 30, 96)).astype(np.float64)
    panel = monthly_panel(counts)
    with_trend = _run(panel)
    without = _run(panel, trend=False)
    assert with_trend.trend_used[0, 63:].all()
    assert not without.trend_used.any()
    # The trend extrapolates towards the current level; without it the baseline mean lags.
    assert with_trend.detection.expected[0, LAST] < 40 < without.detection.expected[0, LAST]


def test_trend_is_dropped_when_it_extrapolates_beyond_the_baseline() -> None:
    # R keeps a trend only if the prediction stays below the largest baseline count.
    rng = np.random.default_rng(3)
    panel = monthly_panel(rng.poisson(np.linspace(20, 120, 96)).astype(np.float64))
    result = _run(panel)
    assert not result.trend_used[0, LAST]
    np.testing.assert_allclose(
        result.detection.expected[0, LAST], _run(panel, trend=False).detection.expected[0, LAST]
    )


def test_p_threshold_trend_decides_when_the_trend_is_kept() -> None:
    rng = np.random.default_rng(4)
    counts = rng.poisson(np.linspace(55, 40, 96)).astype(np.float64)  # a weak decline
    panel = monthly_panel(counts)
    never = _run(panel, p_threshold_trend=0.0)
    np.testing.assert_array_equal(never.detection.upperbound, _run(panel, trend=False).detection.upperbound)
    default = _run(panel).trend_used.sum()
    lenient = _run(panel, p_threshold_trend=0.9).trend_used.sum()
    assert default < lenient


def test_trend_needs_three_years_of_history() -> None:
    rng = np.random.default_rng(3)
    panel = monthly_panel(rng.poisson(np.linspace(120, 30, 96)).astype(np.float64))
    assert _run(panel, b=3).trend_used.any()
    assert not _run(panel, b=2).trend_used.any()


def test_limit54_needs_recent_cases_for_an_alarm() -> None:
    counts = np.zeros(96)
    counts[[15, 40, 70]] = 1
    counts[LAST] = 3  # a spike, but only 3 cases in the last 4 months
    panel = monthly_panel(counts)
    default = _run(panel).detection
    assert not default.alarm[0, LAST]
    assert np.isnan(default.upperbound[0, LAST])
    anything = _run(panel, limit54=(0, 1)).detection
    assert anything.alarm[0, LAST]
    assert anything.upperbound[0, LAST] < 3
    assert not _run(panel, limit54=(3, 1)).detection.alarm[0, LAST - 1]  # a zero never alarms


def test_power_transformation_orders_the_bounds() -> None:
    # Second-order terms of the back-transformation: none 0, 2/3 z²τ/6, 1/2 z²τ/4.
    panel = _panel()
    bounds = {
        power: _run(panel, powertrans=power).detection.upperbound[0, 63:] for power in ("none", "2/3", "1/2")
    }
    assert np.all(bounds["none"] < bounds["2/3"])
    assert np.all(bounds["2/3"] < bounds["1/2"])


def test_population_offset_models_rates() -> None:
    counts = seasonal_counts(np.random.default_rng(5))
    panel = monthly_panel(counts)
    population = np.full((1, 96), 100_000.0)
    rates = farrington_flexible(
        panel, FarringtonControl(population_offset=True, trend=False), population=population
    )
    plain = _run(panel, trend=False)
    # A constant population only shifts the intercept.
    np.testing.assert_allclose(rates.detection.upperbound, plain.detection.upperbound, rtol=1e-9)
    grown = population.copy()
    grown[0, LAST] *= 2  # twice the people this month: twice the expected count
    doubled = farrington_flexible(
        panel, FarringtonControl(population_offset=True, trend=False), population=grown
    )
    assert doubled.detection.expected[0, LAST] == pytest.approx(
        2 * plain.detection.expected[0, LAST], rel=1e-9
    )
    with pytest.raises(ValueError, match="bevolkingsreeks"):
        _run(panel, population_offset=True)


def test_no_periods_uses_all_past_data_in_seasonal_blocks() -> None:
    design = build_design(np.array([LAST]), 96, None, 12, Windows(5, 3, 10, 6))
    rows = design.rows[0][design.rows[0] >= 0]
    levels = design.levels[0][design.rows[0] >= 0]
    # Everything from the oldest window up to the recent months left out.
    assert rows.tolist() == list(range(LAST - 63, LAST - 6))
    # Five months between windows for nine blocks: R's descending ``a:(a - 1)`` merges the
    # empty blocks, so monthly data keep six of the ten levels.
    assert set(levels.tolist()) == {1, 2, 3, 4, 9, 10}
    assert np.all(levels[np.isin(rows, [LAST - 12, LAST - 24, LAST - 60])] == 10)  # the windows


def test_past_periods_not_included_keeps_a_recent_outbreak_out_of_the_baseline() -> None:
    counts = seasonal_counts(np.random.default_rng(6))
    counts[LAST - 5 : LAST - 3] *= 5  # an outbreak four and five months ago
    panel = monthly_panel(counts)
    noufaily = {"no_periods": 10, "threshold_method": "nbPlugin"}
    excluded = _run(panel, past_periods_not_included=6, **noufaily).detection.upperbound[0, LAST]
    included = _run(panel, past_periods_not_included=3, **noufaily).detection.upperbound[0, LAST]
    assert excluded < included
    design = build_design(np.array([LAST]), 96, None, 12, Windows(5, 3, 10, 6))
    assert design.rows[0].max() == LAST - 7


def test_threshold_methods() -> None:
    panel = _panel()
    plugin = _run(panel, threshold_method="nbPlugin").detection.upperbound[0, 63:]
    muan = _run(panel, threshold_method="muan").detection.upperbound[0, 63:]
    delta = _run(panel).detection.upperbound[0, 63:]
    # Negative binomial quantiles are whole counts; muan plugs in the upper limit of the mean.
    np.testing.assert_array_equal(plugin, np.round(plugin))
    assert np.all(muan >= plugin)
    assert not np.allclose(delta, plugin)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"b": 0}, "b moet minstens 1 zijn"),
        ({"alpha": 1.5}, "alpha moet tussen 0 en 1 liggen"),
        ({"limit54": (1, 0)}, "limit54"),
        ({"powertrans": "3/4"}, "powertrans"),
        ({"threshold_method": "exact"}, "thresholdMethod"),
    ],
)
def test_settings_r_rejects_are_rejected(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace(FarringtonControl(), **change)


def test_too_many_seasonal_blocks_for_the_gaps_is_an_error() -> None:
    # Monthly data with w = 3 leave five months between windows: at most 6 + 5 blocks.
    with pytest.raises(ValueError, match="noPeriods"):
        _run(_panel(), no_periods=13)


def test_all_zeros_gives_no_alarm_and_no_bound() -> None:
    result = _run(monthly_panel(np.zeros(96)))
    detection = result.detection
    assert detection.evaluated[0, 63:].all()
    assert not detection.alarm.any()
    assert np.isnan(detection.upperbound).all()  # fewer than 5 cases in 4 months
    assert np.all(detection.expected[0, 63:] < 1e-6)
    lenient = _run(monthly_panel(np.zeros(96)), limit54=(0, 1)).detection
    assert not lenient.alarm.any()


def test_short_series_is_not_evaluated() -> None:
    # Five years and three months of history are needed before the first judgement.
    result = _run(monthly_panel(seasonal_counts(np.random.default_rng(7), months=63)))
    assert not result.detection.evaluated.any()
    assert (
        _run(monthly_panel(seasonal_counts(np.random.default_rng(7), months=64))).detection.evaluated.sum()
        == 1
    )


def test_structural_break_raises_alarms_at_the_break() -> None:
    rng = np.random.default_rng(8)
    counts = np.concatenate([rng.poisson(30, 84), rng.poisson(90, 12)]).astype(np.float64)
    detection = _run(monthly_panel(counts)).detection
    assert detection.alarm[0, 84:88].all()
    assert detection.alarm[0, 63:84].sum() <= 2  # alpha 0.05: about one false alarm in 21


def test_missing_periods_are_left_out_of_baseline_and_not_judged() -> None:
    # Without trend, reweighting and seasonal blocks the expected value is the baseline mean.
    counts = seasonal_counts(np.random.default_rng(9))
    simple = {"trend": False, "reweight": False}
    design = build_design(np.array([LAST]), 96, None, 12, Windows(5, 3, 1, 3))
    rows = design.rows[0][design.rows[0] >= 0]
    counts[rows[0]] = np.nan
    counts[LAST - 1] = np.nan
    detection = _run(monthly_panel(counts), **simple).detection
    assert detection.expected[0, LAST] == pytest.approx(np.nanmean(counts[rows]), rel=1e-9)
    assert not detection.evaluated[0, LAST - 1]
    assert np.isnan(detection.upperbound[0, LAST - 1])


def test_series_are_independent_in_a_panel() -> None:
    # Vectorising across series must not mix them: alone or together, the same numbers.
    first, second = (
        seasonal_counts(np.random.default_rng(10)),
        seasonal_counts(np.random.default_rng(11), level=8),
    )
    together = _run(monthly_panel(first, second)).detection
    alone = _run(monthly_panel(second)).detection
    np.testing.assert_allclose(together.upperbound[1], alone.upperbound[0], rtol=1e-12)
    np.testing.assert_array_equal(together.alarm[1], alone.alarm[0])
