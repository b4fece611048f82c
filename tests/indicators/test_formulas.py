# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Indicator formulas with hand-computed expectations, including re-aggregation of areas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kompas.indicators import formulas
from kompas.indicators.vocabulary import Direction, Flag, Normalisation

# Three buurten in two wijken of one gemeente: burglaries and dwellings.
BUURTEN = pd.DataFrame(
    {
        "gemeente": ["GM0164", "GM0164", "GM0164"],
        "wijk": ["WK1", "WK1", "WK2"],
        "buurt": ["BU1", "BU2", "BU3"],
        "numerator": [3.0, 12.0, 5.0],
        "denominator": [1000.0, 2000.0, 500.0],
    }
)


def test_count_is_the_numerator() -> None:
    assert formulas.count([3, 12, 5]).tolist() == [3.0, 12.0, 5.0]


def test_rate_per_1000_and_per_n() -> None:
    # 3 burglaries in 1.000 dwellings = 3 per 1.000; 12 in 2.000 = 6; 5 in 500 = 10.
    assert formulas.rate(BUURTEN.numerator, BUURTEN.denominator).tolist() == [3.0, 6.0, 10.0]
    # The same per 10.000 inhabitants.
    assert formulas.rate([3], [1000], per=10_000).tolist() == [30.0]


def test_rate_without_a_positive_denominator_is_missing() -> None:
    assert np.isnan(formulas.rate([4, 4], [0, np.nan])).all()


def test_share_of_attempts_in_percent() -> None:
    # 409 attempts among 1.743 burglaries (Twente 2015) = 23,465 %.
    assert float(formulas.share(409, 1743)) == pytest.approx(23.4653, abs=1e-4)


def test_reaggregation_sums_numerators_and_denominators() -> None:
    # Gemeente: (3 + 12 + 5) / (1.000 + 2.000 + 500) × 1.000 = 5,714…, not the mean of the
    # buurt rates (3 + 6 + 10) / 3 = 6,333.
    gemeente = formulas.aggregate(BUURTEN, "gemeente")
    rate = float(formulas.rate(gemeente.numerator, gemeente.denominator)[0])
    assert rate == pytest.approx(20 / 3.5)
    assert rate != pytest.approx(np.mean([3.0, 6.0, 10.0]))


def test_reaggregation_is_the_same_via_wijken_or_directly() -> None:
    # WK1 = 15 / 3.000 → 5 per 1.000, WK2 = 5 / 500 → 10; the gemeente from the wijken = 20 / 3.500.
    wijken = formulas.aggregate(BUURTEN, ["gemeente", "wijk"])
    assert formulas.rate(wijken.numerator, wijken.denominator).tolist() == [5.0, 10.0]
    via_wijken = formulas.aggregate(wijken, "gemeente")
    direct = formulas.aggregate(BUURTEN, "gemeente")
    pd.testing.assert_frame_equal(via_wijken, direct)


def test_reaggregation_of_an_incomplete_group_is_missing() -> None:
    # A buurt without a dwelling count makes the gemeente's denominator unknown, not smaller.
    frame = BUURTEN.assign(denominator=[1000.0, np.nan, 500.0])
    gemeente = formulas.aggregate(frame, "gemeente")
    assert gemeente.numerator.tolist() == [20.0]
    assert np.isnan(gemeente.denominator[0])


def test_reaggregation_of_counts_only() -> None:
    assert formulas.aggregate(BUURTEN, "wijk", denominator=None).numerator.tolist() == [15.0, 5.0]


def test_change_against_a_baseline() -> None:
    # 2.100 → 1.743 burglaries is −17 %; a survey percentage 20 → 18 is −2 percentage points.
    assert float(formulas.change_pct(1743, 2100)) == pytest.approx(-17.0)
    assert float(formulas.change_points(18.0, 20.0)) == -2.0
    assert np.isnan(formulas.change_pct(5, 0))


def test_moving_average_over_three_periods() -> None:
    result = formulas.moving_average([10, 20, 30, 40], 3)
    assert np.isnan(result[:2]).all()
    assert result[2:].tolist() == [20.0, 30.0]


