# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Trends against a statsmodels GLM fitted here, and survey changes at the margin boundary."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.discrete._diagnostics_count import test_poisson_dispersion as poisson_dispersion

from kompas.indicators import trend
from kompas.indicators.trend import OverdispersionRule, TrendMethod

YEARS = np.arange(2011, 2021, dtype=float)


def _reference_fit(
    counts: np.ndarray, exposure: np.ndarray, family: sm.families.Family
) -> tuple[float, float]:
    """Slope and its standard error of ``log E[y] = log(exposure) + a + b·year`` (uncentred)."""
    design = sm.add_constant(YEARS[: counts.size])
    fit = sm.GLM(counts, design, family=family, offset=np.log(exposure)).fit()
    return float(fit.params[1]), float(fit.bse[1])


def _pct(slope: float) -> float:
    return 100 * float(np.expm1(slope))


def test_poisson_trend_equals_statsmodels_glm_with_offset(rng: np.random.Generator) -> None:
    # A buurt whose burglary rate falls 5 % a year while the number of dwellings grows.
    exposure = np.linspace(4000, 5200, YEARS.size)
    expected = exposure / 1000 * 6.0 * 0.95 ** (YEARS - YEARS[0])
    counts = rng.poisson(expected).astype(float)
    result = trend.count_trend(counts, YEARS, exposure)
    assert result is not None
    assert result.method is TrendMethod.POISSON
    assert result.dispersion.pearson_ratio <= 1.5
    slope, error = _reference_fit(counts, exposure, sm.families.Poisson())
    assert result.pct_per_year == pytest.approx(_pct(slope), rel=1e-8)
    assert result.ci_low == pytest.approx(_pct(slope - 1.959963984540054 * error), rel=1e-8)
    assert result.ci_high == pytest.approx(_pct(slope + 1.959963984540054 * error), rel=1e-8)
    z = slope / error
    assert result.p_value == pytest.approx(2 * (1 - stats.norm.cdf(abs(z))), rel=1e-6)
    assert result.n_periods == 10


def test_overdispersed_series_uses_negative_binomial_with_cameron_trivedi_alpha(
    rng: np.random.Generator,
) -> None:
    # Counts with extra-Poisson variation (NB2, α = 0,2) and a 10 % yearly rise.
    mean = 60.0 * 1.10 ** (YEARS - YEARS[0])
    counts = rng.negative_binomial(5, 5 / (5 + mean)).astype(float)
    exposure = np.ones_like(counts)
    result = trend.count_trend(counts, YEARS, exposure)
    assert result is not None
    assert result.method is TrendMethod.NEGATIVE_BINOMIAL

    # The Cameron-Trivedi auxiliary regression, written out: α = Σ((y−μ)² − y) / Σ μ².
    poisson = sm.GLM(counts, sm.add_constant(YEARS), family=sm.families.Poisson()).fit()
    mu = poisson.fittedvalues
    alpha = float(np.sum((counts - mu) ** 2 - counts) / np.sum(mu**2))
    assert result.dispersion.alpha == pytest.approx(alpha, rel=1e-6)
    assert result.dispersion.pearson_ratio == pytest.approx(poisson.pearson_chi2 / poisson.df_resid, rel=1e-6)
    reference = poisson_dispersion(poisson)
    ct_nb2 = reference.method.index("CT nb2")
    assert result.dispersion.statistic == pytest.approx(reference.statistic[ct_nb2], rel=1e-6)
    assert result.dispersion.p_value == pytest.approx(reference.pvalue[ct_nb2] / 2, rel=1e-6)

    slope, error = _reference_fit(counts, exposure, sm.families.NegativeBinomial(alpha=alpha))
    assert result.pct_per_year == pytest.approx(_pct(slope), rel=1e-6)
    assert result.ci_high == pytest.approx(_pct(slope + 1.959963984540054 * error), rel=1e-6)


def test_cameron_trivedi_rule_decides_on_the_p_value(rng: np.random.Generator) -> None:
    counts = rng.poisson(50.0, YEARS.size).astype(float)
    result = trend.count_trend(counts, YEARS, rule=OverdispersionRule.CAMERON_TRIVEDI, threshold=0.05)
    assert result is not None
    assert result.dispersion.overdispersed is (result.dispersion.p_value < 0.05)


# The counts lie exactly on the model, which statsmodels reports as perfect prediction.
@pytest.mark.filterwarnings("ignore::statsmodels.tools.sm_exceptions.PerfectSeparationWarning")
def test_a_falling_rate_with_constant_counts() -> None:
    # 100 burglaries each year while the dwellings double: the rate halves, −50 % a year exactly.
    result = trend.count_trend([100, 100, 100], [2013, 2014, 2015], [1000, 2000, 4000])
    assert result is not None
    assert result.pct_per_year == pytest.approx(-50.0)
    assert result.ci_low < -50.0 < result.ci_high


@pytest.mark.parametrize(
    ("counts", "exposure"),
    [
        ([5, 6], [100, 100]),  # two periods: no trend
        ([0, 0, 0, 0], [100, 100, 100, 100]),  # nothing happened: no rate to follow
        ([5, 6, 7], [100, 0, 100]),  # a period without a denominator is left out, leaving two
    ],
)
def test_no_trend_without_enough_information(counts: list[int], exposure: list[int]) -> None:
    assert trend.count_trend(counts, list(range(2013, 2013 + len(counts))), exposure) is None


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        trend.count_trend([1, 2, 3], [2013, 2014])


def test_decimal_years_for_months() -> None:
    years = trend.decimal_years([dt.date(2015, 1, 1), dt.date(2015, 7, 1), dt.date(2016, 1, 1)])
    assert years.tolist() == pytest.approx([2015.0, 2015.5, 2016.0])


@pytest.mark.parametrize(
    ("first", "m1", "second", "m2", "exceeds"),
    [
        (20.0, 2.0, 23.0, 2.0, True),  # +3 points against a combined margin of 2,83: a real rise
        (20.0, 2.0, 22.0, 2.0, False),  # +2 points lies within 2,83: could be chance
        (20.0, 3.0, 25.0, 4.0, False),  # exactly the combined margin √(9 + 16) = 5: not significant
        (20.0, 3.0, 25.01, 4.0, True),  # just beyond the margin
        (29.0, 3.0, 24.0, 4.0, False),  # −5 points, a fall equal to the margin
        (20.0, 2.0, 23.5, 2.0, True),  # intervals overlap (18-22, 21,5-25,5) yet the change is significant
    ],
)
def test_survey_change_against_combined_margins(
    first: float, m1: float, second: float, m2: float, exceeds: bool
) -> None:
    change = trend.survey_change(first, m1, second, m2)
    assert change.exceeds_margin is exceeds
    assert change.combined_margin == pytest.approx(np.hypot(m1, m2))
    assert change.difference == pytest.approx(second - first)


def test_survey_margins_cannot_be_negative() -> None:
    with pytest.raises(ValueError):
        trend.survey_change(20.0, -1.0, 21.0, 1.0)
