# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Writing one import's measures and values: insert new, replace changed (with history), keep equal.

Every function here runs inside the import's transaction; none commits. A value is identified by
measure × area version × period (start and length) × owner: the shared value of open data (owner
``None``, written only by the operator) or an organisation's own (ADR 0011). Writing addresses
the exact rows of one owner, so it reads through the base manager, not through what a reader of
some organisation sees. A value already stored with the same
number, margin and sample size is *unchanged* and keeps the import run that brought it; a
different one is replaced and the old numbers are kept as an :class:`ObservationChange`.

The comparison works on whole columns: each key is packed into one unsigned 64-bit integer
(measure 16 bits, area 24 bits, period length 3 bits, first day 21 bits), the stored keys are
sorted once and the file's keys are looked up with a binary search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pyarrow as pa
from django.db.models import Q

from kompas.areas.queries import AreaIndex
from kompas.dbstats import refresh_statistics
from kompas.observations import bulk
from kompas.observations.models import Measure, Observation, ObservationChange
from kompas.observations.stage import LENGTH_CODES, LENGTHS, ObservationStage, Part

MEASURE_FIELDS = ("name", "unit", "source", "licence", "definition")
_DAY_OFFSET = 25_567  # days from 1900-01-01 to 1970-01-01: keys count days from 1900
_EPOCH = dt.date(1970, 1, 1)
INSERT_ROWS = 1_000_000
Progress = Callable[[int], None]


class MeasureInput(Protocol):
    """A measure as a file describes it (:class:`kompas.sources.records.MeasureRecord` fits)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def licence(self) -> str: ...
    @property
    def definition(self) -> str: ...


@dataclass(frozen=True)
class UpsertResult:
    """How many values were new, replaced or already stored as they are."""

    loaded: int
    changed: int
    unchanged: int


def measures_owned_elsewhere(codes: Iterable[str], organisation_id: int | None) -> dict[str, int | None]:
    """Return the stored measures among ``codes`` that belong to another organisation, with it.

    ``organisation_id`` ``None`` stands for the operator writing open data, who may not write
    values of any organisation's measure. An organisation may write its own measures and its
    own figures for open data measures (they never replace the shared values), never values of
    another organisation's measure.
    """
    owners = Measure._base_manager.filter(code__in=list(codes)).values_list("code", "organisation_id")
    return {code: owner for code, owner in owners if owner is not None and owner != organisation_id}


def open_measures(codes: Iterable[str]) -> set[str]:
    """Return the codes among ``codes`` of stored open data measures (no organisation)."""
    rows = Measure._base_manager.filter(code__in=list(codes), organisation__isnull=True)
    return set(rows.values_list("code", flat=True))


def save_measures(
    records: Iterable[MeasureInput], codes: Iterable[str], *, organisation_id: int | None
) -> dict[str, int]:
    """Create or update the measures ``codes`` from ``records``; return their ids by code.

    A code without a record keeps its stored description, or is created with its code as name.
    Only the owner changes a description: an organisation's file leaves an open data measure as
    the operator described it.
    """
    described = {record.code: record for record in records}
    wanted = set(codes) | set(described)
    stored = {measure.code: measure for measure in Measure._base_manager.filter(code__in=list(wanted))}
    changed = []
    for code, record in described.items():
        measure = stored.get(code)
        if measure is None or measure.organisation_id != organisation_id:
            continue
        new = _described(record)
        if any(getattr(measure, name) != value for name, value in new.items()):
            for name, value in new.items():
                setattr(measure, name, value)
            changed.append(measure)
    Measure._base_manager.bulk_update(changed, list(MEASURE_FIELDS))
    created = [_new_measure(code, described.get(code), organisation_id) for code in wanted - stored.keys()]
    Measure._base_manager.bulk_create(created)
    return dict(Measure._base_manager.filter(code__in=list(wanted)).values_list("code", "id"))


def _described(record: MeasureInput) -> dict[str, str]:
    # No database text type holds NUL characters.
    return {name: str(getattr(record, name)).replace("\x00", "\ufffd") for name in MEASURE_FIELDS}


def _new_measure(code: str, record: MeasureInput | None, organisation_id: int | None) -> Measure:
    values = _described(record) if record else {"name": code}
    return Measure(code=code, organisation_id=organisation_id, **values)


@dataclass(frozen=True)
class _Columns:
    """The staged values as one column each, in stage order, with their resolved area ids."""

    measure: np.ndarray
    area_id: np.ndarray
    day: np.ndarray
    length: np.ndarray
    value: np.ndarray
    margin: np.ndarray  # NaN: no margin
    sample_size: np.ndarray  # NaN: no sample size

    @classmethod
    def of(cls, stage: ObservationStage, area_ids: list[np.ndarray]) -> _Columns:
        parts = stage.parts
        return cls(
            measure=np.concatenate([part.measure for part in parts]),
            area_id=np.concatenate(area_ids),
            day=np.concatenate([part.day for part in parts]),
            length=np.concatenate([part.length for part in parts]),
            value=_concat(stage, "value"),
            margin=_concat(stage, "margin"),
            sample_size=_concat(stage, "sample_size"),
        )


def upsert_observations(
    stage: ObservationStage,
    *,
    measure_ids: Mapping[str, int],
    areas: AreaIndex,
    import_run_id: int,
    organisation_id: int | None = None,
    progress: Progress | None = None,
) -> UpsertResult:
    """Write the staged values of one import run as ``organisation_id``'s (None: shared open data)."""
    if not len(stage):
        return UpsertResult(0, 0, 0)
    measure_lut = np.array([measure_ids[code] for code in stage.measure_codes], dtype=np.int64)
    single = np.array([areas.single(code) or -1 for code in stage.area_codes], dtype=np.int64)
    columns = _Columns.of(stage, [_area_ids(stage, part, single, areas) for part in stage])
    universe = np.unique(columns.area_id)
    keys = pack(columns.measure, np.searchsorted(universe, columns.area_id), columns.length, columns.day)
    stage.release()  # the values live on in ``columns``; a national file would otherwise be held twice
    days = (int(columns.day.min()), int(columns.day.max()))
    stored = _Stored.load(days, measure_lut, universe, organisation_id)
    position = stored.find(keys)
    found = position >= 0
    changed = np.zeros(len(keys), dtype=bool)
    changed[found] = ~(
        (stored.value[position[found]] == columns.value[found])
        & _same(stored.margin[position[found]], columns.margin[found])
        & _same(stored.sample_size[position[found]], columns.sample_size[found])
    )
    if progress is not None:
        progress(int(found.sum()))
    owner = _Owner(import_run_id, organisation_id)
    loaded = _insert_new(columns, keys, ~found, measure_lut, owner, progress)
    _replace_changed(stored, position[changed], columns, changed, import_run_id)
    refresh_statistics([Observation, Measure], loaded + int(changed.sum()))
    return UpsertResult(loaded, int(changed.sum()), int(found.sum() - changed.sum()))


