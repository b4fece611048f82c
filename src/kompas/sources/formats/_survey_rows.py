# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rows of the ``veiligheidsmonitor`` format, tidy and wide, to observations with margins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.utils.translation import gettext as _

from kompas.areas import codes
from kompas.observations.periods import PeriodLength
from kompas.sources import measures
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.numbers import DUTCH, NumberFormat, parse_number
from kompas.sources.reading.periods import parse_year
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import Table
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError

SOURCE = "CBS, Veiligheidsmonitor"
_WIDE = re.compile(r"(Waarde|Marges)_(.+)_(\d{4})\*?")


@dataclass(frozen=True)
class _Pair:
    value_column: str
    margin_column: str | None
    region: str
    year: str


class _Measures:
    """The measures met so far; one indicator must keep one unit."""

    def __init__(self) -> None:
        self.found: dict[str, MeasureRecord] = {}

    def get(self, check: RowCheck, column: str, indicator: str, unit: str) -> MeasureRecord | None:
        found = measure(indicator, unit)
        known = self.found.setdefault(found.code, found)
        if known.unit != found.unit:
            check.fail(column, unit, _("wijkt af van de eenheid eerder in het bestand"), known.unit)
            return None
        return known


# The column naming the area: provinces in CBS's own tidy file, CBS codes (GM0164, WK016401)
# in a municipality's own results.
REGION_COLUMNS = ("provincie", "regio", "gebiedscode")


def tidy_chunks(table: Table) -> Iterator[Chunk]:
    """Yield observations of a tidy file (``indicator, eenheid, provincie|regio|gebiedscode, jaar,
    marge, waarde``, optionally ``n``: the number of respondents)."""
    region = next((column for column in REGION_COLUMNS if table.has(column)), "regio")
    missing = [column for column in (region, "jaar") if not table.has(column)]
    if missing:
        error = ParseError(
            table.file,
            table.header_line,
            missing[0],
            "",
            _("een kolom %(c)s") % {"c": missing[0]},
            _("ontbreekt in de kopregel"),
        )
        yield Chunk(errors=(error,), error_count=1)
        return
    found = _Measures()
    columns = _Columns(region, table.has("marge"), table.has("n"))
    parse_row = partial(_tidy_row, table.source.numbers, columns, found)
    yield from stream_rows(
        table.rows(),
        parse_row,
        encoding=table.source.encoding,
        tracker=KeyTracker(table.file, f"indicator, {region}, jaar"),
    )
    yield Chunk(measures=tuple(found.found.values()))


@dataclass(frozen=True)
class _Columns:
    """Which optional columns a tidy file has."""

    region: str
    margin: bool
    sample_size: bool


