# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A point pattern in time and space: the incidents a forecast may learn from.

Times are days (float) since 1970-01-01 UTC, so a week is 7.0 and the arithmetic of windows is
plain subtraction. Coordinates are metres in one projected CRS (``crs``). Every forecast method
starts with :meth:`Pattern.before`: what lies at or after the forecast time is never read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
DAY = 86_400.0


def days(moment: dt.datetime) -> float:
    """Return ``moment`` as days since 1970-01-01 UTC."""
    return (moment - EPOCH).total_seconds() / DAY


def moment(value: float) -> dt.datetime:
    """Return the UTC moment of ``value`` days since 1970-01-01."""
    return EPOCH + dt.timedelta(days=value)


@dataclass(frozen=True)
class Pattern:
    """Located events of one kind, sorted by time (``t`` in days, ``x``/``y`` in metres)."""

    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    crs: str = ""

    @classmethod
    def of(cls, t: np.ndarray, x: np.ndarray, y: np.ndarray, crs: str = "") -> Pattern:
        """Return the events sorted by time."""
        order = np.argsort(np.asarray(t, dtype=float), kind="stable")
        return cls(
            np.asarray(t, dtype=float)[order],
            np.asarray(x, dtype=float)[order],
            np.asarray(y, dtype=float)[order],
            crs,
        )

    def __len__(self) -> int:
        return len(self.t)

    def between(self, start: float, end: float) -> Pattern:
        """Return the events with ``start <= t < end``."""
        low, high = np.searchsorted(self.t, [start, end], side="left")
        return Pattern(self.t[low:high], self.x[low:high], self.y[low:high], self.crs)

    def before(self, at: float) -> Pattern:
        """Return the events strictly before ``at``: all a forecast made at ``at`` may know."""
        return self.between(-np.inf, at)
