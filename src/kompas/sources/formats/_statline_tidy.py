# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The tidy police series of ``politie-statline``: one row per type and month (or year)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from kompas.areas import codes
from kompas.observations.periods import PeriodLength
from kompas.sources import measures
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.numbers import NumberFormat, parse_count
from kompas.sources.reading.options import Options
from kompas.sources.reading.periods import Period, parse_date, parse_year
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import RawRow, Source, Table
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError

MONTHLY = ("crime_type_code", "date", "frequency")
YEARLY = ("incident_type_code", "year", "incident_count")


@dataclass(frozen=True)
class _Layout:
    type_column: str
    period_column: str
    value_column: str
    area: str
    numbers: NumberFormat


def chunks(source: Source, header: RawRow, options: Options) -> Iterator[Chunk]:
    """Yield the observations of a tidy series, then the measures used."""
    names = [text.strip() for text in header.fields]
    folded = {name.casefold(): index for index, name in enumerate(names)}
    wanted = MONTHLY if "crime_type_code" in folded else YEARLY
    missing = [column for column in wanted if column not in folded]
    if missing:
        expected = _("de kolommen %(columns)s") % {"columns": ", ".join(wanted)}
        yield Chunk(
            errors=(
                ParseError(source.file, header.line, missing[0], "", expected, _("ontbreekt in de kopregel")),
            ),
            error_count=1,
        )
        return
    area = options.parsed("area", areacodes.check, codes.NETHERLANDS)
    layout = _Layout(wanted[0], wanted[1], wanted[2], area, source.numbers)
    table = Table(source, names, header.line, folded)
    used: dict[str, MeasureRecord] = {}
    tracker = KeyTracker(source.file, ", ".join(wanted[:2]))
    yield from stream_rows(
        table.rows(), partial(_parse_row, layout, used), encoding=source.encoding, tracker=tracker
    )
    yield Chunk(measures=tuple(used.values()))


def _parse_row(
    layout: _Layout, used: dict[str, MeasureRecord], row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    measure = check.take(layout.type_column, measures.measure_for)
    period = check.take(layout.period_column, _month if layout.period_column == "date" else _year)
    count = check.take(layout.value_column, lambda text: parse_count(text, layout.numbers))
    if not check.ok or measure is None or period is None or count is None:
        return [], check.errors
    used.setdefault(measure.code, measure)
    return [
        ObservationRecord(measure.code, layout.area, period.start, period.length, float(count), line=row.line)
    ], []


def _month(text: str) -> Period:
    day = parse_date(text)
    if day.day != 1:
        raise Invalid(
            _("is niet de eerste dag van een maand"), _("de eerste dag van de maand, zoals 2012-01-01")
        )
    return Period(day, PeriodLength.MONTH)


def _year(text: str) -> Period:
    return Period(parse_date(f"{parse_year(text)}-01-01"), PeriodLength.YEAR)
