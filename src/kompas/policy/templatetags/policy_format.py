# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Template filters for plan values: ``{{ amount|waarde }}`` shows 203400.00 as 203.400."""

from __future__ import annotations

from decimal import Decimal

from django import template

from kompas.presentation import formatting
from kompas.presentation.templatetags.kompas_format import getal

register = template.Library()


@register.filter
def waarde(value: object, decimals: int | None = None) -> str:
    """Format a number (also a Decimal from the database) the Dutch way; text stays text."""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool):
        return str(value)
    return getal(value, decimals)


@register.filter
def aandeel(value: object) -> str:
    """Format a percentage (already × 100) as ``20 %`` or ``23,4 %``."""
    if value is None or value == "":
        return formatting.MISSING
    number = float(value)  # type: ignore[arg-type]  # a template value: a number or its text
    return formatting.percent(number, 0 if number.is_integer() else 1)