def test_moving_rate_pools_numerators_and_denominators() -> None:
    # Years 3-5: (20 + 30 + 40) / (1.000 + 2.000 + 2.000) × 1.000 = 18, not the mean of 20, 15, 20.
    result = formulas.moving_rate([10, 20, 30, 40], [1000, 1000, 2000, 2000], 3)
    assert np.isnan(result[:2]).all()
    assert result[2:].tolist() == pytest.approx([60 / 4, 90 / 5])


def test_moving_window_needs_a_period() -> None:
    with pytest.raises(ValueError):
        formulas.moving_average([1, 2], 0)


def test_relative_to_mean_both_directions() -> None:
    # Half the mean burglary rate scores 200; a higher-is-better value 10 % above the mean scores 110.
    assert formulas.relative_to_mean([2.0], 4.0, Direction.LOWER_IS_BETTER).tolist() == [200.0]
    assert formulas.relative_to_mean([77.0], 70.0, Direction.HIGHER_IS_BETTER).tolist() == pytest.approx(
        [110.0]
    )
    assert formulas.relative_to_mean([0.0], 4.0, Direction.LOWER_IS_BETTER).tolist() == [np.inf]
    assert formulas.relative_to_mean([0.0, 1.0], 0.0, Direction.NONE)[0] == 100.0


# Burglary rate (lower is better) and % feeling safe (higher is better) in three wijken.
COMPONENTS = {"inbraak": [2.0, 4.0, 6.0], "veilig": [80.0, 70.0, 60.0]}
DIRECTIONS = {"inbraak": Direction.LOWER_IS_BETTER, "veilig": Direction.HIGHER_IS_BETTER}


def test_composite_index_relative_to_group_means_clipped_as_g32() -> None:
    # inbraak: 100 × 4 / [2, 4, 6] = [200 → 150, 100, 66,67]; veilig: 100 × [80, 70, 60] / 70.
    result = formulas.composite_index(COMPONENTS, {"inbraak": 1, "veilig": 1}, DIRECTIONS)
    expected = [(150 + 800 / 7) / 2, 100.0, (400 / 6 + 600 / 7) / 2]
    assert result.tolist() == pytest.approx(expected)
    unclipped = formulas.composite_index(COMPONENTS, {"inbraak": 1, "veilig": 1}, DIRECTIONS, clip=None)
    assert unclipped[0] == pytest.approx((200 + 800 / 7) / 2)


def test_composite_index_min_max_with_weights() -> None:
    # inbraak min-max [100, 50, 0]; veilig [80, 60, 70] → [100, 0, 50]; weights 3 : 1.
    components = {"inbraak": [2.0, 4.0, 6.0], "veilig": [80.0, 60.0, 70.0]}
    result = formulas.composite_index(
        components, {"inbraak": 3, "veilig": 1}, DIRECTIONS, Normalisation.MIN_MAX
    )
    assert result.tolist() == pytest.approx([100.0, 37.5, 12.5])


def test_composite_index_of_an_area_missing_a_component_is_missing() -> None:
    components = {"inbraak": [2.0, np.nan, 6.0], "veilig": [80.0, 70.0, 60.0]}
    result = formulas.composite_index(components, {"inbraak": 1, "veilig": 1}, DIRECTIONS)
    assert np.isnan(result[1]) and not np.isnan(result[0])


def test_composite_weights_must_be_usable() -> None:
    with pytest.raises(ValueError):
        formulas.composite_index(COMPONENTS, {"inbraak": 0, "veilig": 0}, DIRECTIONS)


def test_survey_percentages_carry_margins_and_flag_small_samples() -> None:
    values = formulas.survey_percentage([20.0, 29.0], [2.0, 3.0], [812, 24])
    assert values.ci_low.tolist() == [18.0, 26.0]
    assert values.ci_high.tolist() == [22.0, 32.0]
    assert values.flags == (Flag.OK, Flag.SMALL_NUMBERS)
