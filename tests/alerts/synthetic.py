# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Small synthetic count series for the tests of the detection methods."""

from __future__ import annotations

import numpy as np

from kompas.alerts.series import FloatArray, Panel


def monthly_panel(*series: FloatArray | list[float], start: str = "2012-01-01") -> Panel:
    """Return a monthly panel of the given series (equal lengths), named s0, s1, …."""
    counts = np.array(series, dtype=np.float64)
    first = np.datetime64(start, "M")
    periods = np.arange(first, first + counts.shape[1]).astype("datetime64[D]")
    return Panel(tuple(f"s{index}" for index in range(len(counts))), periods, counts, 12)


def seasonal_counts(rng: np.random.Generator, months: int = 96, level: float = 50.0) -> FloatArray:
    """Return Poisson counts around ``level`` with a yearly cycle of ±30 %."""
    season = 1 + 0.3 * np.sin(2 * np.pi * np.arange(months) / 12)
    return rng.poisson(level * season).astype(np.float64)
