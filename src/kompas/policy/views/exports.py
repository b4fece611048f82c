# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Downloading the plan as JSON, XLSX or PDF."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.policy.export import plan_data
from kompas.policy.export_files import plan_pdf, plan_xlsx
from kompas.policy.models import Plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires(Permission.VIEW_DASHBOARD)
def plan_export(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Return the plan in the format of ``?formaat=json|xlsx|pdf`` (default json) as a download."""
    plan = get_object_or_404(Plan.objects.select_related("organisation"), pk=plan_id)
    kind = request.GET.get("formaat", "json")
    if kind == "json":
        body, content_type = (
            json.dumps(plan_data(plan), ensure_ascii=False, indent=2).encode(),
            "application/json",
        )
    elif kind == "xlsx":
        body, content_type = plan_xlsx(plan), XLSX
    elif kind == "pdf":
        body, content_type = plan_pdf(plan), "application/pdf"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{plan.key}.{kind}"'
    return response
