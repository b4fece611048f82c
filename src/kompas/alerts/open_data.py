# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Early-warning alarms per municipality on open data only, for the regional picture (issue 18).

For each municipality the monthly and weekly open-data count series of the gemeente and its
wijken and buurten are judged exactly as that municipality's own run would judge them with the
default settings (:mod:`kompas.alerts.defaults`: method ``auto``, alfa 0,05, minimum 5, correction
over many series on; the most recent periods only, :func:`kompas.alerts.evaluate.evaluate_frame`).
Nothing is stored: these are the alarms the open data show, not anyone's triaged alerts, and no
organisation's own figures are read. A municipality without such series gets no count but the
reason, so an empty column is never mistaken for a quiet one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kompas.accounts.queries import changes
from kompas.alerts.evaluate import evaluate_frame
from kompas.alerts.models import AlertSetting, Method
from kompas.alerts.series import FREQUENCIES
from kompas.alerts.series_frames import restrict_to_gemeente
from kompas.observations.queries import open_count_series

SETTINGS_TEXT = "auto, alfa 0,05, minimaal 5, correctie voor veel reeksen"


@dataclass(frozen=True)
class OpenDataAlarms:
    """One municipality's alarms on open data: how many, over which series, or why none."""

    count: int | None
    series: tuple[str, ...]
    reason: str = ""


def open_data_alarms(gemeente_codes: list[str]) -> dict[str, OpenDataAlarms]:
    """Return per gemeente code its open-data alarms in the recent periods (cached until a change)."""
    key = f"open-alarmen:{get_language()}:" + ",".join(sorted(gemeente_codes))
    return changes.until_next_change(key, lambda: _compute(gemeente_codes))


def _compute(gemeente_codes: list[str]) -> dict[str, OpenDataAlarms]:
    frame = open_count_series(gemeente_codes, FREQUENCIES)
    counts: dict[str, int] = {}
    series: dict[str, list[str]] = {code: [] for code in gemeente_codes}
    if not frame.empty:
        for (measure_code, period_length), rows in frame.groupby(["measure_code", "period_length"]):
            # the model's defaults, never saved: what create_default_settings would give
            setting = AlertSetting(measure_code=str(measure_code), method=Method.AUTO)
            for code in gemeente_codes:
                part = restrict_to_gemeente(rows, code)
                if part.empty:
                    continue
                results = evaluate_frame(setting, part, str(period_length))
                counts[code] = counts.get(code, 0) + sum(int(r.detection.alarm.sum()) for r in results)
                series[code].append(f"{measure_code} ({_length(str(period_length))})")
    return {
        code: OpenDataAlarms(counts[code], tuple(series[code]))
        if code in counts
        else OpenDataAlarms(None, (), _("geen maand- of weekreeksen in open data"))
        for code in gemeente_codes
    }


def _length(period_length: str) -> str:
    return _("per maand") if period_length == "month" else _("per week")
