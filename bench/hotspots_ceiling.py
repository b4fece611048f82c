# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""How much PAI@5 % a forecast of Vancouver 2022 could reach at most: the hindsight ceilings (issue 19).

Not a method and not for tuning: both maps below are made *from the test year itself*, so no real
forecast can use them. They bound what the goal "≥ 1,10 × the best rival" asks for:

* **static oracle**: the top 5 % of active cells by their count over the whole of 2022, scored
  week by week like every method in ``bench/hotspots.py``. A forecast that keeps one map all year
  (what every smooth long-run method does in effect) cannot beat it;
* **half-year map**: the first half of 2022 as map for the second half, the best a perfectly
  stable pattern learnt from half a year could give.

Same grid, active cells, weeks and tie order as ``bench/hotspots.py``. Run:
``nice -n 10 .venv/bin/python -m bench.hotspots_ceiling`` (about a minute).
"""

from __future__ import annotations

import numpy as np

from bench.hotspots import COVERAGE, TYPES, vancouver_2022
from kompas.hotspots.evaluate import ranked, score_week
from kompas.hotspots.grid import Grid
from kompas.hotspots.pattern import Pattern


def pooled_pai(
    pattern: Pattern,
    grid: Grid,
    active: np.ndarray,
    ties: np.ndarray,
    scores: np.ndarray,
    origins: list[float],
) -> float:
    """Return PAI@5 % of one fixed map over the given weeks, pooled as the bench pools."""
    caught = total = 0
    share = 1.0
    order = ranked(scores, active, ties)
    for origin in origins:
        happened = pattern.between(origin, origin + 7.0)
        score = score_week(order, grid.counts(happened.x, happened.y), active, COVERAGE)
        caught, total, share = caught + score.caught, total + score.total, score.area_share
    return caught / total / share


def main() -> None:
    """Print both ceilings per crime type."""
    incidents, origins, grid, active, ties = vancouver_2022()
    first = origins[0]
    print("Vancouver 2022, hindsight ceilings of PAI@5 % (maps made from the test year: not forecasts)")
    for kind in TYPES:
        pattern = incidents.of_kind(kind)
        year = pattern.between(first, first + 364.0)
        half = pattern.between(first, first + 182.0)
        static = pooled_pai(pattern, grid, active, ties, grid.counts(year.x, year.y).astype(float), origins)
        stable = pooled_pai(
            pattern, grid, active, ties, grid.counts(half.x, half.y).astype(float), origins[26:]
        )
        print(f"\n{kind} ({len(year.x)} located incidents in the 52 weeks)")
        print(f"  static oracle (top 5 % of 2022's own counts)      {static:6.2f}")
        print(f"  first half of 2022 as map for the second half     {stable:6.2f}")


if __name__ == "__main__":
    main()
