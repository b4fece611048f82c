# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Stored observations of one measure, as one panel of series per area level.

Observations are stored at the level the source gives (buurt for police buurt-maand data,
gemeente for StatLine). Coarser levels are summed from the finest level below when the source
does not give them itself; counts are summed, never averaged. A missing period stays missing
(``NaN``): absent is not zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kompas.alerts.series import FREQUENCIES, Panel, period_grid

# Which column of the observation frame names an area's wijk or gemeente, per stored level.
PARENT_COLUMNS = {
    ("buurt", "wijk"): "parent_code",
    ("buurt", "gemeente"): "grandparent_code",
    ("wijk", "gemeente"): "parent_code",
}
SUMMED_LEVELS = ("wijk", "gemeente")


def restrict_to_gemeente(frame: pd.DataFrame, gemeente_code: str) -> pd.DataFrame:
    """Keep the rows of one gemeente: the gemeente itself and the areas below it."""
    inside = (
        (frame["area_code"] == gemeente_code)
        | (frame["parent_code"] == gemeente_code)
        | (frame["grandparent_code"] == gemeente_code)
    )
    return frame[inside]


def series_by_level(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Return ``area_code, period_start, value`` rows per area level, summing where needed."""
    by_level = {
        str(level): rows[["area_code", "period_start", "value"]]
        for level, rows in frame.groupby("area_level")
    }
    for level in SUMMED_LEVELS:
        if level in by_level:
            continue
        for finer in ("buurt", "wijk"):
            column = PARENT_COLUMNS.get((finer, level))
            rows = frame[frame["area_level"] == finer]
            if column is None or rows.empty:
                continue
            grouped = rows.dropna(subset=[column]).groupby([column, "period_start"], as_index=False)
            summed = pd.DataFrame(grouped.agg(value=("value", "sum")))
            by_level[level] = summed.rename(columns={column: "area_code"})
            break
    return by_level


def panel_from_frame(rows: pd.DataFrame, period_length: str) -> Panel:
    """Pivot ``area_code, period_start, value`` rows into a panel on a gap-free period grid."""
    frequency = FREQUENCIES[period_length]
    periods = pd.to_datetime(rows["period_start"]).to_numpy().astype("datetime64[D]")
    grid = period_grid(periods.min(), periods.max(), frequency)
    table = rows.assign(period=periods).pivot_table(
        index="area_code", columns="period", values="value", aggfunc="sum"
    )
    table = table.reindex(columns=pd.DatetimeIndex(grid))
    return Panel(
        names=tuple(str(code) for code in table.index),
        periods=grid,
        counts=table.to_numpy(dtype=float, na_value=np.nan),
        frequency=frequency,
    )
