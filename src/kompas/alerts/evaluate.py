# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Run every active alert setting of an organisation on its series and store the alarms.

Runs after each import (a task) and nightly (``kompas alerts run``). Only the most recent
periods are judged (:data:`RECENT_PERIODS`): an alert is news about now, and the full history is
what the backtest is for. Re-running finds the same alerts and keeps their triage state.

Which series: only of a measure the organisation sees (open data or its own), with the values
it sees (the shared ones, its own figures instead where it has them; ADR 0011). An
organisation with a CBS gemeente code watches its gemeente and the wijken and buurten in it;
an organisation without one (a region, the police) watches every area with shared data for
the measure, never another organisation's own measures or figures.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from django.db import transaction
from django_scopes import scope

from kompas.accounts import audit
from kompas.accounts.models import Organisation
from kompas.alerts.choice import choose_method
from kompas.alerts.detect import Options, detect
from kompas.alerts.fdr import surviving_alarms
from kompas.alerts.models import Alert, AlertSetting, Method
from kompas.alerts.series import FREQUENCIES, Detection, Panel
from kompas.alerts.series_frames import panel_from_frame, restrict_to_gemeente, series_by_level
from kompas.observations.queries import COUNT_SERIES_COLUMNS, count_series, visible_measure

RECENT_PERIODS = {"month": 3, "week": 4}
# How much of the series an alert keeps for its explanation chart.
SHOWN_PERIODS = {"month": 36, "week": 104}


@dataclass(frozen=True)
class LevelResult:
    """The detection on one area level's panel, by the method that ran on it."""

    level: str
    panel: Panel
    detection: Detection
    method: str


@dataclass
class EvaluationSummary:
    """What one run looked at and found."""

    settings: int = 0
    series: int = 0
    evaluated: int = 0
    alarms: int = 0
    alerts_created: int = 0
    duration_seconds: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def evaluate_organisation(organisation: Organisation) -> EvaluationSummary:
    """Evaluate the organisation's active settings and store new alerts, audited as one run."""
    started = time.perf_counter()
    summary = EvaluationSummary()
    with scope(organisation=organisation.pk):
        for setting in AlertSetting.objects.filter(active=True):
            summary.settings += 1
            for period_length in FREQUENCIES:
                frame = series_frame(organisation, setting.measure_code, period_length)
                if frame.empty:
                    continue
                results = evaluate_frame(setting, frame, period_length)
                summary.series += sum(len(result.panel.names) for result in results)
                summary.evaluated += sum(int(result.detection.evaluated.sum()) for result in results)
                summary.alarms += sum(int(result.detection.alarm.sum()) for result in results)
                summary.alerts_created += _store(organisation, setting, period_length, results)
        summary.duration_seconds = round(time.perf_counter() - started, 3)
        audit.record(
            "alerts.evaluation.run", actor=None, organisation_id=organisation.pk, changes=summary.as_dict()
        )
    return summary


def series_frame(organisation: Organisation, measure_code: str, period_length: str) -> pd.DataFrame:
    """Return the stored values of a measure that ``organisation`` watches (see module docstring)."""
    if not visible_measure(measure_code, organisation.pk):
        return pd.DataFrame(columns=COUNT_SERIES_COLUMNS)
    with scope(organisation=organisation.pk):
        frame = count_series(measure_code, period_length)
    if organisation.cbs_code and not frame.empty:
        frame = restrict_to_gemeente(frame, organisation.cbs_code)
    return frame


def options_for(
    setting: AlertSetting, last_period: np.datetime64, period_length: str, method: str
) -> Options:
    """Return the detection options of a setting running ``method``, judging only recent periods."""
    recent = RECENT_PERIODS[period_length] - 1
    if period_length == "month":
        first = (last_period.astype("datetime64[M]") - recent).astype("datetime64[D]")
    else:
        first = last_period - np.timedelta64(7 * recent, "D")
    return Options(
        alpha=None if method == Method.CUSUM else setting.alpha,
        min_count=setting.min_count,
        evaluate_from=dt.date.fromisoformat(str(first)),
    )


def evaluate_frame(setting: AlertSetting, frame: pd.DataFrame, period_length: str) -> list[LevelResult]:
    """Detect on every area level of ``frame``; apply false-discovery control across levels.

    A setting ``auto`` runs the method each level's history allows (:mod:`kompas.alerts.choice`).
    """
    panels = {level: panel_from_frame(rows, period_length) for level, rows in series_by_level(frame).items()}
    last = max(panel.periods[-1] for panel in panels.values())
    results = []
    for level, panel in panels.items():
        method = choose_method(setting.method, len(panel.periods), period_length).method
        detection = detect(panel, method, options_for(setting, last, period_length, method))
        results.append(LevelResult(level, panel, detection, method))
    # CUSUM has no alpha, so its alarms are not corrected (see kompas.alerts.fdr).
    controlled = [index for index, result in enumerate(results) if result.method != Method.CUSUM]
    if setting.false_discovery_control and controlled:
        kept = surviving_alarms([results[index].detection for index in controlled], setting.alpha)
        for index, alarms in zip(controlled, kept, strict=True):
            result = results[index]
            results[index] = LevelResult(
                result.level, result.panel, _with_alarms(result.detection, alarms), result.method
            )
    return results


def _with_alarms(detection: Detection, alarms: np.ndarray) -> Detection:
    return Detection(
        detection.observed,
        detection.expected,
        detection.upperbound,
        alarms,
        detection.score,
        detection.evaluated,
    )


@transaction.atomic
def _store(
    organisation: Organisation, setting: AlertSetting, period_length: str, results: list[LevelResult]
) -> int:
    created = 0
    for result in results:
        for row, column in zip(*np.nonzero(result.detection.alarm), strict=True):
            _, was_created = Alert.objects.get_or_create(
                organisation=organisation,
                measure_code=setting.measure_code,
                area_code=result.panel.names[row],
                period_start=dt.date.fromisoformat(str(result.panel.periods[column])),
                method=result.method,
                defaults=_explanation(setting, period_length, result, int(row), int(column)),
            )
            created += was_created
    return created


def _explanation(
    setting: AlertSetting, period_length: str, result: LevelResult, row: int, column: int
) -> dict[str, object]:
    detection = result.detection
    first = max(0, column + 1 - SHOWN_PERIODS[period_length])
    return {
        "period_length": period_length,
        "observed": float(detection.observed[row, column]),
        "expected": float(detection.expected[row, column]),
        "upperbound": float(detection.upperbound[row, column]),
        "score": float(detection.score[row, column]),
        "method_settings": {
            "alpha": setting.alpha,
            "min_count": setting.min_count,
            "false_discovery_control": setting.false_discovery_control,
            "area_level": result.level,
        },
        "series": [
            _point(result, row, index) for index in range(first, column + 1) if _known(detection, row, index)
        ],
    }


def _known(detection: Detection, row: int, column: int) -> bool:
    return not np.isnan(detection.observed[row, column])


def _point(result: LevelResult, row: int, column: int) -> dict[str, object]:
    detection = result.detection

    def number(values: np.ndarray) -> float | None:
        value = float(values[row, column])
        return None if np.isnan(value) else value

    return {
        "period": str(result.panel.periods[column]),
        "observed": number(detection.observed),
        "expected": number(detection.expected),
        "upperbound": number(detection.upperbound),
        "alarm": bool(detection.alarm[row, column]),
    }
