# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``plan``: the whole safety plan, as the plan export makes it (``kompas plan export``).

PDF and XLSX are the plan export itself; HTML is the page the PDF is printed from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kompas.policy.export import plan_data
from kompas.policy.export_files import loaded_at, plan_pdf, plan_xlsx
from kompas.presentation.document import Vintage, report_meta
from kompas.reports.options import ReportFormat

if TYPE_CHECKING:
    from kompas.policy.queries import Plan


def plan_html(plan: Plan) -> str:
    """Return the plan document as HTML, with the same header lines as its PDF."""
    themes = plan.themes.select_related("veiligheidsveld").prefetch_related(
        "paragraphs", "goals__indicators", "targets__indicator", "actions", "responsibilities", "costs"
    )
    document = plan.source_document
    vintage = Vintage(
        document.get("title", plan.title), loaded_at(plan), f"{plan.period_start}-{plan.period_end}"
    )
    meta = report_meta(
        plan.organisation.name, plan.title, {_("status"): plan.get_status_display()}, [vintage]
    )
    context = {"meta": meta, "plan": plan, "themes": themes, "data": plan_data(plan), "document": document}
    return render_to_string("policy/plan_pdf.html", context)


def plan_output(plan: Plan, kind: ReportFormat) -> bytes:
    """Return the plan in format ``kind``."""
    if kind == ReportFormat.PDF:
        return plan_pdf(plan)
    if kind == ReportFormat.XLSX:
        return plan_xlsx(plan)
    return plan_html(plan).encode()
