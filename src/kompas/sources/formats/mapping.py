# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``mapping``: a CSV or XLSX of any shape, described by a mapping file (TOML).

The option ``mapping`` names the mapping file; its format is documented in
``docs/import-mapping.md``. The mapping's ``[file]`` settings (encoding, delimiter, decimal,
sheet) act as options of the table; options given directly take precedence. Rows a real export
holds beyond what Kompas should read (areas that no longer exist, totals, keys of its own) are
skipped on purpose by ``[skip]`` or an ``area.codes`` entry ``false``, and every skip is counted
in the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompas.areas.levels import AreaLevel
from kompas.observations.periods import PeriodLength
from kompas.sources import measures
from kompas.sources.formats import _mapping_spec
from kompas.sources.formats._mapping_spec import MappingSpec, ValueSpec
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.numbers import NumberFormat, parse_count, parse_number
from kompas.sources.reading.options import Options
from kompas.sources.reading.periods import (
    Period,
    parse_date,
    parse_month,
    parse_period_code,
    parse_year,
    start_of,
)
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import Table, open_source, open_table
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError, dutch_int


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the observations of ``path`` as its mapping file describes them."""
    given = dict(options or {})
    if not given.get("mapping"):
        expected = _("de optie mapping met het pad van een importbeschrijving (TOML)")
        yield error_chunk([ParseError(path.name, 0, _("optie mapping"), "", expected, _("ontbreekt"))])
        return
    spec = _mapping_spec.load(Path(str(given["mapping"])))
    if isinstance(spec, list):
        yield error_chunk(spec)
        return
    opts = Options(spec.file_options | given, path.name)
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    table = open_table(source, _columns(spec))
    if isinstance(table, list) or opts.errors:
        yield error_chunk(opts.errors + (table if isinstance(table, list) else []), encoding=source.encoding)
        return
    yield from _chunks(spec, table)


def _columns(spec: MappingSpec) -> list[str]:
    columns = [spec.area_column, spec.period_column, spec.year_column, spec.month_column, spec.measure_column]
    for value in spec.values:
        columns += [value.column, value.margin_column, value.sample_size_column]
    columns += list(spec.skip_where)
    return [column for column in columns if column]


@dataclass(frozen=True)
class _Context:
    spec: MappingSpec
    numbers: NumberFormat
    used: dict[str, MeasureRecord]
    skipped: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (key, column, value)


def _chunks(spec: MappingSpec, table: Table) -> Iterator[Chunk]:
    context = _Context(spec, replace(table.source.numbers, missing=spec.missing), {})
    tracker = KeyTracker(
        table.file,
        ", ".join(
            column
            for column in (spec.measure_column, spec.area_column, spec.period_column or spec.year_column)
            if column
        ),
    )
    yield from stream_rows(
        table.rows(),
        partial(_parse_row, context),
        encoding=table.source.encoding,
        tracker=tracker,
        missing=spec.missing,
    )
    yield Chunk(measures=tuple(context.used.values()), warnings=tuple(_skip_notes(table.file, context)))


def _skip_notes(file: str, context: _Context) -> list[ParseError]:
    notes = []
    for (key, column, value), rows in sorted(context.skipped.items()):
        problem = ngettext(
            "staat in %(key)s: %(rows)s rij overgeslagen",
            "staat in %(key)s: %(rows)s rijen overgeslagen",
            rows,
        ) % {"key": key, "rows": dutch_int(rows)}
        notes.append(ParseError(file, 0, column, value, "", problem))
    return notes


def _skipped(context: _Context, row: Row) -> bool:
    """Count and return whether the mapping skips ``row`` on purpose."""
    spec = context.spec
    area = row.text(spec.area_column)
    if area in spec.skip_areas:
        context.skipped["skip.area", spec.area_column, area] += 1
        return True
    if spec.area_codes.get(area) == "":
        context.skipped["area.codes", spec.area_column, area] += 1
        return True
    for column, values in spec.skip_where.items():
        if row.text(column) in values:
            context.skipped[f"skip.where.{column}", column, row.text(column)] += 1
            return True
    return False


def _parse_row(
    context: _Context, row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]] | None:
    spec = context.spec
    if _skipped(context, row):
        return None
    check = RowCheck(row)
    area = check.take(spec.area_column, partial(_area, spec))
    period = _period(check, spec)
    label = row.text(spec.measure_column) if spec.measure_column else ""
    found = []
    for value_spec in spec.values:
        measure = _measure(check, context, value_spec, label)
        value = check.take(value_spec.column, partial(_value, value_spec.kind, context.numbers))
        margin = (
            check.take(value_spec.margin_column, partial(_margin, context.numbers))
            if value_spec.margin_column
            else None
        )
        size = (
            check.take(value_spec.sample_size_column, lambda text: parse_count(text, context.numbers))
            if value_spec.sample_size_column
            else None
        )
        if measure and area and period and value is not None:
            found.append(
                ObservationRecord(measure, area, period.start, period.length, value, margin, size, row.line)
            )
    return (found, []) if check.ok else ([], check.errors)


def _area(spec: MappingSpec, text: str) -> str:
    code = spec.area_codes.get(text) or (spec.area_prefix + text if spec.area_prefix and text else text)
    level = AreaLevel(spec.area_level) if spec.area_level in AreaLevel._value2member_map_ else None
    return areacodes.check(code, level)


def _period(check: RowCheck, spec: MappingSpec) -> Period | None:
    if spec.period_format == "statline":
        return check.take(spec.period_column, parse_period_code)
    if spec.period_format == "year":
        year = check.take(spec.period_column, parse_year)
        return Period(date(year, 1, 1), PeriodLength.YEAR) if year else None
    if spec.period_format == "year_month":
        year, month = check.take(spec.year_column, parse_year), check.take(spec.month_column, parse_month)
        return Period(date(year, month, 1), PeriodLength.MONTH) if year and month else None
    return check.take(spec.period_column, partial(_dated, spec))


def _dated(spec: MappingSpec, text: str) -> Period:
    day = parse_date(text, spec.date_format)
    if start_of(day, spec.period_length) != day:
        raise Invalid(
            _("is niet de eerste dag van de periode"),
            _("de eerste dag van een %(length)s") % {"length": spec.period_length.value},
        )
    return Period(day, spec.period_length)


def _measure(check: RowCheck, context: _Context, value_spec: ValueSpec, label: str) -> str | None:
    spec = context.spec
    if value_spec.measure:
        code, name = value_spec.measure, value_spec.measure
    elif spec.measure_codes:
        if label not in spec.measure_codes:
            expected = _("een van: %(values)s") % {"values": ", ".join(list(spec.measure_codes)[:12])}
            check.fail(spec.measure_column, label, _("staat niet in measure.codes"), expected)
            return None
        code, name = spec.measure_codes[label], label
    else:
        code, name = measures.slug(label), label
    default = MeasureRecord(code, name, "aantal" if value_spec.kind == "count" else "", "", "")
    context.used.setdefault(code, spec.measures.get(code, default))
    return code


def _value(kind: str, numbers: NumberFormat, text: str) -> float | None:
    if kind == "count":
        count = parse_count(text, numbers)
        return None if count is None else float(count)
    return parse_number(text, numbers)


def _margin(numbers: NumberFormat, text: str) -> float | None:
    value = parse_number(text, numbers)
    if value is not None and value < 0:
        raise Invalid(_("is negatief"), _("een marge van 0 of meer"))
    return value
