# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Repeated keys: a file may hold one value per measure, area and period, also at 10⁷ rows.

Each key is packed into one unsigned 64-bit integer (measure 16 bits, area 24 bits, period length
3 bits, first day 21 bits), so a whole national file costs 12 bytes per row and one sort.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from django.utils.translation import gettext as _

from kompas.observations.periods import OBSERVED
from kompas.sources.reading.chunks import ObservationBatch
from kompas.sources.records import MAX_ERRORS, ParseError, dutch_int

_LENGTHS = {length.value: index for index, length in enumerate(OBSERVED)}
_EPOCH = date(1900, 1, 1)
_EPOCH_OFFSET = (_EPOCH - date(1970, 1, 1)).days


class KeyTracker:
    """Remember the (measure, area, period) key and line of every observation of one file."""

    def __init__(self, file: str, columns: str) -> None:
        self.file = file
        self.columns = columns
        self.measures: dict[str, int] = {}
        self.areas: dict[str, int] = {}
        self.keys: list[np.ndarray] = []
        self.lines: list[np.ndarray] = []

    def add(self, batch: ObservationBatch) -> None:
        """Remember the keys of every observation in ``batch``."""
        table = batch.table
        if table.num_rows == 0:
            return
        measure = self._ids(table.column("measure_code"), self.measures)
        area = self._ids(table.column("area_code"), self.areas)
        length = self._ids(table.column("period_length"), _LENGTHS)
        days = pc.cast(table.column("period_start"), pa.int32()).to_numpy().astype(np.int64) - _EPOCH_OFFSET
        keys = (measure << np.uint64(48)) | (area << np.uint64(24)) | (length << np.uint64(21))
        self.keys.append(keys | days.astype(np.uint64))
        self.lines.append(table.column("line").to_numpy().astype(np.int64))

    @staticmethod
    def _ids(column: pa.ChunkedArray, ids: dict[str, int]) -> np.ndarray:
        encoded = column.combine_chunks().dictionary_encode()
        local = np.array(
            [ids.setdefault(str(value), len(ids)) for value in encoded.dictionary.to_pylist()],
            dtype=np.uint64,
        )
        return local[encoded.indices.to_numpy(zero_copy_only=False)] if len(local) else np.zeros(0, np.uint64)

    def errors(self) -> tuple[list[ParseError], int]:
        """Return errors for repeated keys (the first 1.000, at the later line) and their count."""
        if not self.keys:
            return [], 0
        keys, lines = np.concatenate(self.keys), np.concatenate(self.lines)
        order = np.lexsort((lines, keys))
        keys, lines = keys[order], lines[order]
        repeated = np.flatnonzero(keys[1:] == keys[:-1]) + 1
        if not len(repeated):
            return [], 0
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        first_of = lines[starts[np.searchsorted(starts, repeated, side="right") - 1]]
        shown = np.argsort(lines[repeated], kind="stable")[:MAX_ERRORS]
        names = _Names(self.measures, self.areas)
        errors = [
            self._error(names, int(keys[repeated[i]]), int(lines[repeated[i]]), int(first_of[i]))
            for i in shown
        ]
        return errors, len(repeated)

    def _error(self, names: _Names, key: int, line: int, first: int) -> ParseError:
        return ParseError(
            self.file,
            line,
            self.columns,
            names.describe(key),
            _("één waarde per maatstaf, gebied en periode"),
            _("komt dubbel voor (ook op regel %(line)s)") % {"line": dutch_int(first)},
        )


class _Names:
    def __init__(self, measures: dict[str, int], areas: dict[str, int]) -> None:
        self.measures = {number: name for name, number in measures.items()}
        self.areas = {number: name for name, number in areas.items()}
        self.lengths = {number: name for name, number in _LENGTHS.items()}

    def describe(self, key: int) -> str:
        measure = self.measures.get(key >> 48, "?")
        area = self.areas.get((key >> 24) & 0xFFFFFF, "?")
        length = self.lengths.get((key >> 21) & 0x7, "?")
        start = _EPOCH + timedelta(days=key & 0x1FFFFF)
        return f"{measure}, {area}, {length} {start.isoformat()}"
