# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""EARS C1, C2 and C3 against R surveillance's ``earsC`` and by hand.

Expected values: ``reference/ears_expected.csv`` from ``reference/make_reference.R``; alarms
must be identical (R's ``NA`` alarm, where the baseline has no variation, is no alarm) and
upper bounds agree within 1e-9 relative.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy import stats

from kompas.alerts.ears import EarsControl, EarsMethod, ears_c
from kompas.alerts.series import read_long_csv

REFERENCE = Path(__file__).parent / "reference"


def _reference() -> dict[tuple[str, str], list[dict[str, str]]]:
    grouped: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with (REFERENCE / "ears_expected.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            grouped[(row["method"], row["frequency"])].append(row)
    return grouped


REFERENCE_ROWS = _reference()


@pytest.mark.parametrize(("method", "frequency"), sorted(REFERENCE_ROWS))
def test_ears_matches_r(method: EarsMethod, frequency: str) -> None:
    panel = read_long_csv(REFERENCE / f"{frequency}ly_series.csv", 12 if frequency == "month" else 52)
    rows = REFERENCE_ROWS[(method, frequency)]
    found = ears_c(panel.counts, EarsControl(method=method))
    row_of = {series: index for index, series in enumerate(panel.names)}
    column_of = {str(period): index for index, period in enumerate(panel.periods)}
    where = tuple(np.array([(row_of[r["series"]], column_of[r["period"]]) for r in rows]).T)
    assert int(found.evaluated.sum()) == len(rows)
    assert found.evaluated[where].all()
    np.testing.assert_array_equal(found.alarm[where], [r["alarm"] == "TRUE" for r in rows])
    upper = np.array([float(r["upperbound"]) if r["upperbound"] else np.nan for r in rows])
    np.testing.assert_allclose(found.upperbound[where], upper, rtol=1e-9)


COUNTS = np.array([[3.0, 5, 4, 6, 2, 5, 4, 4, 7, 3, 12, 15, 5]])


def test_c1_is_mean_plus_z_sd_of_the_seven_periods_before() -> None:
    found = ears_c(COUNTS, EarsControl(method="C1"))
    baseline = COUNTS[0, 3:10]  # the seven periods before period 10
    z = stats.norm.ppf(0.999)
    assert found.expected[0, 10] == pytest.approx(baseline.mean())
    assert found.upperbound[0, 10] == pytest.approx(baseline.mean() + z * baseline.std(ddof=1))
    assert found.alarm[0, 10]
    assert np.flatnonzero(found.evaluated[0]).tolist() == list(range(7, 13))


def test_c2_leaves_a_guard_band_of_two_periods() -> None:
    found = ears_c(COUNTS, EarsControl(method="C2"))
    baseline = COUNTS[0, 1:8]  # periods 1-7; 8 and 9 are the guard band before period 10
    assert found.expected[0, 10] == pytest.approx(baseline.mean())
    assert np.flatnonzero(found.evaluated[0])[0] == 9


def test_c3_signals_on_the_excess_of_the_two_previous_periods() -> None:
    # R's C3: alarm when S = sum of max(0, C2 - 1) over t-1 and t-2 exceeds z; score S / z.
    counts = COUNTS.copy()
    c2 = ears_c(counts, EarsControl(method="C2", alpha=0.025))
    sd = (c2.upperbound - c2.expected) / stats.norm.ppf(0.975)
    excess = np.maximum(0, (counts - c2.expected) / sd - 1)
    found = ears_c(counts, EarsControl(method="C3"))
    assert np.flatnonzero(found.evaluated[0]).tolist() == [11, 12]
    s_12 = excess[0, 10] + excess[0, 11]
    assert found.score[0, 12] == pytest.approx(s_12 / stats.norm.ppf(0.975))
    assert found.alarm[0, 12] == (s_12 > stats.norm.ppf(0.975))


@pytest.mark.parametrize(
    ("method", "alpha", "z"),
    [
        ("C1", None, 3.090232),  # R's default alpha 0.001
        ("C2", None, 3.090232),
        ("C1", 0.05, 1.644854),  # a chosen alpha
        ("C3", None, 1.959964),  # C3's default 0.025
    ],
)
def test_alpha_defaults_per_method(method: EarsMethod, alpha: float | None, z: float) -> None:
    assert EarsControl(method=method, alpha=alpha).z == pytest.approx(z, rel=1e-6)


def test_baseline_without_variation_and_min_sigma() -> None:
    counts = np.array([[5.0] * 9 + [6.0]])
    # As R: with minSigma 0 the bound is the mean, so one case more is an alarm.
    flat = ears_c(counts, EarsControl(method="C1"))
    assert flat.upperbound[0, 9] == 5.0
    assert flat.alarm[0, 9]
    guarded = ears_c(counts, EarsControl(method="C1", min_sigma=1.0))
    assert guarded.upperbound[0, 9] == pytest.approx(5.0 + stats.norm.ppf(0.999))
    assert not guarded.alarm[0, 9]


def test_score_above_one_exactly_where_ears_signals() -> None:
    counts = np.random.default_rng(3).poisson(8, size=(20, 60)).astype(np.float64)
    counts[:, 40:42] += 15
    for method in ("C1", "C2", "C3"):
        found = ears_c(counts, EarsControl(method=method))
        judged = found.evaluated & ~np.isnan(found.upperbound)
        np.testing.assert_array_equal(found.alarm[judged], found.score[judged] > 1)
        assert found.alarm[:, 40:44].any()


def test_all_zeros_short_series_and_missing_values() -> None:
    zeros = ears_c(np.zeros((1, 20)), EarsControl(method="C1"))
    assert zeros.evaluated[0, 7:].all()
    assert not zeros.alarm.any()
    assert not ears_c(np.ones((1, 7)), EarsControl(method="C1")).evaluated.any()  # no full baseline yet
    counts = np.arange(20, dtype=np.float64)[None, :]
    counts[0, 10] = np.nan
    found = ears_c(counts, EarsControl(method="C1"))
    # A missing count is not judged and spoils the seven baselines it falls in, as R's NA.
    assert not found.evaluated[0, 10]
    assert np.isnan(found.upperbound[0, 11:18]).all()
    assert not np.isnan(found.upperbound[0, 18])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"baseline": 2}, "basislijn"),
        ({"min_sigma": -1.0}, "minSigma"),
        ({"alpha": 0.0}, "alpha"),
    ],
)
def test_settings_r_rejects_are_rejected(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        EarsControl(**change)
