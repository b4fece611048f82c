# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Column-wise checks of the ``politie-buurt-maand`` fast path (see :mod:`kompas.sources.reading.blocks`).

Every check of :func:`~kompas.sources.formats._buurt_maand_rows.parse_row` has a strict
column-wise twin here; a row that passes all twins gives the same observation as the row parser
would, and a row that fails any twin is handed to the row parser, which names the exact error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kompas.observations.periods import PeriodLength
from kompas.sources.formats._buurt_maand_rows import Context, parse_row
from kompas.sources.reading import blocks, encoding
from kompas.sources.reading.cells import Row
from kompas.sources.reading.chunks import OBSERVATION_SCHEMA, Chunk, ErrorBuffer, ObservationBatch
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.tables import Source, Table, csv_rows
from kompas.sources.records import ObservationRecord

COLUMNS = ("jaar", "maand", "perioden", "wijk_code", "buurt_code", "delict_code", "aantal")


def chunks(path: Path, table: Table, context: Context, tracker: KeyTracker) -> Iterator[Chunk]:
    """Yield one chunk per block of the file, then the chunk with repeated keys."""
    names = [name for name in COLUMNS if table.has(name) and _needed(name, context)]
    wanted = [table.columns[name] for name in names]
    with encoding.open_binary(path) as stream:
        blocks.skip_lines(stream, table.header_line)
        for block in blocks.iter_blocks(stream, table.header_line + 1):
            columns = blocks.read_block(
                block, table.source.encoding, len(table.header), wanted, table.source.delimiter
            )
            chunk = (
                _slow(block, table, context)
                if columns is None
                else _fast(block, columns, names, table, context)
            )
            tracker.add(chunk.observations)
            yield chunk
    errors, count = tracker.errors()
    yield Chunk(errors=tuple(errors), error_count=count)


def _needed(name: str, context: Context) -> bool:
    if name in ("jaar", "maand"):
        return context.monthly_columns
    if name == "perioden":
        return not context.monthly_columns
    return name != "wijk_code" or context.has_wijk


def _slow(block: blocks.Block, table: Table, context: Context) -> Chunk:
    rows = csv_rows(
        blocks.block_lines(block, table.source.encoding), table.source.delimiter, block.first_line
    )
    source = Source(table.file, table.source.encoding, table.source.delimiter, table.source.numbers, rows)
    part = Table(source, table.header, table.header_line, table.columns)
    errors, count = ErrorBuffer(), 0
    records: list[ObservationRecord] = []
    for row in part.rows():
        count += 1
        found, problems = ([], row) if isinstance(row, list) else parse_row(context, row)
        records.extend(found)
        errors.extend(problems)
    for held in [] if block.last else part.footer:
        checked = part.check_row(held)  # a footer-like line with data after it is a short row
        errors.extend(checked if isinstance(checked, list) else [])
    batch = ObservationBatch.from_records(records)
    return Chunk(
        batch, errors=tuple(errors.kept), error_count=errors.count, rows_read=count, encoding=source.encoding
    )


def _fast(block: blocks.Block, columns: Any, names: list[str], table: Table, context: Context) -> Chunk:
    data = {name: columns.column(index).combine_chunks() for index, name in enumerate(names)}
    year, month, good = _period(data, context)
    codes = pa.array(list(context.offences))
    good = _and(good, pc.is_in(data["delict_code"], value_set=codes))
    good = _and(good, pc.match_substring_regex(data["buurt_code"], r"^BU\d{4}[0-9A-Z]{4}$"))
    good = _and(good, pc.match_substring_regex(data["aantal"], r"^\d{1,15}$"))
    if context.has_wijk:
        wijk_ok = pc.equal(
            pc.utf8_slice_codeunits(data["wijk_code"], 2), pc.utf8_slice_codeunits(data["buurt_code"], 2, 8)
        )
        good = _and(good, _and(wijk_ok, pc.starts_with(data["wijk_code"], "WK")))
    good_np = good.to_numpy(zero_copy_only=False)
    lines = np.arange(block.first_line, block.first_line + len(good_np), dtype=np.int64)
    table_ok = _observations(data, year, month, codes, context, lines, good)
    rest = np.flatnonzero(~good_np)
    header = [table.header[table.columns[name]] for name in names]
    positions = {name: index for index, name in enumerate(names)}
    errors = ErrorBuffer()
    extra: list[ObservationRecord] = []
    for index in rest:
        fields = [data[name][int(index)].as_py() for name in names]
        records, problems = parse_row(context, Row(table.file, int(lines[index]), fields, positions, header))
        extra.extend(records)
        errors.extend(problems)
    batch = ObservationBatch(pa.concat_tables([table_ok, ObservationBatch.from_records(extra).table]))
    return Chunk(
        batch,
        errors=tuple(errors.kept),
        error_count=errors.count,
        rows_read=len(good_np),
        encoding=table.source.encoding,
    )


def _and(left: Any, right: Any) -> Any:
    return pc.and_kleene(left, pc.fill_null(right, False))


def _period(data: dict[str, Any], context: Context) -> tuple[Any, Any, Any]:
    if context.monthly_columns:
        year_text, month_text = data["jaar"], data["maand"]
        good = _and(
            pc.match_substring_regex(year_text, r"^\d{4}$"),
            pc.match_substring_regex(month_text, r"^\d{1,2}$"),
        )
    else:
        good = pc.match_substring_regex(data["perioden"], r"^\d{4}MM\d{2}$")
        year_text = pc.utf8_slice_codeunits(data["perioden"], 0, 4)
        month_text = pc.utf8_slice_codeunits(data["perioden"], 6, 8)
    year = _integers(year_text, good)
    month = _integers(month_text, good)
    good = _and(good, pc.and_(pc.greater_equal(year, 1900), pc.less_equal(year, 2100)))
    good = _and(good, pc.and_(pc.greater_equal(month, 1), pc.less_equal(month, 12)))
    return year, month, good


def _integers(text: Any, good: Any) -> Any:
    return pc.cast(pc.if_else(good, text, "0"), pa.int64())


def _observations(
    data: dict[str, Any], year: Any, month: Any, codes: Any, context: Context, lines: Any, good: Any
) -> Any:
    measure_codes = pa.array([measure.code for measure in context.offences.values()])
    months = (year.to_numpy() - 1970) * 12 + month.to_numpy() - 1
    starts = pa.array(months.astype("datetime64[M]").astype("datetime64[D]"), type=pa.date32())
    count = _integers(data["aantal"], good)
    size = len(lines)
    table = pa.table(
        {
            "measure_code": pc.take(
                measure_codes, pc.fill_null(pc.index_in(data["delict_code"], value_set=codes), 0)
            ),
            "area_code": data["buurt_code"],
            "period_start": starts,
            "period_length": pa.array([PeriodLength.MONTH.value] * size, pa.string()),
            "value": pc.cast(count, pa.float64()),
            "margin": pa.nulls(size, pa.float64()),
            "sample_size": pa.nulls(size, pa.int64()),
            "line": pa.array(lines),
        },
        schema=OBSERVATION_SCHEMA,
    )
    return table.filter(good)
