# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""XLSX workbooks: one sheet per table, Dutch number formats, frozen headers, a "Bronnen" sheet."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kompas.formulas import is_formula_like
from kompas.presentation import formatting

SHEET_NAME_LIMIT = 31  # Excel's maximum sheet-name length.
FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Table:
    """A sheet: name, column headers, rows, per-column number formats and optional chart PNGs."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    number_formats: dict[str, str] = field(default_factory=dict)
    images: Sequence[bytes] = ()


@dataclass(frozen=True)
class Source:
    """One line of the "Bronnen" sheet: where data came from and how current it is."""

    name: str
    licence: str
    last_import: dt.datetime | None
    period_covered: str
    note: str = ""


def sheet_name(name: str, taken: set[str]) -> str:
    """Return a valid, unique Excel sheet name for ``name``."""
    base = name.translate(FORBIDDEN_IN_SHEET_NAMES).strip()[:SHEET_NAME_LIMIT] or "Blad"
    candidate, counter = base, 2
    while candidate.lower() in taken:
        suffix = f" ({counter})"
        candidate, counter = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, counter + 1
    taken.add(candidate.lower())
    return candidate


def _write_table(sheet: Worksheet, table: Table) -> None:
    _append(sheet, 1, list(table.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(table.rows, start=2):
        _append(sheet, number, [_cell_value(value) for value in row])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(60, len(str(column)) + 4))
        number_format = table.number_formats.get(str(column))
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    sheet.freeze_panes = "A2"
    anchor_column = get_column_letter(len(table.columns) + 2)
    for offset, png in enumerate(table.images):
        sheet.add_image(Image(io.BytesIO(png)), f"{anchor_column}{1 + offset * 25}")


def _append(sheet: Worksheet, number: int, values: list[object]) -> None:
    """Append row ``number``; formula-like text stays text (:mod:`kompas.formulas`).

    openpyxl writes text starting with ``=`` as a live formula. The quote prefix is Excel's own
    mark for "text, even if it looks like a formula": the reader sees the text without an
    apostrophe, and it stays text when edited.
    """
    sheet.append(values)
    for column, value in enumerate(values, start=1):
        if is_formula_like(value):
            cell = sheet.cell(row=number, column=column)
            cell.data_type = "s"
            cell.quotePrefix = True


def _cell_value(value: object) -> object:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; values are local time.
    return value


def workbook(tables: Sequence[Table], sources: Sequence[Source]) -> bytes:
    """Build the workbook and return it as bytes; the last sheet is "Bronnen"."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook has an active sheet
    taken: set[str] = {"bronnen"}
    for table in tables:
        _write_table(book.create_sheet(sheet_name(table.name, taken)), table)
    _write_table(
        book.create_sheet("Bronnen"),
        Table(
            "Bronnen",
            ("bron", "licentie", "laatste import", "periode", "toelichting"),
            [
                (
                    s.name,
                    s.licence,
                    formatting.date_time(s.last_import) if s.last_import else "–",
                    s.period_covered,
                    s.note,
                )
                for s in sources
            ],
        ),
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
