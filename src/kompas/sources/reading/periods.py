# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Periods and dates: StatLine period codes (``2024JJ00``, ``2020MM01``, ``2016KW03``) and days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.utils.translation import gettext as _

from kompas.observations.periods import PeriodLength
from kompas.sources.reading.cells import Invalid

FIRST_YEAR = 1900
LAST_YEAR = 2100
_CODE = re.compile(r"(\d{4})(JJ|MM|KW)(\d{2})", re.ASCII)
_YEAR = re.compile(r"(\d{4})\*?", re.ASCII)
DATE_FORMATS = {"iso": "%Y-%m-%d", "dd-mm-yyyy": "%d-%m-%Y", "dd/mm/yyyy": "%d/%m/%Y", "yyyymmdd": "%Y%m%d"}


@dataclass(frozen=True, slots=True)
class Period:
    """A period: its first day and its length."""

    start: date
    length: PeriodLength


def _period_expected() -> str:
    return _("een periodecode zoals 2024JJ00, 2020MM01 of 2016KW03")


def check_year(year: int) -> int:
    """Return ``year`` when it lies in 1900–2100; raise :class:`Invalid` otherwise."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Invalid(_("is geen geldig jaar"), _("een jaar van 1900 tot en met 2100"))
    return year


@lru_cache(maxsize=65536)
def parse_year(text: str) -> int:
    """Return the year in ``text`` (``2024``, or ``2016*`` for a provisional StatLine figure)."""
    match = _YEAR.fullmatch(text.strip())
    if not match:
        raise Invalid(_("is geen geldig jaar"), _("een jaar van vier cijfers, zoals 2024"))
    return check_year(int(match.group(1)))


@lru_cache(maxsize=65536)
def parse_month(text: str) -> int:
    """Return a month number 1–12."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 12:
        raise Invalid(_("is geen geldige maand"), _("een maandnummer van 1 tot en met 12"))
    return int(text)


@lru_cache(maxsize=65536)
def parse_period_code(text: str) -> Period:
    """Return the period of a StatLine code; a bare year (``2024``) is accepted as ``2024JJ00``."""
    text = text.strip()
    if _YEAR.fullmatch(text):
        return Period(date(parse_year(text), 1, 1), PeriodLength.YEAR)
    match = _CODE.fullmatch(text)
    if not match or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise Invalid(_("is geen geldige periode"), _period_expected())
    year, kind, number = int(match.group(1)), match.group(2), int(match.group(3))
    if kind == "JJ" and number == 0:
        return Period(date(year, 1, 1), PeriodLength.YEAR)
    if kind == "MM" and 1 <= number <= 12:
        return Period(date(year, number, 1), PeriodLength.MONTH)
    if kind == "KW" and 1 <= number <= 4:
        return Period(date(year, 3 * number - 2, 1), PeriodLength.QUARTER)
    raise Invalid(_("is geen geldige periode"), _period_expected())


@lru_cache(maxsize=65536)
def parse_date(text: str, convention: str = "iso") -> date:
    """Return the day in ``text`` written as ``convention`` (a key of :data:`DATE_FORMATS` or a
    strftime pattern); impossible dates such as 31-02-2024 raise :class:`Invalid`."""
    pattern = DATE_FORMATS.get(convention, convention)
    try:
        day = datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 - a calendar day, no time
    except ValueError:
        example = date(2024, 3, 31).strftime(pattern)
        raise Invalid(
            _("is geen geldige datum"), _("een datum zoals %(example)s") % {"example": example}
        ) from None
    check_year(day.year)
    return day


def start_of(day: date, length: PeriodLength) -> date:
    """Return the first day of the period of ``length`` that contains ``day`` (weeks start Monday)."""
    if length is PeriodLength.DAY:
        return day
    if length is PeriodLength.WEEK:
        return day - timedelta(days=day.weekday())
    if length is PeriodLength.MONTH:
        return day.replace(day=1)
    if length is PeriodLength.QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)
