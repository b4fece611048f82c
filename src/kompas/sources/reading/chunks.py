# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Streaming results: a file is read as a sequence of chunks, collected into one ParseResult.

A chunk holds the records of a block of rows. Observations travel as an
:class:`ObservationBatch`, a column table (pyarrow), so that ten million rows never become ten
million Python objects unless a caller asks for them with :meth:`ObservationBatch.records`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from kompas.observations.periods import PeriodLength
from kompas.sources.records import (
    MAX_ERRORS,
    AreaRecord,
    EventRecord,
    MeasureRecord,
    ObservationRecord,
    ParseError,
    ParseResult,
)

OBSERVATION_SCHEMA = pa.schema(
    [
        ("measure_code", pa.string()),
        ("area_code", pa.string()),
        ("period_start", pa.date32()),
        ("period_length", pa.string()),
        ("value", pa.float64()),
        ("margin", pa.float64()),
        ("sample_size", pa.int64()),
        ("line", pa.int64()),
    ]
)


_LENGTHS = {length.value: length for length in PeriodLength}


@dataclass(frozen=True)
class ObservationBatch:
    """Observations as columns; ``table`` follows :data:`OBSERVATION_SCHEMA`."""

    table: Any = field(default_factory=OBSERVATION_SCHEMA.empty_table)

    @classmethod
    def from_records(cls, records: Sequence[ObservationRecord]) -> ObservationBatch:
        """Build a batch from records (the row-by-row readers use this)."""
        columns: dict[str, list[object]] = {name: [] for name in OBSERVATION_SCHEMA.names}
        for record in records:
            columns["measure_code"].append(record.measure_code)
            columns["area_code"].append(record.area_code)
            columns["period_start"].append(record.period_start)
            columns["period_length"].append(str(record.period_length))
            columns["value"].append(record.value)
            columns["margin"].append(record.margin)
            columns["sample_size"].append(record.sample_size)
            columns["line"].append(record.line)
        return cls(pa.table(columns, schema=OBSERVATION_SCHEMA))

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def records(self) -> Iterator[ObservationRecord]:
        """Yield the batch as :class:`ObservationRecord` objects, in file order."""
        for batch in self.table.to_batches(max_chunksize=65536):
            columns = [batch.column(name).to_pylist() for name in OBSERVATION_SCHEMA.names]
            for measure, area, start, length, value, margin, size, line in zip(*columns, strict=True):
                yield ObservationRecord(
                    measure, area, _as_date(start), _LENGTHS[length], value, margin, size, line
                )


def _as_date(value: object) -> date:
    if not isinstance(value, date):
        raise TypeError(value)
    return value


class ErrorBuffer:
    """Collect errors: keep the first :data:`MAX_ERRORS`, count them all."""

    def __init__(self) -> None:
        self.kept: list[ParseError] = []
        self.count = 0

    def add(self, error: ParseError) -> None:
        """Count ``error`` and keep it while fewer than :data:`MAX_ERRORS` are kept."""
        self.count += 1
        if len(self.kept) < MAX_ERRORS:
            self.kept.append(error)

    def extend(self, errors: Iterable[ParseError]) -> None:
        """Add every error of ``errors``."""
        for error in errors:
            self.add(error)


@dataclass(frozen=True)
class Chunk:
    """The records and problems of one block of a file, in file order."""

    observations: ObservationBatch = field(default_factory=ObservationBatch)
    areas: tuple[AreaRecord, ...] = ()
    measures: tuple[MeasureRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    errors: tuple[ParseError, ...] = ()
    error_count: int = 0
    warnings: tuple[ParseError, ...] = ()
    rows_read: int = 0
    encoding: str = ""


def error_chunk(errors: Sequence[ParseError], *, rows_read: int = 0, encoding: str = "") -> Chunk:
    """Return a chunk that only reports ``errors``."""
    return Chunk(
        errors=tuple(errors[:MAX_ERRORS]), error_count=len(errors), rows_read=rows_read, encoding=encoding
    )


def collect(file: str, format_name: str, chunks: Iterable[Chunk]) -> ParseResult:
    """Gather a chunk stream into one :class:`ParseResult` (for files that fit in memory)."""
    areas: list[AreaRecord] = []
    measures: list[MeasureRecord] = []
    observations: list[ObservationRecord] = []
    events: list[EventRecord] = []
    warnings = ErrorBuffer()
    errors = ErrorBuffer()
    rows_read = 0
    encoding = ""
    for chunk in chunks:
        areas.extend(chunk.areas)
        measures.extend(chunk.measures)
        observations.extend(chunk.observations.records())
        events.extend(chunk.events)
        warnings.extend(chunk.warnings)
        errors.extend(chunk.errors)
        errors.count += chunk.error_count - len(chunk.errors)
        rows_read += chunk.rows_read
        encoding = encoding or chunk.encoding
    return ParseResult(
        file=file,
        format=format_name,
        areas=tuple(areas),
        measures=tuple(measures),
        observations=tuple(observations),
        events=tuple(events),
        errors=tuple(errors.kept),
        error_count=errors.count,
        warnings=tuple(warnings.kept),
        rows_read=rows_read,
        encoding=encoding,
    )
