# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Numbers as real files write them: Dutch ``1.743`` and ``23,4``, or ``1743`` and ``23.4``.

The convention is declared per file (by the format, the mapping file or an option), never guessed
per value: ``1.743`` is one thousand seven hundred and forty-three in a Dutch file and an error
in a file with decimal points only when it cannot be read as such. StatLine's ``.`` (not
available) and ``x`` (secret) and empty cells are missing values: absent, never zero; a mapping
file may declare more markers (``[file] missing = ["NA"]``). Markers other than an empty cell are
counted per column and reported (:func:`kompas.sources.reading.streaming.stream_rows`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.sources.reading.cells import Invalid

MISSING = frozenset({"", ".", "x", "X"})
# What the markers mean at CBS (StatLine's "verklaring van tekens").
MARKER_MEANINGS = {
    ".": gettext_lazy("niet beschikbaar"),
    "x": gettext_lazy("geheim"),
    "X": gettext_lazy("geheim"),
}


@dataclass(frozen=True)
class NumberFormat:
    """A file's number convention: the decimal sign and the thousands separator ("" for none)."""

    decimal: str = ","
    thousands: str = "."
    missing: frozenset[str] = frozenset()  # markers of a missing value beyond MISSING

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Return the regular expression a number in this convention matches."""
        decimal = re.escape(self.decimal)
        integer = r"\d+"
        if self.thousands:
            integer = rf"(?:\d{{1,3}}(?:{re.escape(self.thousands)}\d{{3}})+|\d+)"
        exponent = r"(?:[eE][+-]?\d+)?" if self.decimal == "." else ""
        return re.compile(rf"[+-]?{integer}(?:{decimal}\d+)?{exponent}", re.ASCII)

    @property
    def example(self) -> str:
        """Return an example such as "1.743 of 23,4" for error messages."""
        big = f"1{self.thousands}743" if self.thousands else "1743"
        return _("een getal zoals %(big)s of %(small)s") % {"big": big, "small": f"23{self.decimal}4"}


DUTCH = NumberFormat(",", ".")
POINT = NumberFormat(".", "")
CONVENTIONS = {"nl": DUTCH, ",": DUTCH, ".": POINT, "point": POINT}


def for_delimiter(delimiter: str) -> NumberFormat:
    """Return the usual convention of a file with this separator (``;`` and tab: Dutch)."""
    return POINT if delimiter == "," else DUTCH


def parse_number(text: str, numbers: NumberFormat) -> float | None:
    """Return the number in ``text``, ``None`` when missing; raise :class:`Invalid` otherwise."""
    text = text.strip()
    if text in MISSING or text in numbers.missing:
        return None
    if not numbers.pattern.fullmatch(text):
        raise Invalid(_("is geen geldig getal"), numbers.example)
    if numbers.thousands:
        text = text.replace(numbers.thousands, "")
    value = float(text.replace(numbers.decimal, "."))
    if not math.isfinite(value):
        raise Invalid(_("is geen eindig getal"), numbers.example)
    return value


def parse_count(text: str, numbers: NumberFormat) -> int | None:
    """Return a count (a whole number of 0 or more), ``None`` when missing."""
    value = parse_number(text, numbers)
    if value is None:
        return None
    if value < 0:
        raise Invalid(_("is negatief"), _("een aantal van 0 of meer"))
    if not value.is_integer():
        raise Invalid(_("is geen geheel getal"), _("een aantal (geheel getal van 0 of meer)"))
    return int(value)


def required(value: float | None, expected: str) -> float:
    """Return ``value``; raise :class:`Invalid` when it is missing."""
    if value is None:
        raise Invalid(_("ontbreekt"), expected)
    return value
