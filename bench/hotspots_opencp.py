# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The open_cp side of bench/hotspots.py, run inside open_cp's own virtual environment.

Reads events (t in days since 1970, x, y), the grid and the forecast origins from an .npz file,
runs open_cp's ProspectiveHotSpot and RetroHotSpotGrid at every origin, and writes their
intensity matrices to another .npz. Uses open_cp as shipped: its default weights (prospective:
ClassicWeight, 8 cells and 8 weeks, diagonal neighbours at distance 1; retrospective: Quartic,
200 m) on Kompas' grid. The prospective method sees only the 8 weeks before each origin: its
weight is zero beyond them, so the result is the same and the run is shorter.
"""

from __future__ import annotations

import sys

import numpy as np
import open_cp.data
import open_cp.prohotspot
import open_cp.retrohotspot


def _stamps(days: np.ndarray) -> np.ndarray:
    return np.datetime64("1970-01-01T00:00:00", "ms") + (days * 86_400_000).astype("timedelta64[ms]")


def main(source: str, target: str) -> None:
    """Run both open_cp methods at every origin."""
    given = np.load(source)
    t, x, y, origins = given["t"], given["x"], given["y"], given["origins"]
    x0, y0, cell, nx, ny = given["grid"]
    region = open_cp.data.RectangularRegion(xmin=x0, xmax=x0 + nx * cell, ymin=y0, ymax=y0 + ny * cell)
    prospective, retrospective = [], []
    for origin in origins:
        at = _stamps(np.array([origin]))[0]
        recent = (t < origin) & (t >= origin - 56)
        pro = open_cp.prohotspot.ProspectiveHotSpot(region=region, grid_size=cell)
        pro.data = open_cp.data.TimedPoints.from_coords(_stamps(t[recent]), x[recent], y[recent])
        prospective.append(pro.predict(at, at).intensity_matrix)
        past = t < origin
        retro = open_cp.retrohotspot.RetroHotSpotGrid(region=region, grid_size=cell)
        retro.data = open_cp.data.TimedPoints.from_coords(_stamps(t[past]), x[past], y[past])
        retrospective.append(retro.predict(end_time=at).intensity_matrix)
    np.savez(target, prospective=np.array(prospective), retrospective=np.array(retrospective))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
