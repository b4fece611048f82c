# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rows of the ``veiligheidsmonitor`` format, tidy and wide, to observations with margins."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.utils.translation import gettext as _

from kompas.sources.cells import Invalid, Row, RowCheck
from kompas.sources.chunks import Chunk
from kompas.sources.duplicates import KeyTracker
from kompas.sources.numbers import DUTCH, NumberFormat, parse_number
from kompas.sources.periods import parse_year
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError, PeriodLength
from kompas.sources.streaming import stream_rows
from kompas.sources.tables import Table

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
        from kompas.sources.formats.veiligheidsmonitor import measure

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
    from kompas.sources.formats.veiligheidsmonitor import area, check_sample_size

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
    from kompas.sources.formats.veiligheidsmonitor import check_value

    value = parse_number(text, numbers)
    return None if value is None else check_value(value, unit)


def _margin(text: str, numbers: NumberFormat) -> float | None:
    from kompas.sources.formats.veiligheidsmonitor import check_margin

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
    from kompas.sources.formats.veiligheidsmonitor import area

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


def _take_plain(check: RowCheck, column: str, text: str, parser: object) -> str | None:
    try:
        return parser(text)  # type: ignore[operator,no-any-return]
    except Invalid as invalid:
        check.fail(column, text, invalid.problem, invalid.expected)
        return None
