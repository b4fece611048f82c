# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dutch number and date formats for reports, PDF and XLSX (1.743 · 23,4 % · 28 november 2026)."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.numberformat import format as number_format

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MISSING = "–"
# Excel number formats; Excel shows them with the reader's separators, Dutch in a Dutch Excel.
XLSX_INTEGER = "#,##0"
XLSX_DECIMAL = "#,##0.0"
XLSX_PERCENT_VALUE = '#,##0.0" %"'


def number(value: float | int | None, decimals: int = 0) -> str:
    """Format ``value`` the Dutch way: ``1743.5`` → ``1.743,5``; None → ``–``."""
    if value is None:
        return MISSING
    shown: float | int | Decimal = value
    if math.isfinite(value):
        # Django's number_format cuts the digits off (82,76 → "82,7"); round half up first
        step = Decimal(1).scaleb(-decimals)
        shown = Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)
    return number_format(shown, ",", decimals, grouping=3, thousand_sep=".", force_grouping=True)


def percent(value: float | None, decimals: int = 1) -> str:
    """Format a percentage value (already × 100): ``23.4`` → ``23,4 %``."""
    return MISSING if value is None else f"{number(value, decimals)} %"


def date(value: dt.date | None) -> str:
    """Format a date as ``28 november 2026``."""
    return MISSING if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def date_time(value: dt.datetime) -> str:
    """Format a moment in Dutch local time as ``28 november 2026, 14:05``."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date(local.date())}, {local:%H:%M}"


def period(start: dt.date, length: str) -> str:
    """Name a period by its start and length: ``2023``, ``2e kwartaal 2023``, ``maart 2023``."""
    if length == "year":
        return str(start.year)
    if length == "quarter":
        return f"{(start.month - 1) // 3 + 1}e kwartaal {start.year}"
    if length == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if length == "week":
        return f"week van {date(start)}"
    return date(start)


def period_range(first: dt.date, first_length: str, last: dt.date, last_length: str) -> str:
    """Name the stretch from the first period to the last: ``2012–2023``, ``januari 2012 – maart 2024``."""
    if first_length == last_length == "year":
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    start, end = period(first, first_length), period(last, last_length)
    return start if start == end else f"{start} – {end}"
