# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The raw StatLine export of ``politie-statline``: dimensions in header rows, regions in rows."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from kompas.sources import codelists, measures
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.numbers import DUTCH, parse_number
from kompas.sources.reading.periods import Period, parse_period_code
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import RawRow, Source, Table
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError

TOPIC, PERIOD, REGION, CRIME = "onderwerp", "perioden", "regio's", "soort misdrijf"
LABELS = {
    TOPIC: TOPIC,
    "onderwerpen": TOPIC,
    PERIOD: PERIOD,
    REGION: REGION,
    "regio": REGION,
    "gemeenten": REGION,
    CRIME: CRIME,
}
NOT_AN_AREA = re.compile(r".*\((?:RE)\)$|buitenland|.*niet in te delen.*", re.IGNORECASE)
TOPICS = {
    "geregistreerde misdrijven": "misdrijven",
    "aangiften": "aangiften",
    "internetaangiften": "internetaangiften",
}


@dataclass(frozen=True)
class _Column:
    """What one value column means: its measure and period (the region comes from the row)."""

    measure: MeasureRecord | None
    period: Period | None
    errors: tuple[ParseError, ...]
    label: str


def chunks(source: Source, preamble: list[RawRow], first: RawRow) -> Iterator[Chunk]:
    """Yield the observations of a StatLine export, the measures used and skipped rows."""
    headers = _header_rows(source, first)
    names = [text.strip() for text in headers[-1].fields]
    columns = [
        _column(source.file, headers, _fixed_dimensions(preamble), index) for index in range(1, len(names))
    ]
    errors = _header_errors(source, headers) or list(
        dict.fromkeys(e for column in columns for e in column.errors)
    )
    if errors:
        yield Chunk(errors=tuple(errors), error_count=len(errors), encoding=source.encoding)
        return
    table = Table(
        source, names, headers[-1].line, {name.casefold(): index for index, name in enumerate(names)}
    )
    warnings: list[ParseError] = []
    tracker = KeyTracker(source.file, names[0])
    parse_row = partial(_parse_row, columns, warnings)
    yield from stream_rows(table.rows(), parse_row, encoding=source.encoding, tracker=tracker)
    used = {column.measure.code: column.measure for column in columns if column.measure}
    yield Chunk(measures=tuple(used.values()), warnings=tuple(warnings))


def _label(raw: RawRow) -> str | None:
    return LABELS.get(raw.fields[0].strip().casefold()) if raw.fields else None


def _header_rows(source: Source, first: RawRow) -> list[RawRow]:
    """Return the header rows: ``first`` and the labelled rows after it, up to the one whose other
    cells are units (no digits): that row names the dimension that varies down the rows."""
    headers = [first]
    if not _label(first):
        return headers
    for raw in source.rows:
        headers.append(raw)
        if not _label(raw) or all(not any(c.isdigit() for c in text) for text in raw.fields[1:]):
            break
    return headers


def _fixed_dimensions(preamble: list[RawRow]) -> dict[str, str]:
    fixed: dict[str, str] = {}
    for raw in preamble:
        text = " ".join(raw.fields).strip()
        label, colon, value = text.partition(":")
        if colon and LABELS.get(label.strip().casefold()):
            fixed[LABELS[label.strip().casefold()]] = value.strip()
    return fixed


def _header_errors(source: Source, headers: list[RawRow]) -> list[ParseError]:
    label = headers[-1].fields[0].strip() if headers[-1].fields else ""
    if _label(headers[0]) and _label(headers[-1]) == REGION:
        return []
    expected = _("kopregels Onderwerp en Perioden en daarna een kopregel Regio's met de eenheden")
    return [
        ParseError(
            source.file, headers[-1].line, _("kolom 1"), label, expected, _("is geen StatLine-kopregel")
        )
    ]


def _column(file: str, headers: list[RawRow], fixed: dict[str, str], index: int) -> _Column:
    dims = dict(fixed)
    lines = dict.fromkeys(fixed, 1)
    for raw in headers[:-1]:
        label = _label(raw)
        if label and index < len(raw.fields):
            dims[label], lines[label] = raw.fields[index].strip(), raw.line
    errors: list[ParseError] = []
    topic = TOPICS.get(dims.get(TOPIC, "").casefold()) or measures.slug(dims.get(TOPIC, "misdrijven"))
    measure = _resolve(file, lines.get(CRIME, 1), "Soort misdrijf", dims.get(CRIME, ""), errors, topic)
    period = _resolve_period(file, lines.get(PERIOD, 1), dims.get(PERIOD, ""), errors)
    label = " / ".join(
        raw.fields[index].strip() for raw in headers if index < len(raw.fields) and raw.fields[index].strip()
    )
    return _Column(measure, period, tuple(errors), label)


def _resolve(
    file: str, line: int, column: str, title: str, errors: list[ParseError], topic: str
) -> MeasureRecord | None:
    try:
        return measures.measure_for(title, topic)
    except Invalid as invalid:
        errors.append(ParseError(file, line, column, title, invalid.expected, invalid.problem))
        return None


def _resolve_period(file: str, line: int, text: str, errors: list[ParseError]) -> Period | None:
    try:
        return parse_period_code(text)
    except Invalid as invalid:
        errors.append(ParseError(file, line, "Perioden", text, invalid.expected, invalid.problem))
        return None


def _parse_row(
    columns: list[_Column], warnings: list[ParseError], row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    name = row.fields[0].strip()
    if NOT_AN_AREA.fullmatch(name):
        expected = _(
            "een gemeente of Nederland; politie-eenheden en niet-in-te-delen regels worden overgeslagen"
        )
        warnings.append(row.error(row.header[0], name, _("is geen gebied met een CBS-code"), expected))
        return [], []
    area = check.take(row.header[0], _area)
    found: list[ObservationRecord] = []
    for index, column in enumerate(columns, start=1):
        value = _value(check, index, column.label)
        if area and value is not None and column.measure and column.period:
            period = column.period
            found.append(
                ObservationRecord(
                    column.measure.code, area, period.start, period.length, value, line=row.line
                )
            )
    return (found, []) if check.ok else ([], check.errors)


def _value(check: RowCheck, index: int, label: str) -> float | None:
    text = check.row.fields[index].strip() if index < len(check.row.fields) else ""
    try:
        return parse_number(text, DUTCH)
    except Invalid as invalid:
        check.fail(label, text, invalid.problem, invalid.expected)
        return None


def _area(text: str) -> str:
    code = codelists.municipality_code(text)
    if code is None:
        try:
            return areacodes.check(text)
        except Invalid:
            raise Invalid(
                _("is geen bekende gemeente"),
                _("een gemeentenaam uit de 47022NED-regiolijst (zoals Hengelo (O.)) of een CBS-code"),
            ) from None
    return code
