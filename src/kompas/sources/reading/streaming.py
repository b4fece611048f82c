# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Row-by-row reading into chunks: the path every format has, and the only one for small files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompas.sources.reading.cells import Row
from kompas.sources.reading.chunks import Chunk, ErrorBuffer, ObservationBatch
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.numbers import MARKER_MEANINGS, MISSING
from kompas.sources.records import AreaRecord, EventRecord, ObservationRecord, ParseError, dutch_int

MARKERS = MISSING - {""}

Record = ObservationRecord | EventRecord | AreaRecord
# A row parser returns the row's records and errors, or None for a row skipped on purpose.
RowParser = Callable[[Row], tuple[Sequence[Record], Sequence[ParseError]] | None]
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
    missing: frozenset[str] = frozenset(),
) -> Iterator[Chunk]:
    """Parse ``rows`` with ``parse_row`` and yield a chunk per ``chunk_rows`` rows.

    ``rows`` holds rows or the errors that made a row unreadable; with a ``tracker`` a final chunk
    reports every repeated (measure, area, period) key. Cells holding a marker of a missing value
    (``.``, ``x``, or one of ``missing``) are counted per column and reported as warnings: a
    missing value is never silent.
    """
    pending = _Pending()
    markers = MissingMarkers(MARKERS | missing)
    for row in rows:
        pending.rows += 1
        if isinstance(row, list):
            pending.errors.extend(row)
        else:
            parsed = parse_row(row)
            if parsed is not None:  # None: a row skipped on purpose, its markers not counted
                markers.count(row)
                records, errors = parsed
                pending.add(records)
                pending.errors.extend(errors)
        if pending.rows >= chunk_rows:
            yield _emit(pending.chunk(encoding), tracker)
            pending = _Pending()
    yield _emit(pending.chunk(encoding), tracker)
    if tracker is not None:
        errors, count = tracker.errors()
        yield Chunk(errors=tuple(errors), error_count=count, encoding=encoding)
    if markers.found:
        yield Chunk(warnings=tuple(markers.warnings()), encoding=encoding)


class MissingMarkers:
    """Count, per column, the cells that hold a marker of a missing value."""

    def __init__(self, markers: frozenset[str]) -> None:
        self.markers = markers
        self.width = max((len(marker) for marker in markers), default=0) + 2
        self.found: Counter[tuple[int, str]] = Counter()
        self.file = ""
        self.header: Sequence[str] = ()

    def count(self, row: Row) -> None:
        """Count the markers in ``row``."""
        for index, text in enumerate(row.fields):
            if text and len(text) <= self.width and text.strip() in self.markers:
                if not self.found:
                    self.file, self.header = row.file, row.header
                self.found[index, text.strip()] += 1

    def warnings(self) -> list[ParseError]:
        """Return one warning per column and marker, with its count and CBS meaning."""
        found = []
        for (index, marker), cells in sorted(self.found.items()):
            column = self.header[index] if index < len(self.header) else str(index + 1)
            meaning = MARKER_MEANINGS.get(marker)
            problem = ngettext(
                "staat in %(cells)s cel en is gelezen als geen waarde",
                "staat in %(cells)s cellen en is gelezen als geen waarde",
                cells,
            ) % {"cells": dutch_int(cells)}
            if meaning:
                problem += _(" (bij CBS: %(meaning)s)") % {"meaning": meaning}
            found.append(ParseError(self.file, 0, column, marker, "", problem))
        return found


def _emit(chunk: Chunk, tracker: KeyTracker | None) -> Chunk:
    if tracker is not None:
        tracker.add(chunk.observations)
    return chunk
