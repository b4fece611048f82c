# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Exact Poisson (Garwood) intervals against scipy, statsmodels and published table values."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.rates import confint_poisson

from kompas.indicators import intervals
from kompas.indicators.intervals import Minimums
from kompas.indicators.vocabulary import Flag

# Four-decimal 95 % limits of the exact Poisson interval as tabulated (x = 0 → 3,689 is the
# value quoted by e.g. the epitools ``pois.exact`` documentation; x = 10 → 4,795-18,390).
PUBLISHED = [
    (0, 0.0, 3.6889),
    (1, 0.0253, 5.5716),
    (2, 0.2422, 7.2247),
    (5, 1.6235, 11.6683),
    (10, 4.7954, 18.3904),
    (20, 12.2165, 30.8884),
]


@pytest.mark.parametrize(("count", "low", "high"), PUBLISHED)
def test_garwood_matches_published_table(count: int, low: float, high: float) -> None:
    interval = intervals.garwood_count(count)
    assert interval.ci_low == pytest.approx(low, abs=5e-5)
    assert interval.ci_high == pytest.approx(high, abs=5e-5)
    assert interval.method is intervals.Method.GARWOOD


@pytest.mark.parametrize("count", [0, 1, 3, 9, 10, 87, 409, 1743])
@pytest.mark.parametrize("level", [0.90, 0.95, 0.99])
def test_garwood_equals_scipy_gamma_quantiles_and_statsmodels_exact(count: int, level: float) -> None:
    # The gamma form of the same limits, computed independently of the chi-square form.
    alpha = 1 - level
    expected_low = stats.gamma.ppf(alpha / 2, count) if count else 0.0
    expected_high = stats.gamma.ppf(1 - alpha / 2, count + 1)
    interval = intervals.garwood_count(count, level)
    assert interval.ci_low == pytest.approx(expected_low, rel=1e-10, abs=1e-12)
    assert interval.ci_high == pytest.approx(expected_high, rel=1e-10)
    reference = confint_poisson(count, 1, method="exact-c", alpha=alpha)
    assert (interval.ci_low, interval.ci_high) == pytest.approx(
        (float(reference[0]), float(reference[1])), rel=1e-9, abs=1e-12
    )


def test_rate_interval_is_the_count_interval_over_the_denominator() -> None:
    # 1.743 burglaries among 521.856 dwellings: 3,34 per 1.000 with the count's relative limits.
    interval = intervals.garwood_rate(1743, 521_856, per=1000)
    count = intervals.garwood_count(1743)
    assert interval.estimate == pytest.approx(3.34, abs=5e-6)
    assert interval.ci_low == pytest.approx(count.ci_low / 521.856)
    assert interval.ci_high == pytest.approx(count.ci_high / 521.856)
    assert interval.ci_low < interval.estimate < interval.ci_high


def test_vectorised_rate_limits_agree_with_scalar_and_mark_missing_denominators() -> None:
    limits = intervals.rate_limits([4, 0, 7], [2000, 1500, 0], per=1000)
    single = intervals.garwood_rate(4, 2000)
    assert limits.estimate[0] == pytest.approx(single.estimate)
    assert limits.ci_high[1] == pytest.approx(3.6889 / 1.5, abs=1e-4)
    assert np.isnan(limits.estimate[2]) and np.isnan(limits.ci_low[2])


@pytest.mark.parametrize("bad", [-1, 2.5])
def test_counts_must_be_whole_and_not_negative(bad: float) -> None:
    with pytest.raises(ValueError):
        intervals.garwood_limits([bad])


def test_survey_margin_is_carried_as_given_and_clipped() -> None:
    # Veiligheidsmonitor 2015: 20 % feels unsafe, with a margin of 2,1 points (illustrative margin).
    interval = intervals.survey_interval(20.0, 2.1)
    assert (interval.ci_low, interval.ci_high) == pytest.approx((17.9, 22.1))
    assert interval.method is intervals.Method.SURVEY_MARGIN
    assert intervals.survey_interval(1.0, 2.0).ci_low == 0.0
    with pytest.raises(ValueError):
        intervals.survey_interval(20.0, -1.0)


@pytest.mark.parametrize(
    ("count", "sample_size", "minimums", "expected"),
    [
        (9, None, None, Flag.SMALL_NUMBERS),  # nine burglaries in a buurt: too few
        (10, None, None, Flag.OK),  # ten is the default minimum itself
        (None, 29, None, Flag.SMALL_NUMBERS),  # 29 respondents: below the default minimum (SURVEY_MIN_N)
        (None, 30, None, Flag.OK),  # 30 respondents: enough (a margin of about ±18 points)
        (None, None, None, Flag.OK),  # unknown sample size is not flagged
        (25, None, Minimums(count=30), Flag.SMALL_NUMBERS),  # a stricter municipal minimum
        (None, 250, Minimums(survey_n=200), Flag.OK),  # a looser survey minimum
    ],
)
def test_small_number_flag(
    count: int | None, sample_size: int | None, minimums: Minimums | None, expected: Flag
) -> None:
    assert intervals.flag(count, sample_size, minimums) is expected


def test_flag_label_is_dutch() -> None:
    assert str(intervals.FLAG_LABELS[Flag.SMALL_NUMBERS]) == "te weinig waarnemingen"
