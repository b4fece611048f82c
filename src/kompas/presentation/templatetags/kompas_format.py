# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Template filters for Dutch numbers and dates: ``{{ value|getal }}``, ``|procent``, ``|datum``."""

from __future__ import annotations

import datetime as dt

from django import template

from kompas.presentation import formatting

register = template.Library()


@register.filter
def getal(value: object, decimals: int | None = None) -> str:
    """Format a number the Dutch way; whole numbers without decimals, others with up to two."""
    if value is None or value == "":
        return formatting.MISSING
    if not isinstance(value, int | float):
        return str(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2 if abs(value) < 10 else 1
    return formatting.number(value, int(decimals))


@register.filter
def procent(value: object, decimals: int = 1) -> str:
    """Format a percentage value (already × 100) as ``23,4 %``; text (such as "n < 5") stays text."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return formatting.percent(value, int(decimals))
    return formatting.MISSING


@register.filter
def datum(value: dt.date | None) -> str:
    """Format a date as ``28 november 2026``."""
    if isinstance(value, dt.datetime):
        return formatting.date_time(value)
    return formatting.date(value)