def _tidy_row(
    numbers: NumberFormat, columns: _Columns, found: _Measures, row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    unit = row.text("eenheid")
    measure = found.get(check, "eenheid", row.text("indicator"), unit)
    code = check.take(columns.region, area)
    year = check.take("jaar", parse_year)
    value = check.take("waarde", lambda text: _value(text, numbers, unit))
    margin = check.take("marge", lambda text: _margin(text, numbers)) if columns.margin else None
    size = check.take("n", check_sample_size) if columns.sample_size else None
    if not check.ok or measure is None or code is None or year is None or value is None:
        return [], check.errors
    start = date(year, 1, 1)
    return [
        ObservationRecord(measure.code, code, start, PeriodLength.YEAR, value, margin, size, row.line)
    ], []


def _value(text: str, numbers: NumberFormat, unit: str) -> float | None:
    value = parse_number(text, numbers)
    return None if value is None else check_value(value, unit)


def _margin(text: str, numbers: NumberFormat) -> float | None:
    value = parse_number(text, numbers)
    return None if value is None else check_margin(value)


def wide_chunks(table: Table) -> Iterator[Chunk]:
    """Yield observations of a raw StatLine export with ``Waarde_…`` and ``Marges_…`` columns."""
    pairs = _pairs(table.header)
    if not pairs:
        expected = _("kolommen Waarde_<regio>_<jaar> en Marges_<regio>_<jaar>")
        yield Chunk(
            errors=(
                ParseError(
                    table.file, table.header_line, "Waarde_", "", expected, _("ontbreekt in de kopregel")
                ),
            ),
            error_count=1,
        )
        return
    found = _Measures()
    tracker = KeyTracker(table.file, "Onderwerp, regio, jaar")
    yield from stream_rows(
        table.rows(), partial(_wide_row, pairs, found), encoding=table.source.encoding, tracker=tracker
    )
    yield Chunk(measures=tuple(found.found.values()))


def _pairs(header: Sequence[str]) -> list[_Pair]:
    margins = {
        (m.group(2), m.group(3)): name
        for name in header
        if (m := _WIDE.fullmatch(name)) and m.group(1) == "Marges"
    }
    return [
        _Pair(name, margins.get((m.group(2), m.group(3))), m.group(2), m.group(3))
        for name in header
        if (m := _WIDE.fullmatch(name)) and m.group(1) == "Waarde"
    ]


def _wide_row(
    pairs: list[_Pair], found: _Measures, row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    unit = row.text("perioden")
    measure = found.get(check, "Perioden", row.text("onderwerp"), unit)
    records = []
    for pair in pairs:
        code = _take_plain(check, pair.value_column, pair.region, area)
        value = check.take(pair.value_column, lambda text: _value(text, DUTCH, unit))
        margin = (
            check.take(pair.margin_column, lambda text: _margin(text, DUTCH)) if pair.margin_column else None
        )
        if measure and code and value is not None:
            start = date(int(pair.year), 1, 1)
            records.append(
                ObservationRecord(measure.code, code, start, PeriodLength.YEAR, value, margin, line=row.line)
            )
    return (records, []) if check.ok else ([], check.errors)


def _take_plain(check: RowCheck, column: str, text: str, parser: Callable[[str], str]) -> str | None:
    try:
        return parser(text)
    except Invalid as invalid:
        check.fail(column, text, invalid.problem, invalid.expected)
        return None


def measure(indicator: str, unit: str) -> MeasureRecord:
    """Return the measure of a survey indicator (hierarchy marks ``|`` removed)."""
    name = indicator.strip().strip("|").strip()
    return MeasureRecord("vm_" + measures.slug(name), name, unit.strip(), SOURCE, measures.CC_BY)


def area(text: str) -> str:
    """Return the area code of a province name, ``Nederland`` or a CBS code."""
    name = text.strip().removesuffix("(PV)").strip()
    if name.casefold() == "nederland":
        return codes.NETHERLANDS
    if name in codes.PROVINCES:
        return codes.PROVINCES[name]
    try:
        return areacodes.check(name)
    except Invalid:
        raise Invalid(
            _("is geen bekende regio"), _("een provincienaam zoals Overijssel, Nederland of een CBS-code")
        ) from None


def check_value(value: float, unit: str) -> float:
    """Return ``value`` when it fits its unit (percentages 0–100, report marks 1–10)."""
    if unit.startswith("%") and not 0 <= value <= 100:
        raise Invalid(_("ligt niet tussen 0 en 100"), _("een percentage van 0 tot en met 100"))
    if unit.casefold() == "rapportcijfer" and not 1 <= value <= 10:
        raise Invalid(_("ligt niet tussen 1 en 10"), _("een rapportcijfer van 1 tot en met 10"))
    return value


def check_margin(value: float) -> float:
    """Return a margin when it is not negative."""
    if value < 0:
        raise Invalid(_("is negatief"), _("een marge van 0 of meer"))
    return value


def check_sample_size(text: str) -> int | None:
    """Return the number of respondents: a whole number of at least 1, or None when empty."""
    if not text.strip():
        return None
    try:
        count = int(text.strip().replace(".", ""))
    except ValueError:
        raise Invalid(_("is geen geheel getal"), _("een aantal respondenten zoals 850")) from None
    if count < 1:
        raise Invalid(_("is kleiner dan 1"), _("een aantal respondenten van 1 of meer"))
    return count
