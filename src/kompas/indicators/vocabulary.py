# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The words of indicator definitions and values: formula, direction, normalisation, quality flag.

Defined once here, free of Django and of numpy, so that the computations
(:mod:`kompas.indicators.formulas`, :mod:`kompas.indicators.intervals`) and the model fields
(:mod:`kompas.indicators.models`, whose TextChoices take their values from these enums) share
them. Target rules and verdicts are in :mod:`kompas.indicators.status`.
"""

from __future__ import annotations

from enum import StrEnum


class Formula(StrEnum):
    """The kinds of indicator formula Kompas computes (``docs/indicators.md`` §1)."""

    COUNT = "count"
    RATE = "rate"
    SHARE = "share"
    SURVEY_PERCENTAGE = "survey_percentage"
    CHANGE = "change"
    MOVING_AVERAGE = "moving_average"
    COMPOSITE = "composite"


class Direction(StrEnum):
    """Which way is better; ``none`` for counts that can be read both ways (reports, signals)."""

    LOWER_IS_BETTER = "lower_is_better"
    HIGHER_IS_BETTER = "higher_is_better"
    NONE = "none"


class Normalisation(StrEnum):
    """How sub-indicators are put on one scale before a composite index is taken."""

    MEAN = "mean"
    MIN_MAX = "min_max"


class Flag(StrEnum):
    """Quality flags stored beside a value; the empty string means no remark."""

    OK = ""
    SMALL_NUMBERS = "te_weinig_waarnemingen"
    # a sum of only some of the parts, used because the indicator's rule allows it
    INCOMPLETE = "onvolledig"
