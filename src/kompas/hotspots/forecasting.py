# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A forecast from an incidents file, with its measured accuracy, written as GeoJSON or CSV.

A forecast names the top ``coverage`` share of active cells for the week after ``at``. It never
travels without its accuracy: the same method is backtested on the ``accuracy_weeks`` weeks
before ``at`` and the pooled hit rate, PAI and PEI go into the export. Cells with fewer than
``min_events`` incidents of the type in the year before ``at`` are left out of the export and
counted (small numbers point at single addresses and people).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _

from kompas.areas import projection
from kompas.hotspots.backtesting import BacktestRequest, run_backtest
from kompas.hotspots.evaluate import COVERAGES, TIE_SEED, Total, ranked
from kompas.hotspots.grid import Grid, active_cells
from kompas.hotspots.incidents import Incidents
from kompas.hotspots.methods import run
from kompas.hotspots.pattern import days

MIN_EVENTS = 5


@dataclass(frozen=True)
class ForecastCell:
    """One named cell: its rank, bounds in the events' CRS, score and past events of the type."""

    rank: int
    bounds: tuple[float, float, float, float]
    score: float
    past_events: int


@dataclass(frozen=True)
class Forecast:
    """The named cells that may be published, how many were suppressed, and the accuracy."""

    method: str
    kind: str
    at: dt.date
    crs: str
    cell: float
    coverage: float
    cells: list[ForecastCell]
    suppressed: int
    accuracy_totals: tuple[Total, ...]
    accuracy_weeks: int

    @property
    def accuracy(self) -> Total | None:
        """Return the pooled accuracy at the forecast's own coverage."""
        return next((t for t in self.accuracy_totals if t.coverage == self.coverage), None)


def forecast(
    incidents: Incidents,
    *,
    kind: str,
    at: dt.date,
    method: str,
    cell: float = 150.0,
    coverage: float = 0.05,
    zone: dt.tzinfo = dt.UTC,
    min_events: int = MIN_EVENTS,
    accuracy_weeks: int = 12,
) -> Forecast:
    """Return the forecast for the week from ``at`` (local midnight) with its backtested accuracy."""
    check = BacktestRequest(
        kind, at - dt.timedelta(weeks=accuracy_weeks), at - dt.timedelta(days=1), (method,), cell, 7.0,
        tuple(sorted({*COVERAGES, coverage})), zone,
    )  # fmt: skip
    measured = run_backtest(incidents, check)
    start = days(dt.datetime(at.year, at.month, at.day, tzinfo=zone))
    pattern, everything = incidents.of_kind(kind), incidents.all_kinds()
    grid = Grid.covering(everything.x, everything.y, cell)
    known = everything.before(start)
    active = active_cells(grid, known.x, known.y)
    scores = run(method, pattern, grid, start, 7.0)
    order = ranked(scores, active, np.random.default_rng(TIE_SEED).permutation(grid.nx * grid.ny))
    top = order[: max(1, round(coverage * int(active.sum())))]
    last_year = pattern.before(start).between(start - 365.0, start)
    past = grid.counts(last_year.x, last_year.y).ravel()
    cells = [
        ForecastCell(rank, grid.polygon(int(index)), float(scores.ravel()[index]), int(past[index]))
        for rank, index in enumerate(top, start=1)
        if past[index] >= min_events
    ]
    return Forecast(
        method, kind, at, incidents.crs, cell, coverage, cells, len(top) - len(cells),
        tuple(measured.totals), len(measured.weeks),
    )  # fmt: skip


def _accuracy(result: Forecast) -> dict[str, object]:
    total = result.accuracy
    return {
        "weeks": result.accuracy_weeks,
        "hit_rate": total.hit_rate if total else None,
        "pai": total.pai if total else None,
        "pei": total.pei if total else None,
    }


def write_geojson(result: Forecast, path: Path) -> None:
    """Write the cells as WGS84 polygons (RFC 7946) with the forecast and its accuracy."""
    path.write_text(geojson_text(result), encoding="utf-8")


def geojson_text(result: Forecast) -> str:
    """Return the cells as WGS84 polygons (RFC 7946) with the forecast and its accuracy."""
    features = []
    for item in result.cells:
        west, south, east, north = item.bounds
        lon, lat = projection.points_to(
            np.array([west, east, east, west, west]), np.array([south, south, north, north, south]),
            result.crs, projection.WGS84,
        )  # fmt: skip
        ring = [[round(a, 6), round(b, 6)] for a, b in zip(lon.tolist(), lat.tolist(), strict=True)]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"rank": item.rank, "score": item.score, "past_events": item.past_events},
            }
        )
    document = {
        "type": "FeatureCollection",
        "features": features,
        "kompas": {
            "method": result.method,
            "type": result.kind,
            "week_from": result.at.isoformat(),
            "crs_of_grid": result.crs,
            "cell_metres": result.cell,
            "coverage": result.coverage,
            "suppressed_cells": result.suppressed,
            "suppression": _("cellen met minder dan %(k)d incidenten in het jaar ervoor zijn weggelaten")
            % {"k": MIN_EVENTS},
            "accuracy": _accuracy(result),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


CSV_COLUMNS = (
    "rank", "west", "south", "east", "north", "crs", "score", "past_events",
    "backtest_weeks", "backtest_hit_rate", "backtest_pai", "backtest_pei",
)  # fmt: skip


def write_csv(result: Forecast, path: Path) -> None:
    """Write one row per published cell, bounds in the grid's CRS, the accuracy on every row."""
    path.write_text(csv_text(result), encoding="utf-8", newline="")


def csv_text(result: Forecast) -> str:
    """Return one CSV row per published cell, bounds in the grid's CRS, the accuracy on every row."""
    accuracy = _accuracy(result)
    with io.StringIO(newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for item in result.cells:
            writer.writerow(
                [
                    item.rank,
                    *item.bounds,
                    result.crs,
                    f"{item.score:.6g}",
                    item.past_events,
                    accuracy["weeks"],
                    accuracy["hit_rate"],
                    accuracy["pai"],
                    accuracy["pei"],
                ]
            )
        return handle.getvalue()
