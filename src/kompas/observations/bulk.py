# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Moving millions of rows between column tables and the database without a model per row.

Inserting is PostgreSQL ``COPY … FROM STDIN (FORMAT csv)`` there and a parameterised
``INSERT`` run with ``executemany`` on every other database (SQLite); both paths run in the
caller's transaction and are tested on both databases. Updates and reads use plain SQL that
every database speaks.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from django.db import connection, models

INSERT_BATCH = 50_000
COPY_BATCH = 1_000_000
FETCH_BATCH = 100_000


def _table_sql(model: type[models.Model], columns: Sequence[str]) -> tuple[str, str]:
    quote = connection.ops.quote_name
    return quote(model._meta.db_table), ", ".join(quote(column) for column in columns)


def insert_table(model: type[models.Model], table: pa.Table) -> int:
    """Insert every row of ``table`` (column names are the model's database columns).

    Nulls in ``table`` become NULL. Returns the number of rows inserted.
    """
    if table.num_rows == 0:
        return 0
    if connection.vendor == "postgresql":
        return _copy(model, table)
    return _executemany(model, table)


def _copy(model: type[models.Model], table: pa.Table) -> int:
    name, columns = _table_sql(model, table.column_names)
    options = pacsv.WriteOptions(include_header=False, quoting_style="needed")
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no copy()
        with raw.copy(f"COPY {name} ({columns}) FROM STDIN (FORMAT csv)") as copy:
            for start in range(0, table.num_rows, COPY_BATCH):
                buffer = io.BytesIO()
                pacsv.write_csv(table.slice(start, COPY_BATCH), buffer, write_options=options)
                copy.write(buffer.getbuffer())
    return int(table.num_rows)


def _executemany(model: type[models.Model], table: pa.Table) -> int:
    name, columns = _table_sql(model, table.column_names)
    placeholders = ", ".join(["%s"] * table.num_columns)
    sql = f"INSERT INTO {name} ({columns}) VALUES ({placeholders})"  # noqa: S608 -- names come from the model
    with connection.cursor() as cursor:
        for start in range(0, table.num_rows, INSERT_BATCH):
            part = table.slice(start, INSERT_BATCH)
            columns_data = [_python(part.column(i)) for i in range(part.num_columns)]
            rows: list[Any] = list(zip(*columns_data, strict=True))
            cursor.executemany(sql, rows)
    return int(table.num_rows)


def _python(column: pa.ChunkedArray) -> list[Any]:
    # Dates travel as ISO text: what SQLite stores, and far cheaper than date objects.
    if pa.types.is_date(column.type):
        return pc.cast(column, pa.string()).to_pylist()  # type: ignore[no-any-return]  # pyarrow is untyped
    return column.to_pylist()  # type: ignore[no-any-return]  # pyarrow is untyped


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Insert Python rows (dates and aware datetimes allowed) into ``columns`` of ``model``'s table."""
    if not rows:
        return 0
    name, names = _table_sql(model, columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return len(rows)
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {name} ({names}) VALUES ({placeholders})"  # noqa: S608 -- names come from the model
        for start in range(0, len(rows), INSERT_BATCH):
            cursor.executemany(
                sql, [[_adapt(value) for value in row] for row in rows[start : start + INSERT_BATCH]]
            )
    return len(rows)


def _adapt(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, dt.date):
        return connection.ops.adapt_datefield_value(value)
    return value


def update_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Set ``columns`` of rows by primary key; each row holds the new values, then the key."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    name = quote(model._meta.db_table)
    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
    key = quote(str(model._meta.pk.column))
    sql = f"UPDATE {name} SET {assignments} WHERE {key} = %s"  # noqa: S608 -- names come from the model
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_BATCH):
            cursor.executemany(sql, rows[start : start + INSERT_BATCH])
    return len(rows)


def fetch_rows(queryset: models.QuerySet[Any], fields: Sequence[str]) -> Iterator[list[tuple[Any, ...]]]:
    """Yield the ``fields`` of the rows of ``queryset`` in batches of plain database values.

    Values are what the driver returns, without Django's per-row conversion: dates may be
    ``datetime.date`` or ISO text (see :func:`as_date`).
    """
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(FETCH_BATCH):
            yield rows


def as_date(value: object) -> dt.date:
    """Return a database date value (``date`` or ISO text) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
