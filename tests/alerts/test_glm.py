# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The batched quasi-Poisson IRLS against statsmodels' GLM, fit by fit.

Coefficients agree within 1e-6 relative; dispersion, covariance and leverages within 1e-5,
because statsmodels takes them at the final coefficients and R's ``summary.glm`` (and Kompas)
from the working weights and residuals of the last iteration, one step earlier.
"""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from kompas.alerts.glm import fit_quasipoisson, leverages
from kompas.alerts.glm_design import SeasonalDesign

FITS, ROWS, LEVELS = 6, 30, 3


def _batch(rng: np.random.Generator, same_levels: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    base = rng.integers(1, LEVELS + 1, size=ROWS)
    levels = np.array([base if same_levels else rng.permutation(base) for _ in range(FITS)])
    time = np.tile(np.arange(1.0, ROWS + 1), (FITS, 1))
    mean = np.exp(2.5 + 0.2 * levels + 0.02 * time)
    return levels.astype(np.int64), time, rng.poisson(mean).astype(np.float64)


@pytest.mark.parametrize("same_levels", [True, False], ids=["shared-pattern", "own-pattern"])
@pytest.mark.parametrize("with_trend", [True, False], ids=["trend", "no-trend"])
def test_fits_equal_statsmodels(same_levels: bool, with_trend: bool) -> None:
    rng = np.random.default_rng(1996)
    levels, time, y = _batch(rng, same_levels)
    weights = rng.uniform(0.5, 1.5, size=y.shape)
    design = SeasonalDesign.of(levels, LEVELS, time if with_trend else None)
    fit = fit_quasipoisson(design, y, weights, np.zeros_like(y))
    hat = leverages(fit, design)
    assert fit.converged.all()
    for index in range(FITS):
        columns = [(levels[index] == level).astype(float) for level in range(1, LEVELS + 1)]
        if with_trend:
            columns.append(time[index])
        exog = np.column_stack(columns)
        model = sm.GLM(y[index], exog, family=sm.families.Poisson(), var_weights=weights[index])
        reference = model.fit(scale="X2", tol=1e-12)
        coefficients = (
            np.append(fit.level_coef[index], fit.trend_coef[index]) if with_trend else fit.level_coef[index]
        )
        np.testing.assert_allclose(coefficients, reference.params, rtol=1e-6)
        np.testing.assert_allclose(fit.dispersion[index], reference.scale, rtol=1e-5)
        covariance = reference.normalized_cov_params
        np.testing.assert_allclose(fit.var_level[index], np.diag(covariance)[:LEVELS], rtol=1e-5)
        if with_trend:
            np.testing.assert_allclose(fit.var_trend[index], covariance[-1, -1], rtol=1e-5)
            np.testing.assert_allclose(fit.cov_level_trend[index], covariance[:LEVELS, -1], rtol=1e-5)
        np.testing.assert_allclose(hat[index], reference.get_influence().hat_matrix_diag, rtol=1e-5)
        assert fit.df_residual[index] == ROWS - exog.shape[1]


def test_rows_with_zero_weight_take_no_part() -> None:
    rng = np.random.default_rng(2013)
    levels, time, y = _batch(rng, same_levels=True)
    weights = np.ones_like(y)
    weights[:, :5] = 0.0
    changed = y.copy()
    changed[:, :5] = 10_000  # ignored: prior weight 0
    design = SeasonalDesign.of(levels, LEVELS, time)
    first = fit_quasipoisson(design, y, weights, np.zeros_like(y))
    second = fit_quasipoisson(design, changed, weights, np.zeros_like(y))
    np.testing.assert_allclose(first.level_coef, second.level_coef, rtol=1e-12)
    np.testing.assert_array_equal(first.df_residual, ROWS - 5 - LEVELS - 1)


def test_level_without_observations_is_aliased() -> None:
    # As R: the coefficient of an empty level is 0 and it does not count in the rank.
    levels = np.array([[1, 1, 1, 2, 2, 2]], dtype=np.int64)
    y = np.array([[4.0, 5.0, 6.0, 7.0, 8.0, 9.0]])
    fit = fit_quasipoisson(SeasonalDesign.of(levels, 3, None), y, np.ones_like(y), np.zeros_like(y))
    assert fit.level_coef[0, 2] == 0.0
    assert np.isnan(fit.var_level[0, 2])
    np.testing.assert_allclose(np.exp(fit.level_coef[0, :2]), [5.0, 8.0], rtol=1e-9)
    assert fit.df_residual[0] == 4


def test_all_zero_counts_run_out_of_iterations_without_converging() -> None:
    # The coefficient drifts towards minus infinity, as in R (glm.fit warns there).
    levels = np.ones((1, 10), dtype=np.int64)
    y = np.zeros((1, 10))
    fit = fit_quasipoisson(SeasonalDesign.of(levels, 1, None), y, np.ones_like(y), np.zeros_like(y))
    assert fit.level_coef[0, 0] < -20
    assert fit.fitted.max() < 1e-9
