# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The header and footer lines of a report and its list of sources, from the selection."""

from __future__ import annotations

from kompas.policy.export_files import LICENCE, loaded_at
from kompas.presentation.document import ReportMeta, Vintage, report_meta
from kompas.presentation.xlsx import Source
from kompas.reports import freshness
from kompas.reports.selection import Selection


def sources(selection: Selection) -> list[Source]:
    """Return the data sources of a report: the plan document (if any), then the imported sources."""
    found = []
    plan = selection.plan
    if plan is not None:
        document = plan.source_document
        period = f"{plan.period_start}–{plan.period_end}"
        found.append(Source(document.get("title", plan.title), LICENCE, loaded_at(plan), period))
    return found + freshness.sources(selection.organisation)


def meta(selection: Selection, title: str, report_sources: list[Source] | None = None) -> ReportMeta:
    """Return what every page of the report prints: organisation, title, filters, data vintage."""
    listed = report_sources if report_sources is not None else sources(selection)
    vintages = [Vintage(s.name, s.last_import, s.period_covered) for s in listed]
    return report_meta(selection.organisation.name, title, selection.filters(), vintages)


def filename(name: str, selection: Selection) -> str:
    """Return the file name (without extension) that says what the report covers."""
    parts = [name, selection.organisation.code, str(selection.year)]
    if selection.area is not None:
        parts.append(selection.area.code)
    if selection.theme is not None:
        parts.append(selection.theme.code)
    return "-".join(parts)
