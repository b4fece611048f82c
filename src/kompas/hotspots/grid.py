# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forecast grid: square cells in the events' projected CRS, and the active-cell mask.

The active-cell mask decides which cells a forecast may name and what "5 % of the area" means.
Rule (docs/hotspots.md): the cells whose centre lies inside the municipality boundary when it is
known; otherwise the cells with at least one incident of any type in the training period. Cells
nobody can reach (water, rail yards) would otherwise make every method look better than it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

DEFAULT_CELL = 150.0  # metres; the police's CAS uses 125 m, open_cp's examples 150 m


@dataclass(frozen=True)
class Grid:
    """``nx`` × ``ny`` square cells of ``cell`` metres, the lower-left corner at (``x0``, ``y0``)."""

    x0: float
    y0: float
    cell: float
    nx: int
    ny: int

    @classmethod
    def covering(cls, x: np.ndarray, y: np.ndarray, cell: float = DEFAULT_CELL) -> Grid:
        """Return the grid of whole cells, aligned to multiples of ``cell``, that covers the points."""
        if cell <= 0 or len(x) == 0:
            raise ValueError("a grid needs a positive cell size and at least one point")
        x0, y0 = np.floor(np.min(x) / cell) * cell, np.floor(np.min(y) / cell) * cell
        nx = int(np.floor((np.max(x) - x0) / cell)) + 1
        ny = int(np.floor((np.max(y) - y0) / cell)) + 1
        return cls(float(x0), float(y0), float(cell), nx, ny)

    @property
    def shape(self) -> tuple[int, int]:
        """Return (rows, columns) = (ny, nx)."""
        return self.ny, self.nx

    def index(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Return the flat cell index of each point, −1 outside the grid."""
        col = np.floor((np.asarray(x) - self.x0) / self.cell).astype(np.int64)
        row = np.floor((np.asarray(y) - self.y0) / self.cell).astype(np.int64)
        inside = (col >= 0) & (col < self.nx) & (row >= 0) & (row < self.ny)
        return np.where(inside, row * self.nx + col, -1)

    def counts(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Return the number of points per cell, shape (ny, nx)."""
        index = self.index(x, y)
        flat = np.bincount(index[index >= 0], minlength=self.nx * self.ny)
        return flat.reshape(self.shape).astype(float)

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the x and y of every cell centre, each shape (ny, nx)."""
        xs = self.x0 + (np.arange(self.nx) + 0.5) * self.cell
        ys = self.y0 + (np.arange(self.ny) + 0.5) * self.cell
        return np.meshgrid(xs, ys)

    def polygon(self, flat_index: int) -> tuple[float, float, float, float]:
        """Return (west, south, east, north) of one cell."""
        row, col = divmod(flat_index, self.nx)
        west, south = self.x0 + col * self.cell, self.y0 + row * self.cell
        return west, south, west + self.cell, south + self.cell


def active_cells(grid: Grid, x: np.ndarray, y: np.ndarray, boundary: Any = None) -> np.ndarray:
    """Return the boolean mask (ny, nx) of the cells a forecast may name.

    ``boundary`` (a shapely polygon in the grid's CRS) wins when given: the cells whose centre
    lies inside it. Otherwise: the cells with at least one of the points ``x``/``y`` — pass the
    incidents of every type in the training period.
    """
    if boundary is not None:
        cx, cy = grid.centres()
        return np.asarray(shapely.contains_xy(boundary, cx, cy), dtype=bool)
    return grid.counts(x, y) > 0
