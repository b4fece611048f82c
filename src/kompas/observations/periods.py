# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Period lengths: what one observation covers, and what indicator values are computed for.

A period starts on its ``period_start`` and lasts one length. Files give observations per day,
week, month, quarter or year (:data:`OBSERVED`); indicators are computed per month, quarter, year
and rolling twelve months (:data:`COMPUTED`). Django-free, so that readers and computations name a
length without the ORM; the model fields take their choices from TextChoices built from this enum.
"""

from __future__ import annotations

from enum import StrEnum


class PeriodLength(StrEnum):
    """Length of a period, starting on ``period_start``."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ROLLING_12_MONTHS = "rolling_12_months"


# The lengths an observation may cover, in this order (stored columns index into it).
OBSERVED = (PeriodLength.DAY, PeriodLength.WEEK, PeriodLength.MONTH, PeriodLength.QUARTER, PeriodLength.YEAR)
# The lengths indicator values are computed for, in this order.
COMPUTED = (PeriodLength.MONTH, PeriodLength.QUARTER, PeriodLength.YEAR, PeriodLength.ROLLING_12_MONTHS)
