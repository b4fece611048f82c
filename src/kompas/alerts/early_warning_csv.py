# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Early warning on any long CSV file, without a database: the logic of ``kompas early-warning run``.

Input is ``series,period,count`` (period: ISO date of the period's first day; see
:mod:`kompas.alerts.series` for how missing periods are filled). Output has one row per
evaluated period: ``series,period,observed,expected,upperbound,alarm,score``; ``alarm`` is
1 or 0 and an empty field means "no value" (for example no upper bound because Farrington's
minimum of recent cases is not met).
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from kompas.alerts.detect import Options, detect
from kompas.alerts.series import FREQUENCIES, Detection, Panel, read_long_csv
from kompas.formulas import inert

OUTPUT_COLUMNS = ("series", "period", "observed", "expected", "upperbound", "alarm", "score")


@dataclass(frozen=True)
class RunSummary:
    """What a run did: how many series, periods and evaluated points, and how many alarms."""

    method: str
    frequency: str
    series: int
    periods: int
    evaluated: int
    alarms: int
    first_evaluated: dt.date | None
    last_evaluated: dt.date | None
    seconds: float


def run(
    input_path: Path,
    output_path: Path,
    method: str = "farrington-flexible",
    frequency: str = "month",
    **options: Any,
) -> RunSummary:
    """Read ``input_path``, run ``method`` on every series and write ``output_path``.

    ``options`` are the fields of :class:`kompas.alerts.detect.Options`. Raises
    :class:`kompas.alerts.series.SeriesFileError` for an unreadable file and ValueError for
    settings that do not fit the method.
    """
    started = time.perf_counter()
    if frequency not in FREQUENCIES:
        raise ValueError(
            _("onbekende frequentie '%(frequency)s'; kies month of week") % {"frequency": frequency}
        )
    chosen = Options(**options)
    panel = read_long_csv(input_path, FREQUENCIES[frequency])
    detection = detect(panel, method, chosen)
    write_detection(output_path, panel, detection)
    evaluated_periods = panel.periods[detection.evaluated.any(axis=0)]
    return RunSummary(
        method=method,
        frequency=frequency,
        series=len(panel.names),
        periods=len(panel.periods),
        evaluated=int(detection.evaluated.sum()),
        alarms=int(detection.alarm.sum()),
        first_evaluated=evaluated_periods[0].astype(dt.date) if evaluated_periods.size else None,
        last_evaluated=evaluated_periods[-1].astype(dt.date) if evaluated_periods.size else None,
        seconds=time.perf_counter() - started,
    )


def _number(value: float) -> str:
    """Return ``value`` as the shortest text that reads back exactly; empty for NaN."""
    return "" if np.isnan(value) else repr(float(value))


def write_detection(path: Path, panel: Panel, detection: Detection) -> None:
    """Write one row per evaluated point, series by series and period by period."""
    series_index, period_index = np.nonzero(detection.evaluated)
    periods = [str(period) for period in panel.periods]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(OUTPUT_COLUMNS)
        for row, column in zip(series_index.tolist(), period_index.tolist(), strict=True):
            writer.writerow(
                (
                    inert(panel.names[row]),
                    periods[column],
                    f"{detection.observed[row, column]:.0f}",
                    _number(detection.expected[row, column]),
                    _number(detection.upperbound[row, column]),
                    int(detection.alarm[row, column]),
                    _number(detection.score[row, column]),
                )
            )
