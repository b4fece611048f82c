# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Progress of plan targets: every year (and rolling twelve months) of the target's indicator and
area judged by the rules of :mod:`kompas.indicators.status`.

A target names its area by CBS code or by name, or leaves it empty for the whole municipality. A
target whose rule Kompas cannot judge (``decrease`` without a number, a milestone) or whose area
or values are missing gets one row *geen data*, so the page says why there is no verdict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kompas.areas import queries as area_queries
from kompas.indicators.status import JUDGED_RULES, Status, TargetRule, assess
from kompas.indicators.targets import TargetFigures

AREA_CODE = re.compile(r"^(GM|WK|BU)\d{4,8}$")
JUDGED_LENGTHS = ("year", "rolling_12_months")
# A plan writes the whole municipality as "heel Hengelo": the organisation's gemeente.
WHOLE_MUNICIPALITY = "heel "
RULES = {rule.value for rule in JUDGED_RULES}


@dataclass(frozen=True)
class ProgressRow:
    """One verdict, ready to be stored as ``TargetProgress``."""

    target_id: int
    organisation_id: int
    indicator_id: int
    area_code: str
    period_start: object
    period_length: str
    value: float | None
    threshold: float | None
    distance: float | None
    distance_pct: float | None
    margin: float
    status: str


def area_codes(targets: Iterable[TargetFigures]) -> dict[int, str]:
    """Resolve each target's area to a CBS code (empty or "heel …": the organisation's gemeente)."""
    targets = list(targets)
    names = area_queries.codes_by_name(
        t.area
        for t in targets
        if t.area.strip()
        and not AREA_CODE.match(t.area.strip())
        and not t.area.lower().startswith(WHOLE_MUNICIPALITY)
    )
    resolved = {}
    for target in targets:
        area = target.area.strip()
        if not area or area.lower().startswith(WHOLE_MUNICIPALITY):
            resolved[target.target_id] = target.organisation_cbs_code
        elif AREA_CODE.match(area):
            resolved[target.target_id] = area
        else:
            resolved[target.target_id] = names.get(area.lower(), "")
    return resolved


def judge(targets: Iterable[TargetFigures], values: pd.DataFrame) -> list[ProgressRow]:
    """Judge every target against its indicator's values in its area.

    ``values`` has ``indicator_id, area_code, period_start, period_length, value, ci_low,
    ci_high`` (the organisation's own and the shared values).
    """
    targets = list(targets)
    codes = area_codes(targets)
    by_key = {key: rows for key, rows in values.groupby(["indicator_id", "area_code"], sort=False)}
    result = []
    for target in targets:
        code = codes[target.target_id]
        rows = by_key.get((target.indicator_id, code))
        if target.rule not in RULES or rows is None or not code:
            result.append(_no_data(target, code))
            continue
        judged = rows[rows["period_length"].isin(JUDGED_LENGTHS)].sort_values(
            ["period_length", "period_start"]
        )
        result += [_row(target, code, value) for value in judged.itertuples(index=False)] or [
            _no_data(target, code)
        ]
    return result


def _number(value: object) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)  # type: ignore[arg-type]  # a number of the values frame


def _row(target: TargetFigures, code: str, value: Any) -> ProgressRow:
    progress = assess(
        TargetRule(target.rule),
        value=_number(value.value),
        ci_low=_number(value.ci_low),
        ci_high=_number(value.ci_high),
        baseline=target.baseline_value,
        target=target.target_value,
    )
    return ProgressRow(
        target.target_id,
        target.organisation_id,
        target.indicator_id,
        code,
        value.period_start,
        value.period_length,
        progress.value,
        progress.threshold,
        progress.distance,
        progress.distance_pct,
        progress.margin,
        progress.status.value,
    )


def _no_data(target: TargetFigures, code: str) -> ProgressRow:
    return ProgressRow(
        target.target_id, target.organisation_id, target.indicator_id, code, None, "",
        None, None, None, None, 0.0, Status.NO_DATA.value,
    )  # fmt: skip
