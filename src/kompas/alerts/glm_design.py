# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The covariates of a batch of quasi-Poisson fits: a seasonal factor and an optional trend.

Every fit of a batch has the same number of rows (padded) and levels. Sums per fit and level
are the inner loop of :mod:`kompas.alerts.glm`, so they get two fast forms: a matrix product
with an indicator matrix when all fits share one pattern of levels (the usual case), and
:func:`numpy.bincount` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Index = npt.NDArray[np.intp]
#: Rows per slice of a matrix product (see :func:`_product`).
PRODUCT_ROWS = 1024


@dataclass(frozen=True)
class SeasonalDesign:
    """The covariates of a batch: ``levels`` 1 … ``n_levels`` per row (0: padding), ``time`` or None.

    Build it with :meth:`of`, which adds each level's earliest and latest time
    (``time_range``) and what summing per level needs: when all fits share one pattern of
    levels (the usual case: every period's baseline has the same shape) an indicator matrix,
    so that a sum per level is one matrix product; otherwise flat bin numbers for
    :func:`numpy.bincount` (``cells``, padding in a last bin).
    """

    levels: IntArray
    n_levels: int
    time: FloatArray | None
    indicator: FloatArray | None
    cells: IntArray | None
    time_range: tuple[FloatArray, FloatArray] | None

    @classmethod
    def of(cls, levels: IntArray, n_levels: int, time: FloatArray | None) -> SeasonalDesign:
        """Return the design with its summing aids and time ranges."""
        plain = cls(levels, n_levels, time, *_summing_aids(levels, n_levels), None)
        if time is None:
            return plain
        shape = (len(levels), n_levels)
        low = plain.per_level(np.where(levels > 0, time, 0.0), reduce=np.minimum, empty=np.inf)
        high = plain.per_level(np.where(levels > 0, time, 0.0), reduce=np.maximum, empty=-np.inf)
        return cls(
            levels, n_levels, time, plain.indicator, plain.cells, (low.reshape(shape), high.reshape(shape))
        )

    def subset(self, index: Index) -> SeasonalDesign:
        """Return the design of the fits ``index``."""
        levels = self.levels[index]
        indicator, cells = (
            (self.indicator, None) if self.indicator is not None else _summing_aids(levels, self.n_levels)
        )
        time = None if self.time is None else self.time[index]
        time_range = (
            None if self.time_range is None else (self.time_range[0][index], self.time_range[1][index])
        )
        return SeasonalDesign(levels, self.n_levels, time, indicator, cells, time_range)

    def per_level(self, values: FloatArray, reduce: np.ufunc = np.add, empty: float = 0.0) -> FloatArray:
        """Combine ``values`` per fit and level: sum them, or take the least or largest."""
        fits = len(values)
        if reduce is np.add and self.indicator is not None:
            return _product(values, self.indicator)
        cells = self.cells if self.cells is not None else _bins(self.levels, self.n_levels)
        if reduce is np.add:
            # With weights bincount returns floats; the stubs only know its integer form.
            sums = np.asarray(
                np.bincount(cells.ravel(), weights=values.ravel(), minlength=fits * self.n_levels + 1),
                dtype=np.float64,
            )
            return sums[: fits * self.n_levels].reshape(fits, self.n_levels)
        result = np.full(fits * self.n_levels + 1, empty)
        reduce.at(result, cells.ravel(), values.ravel())
        return result[:-1].reshape(fits, self.n_levels)

    def row_values(self, per_level: FloatArray) -> FloatArray:
        """Return each row's value of a per-level quantity (0 on padding rows)."""
        if self.indicator is not None:
            return _product(per_level, self.indicator.T)
        padded = np.zeros((len(per_level), self.n_levels + 1))
        padded[:, 1:] = per_level
        return np.take_along_axis(padded, self.levels, axis=1)

    def linear_predictor(self, beta: FloatArray, gamma: FloatArray) -> FloatArray:
        """Return ``beta[level] + gamma * time`` per row (0 on padding rows)."""
        eta = self.row_values(beta)
        return eta if self.time is None else eta + gamma[:, None] * self.time


def _product(left: FloatArray, right: FloatArray) -> FloatArray:
    """Return ``left @ right`` in slices of :data:`PRODUCT_ROWS` rows.

    The matrices here are long and thin. OpenBLAS spreads a large product over threads,
    which for these shapes costs more than it gains and stalls badly on a busy machine;
    slices stay on one thread and in cache.
    """
    right = np.ascontiguousarray(right)  # a transposed view would miss BLAS
    result = np.empty((left.shape[0], right.shape[1]))
    for start in range(0, left.shape[0], PRODUCT_ROWS):
        stop = start + PRODUCT_ROWS
        np.matmul(left[start:stop], right, out=result[start:stop])
    return result


def _bins(levels: IntArray, n_levels: int) -> IntArray:
    """Return a bin number per (fit, level) for :func:`numpy.bincount`; padding goes to a last bin."""
    fits = np.arange(len(levels))[:, None]
    return np.where(levels > 0, fits * n_levels + levels - 1, len(levels) * n_levels)


def _summing_aids(levels: IntArray, n_levels: int) -> tuple[FloatArray | None, IntArray | None]:
    """Return an indicator matrix (rows × levels) if all fits share ``levels``, else bin numbers."""
    if len(levels) and np.array_equal(levels, np.broadcast_to(levels[0], levels.shape)):
        return (levels[0][:, None] == np.arange(1, n_levels + 1)).astype(np.float64), None
    return None, _bins(levels, n_levels)
