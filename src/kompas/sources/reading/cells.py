# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rows and cells of a table, and the checks that turn a cell into a value or an exact error.

A value parser is a plain function ``text -> value`` that raises :class:`Invalid` with the
problem and the expectation; :class:`RowCheck` runs parsers on the cells of one row and collects
every failure as a :class:`~kompas.sources.records.ParseError` naming file, line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kompas.sources.records import ParseError

T = TypeVar("T")


class Invalid(Exception):  # noqa: N818 - reads as "raise Invalid(...)", like Django's ValidationError
    """A cell value is not what the column needs: ``problem`` and ``expected`` in Dutch."""

    def __init__(self, problem: str, expected: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.expected = expected


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its physical line, its fields and the column positions of the header."""

    file: str
    line: int
    fields: Sequence[str]
    columns: Mapping[str, int]
    header: Sequence[str] = ()

    def text(self, column: str) -> str:
        """Return the stripped text of ``column`` (compared without case; empty when short)."""
        index = self.columns[column.casefold()]
        return self.fields[index].strip() if index < len(self.fields) else ""

    def error(self, column: str, value: str, problem: str, expected: str) -> ParseError:
        """Return a ParseError at this row and ``column``, named as the file's header spells it."""
        index = self.columns.get(column.casefold())
        name = self.header[index] if index is not None and index < len(self.header) else column
        return ParseError(self.file, self.line, name, value, expected, problem)


class RowCheck:
    """Parse cells of one row, collecting every error instead of stopping at the first."""

    def __init__(self, row: Row) -> None:
        self.row = row
        self.errors: list[ParseError] = []

    def take(self, column: str, parser: Callable[[str], T]) -> T | None:
        """Return ``parser(text of column)``, or ``None`` after recording its error."""
        text = self.row.text(column)
        try:
            return parser(text)
        except Invalid as invalid:
            self.errors.append(self.row.error(column, text, invalid.problem, invalid.expected))
            return None

    def fail(self, column: str, value: str, problem: str, expected: str) -> None:
        """Record an error found by a check that spans more than one cell."""
        self.errors.append(self.row.error(column, value, problem, expected))

    @property
    def ok(self) -> bool:
        """Return whether no error was recorded for this row."""
        return not self.errors


def show_bytes(raw: bytes) -> str:
    r"""Render undecodable bytes readably: ``b"\xe9"`` → ``"\xe9"``."""
    return "".join(f"\\x{byte:02x}" for byte in raw)
