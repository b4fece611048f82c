# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Text in exported files that a spreadsheet must show, never run as a formula.

Every XLSX and CSV file Kompas writes carries text that others typed: measure names from an
import description, plan texts, series names, audit details. Excel and LibreOffice treat a cell
that starts with ``=``, ``+``, ``-`` or ``@`` (and, after a tab or carriage return, the same) as a
formula, which can open links or run commands (DDE) on the reader's machine. Following the OWASP
guidance on CSV injection, such text gets a leading apostrophe in CSV, where a cell has no type;
in XLSX the cell is stored as text with Excel's own "quote prefix" flag
(:func:`kompas.presentation.xlsx.workbook`), so the reader sees the text unchanged. Numbers are never
touched: ``-3`` is a number, not text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# OWASP "CSV Injection": cells starting with these may be read as formulas.
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    """Return whether ``value`` is text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_LEADERS)


def inert(value: object) -> object:
    """Return ``value`` safe for a CSV cell: formula-like text gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADERS):
        return "'" + value
    return value


def inert_row(values: Iterable[object]) -> list[object]:
    """Return the cells of one CSV row, each passed through :func:`inert`."""
    return [inert(value) for value in values]


def inert_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose text columns are passed through :func:`inert`."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    safe = frame.copy()
    for column in safe.columns:
        if is_object_dtype(safe[column]) or is_string_dtype(safe[column]):
            safe[column] = safe[column].map(inert)
    return safe
