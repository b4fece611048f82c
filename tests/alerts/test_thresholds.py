# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Upper bounds: the power transformations and the count quantiles, against scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from kompas.alerts.thresholds import delta_upper, negative_binomial_upper, normal_quantile


@pytest.mark.parametrize("alpha", [0.05, 0.01, 0.001, 0.3])
@pytest.mark.parametrize("plug_in", [True, False], ids=["nbPlugin", "muan"])
def test_count_quantiles_equal_scipy(alpha: float, plug_in: bool) -> None:
    rng = np.random.default_rng(2013)
    size = 20_000
    eta = rng.uniform(-25, 9, size)  # from a vanishing to a large expected count
    phi = np.where(rng.random(size) < 0.3, 1.0, rng.uniform(1, 30, size))  # a third Poisson
    se = rng.uniform(0, 1, size)
    mean = np.exp(eta + (0 if plug_in else stats.norm.ppf(1 - alpha) * se))
    size_nb = mean / np.where(phi > 1, phi - 1, 1)
    expected = np.where(
        phi > 1, stats.nbinom.ppf(1 - alpha, size_nb, 1 / phi), stats.poisson.ppf(1 - alpha, mean)
    )
    np.testing.assert_array_equal(negative_binomial_upper(eta, se, phi, alpha, plug_in), expected)


def test_missing_or_infinite_mean_gives_no_bound() -> None:
    upper = negative_binomial_upper(
        np.array([np.nan, 800.0, 1.0]), np.zeros(3), np.array([2.0, 2.0, np.nan]), 0.05, True
    )
    assert np.isnan(upper).all()


def test_delta_bound_without_transformation_is_the_normal_approximation() -> None:
    # mu0 + z sqrt(mu0 tau), tau = phi + se^2 / mu0 (Farrington et al., 1996).
    mu0, se, phi = np.array([40.0]), np.array([3.0]), np.array([1.5])
    tau = phi + se**2 / mu0
    expected = mu0 + normal_quantile(0.95) * np.sqrt(mu0 * tau)
    np.testing.assert_allclose(delta_upper(mu0, se, phi, 0.05, "none"), expected, rtol=1e-14)


def test_two_thirds_power_bound() -> None:
    mu0, se, phi = np.array([40.0]), np.array([3.0]), np.array([1.5])
    tau = phi + se**2 / mu0
    sd = np.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)
    expected = (mu0 ** (2 / 3) + normal_quantile(0.95) * sd) ** 1.5
    np.testing.assert_allclose(delta_upper(mu0, se, phi, 0.05, "2/3"), expected, rtol=1e-14)


def test_normal_quantile() -> None:
    assert normal_quantile(0.975) == pytest.approx(1.959963984540054, rel=1e-15)
