# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Writing results in bulk: millions of value rows without building model instances.

Rows go in with one parameterised ``INSERT`` per block through Django's database cursor; the
statement is built from the model's own table and column names, so it is the same standard SQL
on SQLite and PostgreSQL. Values are prepared for the database by the model fields themselves
(dates, JSON), once per distinct value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np
import numpy.typing as npt
import pandas as pd
from django.db import connection, models

from kompas.indicators.hierarchy import MONTHS_PER_YEAR, Areas
from kompas.indicators.inputs import RunBits
from kompas.indicators.models import IndicatorComparison, IndicatorTrend, IndicatorValue
from kompas.indicators.values import LENGTHS, run_columns

BLOCK_ROWS = 20_000
VALUE_FIELDS = (
    "indicator_id",
    "organisation_id",
    "area_code",
    "area_level",
    "period_start",
    "period_length",
    "value",
    "ci_low",
    "ci_high",
    "numerator",
    "denominator",
    "denominator_year",
    "n",
    "flag",
    "import_runs",
)


def insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``, already database values); return the count."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(getattr(meta.get_field(name), "column", name))) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model, values are parameters.
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    written = 0
    remaining = iter(rows)
    with connection.cursor() as cursor:
        while block := list(islice(remaining, BLOCK_ROWS)):
            cursor.executemany(sql, block)  # type: ignore[arg-type]  # values are prepared by the fields
            written += len(block)
    return written


def nullable(values: npt.NDArray[np.float64]) -> list[object]:
    """Return floats as a list with None for NaN (PostgreSQL would store NaN as a number)."""
    result = values.astype(object)
    result[~np.isfinite(values)] = None
    return list(result.tolist())


def nullable_int(values: npt.ArrayLike, missing: float = -1) -> list[object]:
    """Return whole numbers as ints, None where ``missing`` or NaN."""
    array = np.asarray(values, dtype=np.float64)
    gone = ~np.isfinite(array) | (array == missing)
    result = np.round(np.where(gone, 0, array)).astype(np.int64).astype(object)
    result[gone] = None
    return list(result.tolist())


