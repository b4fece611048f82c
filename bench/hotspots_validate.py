# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Choosing a forecast method on 2021 only: rolling-origin validation before the 2022 benchmark.

The VPD file is cut at 1 January 2022 (local time) right after reading: nothing of the test year
is loaded. Validation weeks: the 26 Mondays from 5 July 2021; each is forecast from the events
before its start. Grid: 150 m over the 2021 incidents; active cells: any incident of any type
before 5 July 2021 (the bench's rule, moved back half a year). Printed per type: PAI@5 % pooled
over the weeks of the baselines (naive counts, kde) and of each candidate, the ratio to the best
naive count, and the cap (the PAI of the top 5 % chosen with hindsight, per week).
Run from the repository root: ``nice -n 10 .venv/bin/python -m bench.hotspots_validate [NAME ...]``
(no names: every candidate; the ``learned`` ones cost minutes each for theft from vehicle).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
import time
from collections.abc import Callable
from functools import cache, partial
from zoneinfo import ZoneInfo

import django
import numpy as np

from bench.hotspots_learned import LearnedSettings, learned
from kompas.hotspots.evaluate import TIE_SEED, ranked, score_week
from kompas.hotspots.grid import Grid, active_cells
from kompas.hotspots.methods import BASE_METHODS
from kompas.hotspots.methods.decay import DecaySettings, decayed
from kompas.hotspots.methods.ensemble import ensemble
from kompas.hotspots.pattern import Pattern, days
from kompas.sources.codelists import DATA

TYPES = ("Break and Enter Residential/Other", "Theft from Vehicle")
COVERAGE = 0.05
ZONE = ZoneInfo("America/Vancouver")
END = days(dt.datetime(2022, 1, 1, tzinfo=ZONE))  # nothing at or after this is kept
FIRST = days(dt.datetime(2021, 7, 5, tzinfo=ZONE))
ORIGINS = [FIRST + 7.0 * k for k in range(26)]  # the last week ends 3 January 2022: cut below

Candidate = Callable[[Pattern, Grid, float, float], np.ndarray]


@cache
def candidates() -> dict[str, Candidate]:
    """Return the baselines and the candidate methods by name."""
    chosen: dict[str, Candidate] = {n: BASE_METHODS[n] for n in ("recent", "longrun", "kde")}
    chosen["ensemble"] = ensemble
    for weeks in (13.0, 26.0, 39.0, 52.0, 104.0, np.inf):
        for sigma, mix in itertools.product((0.7, 1.0, 1.5, 2.0), (0.0, 0.25, 0.5, 0.75, 1.0)):
            settings = DecaySettings(weeks, sigma, mix)
            chosen[f"decay {weeks:g} s{sigma:g} m{mix:g}"] = partial(decayed, settings=settings)
    for train in (8, 26):
        for ridge in (1.0, 100.0):
            settings = LearnedSettings(train_weeks=train, ridge=ridge)
            chosen[f"learned {train} r{ridge:g}"] = partial(learned, settings=settings)
    return chosen


def evaluate(pattern: Pattern, grid: Grid, active: np.ndarray, method: Candidate) -> tuple[float, float]:
    """Return the pooled PAI@5 % and the hindsight cap over the validation weeks."""
    ties = np.random.default_rng(TIE_SEED).permutation(grid.nx * grid.ny)
    caught = best = total = 0
    share = 0.0
    for origin in ORIGINS:
        happened = pattern.between(origin, min(origin + 7.0, END))
        score = score_week(
            ranked(method(pattern, grid, origin, 7.0), active, ties),
            grid.counts(happened.x, happened.y),
            active,
            COVERAGE,
        )
        caught, best, total = caught + score.caught, best + score.best, total + score.total
        share = score.area_share
    return caught / total / share, best / total / share


def main() -> None:
    """Print PAI@5 % of every candidate on the second half of 2021, per type."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    django.setup()
    from kompas.hotspots.incidents import read  # needs the app registry

    path = DATA / "vancouver-vpd-crime-2021-2022" / "vpd_crime_2021_2022.csv.gz"
    incidents = read(path, {"crs": "EPSG:26910", "timezone": "America/Vancouver"})
    keep = incidents.t < END
    everything = Pattern.of(incidents.t[keep], incidents.x[keep], incidents.y[keep], incidents.crs)
    grid = Grid.covering(everything.x, everything.y, 150.0)
    known = everything.before(FIRST)
    active = active_cells(grid, known.x, known.y)
    names = sys.argv[1:] or list(candidates())
    print(f"Validation 2021 H2: {len(ORIGINS)} weeks, 150 m, {int(active.sum())} active cells, PAI@5 %")
    for kind in TYPES:
        chosen = (incidents.kind == kind) & keep
        pattern = Pattern.of(incidents.t[chosen], incidents.x[chosen], incidents.y[chosen], incidents.crs)
        print(f"\n{kind} ({len(pattern.between(FIRST, END))} events in the validation weeks)")
        results: dict[str, float] = {}
        for name in names:
            began = time.perf_counter()
            results[name], cap = evaluate(pattern, grid, active, candidates()[name])
            rival = max(results.get("recent", 0.0), results.get("longrun", 0.0))
            ratio = f"x{results[name] / rival:.3f}" if rival else ""
            print(f"  {name:<28} {results[name]:6.2f}  {ratio:>7}  ({time.perf_counter() - began:.1f} s)")
        print(f"  {'cap (hindsight)':<28} {cap:6.2f}")


if __name__ == "__main__":
    main()
