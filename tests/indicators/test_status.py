# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Progress against targets at the boundaries of the rules: on, inside and outside the margin."""

from __future__ import annotations

import math
from typing import Any

import pytest

from kompas.indicators import intervals, status
from kompas.indicators.status import Status, TargetRule

R = TargetRule
S = Status
N = None
FIELDS = ("value", "ci_low", "ci_high", "baseline", "baseline_margin", "target")

# rule, value, ci_low, ci_high, baseline, baseline margin, target → status
CASES = [
    # T1.I1 "% voelt zich wel eens onveilig" must stay ≤ the 2015 baseline of 20 %.
    (R.AT_MOST_BASELINE, 19.0, 17.0, N, 20.0, N, N, S.ON_TRACK),  # below the baseline
    (R.AT_MOST_BASELINE, 20.0, 18.0, N, 20.0, N, N, S.ON_TRACK),  # equal to the baseline counts as met
    (R.AT_MOST_BASELINE, 21.0, 19.0, N, 20.0, N, N, S.AT_RISK),  # 1 point worse, margin 2
    (R.AT_MOST_BASELINE, 22.0, 20.0, N, 20.0, N, N, S.AT_RISK),  # worse by exactly the margin
    (R.AT_MOST_BASELINE, 22.5, 20.5, N, 20.0, N, N, S.OFF_TRACK),  # 2,5 worse, margin 2
    (R.AT_MOST_BASELINE, 22.5, 20.5, N, 20.0, 1.5, N, S.AT_RISK),  # baseline margin 1,5: √(2² + 1,5²) = 2,5
    (R.AT_MOST_BASELINE, 23.0, 21.0, N, 20.0, 1.5, N, S.OFF_TRACK),  # 3 worse, combined margin 2,5
    # T1.I2 "% actief in eigen buurt" must stay ≥ 19 %: the margin that counts is the upper one.
    (R.AT_LEAST_BASELINE, 19.0, N, 21.0, 19.0, N, N, S.ON_TRACK),  # equal to the baseline counts as met
    (R.AT_LEAST_BASELINE, 18.0, 17.9, 20.0, 19.0, N, N, S.AT_RISK),  # 1 below, upper margin 2
    (R.AT_LEAST_BASELINE, 16.0, N, 18.0, 19.0, N, N, S.OFF_TRACK),  # 3 below, margin 2
    # Fixed values: at most 1.250 E33 incidents a year; at least 33 %.
    (R.AT_MOST, 1250.0, N, N, N, N, 1250.0, S.ON_TRACK),  # on the ceiling
    (R.AT_MOST, 1250.5, N, N, N, N, 1250.0, S.OFF_TRACK),  # without an interval there is no margin
    (R.AT_LEAST, 30.0, N, 34.0, N, N, 33.0, S.AT_RISK),  # 3 short of the floor, margin 4
    # Burglaries 10 % down from 200: at most 180.
    (R.DECREASE_PCT, 180.0, N, N, 200.0, N, 10.0, S.ON_TRACK),  # exactly 10 % down
    (R.DECREASE_PCT, 190.0, 165.0, N, 200.0, N, 10.0, S.AT_RISK),  # 10 over, margin 25
    (R.DECREASE_PCT, 190.0, 185.0, N, 200.0, N, 10.0, S.OFF_TRACK),  # 10 over, margin 5
    (R.DECREASE_PCT, 190.0, 185.0, N, 200.0, 10.0, 10.0, S.AT_RISK),  # baseline margin 9: √(5² + 9²) > 10
    # 10 % more than 19 %: at least 20,9 %.
    (R.INCREASE_PCT, 21.0, N, N, 19.0, N, 10.0, S.ON_TRACK),  # above the raised floor
    (R.INCREASE_PCT, 20.0, N, 21.0, 19.0, N, 10.0, S.AT_RISK),  # 0,9 short, margin 1
    (R.INCREASE_PCT, 19.5, N, 20.0, 19.0, N, 10.0, S.OFF_TRACK),  # 1,4 short, margin 0,5
    # Without data, or without what the rule needs, there is no verdict.
    (R.AT_MOST_BASELINE, N, N, N, 20.0, N, N, S.NO_DATA),  # no measurement yet
    (R.AT_MOST_BASELINE, math.nan, N, N, 20.0, N, N, S.NO_DATA),  # a missing value
    (R.AT_MOST_BASELINE, 18.0, N, N, N, N, N, S.NO_DATA),  # the baseline is not known (T4: E-Movo)
    (R.AT_MOST, 18.0, N, N, N, N, N, S.NO_DATA),  # no target value set
    (R.DECREASE_PCT, 18.0, N, N, 20.0, N, N, S.NO_DATA),  # no percentage set
    # Only follow the indicator (counts without a norm, spec §2.0).
    (R.REGISTER, 225.0, N, N, N, N, N, S.REGISTER_ONLY),  # a value, but nothing to judge it by
    (R.REGISTER, N, N, N, N, N, N, S.NO_DATA),  # not even a value
]


@pytest.mark.parametrize("case", CASES)
def test_status_rules(case: tuple[Any, ...]) -> None:
    rule, *inputs, expected = case
    assert status.assess(rule, **dict(zip(FIELDS, inputs, strict=True))).status is expected


def test_distance_to_target() -> None:
    progress = status.assess(TargetRule.AT_MOST_BASELINE, value=22.5, ci_low=20.5, baseline=20.0)
    assert progress.threshold == 20.0
    assert progress.distance == pytest.approx(2.5)
    assert progress.distance_pct == pytest.approx(12.5)
    assert progress.margin == pytest.approx(2.0)


def test_status_with_a_garwood_interval() -> None:
    # 1.300 E33 incidents against a ceiling of 1.250: the exact lower limit 1.230,4 lies below it → risico.
    count = intervals.garwood_count(1300)
    progress = status.assess(
        TargetRule.AT_MOST, value=1300.0, ci_low=count.ci_low, ci_high=count.ci_high, target=1250.0
    )
    assert count.ci_low < 1250.0
    assert progress.status is Status.AT_RISK
    # 1.400 incidents: even the lower limit (about 1.327) is above 1.250 → niet op koers.
    count = intervals.garwood_count(1400)
    progress = status.assess(TargetRule.AT_MOST, value=1400.0, ci_low=count.ci_low, target=1250.0)
    assert progress.status is Status.OFF_TRACK


def test_thresholds() -> None:
    assert status.threshold(TargetRule.DECREASE_PCT, 200.0, 10.0) == pytest.approx(180.0)
    assert status.threshold(TargetRule.INCREASE_PCT, 19.0, 10.0) == pytest.approx(20.9)
    assert status.threshold(TargetRule.AT_LEAST, None, 33.0) == 33.0
    assert status.threshold(TargetRule.REGISTER, 10.0, 10.0) is None


def test_status_labels_are_dutch() -> None:
    assert [str(status.STATUS_LABELS[s]) for s in Status] == [
        "op koers",
        "risico",
        "niet op koers",
        "geen data",
        "alleen registreren",
    ]
