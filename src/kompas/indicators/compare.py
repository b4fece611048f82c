# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Benchmark index and ranks of the members of every area group, for every period, at once.

Called only for indicators that may be compared across areas and have a direction
(:mod:`kompas.indicators.comparability`); for the others nothing is stored.

The same rules as :func:`kompas.indicators.benchmark.group_indices` (G32: 100 = the unweighted
mean of the members with a value, clipped to [10, 150]) and
:func:`kompas.indicators.ranks.rank_group` (1 = best, ties share the lowest place, colour from
green to red), applied with one grouped pass over all groups × periods.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kompas.indicators.benchmark import G32, IndexRule
from kompas.indicators.hierarchy import Areas
from kompas.indicators.ranks import COLOURS
from kompas.indicators.vocabulary import Direction

COMPARISON_COLUMNS = [
    "group",
    "area",
    "start",
    "length",
    "value",
    "group_mean",
    "index",
    "clipped",
    "rank",
    "colour",
    "group_size",
]
NOTHING_COMPARED = pd.DataFrame(columns=COMPARISON_COLUMNS)


def comparisons(
    values: pd.DataFrame, areas: Areas, direction: Direction, rule: IndexRule = G32
) -> pd.DataFrame:
    """Index and rank every group member with a value, per group and period.

    ``values`` is a value frame (``area, start, length, value``); the result has
    :data:`COMPARISON_COLUMNS`, ``group`` being the group's area index. Members without a value
    are left out of the mean and get no row. An indicator without a direction has no better
    side, so it gets no row at all.
    """
    pairs = pd.DataFrame({"group": areas.member_group, "area": areas.member_area})
    pairs = pairs[pairs["area"] >= 0]
    known = values.loc[
        np.isfinite(values["value"].to_numpy(dtype=np.float64)), ["area", "start", "length", "value"]
    ]
    rows = known.merge(pairs, on="area")
    if rows.empty or direction is Direction.NONE:
        return NOTHING_COMPARED.copy()
    keys = ["group", "start", "length"]
    grouped = rows.groupby(keys, sort=False)["value"]
    rows["group_mean"] = grouped.transform("mean")
    rows["group_size"] = grouped.transform("size")
    raw = _raw_index(
        rows["value"].to_numpy(dtype=np.float64),
        rows["group_mean"].to_numpy(dtype=np.float64),
        direction,
        rule.base,
    )
    rows["index"] = np.clip(raw, rule.floor, rule.ceiling)
    rows["clipped"] = np.isfinite(raw) & (raw != rows["index"].to_numpy()) | np.isinf(raw)
    ascending = direction is Direction.LOWER_IS_BETTER
    rows["rank"] = grouped.rank(method="min", ascending=ascending)
    rows["colour"] = _colours(rows["rank"].to_numpy(dtype=np.float64), rows["group_size"].to_numpy())
    result: pd.DataFrame = rows[COMPARISON_COLUMNS].reset_index(drop=True)
    return result


def _raw_index(value: np.ndarray, mean: np.ndarray, direction: Direction, base: float) -> np.ndarray:
    """``base × mean / value`` (lower is better) or ``base × value / mean``, before clipping."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if direction is Direction.LOWER_IS_BETTER:
            raw = np.where(value == 0, np.inf, base * mean / value)
        else:
            raw = base * value / mean
    return np.where(mean == 0, np.where(value == 0, base, np.nan), raw)


def _colours(rank: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Colour class of each rank: 1st green … last red, linearly over the group size."""
    step = np.where(size > 1, (rank - 1) * (len(COLOURS) - 1) / np.maximum(size - 1, 1), 0.0)
    index = np.floor(step + 0.5).astype(np.int64)
    names = np.asarray([colour.value for colour in COLOURS], dtype=object)
    return names[np.clip(index, 0, len(COLOURS) - 1)]
