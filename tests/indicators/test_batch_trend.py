# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Many trends at once give what the one-series trend and statsmodels give."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from kompas.indicators.batch_trend import count_trends
from kompas.indicators.trend import count_trend


@pytest.fixture
def series(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # 60 rate series over 10 years: even rows Poisson, odd rows overdispersed (NB, size 5).
    years = np.tile(np.arange(2010, 2020, dtype=float), (60, 1))
    exposure = rng.uniform(1_000, 5_000, years.shape)
    mean = exposure * 0.01 * np.exp(0.05 * (years - 2015))
    counts = np.where(
        np.arange(60)[:, None] % 2 == 0, rng.poisson(mean), rng.negative_binomial(5, 5 / (5 + mean))
    ).astype(float)
    counts[5, 3] = np.nan  # a missing year
    exposure[7, 2] = np.nan  # a year without denominator
    return counts, years, exposure


def test_equals_the_one_series_trend(series: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    counts, years, exposure = series
    batch = count_trends(counts, years, exposure)
    for row in range(counts.shape[0]):
        single = count_trend(counts[row], years[row], exposure[row])
        assert single is not None
        assert batch.negative_binomial[row] == (single.method == "negative_binomial_glm")
        found = (batch.pct_per_year[row], batch.ci_low[row], batch.ci_high[row], batch.p_value[row])
        expected = (single.pct_per_year, single.ci_low, single.ci_high, single.p_value)
        # statsmodels stops when the deviance changes by less than 1e-8, Fisher scoring here when
        # the estimates do by less than 1e-10; the NB dispersion is estimated from those fits, so
        # they agree to about 1e-4 percentage points.
        assert found == pytest.approx(expected, rel=1e-4, abs=5e-4)
    assert 0 < batch.negative_binomial.sum() < counts.shape[0]


def test_poisson_slope_equals_a_statsmodels_glm(series: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    counts, years, exposure = series
    batch = count_trends(counts, years, exposure)
    complete = np.isfinite(counts).all(axis=1) & np.isfinite(exposure).all(axis=1)
    row = int(np.flatnonzero(~batch.negative_binomial & complete)[0])
    x = years[row] - years[row].mean()
    model = sm.GLM(
        counts[row], sm.add_constant(x), family=sm.families.Poisson(), offset=np.log(exposure[row])
    )
    fit = model.fit(tol=1e-12)
    assert batch.pct_per_year[row] == pytest.approx(100 * np.expm1(fit.params[1]), rel=1e-8)
    low = 100 * np.expm1(fit.params[1] - 1.959963984540054 * fit.bse[1])
    assert batch.ci_low[row] == pytest.approx(low, rel=1e-8)


@pytest.mark.parametrize(
    ("counts", "reason"),
    [
        ([0.0, 0.0, 0.0, 0.0], "only zeros"),
        ([3.0, np.nan, np.nan, 4.0], "two periods"),
        ([0.0, 0.0, 0.0, 9.0], "all events in the last period: the estimate runs off"),
    ],
)
def test_no_trend(counts: list[float], reason: str) -> None:
    batch = count_trends(np.asarray([counts]), np.asarray([[2012.0, 2013.0, 2014.0, 2015.0]]))
    assert np.isnan(batch.pct_per_year[0]), reason
