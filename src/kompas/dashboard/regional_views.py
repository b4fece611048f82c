# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture of the Platform's municipalities (issue 18 point 5), as a page, PDF and XLSX.

Only for users of a Platform or of one of its members: others get a 404, as for any object of
another organisation (ADR 0003).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, suppresses
from kompas.cooperation.queries import platform_for
from kompas.presentation import render as report_render
from kompas.reports.regional import RegionalPicture, regional_picture
from kompas.reports.regional_export import regional_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _picture(request: HttpRequest) -> RegionalPicture:
    user = current_user(request)
    if platform_for(user.organisation_id) is None:
        raise Http404
    raw = request.GET.get("jaar", "")
    year = int(raw) if raw.isdigit() and len(raw) == 4 else None
    return regional_picture(user.organisation_id, year, suppress=suppresses(user.role))


@requires(Permission.VIEW_PROJECTS)
def regional_page(request: HttpRequest) -> HttpResponse:
    """Show the municipalities of the region side by side for one year."""
    picture = _picture(request)
    chosen = request.GET.get("indicator", "")
    shown = [block for block in picture.blocks if block.code == chosen] or picture.blocks[:1]
    return render(request, "dashboard/regional.html", {"picture": picture, "shown": shown})


@requires(Permission.VIEW_PROJECTS)
def regional_export(request: HttpRequest) -> HttpResponse:
    """Hand out the regional picture of one year as an XLSX workbook."""
    report = regional_report(_picture(request), current_user(request).organisation.name)
    response = HttpResponse(report_render.xlsx_bytes(report), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{report.filename}.xlsx"'
    return response


@requires(Permission.VIEW_PROJECTS)
def regional_pdf(request: HttpRequest) -> HttpResponse:
    """Hand out the regional picture of one year as a PDF on the report machinery."""
    report = regional_report(_picture(request), current_user(request).organisation.name)
    response = HttpResponse(report_render.pdf_bytes(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}.pdf"'
    return response
