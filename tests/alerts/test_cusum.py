# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The adaptive CUSUM for short series, computed by hand on small series."""

from __future__ import annotations

import numpy as np
import pytest

from kompas.alerts.cusum import CusumControl, cusum

FLAT = 20


def _step(after: list[float]) -> np.ndarray:
    """Twenty periods of 10 (sd 0, floored to 1), then the given counts."""
    return np.array([[10.0] * FLAT + after])


def test_sum_accumulates_alarms_and_restarts() -> None:
    # z = 3 each period: S = 2.5, then 5.0 > h = 4 (alarm, restart), then 2.5 again.
    found = cusum(_step([13.0, 13.0, 13.0]))
    np.testing.assert_allclose(found.score[0, FLAT:], [2.5 / 4, 5.0 / 4, 2.5 / 4])
    assert found.alarm[0, FLAT:].tolist() == [False, True, False]
    # The bound is the count that would just raise an alarm: mean + sd (h + k - S_prev).
    np.testing.assert_allclose(found.upperbound[0, FLAT:], [14.5, 12.0, 14.5])
    np.testing.assert_allclose(found.expected[0, FLAT:], 10.0)


def test_alarm_exactly_where_the_count_exceeds_the_bound() -> None:
    counts = np.random.default_rng(1954).poisson(6, size=(30, 40)).astype(np.float64)
    counts[:, 25:28] += 8
    found = cusum(counts)
    judged = found.evaluated
    np.testing.assert_array_equal(found.alarm[judged], counts[judged] > found.upperbound[judged])
    np.testing.assert_array_equal(found.alarm[judged], found.score[judged] > 1)
    assert found.alarm[:, 25:28].any(axis=1).mean() > 0.9


@pytest.mark.parametrize(
    ("control", "alarms"),
    [
        (CusumControl(), [False, True, False, True]),  # k 0.5, h 4: the second period of +3 signals
        (CusumControl(h=8.0), [False, False, False, True]),  # a wider interval waits longer
        (CusumControl(k=3.0), [False, False, False, False]),  # a shift of 3 sd is within the slack
        (CusumControl(min_sigma=3.0), [False, False, False, False]),  # +3 is one floored sd
    ],
)
def test_settings_change_when_the_cusum_signals(control: CusumControl, alarms: list[bool]) -> None:
    # From the fourth period on the step enters the moving baseline (after the guard band).
    assert cusum(_step([13.0] * 4), control).alarm[0, FLAT:].tolist() == alarms


def test_baseline_leaves_a_guard_band() -> None:
    # Periods 0-6 form the baseline of period 9; 7 and 8 are the guard band.
    counts = np.array([[1.0, 2, 3, 4, 5, 6, 7, 100, 100, 8]])
    found = cusum(counts)
    assert np.flatnonzero(found.evaluated[0]).tolist() == [9]
    assert found.expected[0, 9] == pytest.approx(4.0)


def test_missing_count_is_skipped_and_keeps_the_sum() -> None:
    counts = _step([13.0, np.nan, 13.0])
    found = cusum(counts)
    assert not found.evaluated[0, FLAT + 1]
    assert found.alarm[0, FLAT + 2]  # 2.5 carried over the gap, then 5.0


def test_evaluate_narrows_the_report_not_the_sum() -> None:
    counts = _step([13.0, 13.0, 13.0])
    only_last = np.zeros(counts.shape, dtype=bool)
    only_last[0, -1] = True
    found = cusum(counts, evaluate=only_last)
    assert found.evaluated.sum() == 1
    assert found.score[0, -1] == pytest.approx(2.5 / 4)


def test_all_zeros_and_short_series() -> None:
    zeros = cusum(np.zeros((2, 30)))
    assert zeros.evaluated[:, 9:].all()
    assert not zeros.alarm.any()
    assert not cusum(np.ones((1, 9))).evaluated.any()  # baseline and guard band need 9 periods


def test_settings_without_a_baseline_or_threshold_are_rejected() -> None:
    with pytest.raises(ValueError, match="basislijn"):
        CusumControl(baseline=2)
    with pytest.raises(ValueError, match="min_sigma"):
        CusumControl(min_sigma=0.0)
