# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Sums of a measure for every area level and period length: buurt → wijk → gemeente → groups,
month → quarter, year and rolling twelve months.

Nothing here averages a rate: numerators and denominators are summed separately and the formula
is applied afterwards (:mod:`kompas.indicators.values`). Three rules make a sum trustworthy:

* **complete or missing**: a wijk has a value for a month only when every buurt that lies in it
  that year has one, and a year only when all twelve months have one; an incomplete total would
  make the larger area look better without warning;
* **published totals win**: an area with its own observation (a gemeente total from StatLine)
  keeps it, and the sum of its parts is not used for it;
* **provenance travels**: every sum carries the set of import runs its parts came from, as a
  bit set (one bit per run) that is OR-ed along.

Periods are month indices ``year × 12 + month − 1`` of their first month, so a quarter starts at a
multiple of 3 and a year at a multiple of 12. All work is vectorised: one sort per step, sums by
``numpy.add.reduceat``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kompas.indicators.hierarchy import MONTHS_PER_YEAR, PARENT_LEVELS, Areas
from kompas.observations.periods import PeriodLength

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Runs = npt.NDArray[np.uint64]


MONTHS = {
    PeriodLength.MONTH: 1,
    PeriodLength.QUARTER: 3,
    PeriodLength.YEAR: 12,
    PeriodLength.ROLLING_12_MONTHS: 12,
}


@dataclass(frozen=True)
class Cells:
    """Values per area index and period start (month index), with their import runs as bit sets.

    ``runs`` has one row per value and one ``uint64`` column per 64 runs.
    """

    area: IntArray
    start: IntArray
    value: FloatArray
    runs: Runs

    @property
    def size(self) -> int:
        """Return the number of values."""
        return int(self.area.size)

    def take(self, keep: npt.NDArray[np.bool_] | IntArray) -> Cells:
        """Return the values selected by a mask or index array."""
        return Cells(self.area[keep], self.start[keep], self.value[keep], self.runs[keep])

    def keys(self, span: int) -> IntArray:
        """Return one integer per (area, start); ``span`` must exceed every start."""
        return self.area * span + self.start


def empty(words: int) -> Cells:
    """Return cells without values."""
    none = np.zeros(0, dtype=np.int64)
    return Cells(none, none.copy(), np.zeros(0), np.zeros((0, words), dtype=np.uint64))


def concat(parts: list[Cells]) -> Cells:
    """Return the cells of ``parts`` together."""
    return Cells(
        np.concatenate([p.area for p in parts]),
        np.concatenate([p.start for p in parts]),
        np.concatenate([p.value for p in parts]),
        np.concatenate([p.runs for p in parts]),
    )


@dataclass(frozen=True)
class _Groups:
    """Cells grouped by an integer key: the distinct keys, value sums, counts and OR-ed runs."""

    keys: IntArray
    sums: FloatArray
    counts: IntArray
    runs: Runs


def _group(keys: IntArray, values: FloatArray, runs: Runs) -> _Groups:
    """Sum values and OR runs per distinct key (one stable sort)."""
    if keys.size == 0:
        return _Groups(keys, values, keys.copy(), runs)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    counts = np.diff(np.r_[starts, ordered.size])
    sums = np.add.reduceat(values[order], starts)
    merged = np.bitwise_or.reduceat(runs[order], starts, axis=0)
    return _Groups(ordered[starts], sums, counts.astype(np.int64), merged)


def _span(cells: Cells) -> int:
    return int(cells.start.max()) + 1 if cells.size else 1


def roll_up(cells: Cells, areas: Areas, *, incomplete: bool = False) -> Cells:
    """Add every level above the observed areas, summing children into parents per period.

    A parent gets a value for a period when all its children of that year have one and it has
    no observation of its own for that period. With ``incomplete`` (the indicator's rule allows
    it) some children suffice; the engine then flags those sums (:func:`~kompas.indicators.engine.evaluate`).
    """
    result = cells
    span = _span(cells)
    for level in PARENT_LEVELS:
        rows = areas.year_rows(result.start)
        parent = areas.parents[rows, result.area]
        has_parent = parent >= 0
        moving = has_parent & (areas.levels[np.where(has_parent, parent, 0)] == level)
        if not moving.any():
            continue
        sub = result.take(moving)
        summed = _group(parent[moving] * span + sub.start, sub.value, sub.runs)
        area, start = summed.keys // span, summed.keys % span
        complete = summed.counts == areas.children[areas.year_rows(start), area]
        if incomplete:
            complete = summed.counts > 0
        own = result.take(areas.levels[result.area] == level)
        fresh = complete & ~np.isin(summed.keys, own.keys(span)) if own.size else complete
        result = concat([result, Cells(area[fresh], start[fresh], summed.sums[fresh], summed.runs[fresh])])
    return result


