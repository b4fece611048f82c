# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rows of the ``politie-buurt-maand`` format: one buurt, month and offence type checked at a time.

The row parser of the slow path, and of every row the fast path (:mod:`._buurt_maand_fast`) hands
over because a column-wise check failed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from kompas.areas.levels import AreaLevel
from kompas.observations.periods import PeriodLength
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.numbers import NumberFormat, parse_count
from kompas.sources.reading.periods import Period, check_year, parse_month, parse_period_code
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError


@dataclass(frozen=True)
class Context:
    """What every row of one file is checked against."""

    file: str
    numbers: NumberFormat
    offences: Mapping[str, MeasureRecord]
    monthly_columns: bool
    has_wijk: bool

    @property
    def key_columns(self) -> str:
        """Return the columns that together form an observation's key, as the header names them."""
        period = "jaar, maand" if self.monthly_columns else "perioden"
        return f"delict_code, buurt_code, {period}"


def parse_row(context: Context, row: Row) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    """Check one row; return its observation (none when the count is absent) or its errors."""
    check = RowCheck(row)
    period = _period(check, context)
    buurt = check.take("buurt_code", lambda text: areacodes.check(text, AreaLevel.BUURT))
    if context.has_wijk and buurt is not None:
        _check_wijk(check, buurt)
    measure = check.take("delict_code", lambda text: _offence(context, text))
    count = check.take("aantal", lambda text: parse_count(text, context.numbers))
    if not check.ok or count is None or period is None or buurt is None or measure is None:
        return [], check.errors
    record = ObservationRecord(measure.code, buurt, period.start, period.length, float(count), line=row.line)
    return [record], []


def _period(check: RowCheck, context: Context) -> Period | None:
    if not context.monthly_columns:
        return check.take("perioden", parse_period_code)
    year = check.take(
        "jaar", lambda text: check_year(int(text)) if text.isascii() and text.isdigit() else _bad_year()
    )
    month = check.take("maand", parse_month)
    if year is None or month is None:
        return None
    return Period(date(year, month, 1), PeriodLength.MONTH)


def _bad_year() -> int:
    raise Invalid(_("is geen geldig jaar"), _("een jaar van vier cijfers, zoals 2024"))


def _check_wijk(check: RowCheck, buurt: str) -> None:
    wijk = check.row.text("wijk_code")
    expected = "WK" + buurt[2:8]
    if wijk != expected:
        check.fail(
            "wijk_code",
            wijk,
            _("hoort niet bij buurt %(buurt)s") % {"buurt": buurt},
            _("de wijkcode %(wijk)s") % {"wijk": expected},
        )


def _offence(context: Context, text: str) -> MeasureRecord:
    measure = context.offences.get(text)
    if measure is None:
        raise Invalid(
            _("is geen bekende delictcode"),
            _("een code uit delict_codes.csv (100 tot en met 117) of een 47022NED-soort zoals 1.1.1"),
        )
    return measure
