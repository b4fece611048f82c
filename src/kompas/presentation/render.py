# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One :class:`~kompas.presentation.content.Report` as HTML, PDF or XLSX, from the same tables and charts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kompas.presentation import charts, formatting, pdf, xlsx
from kompas.presentation.content import Block, Column, DataTable, Figure, Report

XLSX_FORMATS = {
    "integer": formatting.XLSX_INTEGER,
    "decimal": formatting.XLSX_DECIMAL,
    "percent": formatting.XLSX_PERCENT_VALUE,
}


@dataclass(frozen=True)
class Cell:
    """A table cell as the page prints it."""

    text: str
    numeric: bool


def cell_text(value: object, column: Column) -> str:
    """Write ``value`` the Dutch way for a cell of ``column``."""
    if value is None or value == "":
        return formatting.MISSING
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return formatting.date(value)
    if isinstance(value, int | float | Decimal):
        return _number_text(float(value), column)
    return str(value)


def _number_text(value: float, column: Column) -> str:
    if column.kind == "year":
        return str(int(value))
    if column.kind == "percent":
        return formatting.percent(value)
    if column.kind == "integer":
        return formatting.number(value, 0)
    decimals = 0 if value.is_integer() else 1
    return formatting.number(value, decimals)


def _block(block: Block, for_pdf: bool) -> dict[str, Any]:
    if isinstance(block, DataTable):
        rows = [
            [
                Cell(cell_text(value, column), column.numeric)
                for value, column in zip(row, block.columns, strict=True)
            ]
            for row in block.rows
        ]
        return {"kind": "table", "table": block, "rows": rows}
    if isinstance(block, Figure):
        return {"kind": "figure", "figure": block, "svg": charts.render_svg(block.chart), "pdf": for_pdf}
    return {"kind": block.kind, "block": block}


def _context(report: Report, for_pdf: bool) -> dict[str, Any]:
    sections = [
        {"section": section, "blocks": [_block(block, for_pdf) for block in section.blocks]}
        for section in report.sections
    ]
    return {"meta": report.meta, "report": report, "sections": sections, "for_pdf": for_pdf}


def html(report: Report) -> str:
    """Return the report as one HTML document (the page the PDF is printed from)."""
    return render_to_string("reports/report.html", _context(report, for_pdf=False))


def pdf_bytes(report: Report) -> bytes:
    """Return the report as PDF; every page repeats organisation, title, filters and data vintage."""
    return pdf.render_pdf(render_to_string("reports/report.html", _context(report, for_pdf=True)))


def _xlsx_value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return value


def _sheet(table: DataTable) -> xlsx.Table:
    formats = {column.title: XLSX_FORMATS[column.kind] for column in table.columns if column.numeric}
    rows = [[_xlsx_value(value) for value in row] for row in table.rows]
    return xlsx.Table(table.sheet, [column.title for column in table.columns], rows, formats)


def xlsx_bytes(report: Report) -> bytes:
    """Return the report as a workbook: one sheet per table, a sheet of charts, then "Bronnen"."""
    sheets = [_sheet(table) for table in report.sheets]
    figures = report.figures
    if figures:
        rows = [(figure.chart.title, figure.chart.description, figure.source) for figure in figures]
        images = [charts.render_png(figure.chart) for figure in figures]
        sheets.append(
            xlsx.Table(_("Grafieken"), (_("grafiek"), _("toelichting"), _("bron")), rows, images=images)
        )
    return xlsx.workbook(sheets, report.sources)
