# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A report as data: sections of paragraphs, tables and charts, plus the tables of its workbook.

Each report builder returns a :class:`Report`; :mod:`kompas.presentation.render` turns the same object
into HTML, PDF and XLSX, so the three formats hold the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from kompas.presentation.charts import Chart
from kompas.presentation.document import ReportMeta
from kompas.presentation.xlsx import Source

ColumnKind = Literal["text", "integer", "decimal", "percent", "year"]


@dataclass(frozen=True)
class Column:
    """A table column: its header and how its numbers are written."""

    title: str
    kind: ColumnKind = "text"

    @property
    def numeric(self) -> bool:
        """Return whether the column holds numbers (right-aligned, formatted in XLSX)."""
        return self.kind in ("integer", "decimal", "percent")


@dataclass(frozen=True)
class DataTable:
    """A table: caption, columns and rows; ``sheet`` names its sheet in the workbook."""

    sheet: str
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[object]]
    source: str = ""
    note: str = ""
    kind: Literal["table"] = "table"


@dataclass(frozen=True)
class Figure:
    """A chart with the source of its numbers."""

    chart: Chart
    source: str = ""
    kind: Literal["figure"] = "figure"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: str
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section."""

    text: str
    kind: Literal["subheading"] = "subheading"


@dataclass(frozen=True)
class Bullets:
    """A list of short texts."""

    items: Sequence[str]
    kind: Literal["bullets"] = "bullets"


Block = DataTable | Figure | Paragraph | Subheading | Bullets


@dataclass(frozen=True)
class Section:
    """A titled part of a report; ``new_page`` starts it on a fresh page in PDF."""

    title: str
    blocks: Sequence[Block]
    new_page: bool = False


@dataclass(frozen=True)
class Report:
    """A complete report: page header and footer lines, sections, workbook tables, sources."""

    meta: ReportMeta
    sections: Sequence[Section]
    sheets: Sequence[DataTable]
    sources: Sequence[Source]
    filename: str
    intro: Sequence[str] = field(default_factory=tuple)

    @property
    def figures(self) -> list[Figure]:
        """Return every chart of the report in order."""
        return [block for section in self.sections for block in section.blocks if isinstance(block, Figure)]
