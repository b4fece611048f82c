# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Observations waiting to be written: a whole file's values as compact numpy columns.

A file is checked completely before anything is written, so its values wait in memory. Codes
become small integers and dates day numbers: a national file of 10⁷ values takes about 300 MB
here instead of gigabytes of Python objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kompas.observations.periods import OBSERVED

LENGTHS: tuple[str, ...] = tuple(length.value for length in OBSERVED)
LENGTH_CODES = pa.array(LENGTHS)


@dataclass(frozen=True)
class Part:
    """One chunk of values. ``margin`` and ``sample_size`` are ``None`` when the chunk has none;
    otherwise NaN marks an absent margin or sample size."""

    measure: np.ndarray  # int32: index into ObservationStage.measure_codes
    area: np.ndarray  # int32: index into ObservationStage.area_codes
    day: np.ndarray  # int32: days since 1970-01-01 of period_start
    length: np.ndarray  # int8: index into LENGTHS
    value: np.ndarray  # float64
    margin: np.ndarray | None  # float64
    sample_size: np.ndarray | None  # float64

    def __len__(self) -> int:
        return len(self.value)

    def years(self) -> np.ndarray:
        """Return the calendar year of each period start."""
        return self.day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


class ObservationStage:
    """The values of one file in file order, with the codes they use and where each first appears."""

    def __init__(self) -> None:
        self.measure_codes: list[str] = []
        self.area_codes: list[str] = []
        self.area_first_line: list[int] = []
        self._measures: dict[str, int] = {}
        self._areas: dict[str, int] = {}
        self.parts: list[Part] = []

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)

    def __iter__(self) -> Iterator[Part]:
        return iter(self.parts)

    def add(self, table: pa.Table) -> None:
        """Add a chunk with the columns measure_code, area_code, period_start (date32),
        period_length, value, margin, sample_size and line."""
        rows = table.num_rows
        if rows == 0:
            return
        lines = table.column("line").to_numpy()
        measure = self._indexes(table.column("measure_code"), self._measures, self.measure_codes, None)
        area = self._indexes(table.column("area_code"), self._areas, self.area_codes, lines)
        length = pc.index_in(table.column("period_length"), value_set=LENGTH_CODES)
        if length.null_count:
            raise ValueError(table.column("period_length").filter(pc.is_null(length))[0])
        self.parts.append(
            Part(
                measure=measure,
                area=area,
                day=pc.cast(table.column("period_start"), pa.int32()).to_numpy().astype(np.int32),
                length=length.to_numpy(zero_copy_only=False).astype(np.int8),
                value=table.column("value").to_numpy(zero_copy_only=False).astype(np.float64),
                margin=_optional(table.column("margin")),
                sample_size=_optional(table.column("sample_size")),
            )
        )

    def _indexes(
        self, column: pa.ChunkedArray, known: dict[str, int], codes: list[str], lines: np.ndarray | None
    ) -> np.ndarray:
        encoded = column.combine_chunks().dictionary_encode()
        local = encoded.indices.to_numpy(zero_copy_only=False)
        mapping = np.empty(len(encoded.dictionary), dtype=np.int32)
        new: list[int] = []
        for position, code in enumerate(encoded.dictionary.to_pylist()):
            if code not in known:
                known[code] = len(codes)
                codes.append(code)
                new.append(position)
            mapping[position] = known[code]
        if lines is not None and new:
            _unique, first = np.unique(local, return_index=True)
            first_of = dict(zip(_unique.tolist(), first.tolist(), strict=True))
            self.area_first_line += [int(lines[first_of[position]]) for position in new]
        indexes: np.ndarray = mapping[local].astype(np.int32)
        return indexes

    def first_years(self, area_codes: set[str]) -> dict[str, int]:
        """Return the first year any value refers to each of ``area_codes``."""
        wanted = np.array([code in area_codes for code in self.area_codes], dtype=bool)
        first = np.full(len(self.area_codes), np.iinfo(np.int64).max, dtype=np.int64)
        for part in self.parts:
            selected = wanted[part.area]
            np.minimum.at(first, part.area[selected], part.years()[selected])
        never = np.iinfo(np.int64).max
        return {
            code: int(first[index])
            for index, code in enumerate(self.area_codes)
            if wanted[index] and first[index] != never
        }

    def release(self) -> None:
        """Drop the values (after the writer has copied them); the codes and first lines stay."""
        self.parts = []


def _optional(column: pa.ChunkedArray) -> np.ndarray | None:
    if column.null_count == len(column):
        return None
    values: np.ndarray = pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64)
    return values
