# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A backtest of an incidents file: the rolling-origin evaluation behind ``kompas hotspots backtest``.

The grid covers every located incident of the file; the active cells are those with an incident
of any type before the first forecast week (the rule of :mod:`kompas.hotspots.grid`, no boundary
being known for a file). Forecast weeks start at ``start`` and follow each other while a whole
horizon fits before ``end`` (inclusive).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from django.utils.translation import gettext as _

from kompas.hotspots.evaluate import COVERAGES, Score, Total, Week, backtest, totals
from kompas.hotspots.grid import Grid, active_cells
from kompas.hotspots.incidents import Incidents
from kompas.hotspots.knox import KnoxResult, knox
from kompas.hotspots.pattern import Pattern, days, moment


def mask_rule() -> str:
    """Return the active-cell rule of a file backtest, in the user's language."""
    return _("cellen met minstens één incident van welk type ook vóór de eerste voorspelweek")


class BacktestError(ValueError):
    """A request that cannot be evaluated; the message is Dutch and names the cause."""


@dataclass(frozen=True)
class BacktestRequest:
    """What to evaluate: one type, a period, a cell size, a horizon and the methods."""

    kind: str
    start: dt.date
    end: dt.date
    methods: tuple[str, ...]
    cell: float = 150.0
    horizon_days: float = 7.0
    coverages: tuple[float, ...] = COVERAGES
    zone: dt.tzinfo = dt.UTC


@dataclass(frozen=True)
class BacktestOutcome:
    """The weeks, the pooled totals, the near-repeat test of the training year, what they rest on."""

    weeks: list[Week]
    totals: list[Total]
    grid: Grid
    active: int
    events: int
    seconds: float
    knox: KnoxResult | None = None


# Near-repeat thresholds of the burglary literature (Johnson et al. 2007: 200 m, 14 days); the
# test runs on the year before the first forecast week, 99 seeded permutations.
KNOX_METRES, KNOX_DAYS, KNOX_PERMUTATIONS, KNOX_SEED = 200.0, 14.0, 99, 1964


def near_repeat(pattern: Pattern, start: float) -> KnoxResult | None:
    """Return the Knox test of the year of events before ``start`` (None with fewer than 2 events)."""
    year = pattern.before(start).between(start - 365.0, start)
    if len(year) < 2:
        return None
    rng = np.random.default_rng(KNOX_SEED)
    return knox(
        year.x, year.y, year.t, delta=KNOX_METRES, tau=KNOX_DAYS, permutations=KNOX_PERMUTATIONS, rng=rng
    )


def _local_midnight(day: dt.date, zone: dt.tzinfo) -> float:
    return days(dt.datetime(day.year, day.month, day.day, tzinfo=zone))


def starts(request: BacktestRequest) -> list[float]:
    """Return the forecast starts: local midnights, one horizon apart, the last ending by ``end``."""
    first = _local_midnight(request.start, request.zone)
    last = _local_midnight(request.end + dt.timedelta(days=1), request.zone)
    count = int(np.floor((last - first) / request.horizon_days + 1e-9))
    return [first + k * request.horizon_days for k in range(count)]


def run_backtest(incidents: Incidents, request: BacktestRequest) -> BacktestOutcome:
    """Evaluate the methods on one type of the file; raise :class:`BacktestError` when impossible."""
    if request.kind not in incidents.kinds():
        raise BacktestError(
            _("Het type %(kind)s komt niet voor in het bestand; wel: %(kinds)s")
            % {"kind": request.kind, "kinds": ", ".join(incidents.kinds()) or "–"}
        )
    origins = starts(request)
    if not origins:
        raise BacktestError(_("De periode is korter dan de voorspelhorizon: er is geen voorspelweek."))
    began = time.perf_counter()
    pattern, everything = incidents.of_kind(request.kind), incidents.all_kinds()
    grid = Grid.covering(everything.x, everything.y, request.cell)
    known = everything.before(origins[0])
    if len(pattern.before(origins[0])) == 0:
        raise BacktestError(
            _("Er zijn geen incidenten van dit type vóór de eerste voorspelweek om van te leren.")
        )
    active = active_cells(grid, known.x, known.y)
    weeks = backtest(
        pattern,
        grid,
        active,
        origins,
        request.methods,
        horizon=request.horizon_days,
        coverages=request.coverages,
    )
    evaluated = pattern.between(origins[0], origins[-1] + request.horizon_days)
    seconds = time.perf_counter() - began
    test = near_repeat(pattern, origins[0])
    return BacktestOutcome(weeks, totals(weeks), grid, int(active.sum()), len(evaluated), seconds, test)


def as_json(outcome: BacktestOutcome, coverages: Sequence[float]) -> dict[str, object]:
    """Return the outcome as plain data: per week and pooled, per method and coverage."""

    def figures(score: Score | Total) -> dict[str, object]:
        return {
            "caught": score.caught,
            "events": score.total,
            "hit_rate": score.hit_rate,
            "pai": score.pai,
            "pei": score.pei,
        }

    return {
        "weeks": [
            {
                "start": moment(week.start).isoformat(),
                "methods": {
                    name: {f"{c:g}": figures(by_coverage[c]) for c in coverages}
                    for name, by_coverage in week.scores.items()
                },
            }
            for week in outcome.weeks
        ],
        "totals": [{"method": t.method, "coverage": t.coverage, **figures(t)} for t in outcome.totals],
        "knox": None
        if outcome.knox is None
        else {
            "metres": KNOX_METRES,
            "days": KNOX_DAYS,
            **{k: v for k, v in asdict(outcome.knox).items() if k != "method"},
            "method": outcome.knox.method,
        },
    }