def _area_ids(stage: ObservationStage, part: Part, single: np.ndarray, areas: AreaIndex) -> np.ndarray:
    ids = single[part.area]
    several = np.flatnonzero(ids < 0)
    if len(several):
        years = part.years()[several]
        for index, code_index, year in zip(
            several.tolist(), part.area[several].tolist(), years.tolist(), strict=True
        ):
            pk = areas.resolve(stage.area_codes[code_index], year)
            if pk is None:
                raise LookupError(stage.area_codes[code_index])
            ids[index] = pk
    resolved: np.ndarray = ids
    return resolved


def pack(measure: np.ndarray, area: np.ndarray, length: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Pack measure index, area index, period length index and start day into one uint64 key."""
    keys: np.ndarray = (
        (measure.astype(np.uint64) << np.uint64(48))
        | (area.astype(np.uint64) << np.uint64(24))
        | (length.astype(np.uint64) << np.uint64(21))
        | (day.astype(np.int64) + _DAY_OFFSET).astype(np.uint64)
    )
    return keys


def _concat(stage: ObservationStage, name: str) -> np.ndarray:
    columns = []
    for part in stage:
        column = getattr(part, name)
        columns.append(column if column is not None else np.full(len(part), np.nan))
    joined: np.ndarray = np.concatenate(columns)
    return joined


def _same(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    same: np.ndarray = (left == right) | (np.isnan(left) & np.isnan(right))
    return same


class _Stored:
    """The stored rows of the file's measures within its period range, as sorted key columns."""

    def __init__(self, keys: np.ndarray, ids: np.ndarray, columns: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        self.keys, self.ids = keys[order], ids[order]
        self.value, self.margin, self.sample_size, self.import_run = columns[:, order]

    @classmethod
    def load(
        cls, days: tuple[int, int], measure_lut: np.ndarray, universe: np.ndarray, organisation_id: int | None
    ) -> _Stored:
        first, last = days
        owner = (
            Q(organisation__isnull=True) if organisation_id is None else Q(organisation_id=organisation_id)
        )
        rows = Observation._base_manager.filter(
            owner,
            measure_id__in=measure_lut.tolist(),
            period_start__gte=np.datetime64(first, "D").item(),
            period_start__lte=np.datetime64(last, "D").item(),
        )
        measure_index = {int(pk): index for index, pk in enumerate(measure_lut.tolist())}
        keys, ids, columns = [], [], []
        fields = (
            "id",
            "measure_id",
            "area_id",
            "period_start",
            "period_length",
            "value",
            "margin",
            "sample_size",
            "import_run_id",
        )
        for batch in bulk.fetch_rows(rows, fields):
            found = _stored_batch(batch, measure_index, universe)
            if found is not None:
                keys.append(found[0])
                ids.append(found[1])
                columns.append(found[2])
        if not keys:
            return cls(np.zeros(0, np.uint64), np.zeros(0, np.int64), np.zeros((4, 0)))
        return cls(np.concatenate(keys), np.concatenate(ids), np.concatenate(columns, axis=1))

    def find(self, keys: np.ndarray) -> np.ndarray:
        """Return the position of each key among the stored rows, -1 where it is not stored."""
        if not len(self.keys):
            return np.full(len(keys), -1, dtype=np.int64)
        position = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[position] == keys, position, -1)


def _stored_batch(
    batch: list[tuple[object, ...]], measure_index: dict[int, int], universe: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    ids, measures, areas, starts, lengths, values, margins, sizes, runs = zip(*batch, strict=True)
    area = np.array(areas, dtype=np.int64)
    position = np.minimum(np.searchsorted(universe, area), len(universe) - 1)
    keep = universe[position] == area
    if not keep.any():
        return None
    days = {start: (bulk.as_date(start) - _EPOCH).days for start in set(starts)}
    length_index = {name: index for index, name in enumerate(LENGTHS)}
    key = pack(
        np.array([measure_index[int(m)] for m in measures]),
        position,
        np.array([length_index[str(length)] for length in lengths]),
        np.array([days[start] for start in starts]),
    )
    columns = np.array(
        [
            values,
            [np.nan if m is None else m for m in margins],
            [np.nan if s is None else s for s in sizes],
            [np.nan if r is None else r for r in runs],
        ],
        dtype=np.float64,
    )
    return key[keep], np.array(ids, dtype=np.int64)[keep], columns[:, keep]


@dataclass(frozen=True)
class _Owner:
    """The run that writes the rows and the organisation they belong to (None: shared)."""

    import_run_id: int
    organisation_id: int | None


def _insert_new(
    columns: _Columns,
    keys: np.ndarray,
    new: np.ndarray,
    measure_lut: np.ndarray,
    owner: _Owner,
    progress: Progress | None,
) -> int:
    """Insert the new rows in key order: B-tree indexes fill far faster than in file order."""
    rows = np.flatnonzero(new)
    rows = rows[np.argsort(keys[rows], kind="stable")]
    for start in range(0, len(rows), INSERT_ROWS):
        selected = rows[start : start + INSERT_ROWS]
        bulk.insert_table(Observation, _new_rows(columns, selected, measure_lut, owner))
        if progress is not None:
            progress(len(selected))
    return len(rows)


def _new_rows(columns: _Columns, rows: np.ndarray, measure_lut: np.ndarray, owner: _Owner) -> pa.Table:
    organisation = (
        pa.nulls(len(rows), pa.int64())
        if owner.organisation_id is None
        else pa.array(np.full(len(rows), owner.organisation_id, dtype=np.int64))
    )
    return pa.table(
        {
            "measure_id": pa.array(measure_lut[columns.measure[rows]]),
            "area_id": pa.array(columns.area_id[rows]),
            "period_start": pa.array(columns.day[rows], pa.int32()).cast(pa.date32()),
            "period_length": LENGTH_CODES.take(pa.array(columns.length[rows])),
            "value": pa.array(columns.value[rows]),
            "margin": _nullable(columns.margin[rows], pa.float64()),
            "sample_size": _nullable(columns.sample_size[rows], pa.int64()),
            "import_run_id": pa.array(np.full(len(rows), owner.import_run_id, dtype=np.int64)),
            "organisation_id": organisation,
        }
    )


def _nullable(column: np.ndarray, kind: pa.DataType) -> pa.Array:
    if np.isnan(column).all():
        return pa.nulls(len(column), kind)
    return pa.array(column, from_pandas=True).cast(kind)


def _replace_changed(
    stored: _Stored, position: np.ndarray, columns: _Columns, changed: np.ndarray, import_run_id: int
) -> None:
    if not len(position):
        return
    ids = stored.ids[position]
    values, margins, sizes = columns.value[changed], columns.margin[changed], columns.sample_size[changed]
    bulk.update_rows(
        Observation,
        ["value", "margin", "sample_size", "import_run_id"],
        [
            (float(value), _none(margin), None if np.isnan(size) else int(size), import_run_id, int(pk))
            for value, margin, size, pk in zip(values, margins, sizes, ids, strict=True)
        ],
    )
    bulk.insert_table(
        ObservationChange,
        pa.table(
            {
                "observation_id": pa.array(ids),
                "import_run_id": pa.array(np.full(len(ids), import_run_id, dtype=np.int64)),
                "old_value": pa.array(stored.value[position]),
                "new_value": pa.array(values),
                "old_margin": pa.array(stored.margin[position], from_pandas=True),
                "new_margin": pa.array(margins, from_pandas=True),
                "old_sample_size": _nullable(stored.sample_size[position], pa.int64()),
                "new_sample_size": _nullable(sizes, pa.int64()),
                "old_import_run_id": _nullable(stored.import_run[position], pa.int64()),
            }
        ),
    )


def _none(value: float) -> float | None:
    return None if np.isnan(value) else float(value)
