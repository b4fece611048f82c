# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Observations as engine input: area indices, month indices and import runs as bit sets.

The frame comes from ``kompas.observations.queries.observation_frame``. A numerator may be a sum
of measures (``misdrijven_1_4_1 + … + misdrijven_1_4_7``); an area and period then has a value
only when every measure of the sum has one there, for the same reason a wijk needs all its
buurten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from kompas.indicators.hierarchy import MONTHS_PER_YEAR, Areas
from kompas.indicators.rollup import Cells, Runs, empty

BITS = 64


@dataclass(frozen=True)
class RunBits:
    """Import run ids numbered as bits: run ``ids[i]`` is bit ``i % 64`` of word ``i // 64``."""

    ids: tuple[int, ...]

    @property
    def words(self) -> int:
        """Return the number of 64-bit words a bit set needs (at least one)."""
        return max(1, -(-len(self.ids) // BITS))

    def encode(self, run_ids: npt.NDArray[np.float64]) -> Runs:
        """Return one bit set per element of ``run_ids`` (NaN: no run, an empty set)."""
        runs = np.zeros((run_ids.size, self.words), dtype=np.uint64)
        known = np.isfinite(run_ids)
        position = np.searchsorted(np.asarray(self.ids, dtype=np.float64), run_ids[known])
        rows = np.flatnonzero(known)
        runs[rows, position // BITS] = np.left_shift(np.uint64(1), (position % BITS).astype(np.uint64))
        return runs

    def decode(self, runs: Runs) -> list[tuple[int, ...]]:
        """Return the run ids of each bit set, sorted."""
        if runs.shape[1] == 1:  # one word: a plain unique, much faster than unique rows
            single, position = np.unique(runs[:, 0], return_inverse=True)
            distinct = single[:, None]
        else:
            distinct, position = np.unique(runs, axis=0, return_inverse=True)
        names = [self._ids_of(row) for row in distinct]
        return [names[i] for i in np.asarray(position).reshape(-1)]

    def _ids_of(self, row: npt.NDArray[np.uint64]) -> tuple[int, ...]:
        found = []
        for word, bits in enumerate(row.tolist()):
            found += [self.ids[word * BITS + bit] for bit in range(BITS) if bits >> bit & 1]
        return tuple(found)


def run_bits(*frames: pd.DataFrame) -> RunBits:
    """Number the import runs that occur in observation frames."""
    ids: set[int] = set()
    for frame in frames:
        ids.update(int(run) for run in frame["import_run_id"].dropna().unique())
    return RunBits(tuple(sorted(ids)))


def month_index(starts: pd.Series) -> npt.NDArray[np.int64]:
    """Return ``year × 12 + month − 1`` of datetime values."""
    index: npt.NDArray[np.int64] = (starts.dt.year * MONTHS_PER_YEAR + starts.dt.month - 1).to_numpy(
        dtype=np.int64
    )
    return index


def located(observations: pd.DataFrame, areas: Areas) -> pd.DataFrame:
    """Add ``area`` (index) and ``start`` (month index); drop rows of unknown area versions."""
    index = areas.locate(observations["area_id"].to_numpy(dtype=np.int64))
    known = index >= 0
    frame = observations.loc[known] if not known.all() else observations
    return frame.assign(area=index[known], start=month_index(frame["period_start"]))


def _unique_per_area(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep one observation per measure, area code and period when two versions of a code have one."""
    versions = np.unique(frame["area_id"].to_numpy(dtype=np.int64))
    codes = np.unique(frame["area"].to_numpy(dtype=np.int64))
    if versions.size == codes.size:
        return frame
    return frame.drop_duplicates(["measure_code", "area", "start", "period_length"])


def cells_by_length(
    observations: pd.DataFrame, measures: Iterable[str], areas: Areas, bits: RunBits
) -> dict[str, Cells]:
    """Sum the measures of a numerator per area and period; one :class:`Cells` per period length.

    An area and period is kept only when every measure has a value there.
    """
    codes = list(measures)
    frame = _unique_per_area(located(observations[observations["measure_code"].isin(codes)], areas))
    result = {}
    for length, rows in frame.groupby("period_length", sort=False, observed=True):
        runs = bits.encode(rows["import_run_id"].to_numpy(dtype=np.float64))
        cells = Cells(
            rows["area"].to_numpy(dtype=np.int64),
            rows["start"].to_numpy(dtype=np.int64),
            rows["value"].to_numpy(dtype=np.float64),
            runs,
        )
        result[str(length)] = _sum_measures(cells, len(codes)) if len(codes) > 1 else cells
    return result


def _sum_measures(cells: Cells, count: int) -> Cells:
    """Sum cells with the same area and start; keep those where all ``count`` measures are present."""
    if cells.size == 0:
        return empty(cells.runs.shape[1])
    span = int(cells.start.max()) + 1
    keys = cells.keys(span)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    counts = np.diff(np.r_[starts, ordered.size])
    sums = np.add.reduceat(cells.value[order], starts)
    runs = np.bitwise_or.reduceat(cells.runs[order], starts, axis=0)
    full = counts == count
    key = ordered[starts][full]
    return Cells(key // span, key % span, sums[full], runs[full])


def survey_rows(observations: pd.DataFrame, measure: str, areas: Areas, bits: RunBits) -> pd.DataFrame:
    """Survey observations with area, start, length, value, margin, sample size and bit sets."""
    frame = located(observations[observations["measure_code"] == measure], areas)
    runs = bits.encode(frame["import_run_id"].to_numpy(dtype=np.float64))
    return pd.DataFrame(
        {
            "area": frame["area"].to_numpy(),
            "start": frame["start"].to_numpy(),
            "length": frame["period_length"].to_numpy(),
            "value": frame["value"].to_numpy(dtype=np.float64),
            "margin": frame["margin"].to_numpy(dtype=np.float64),
            "sample_size": frame["sample_size"].to_numpy(dtype=np.float64),
            "runs": list(runs),
        }
    )
