# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One entry point for every method: settings that apply, evaluation window, minimum count."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from kompas.alerts.cusum import cusum
from kompas.alerts.detect import METHODS, Options, check_options, detect, farrington_control
from kompas.alerts.ears import EarsControl, ears_c
from kompas.alerts.farrington import FarringtonControl, farrington_flexible
from tests.alerts.synthetic import monthly_panel, seasonal_counts


def _panel() -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(12)
    counts = [seasonal_counts(rng, level=level) for level in (5, 40)]
    counts[0][80:83] += 15
    counts[1][90] += 60
    return tuple(counts)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_runs_through_detect(method: str) -> None:
    panel = monthly_panel(*_panel())
    found = detect(panel, method)
    direct = {
        "farrington-flexible": lambda: farrington_flexible(panel).detection,
        "ears-c1": lambda: ears_c(panel.counts, EarsControl(method="C1")),
        "ears-c2": lambda: ears_c(panel.counts, EarsControl(method="C2")),
        "ears-c3": lambda: ears_c(panel.counts, EarsControl(method="C3")),
        "cusum": lambda: cusum(panel.counts),
    }[method]()
    np.testing.assert_array_equal(found.alarm, direct.alarm)
    np.testing.assert_array_equal(found.upperbound, direct.upperbound)
    assert found.alarm[1, 90:93].any()  # C3 signals on the two periods after a rise


@pytest.mark.parametrize(
    ("method", "options", "message"),
    [
        ("cusum", Options(b=3), "--b geldt niet voor methode cusum"),  # Farrington's history
        ("ears-c1", Options(trend=False), "--trend geldt niet voor methode ears-c1"),
        ("ears-c2", Options(threshold_method="nbPlugin", w=2), "--w, --threshold-method geldt niet"),
        ("cusum", Options(alpha=0.01), "--alpha geldt niet voor methode cusum"),  # h is its threshold
        ("shewhart", Options(), "onbekende methode 'shewhart'"),
    ],
)
def test_settings_that_do_not_apply_are_refused(method: str, options: Options, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_options(method, options)


def test_farrington_settings_fall_back_to_r_defaults() -> None:
    assert farrington_control(Options()) == FarringtonControl()
    chosen = farrington_control(
        Options(no_periods=10, past_periods_not_included=6, threshold_method="nbPlugin")
    )
    assert (chosen.no_periods, chosen.windows.past_periods_not_included, chosen.threshold_method) == (
        10,
        6,
        "nbPlugin",
    )
    assert farrington_control(Options(trend=False, reweight=False, alpha=0.01)) == FarringtonControl(
        trend=False, reweight=False, alpha=0.01
    )


def test_evaluate_from_judges_only_later_periods() -> None:
    panel = monthly_panel(*_panel())
    found = detect(panel, "farrington-flexible", Options(evaluate_from=dt.date(2019, 1, 1)))
    judged = panel.periods[found.evaluated.any(axis=0)]
    assert str(judged[0]) == "2019-01-01"
    everything = detect(panel, "farrington-flexible")
    later = panel.periods >= np.datetime64("2019-01-01")
    np.testing.assert_allclose(found.upperbound[:, later], everything.upperbound[:, later], rtol=1e-12)


def test_min_count_keeps_alarms_on_enough_cases_only() -> None:
    panel = monthly_panel(*_panel())
    everything = detect(panel, "ears-c1")
    guarded = detect(panel, "ears-c1", Options(min_count=20))
    assert everything.alarm[0].any()  # the small series' rise to about 20 signals …
    np.testing.assert_array_equal(guarded.alarm, everything.alarm & (panel.counts >= 20))
    np.testing.assert_array_equal(guarded.upperbound, everything.upperbound)  # … the bounds stay


def test_describe_lists_the_chosen_settings() -> None:
    options = Options(alpha=0.01, trend=False, evaluate_from=dt.date(2023, 1, 1), min_count=3)
    assert options.describe() == {
        "alpha": 0.01,
        "trend": False,
        "evaluate_from": "2023-01-01",
        "min_count": 3,
    }
    assert Options().describe() == {}