def group_sums(cells: Cells, areas: Areas) -> Cells:
    """Return one value per area group and period: the sum over all its members, else nothing."""
    if areas.member_group.size == 0 or cells.size == 0:
        return empty(cells.runs.shape[1])
    known = areas.member_area >= 0
    sizes = np.bincount(areas.member_group, minlength=areas.size)
    order = np.argsort(cells.area, kind="stable")
    sorted_area = cells.area[order]
    left = np.searchsorted(sorted_area, areas.member_area[known], side="left")
    right = np.searchsorted(sorted_area, areas.member_area[known], side="right")
    lengths = right - left
    group = np.repeat(areas.member_group[known], lengths)
    segments = [order[a:b] for a, b in zip(left, right, strict=True)]
    picked = np.concatenate(segments) if segments else np.zeros(0, dtype=np.int64)
    span = _span(cells)
    summed = _group(group * span + cells.start[picked], cells.value[picked], cells.runs[picked])
    area, start = summed.keys // span, summed.keys % span
    complete = summed.counts == sizes[area]
    return Cells(area[complete], start[complete], summed.sums[complete], summed.runs[complete])


def to_length(cells: Cells, granularity: PeriodLength, unit: int = 1) -> Cells:
    """Sum complete periods of ``unit`` months into quarters, years or rolling twelve months.

    A quarter or year exists when all its periods have a value for that area. A rolling window
    (from months only) is identified by its first month and exists when all twelve months have
    a value.
    """
    if granularity is PeriodLength.MONTH:
        return cells
    if granularity is PeriodLength.ROLLING_12_MONTHS:
        return _rolling(cells)
    width = MONTHS[granularity]
    span = _span(cells) // width + 1
    summed = _group(cells.area * span + cells.start // width, cells.value, cells.runs)
    complete = summed.counts == width // unit
    keys = summed.keys[complete]
    return Cells(keys // span, keys % span * width, summed.sums[complete], summed.runs[complete])


def _rolling(months: Cells, width: int = MONTHS_PER_YEAR) -> Cells:
    """Twelve-month sums ending at every month preceded by eleven months of the same area."""
    order = np.lexsort((months.start, months.area))
    area, start = months.area[order], months.start[order]
    value, runs = months.value[order], months.runs[order]
    if area.size < width:
        return empty(runs.shape[1])
    back = np.arange(width - 1, area.size)
    full = (area[back] == area[back - width + 1]) & (start[back] - start[back - width + 1] == width - 1)
    totals = np.cumsum(np.r_[0.0, value])
    sums = totals[back + 1] - totals[back + 1 - width]
    merged = runs[back].copy()
    for lag in range(1, width):
        merged |= runs[back - lag]
    ends = back[full]
    return Cells(area[ends], start[ends] - (width - 1), sums[full], merged[full])


def combine(preferred: Cells, other: Cells) -> Cells:
    """Return ``preferred`` plus the cells of ``other`` for (area, period)s it lacks."""
    if preferred.size == 0 or other.size == 0:
        return other if preferred.size == 0 else preferred
    span = max(_span(preferred), _span(other))
    missing = ~np.isin(other.keys(span), preferred.keys(span))
    return concat([preferred, other.take(missing)])


def limit(cells: Cells, starts: IntArray | None) -> Cells:
    """Keep the cells whose period start is in ``starts`` (all when None)."""
    return cells if starts is None else cells.take(np.isin(cells.start, starts))


@dataclass(frozen=True)
class Stock:
    """A denominator per cell: its value, the year it was taken from, and its runs."""

    value: FloatArray
    year: IntArray
    runs: Runs


def stock_for(cells: Cells, stocks: Cells, years: IntArray) -> Stock:
    """Look up a stock (inhabitants, dwellings on 1 January) for each cell and reference year.

    The stock of the reference year itself; else the latest earlier year; else the earliest
    later year (``Stock.year`` says which one). NaN where the area has no stock at all.
    """
    words = cells.runs.shape[1]
    if stocks.size == 0 or cells.size == 0:
        return Stock(
            np.full(cells.size, np.nan), np.full(cells.size, -1), np.zeros((cells.size, words), np.uint64)
        )
    stock_year = stocks.start // MONTHS_PER_YEAR
    span = int(max(stock_year.max(), years.max())) + 2
    order = np.argsort(stocks.area * span + stock_year, kind="stable")
    keys = (stocks.area * span + stock_year)[order]
    wanted = cells.area * span + years
    before = np.searchsorted(keys, wanted, side="right") - 1
    same_area_before = (before >= 0) & (keys[np.maximum(before, 0)] // span == cells.area)
    after = np.minimum(before + 1, keys.size - 1)
    same_area_after = keys[after] // span == cells.area
    pick = np.where(same_area_before, before, np.where(same_area_after, after, -1))
    found = pick >= 0
    index = order[np.maximum(pick, 0)]
    value = np.where(found, stocks.value[index], np.nan)
    year = np.where(found, stock_year[index], -1)
    runs = np.where(found[:, None], stocks.runs[index], np.uint64(0)).astype(np.uint64)
    return Stock(value, year, runs)
