# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Row-by-row reading into chunks: the path every format has, and the only one for small files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from kompas.sources.reading.cells import Row
from kompas.sources.reading.chunks import Chunk, ErrorBuffer, ObservationBatch
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.records import AreaRecord, EventRecord, ObservationRecord, ParseError

Record = ObservationRecord | EventRecord | AreaRecord
RowParser = Callable[[Row], tuple[Sequence[Record], Sequence[ParseError]]]
CHUNK_ROWS = 50_000


class _Pending:
    def __init__(self) -> None:
        self.observations: list[ObservationRecord] = []
        self.events: list[EventRecord] = []
        self.areas: list[AreaRecord] = []
        self.errors = ErrorBuffer()
        self.rows = 0

    def add(self, records: Sequence[Record]) -> None:
        for record in records:
            if isinstance(record, ObservationRecord):
                self.observations.append(record)
            elif isinstance(record, EventRecord):
                self.events.append(record)
            else:
                self.areas.append(record)

    def chunk(self, encoding: str) -> Chunk:
        return Chunk(
            observations=ObservationBatch.from_records(self.observations),
            events=tuple(self.events),
            areas=tuple(self.areas),
            errors=tuple(self.errors.kept),
            error_count=self.errors.count,
            rows_read=self.rows,
            encoding=encoding,
        )


def stream_rows(
    rows: Iterable[Row | list[ParseError]],
    parse_row: RowParser,
    *,
    encoding: str,
    tracker: KeyTracker | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[Chunk]:
    """Parse ``rows`` with ``parse_row`` and yield a chunk per ``chunk_rows`` rows.

    ``rows`` holds rows or the errors that made a row unreadable; with a ``tracker`` a final chunk
    reports every repeated (measure, area, period) key.
    """
    pending = _Pending()
    for row in rows:
        pending.rows += 1
        if isinstance(row, list):
            pending.errors.extend(row)
        else:
            records, errors = parse_row(row)
            pending.add(records)
            pending.errors.extend(errors)
        if pending.rows >= chunk_rows:
            yield _emit(pending.chunk(encoding), tracker)
            pending = _Pending()
    yield _emit(pending.chunk(encoding), tracker)
    if tracker is not None:
        errors, count = tracker.errors()
        yield Chunk(errors=tuple(errors), error_count=count, encoding=encoding)


def _emit(chunk: Chunk, tracker: KeyTracker | None) -> Chunk:
    if tracker is not None:
        tracker.add(chunk.observations)
    return chunk
