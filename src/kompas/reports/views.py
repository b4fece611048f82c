# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The report page: choose a report and its filters, get it as PDF, XLSX or HTML."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kompas.accounts.decorators import requires
from kompas.accounts.models import User
from kompas.accounts.roles import Permission
from kompas.areas.queries import map_shapes
from kompas.policy.queries import latest_plan, plans
from kompas.reports.forms import ReportForm
from kompas.reports.generate import generate
from kompas.reports.options import ReportError, ReportFormat
from kompas.reports.selection import default_year, selectable_years
from kompas.reports.suppression import suppresses


def _form(request: HttpRequest, user: User) -> ReportForm:
    organisation = user.organisation
    plan = latest_plan()
    year = default_year(organisation, plan)
    areas = []
    if organisation.cbs_code:
        wijken = map_shapes("wijk", year, organisation.cbs_code)
        areas = [(organisation.cbs_code, organisation.name), *((s.code, s.name) for s in wijken)]
    return ReportForm(
        request.GET,
        plans=list(plans()),
        themes=list(plan.themes.order_by("number")) if plan else [],
        years=selectable_years(organisation, plan),
        areas=areas,
        forced_public=suppresses(user.role),
    )


@requires(Permission.VIEW_DASHBOARD)
def report_page(request: HttpRequest) -> HttpResponse:
    """Show the report choices."""
    user: User = request.user  # type: ignore[assignment]
    return render(request, "reports/report_page.html", {"form": _form(request, user)})


@requires(Permission.VIEW_DASHBOARD)
def report_generate(request: HttpRequest) -> HttpResponse:
    """Make the chosen report and return it; wrong choices return the page with the reason."""
    user: User = request.user  # type: ignore[assignment]
    form = _form(request, user)
    if form.is_valid():
        options = form.options()
        try:
            output = generate(user.organisation, options, actor=user)
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            response = HttpResponse(output.body, content_type=output.content_type)
            disposition = "inline" if options.format == ReportFormat.HTML else "attachment"
            response["Content-Disposition"] = f'{disposition}; filename="{output.filename}"'
            return response
    return render(request, "reports/report_page.html", {"form": form}, status=400)