def month_date(start: int) -> dt.date:
    """Return the first day of month index ``start`` (``year × 12 + month − 1``)."""
    return dt.date(start // MONTHS_PER_YEAR, start % MONTHS_PER_YEAR + 1, 1)


def period_dates(starts: npt.ArrayLike) -> list[object]:
    """Return month indices as database date values (one conversion per distinct month)."""
    array = np.asarray(starts, dtype=np.int64)
    distinct, position = np.unique(array, return_inverse=True)
    field = IndicatorValue._meta.get_field("period_start")
    prepared = [field.get_db_prep_save(month_date(int(start)), connection) for start in distinct]
    return [prepared[i] for i in np.asarray(position).reshape(-1)]


def run_lists(frame: pd.DataFrame, bits: RunBits | None) -> list[object]:
    """Return the import runs of each row as database JSON values."""
    field = IndicatorValue._meta.get_field("import_runs")
    if bits is None or frame.empty:
        empty = field.get_db_prep_save([], connection)
        return [empty] * len(frame)
    ids = bits.decode(frame[run_columns(bits.words)].to_numpy(dtype=np.uint64))
    cache = {key: field.get_db_prep_save(list(key), connection) for key in set(ids)}
    return [cache[key] for key in ids]


@dataclass(frozen=True)
class Labels:
    """What the ``area`` index of a frame stands for: code, level and organisation (0: shared)."""

    codes: npt.NDArray[np.object_]
    levels: npt.NDArray[np.object_]
    organisations: npt.NDArray[np.int64]


def labels_of(areas: Areas, owner: int | None) -> Labels:
    """Labels of the area indices; every row belongs to ``owner`` when the indicator has one."""
    organisations = np.full(areas.size, owner, dtype=np.int64) if owner else areas.organisations
    return Labels(areas.codes, areas.levels, organisations)


def labels_from(frame: pd.DataFrame) -> tuple[Labels, npt.NDArray[np.int64]]:
    """Index the (area_code, area_level, organisation_id) of stored rows; return labels and index."""
    keys = frame[["area_code", "area_level", "organisation_id"]].fillna({"organisation_id": 0})
    distinct = keys.drop_duplicates().reset_index(drop=True)
    position = pd.MultiIndex.from_frame(distinct).get_indexer(pd.MultiIndex.from_frame(keys))
    labels = Labels(
        distinct["area_code"].to_numpy(dtype=object),
        distinct["area_level"].to_numpy(dtype=object),
        distinct["organisation_id"].to_numpy(dtype=np.int64),
    )
    return labels, np.asarray(position, dtype=np.int64)


def write_values(frame: pd.DataFrame, *, indicator_id: int, labels: Labels, bits: RunBits | None) -> int:
    """Insert a value frame as :class:`IndicatorValue` rows.

    Rows go in ordered by period length and start, the order of the table's main index, so the
    database appends to it instead of inserting all over it.
    """
    length_codes = pd.Categorical(frame["length"], dtype=LENGTHS).codes
    frame = frame.iloc[np.lexsort((frame["area"].to_numpy(), frame["start"].to_numpy(), length_codes))]
    area = frame["area"].to_numpy(dtype=np.int64)
    columns: list[list[object]] = [
        [indicator_id] * len(frame),
        nullable_int(labels.organisations[area], missing=0),
        list(labels.codes[area]),
        list(labels.levels[area]),
        period_dates(frame["start"]),
        frame["length"].tolist(),
        nullable(frame["value"].to_numpy(dtype=np.float64)),
        nullable(frame["ci_low"].to_numpy(dtype=np.float64)),
        nullable(frame["ci_high"].to_numpy(dtype=np.float64)),
        nullable(frame["numerator"].to_numpy(dtype=np.float64)),
        nullable(frame["denominator"].to_numpy(dtype=np.float64)),
        nullable_int(frame["denominator_year"]),
        nullable_int(frame["n"]),
        frame["flag"].tolist(),
        run_lists(frame, bits),
    ]
    return insert(IndicatorValue, VALUE_FIELDS, zip(*columns, strict=True))


def write_trends(frame: pd.DataFrame, *, indicator_id: int, labels: Labels) -> int:
    """Insert a trend frame (:data:`kompas.indicators.area_trends.TREND_COLUMNS`)."""
    area = frame["area"].to_numpy(dtype=np.int64)
    fields = (
        "indicator_id", "organisation_id", "area_code", "area_level", "period_length", "first_period",
        "last_period", "n_periods", "method", "pct_per_year", "ci_low", "ci_high", "p_value",
        "pearson_ratio", "difference", "combined_margin", "exceeds_margin",
    )  # fmt: skip
    columns: list[list[object]] = [
        [indicator_id] * len(frame),
        nullable_int(labels.organisations[area], missing=0),
        list(labels.codes[area]),
        list(labels.levels[area]),
        frame["length"].tolist(),
        period_dates(frame["first_start"]),
        period_dates(frame["last_start"]),
        nullable_int(frame["n_periods"]),
        frame["method"].tolist(),
        *(
            nullable(frame[name].to_numpy(dtype=np.float64))
            for name in (
                "pct_per_year",
                "ci_low",
                "ci_high",
                "p_value",
                "pearson_ratio",
                "difference",
                "combined_margin",
            )
        ),
        [None if value is None or value != value else bool(value) for value in frame["exceeds_margin"]],
    ]
    return insert(IndicatorTrend, fields, zip(*columns, strict=True))


def write_comparisons(frame: pd.DataFrame, *, indicator_id: int, owner: int | None, areas: Areas) -> int:
    """Insert a comparison frame (:data:`kompas.indicators.compare.COMPARISON_COLUMNS`)."""
    group = frame["group"].to_numpy(dtype=np.int64)
    area = frame["area"].to_numpy(dtype=np.int64)
    org = labels_of(areas, owner).organisations[group]
    fields = (
        "indicator_id", "group_id", "organisation_id", "area_code", "period_start", "period_length", "value",
        "group_mean", "index", "clipped", "rank", "colour", "group_size",
    )  # fmt: skip
    columns: list[list[object]] = [
        [indicator_id] * len(frame),
        areas.group_ids[group - areas.first_group].tolist(),
        nullable_int(org, missing=0),
        list(areas.codes[area]),
        period_dates(frame["start"]),
        frame["length"].tolist(),
        list(frame["value"].astype(float).tolist()),
        list(frame["group_mean"].astype(float).tolist()),
        nullable(frame["index"].to_numpy(dtype=np.float64)),
        [bool(value) for value in frame["clipped"]],
        nullable(frame["rank"].to_numpy(dtype=np.float64)),
        frame["colour"].tolist(),
        list(frame["group_size"].astype(int).tolist()),
    ]
    return insert(IndicatorComparison, fields, zip(*columns, strict=True))
