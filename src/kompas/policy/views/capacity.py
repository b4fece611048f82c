# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The capacity and scenario page: which themes fit per year under each scenario."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.policy import capacity
from kompas.policy.charts import scenario_chart
from kompas.policy.forms import WhatIfForm
from kompas.policy.models import Plan
from kompas.policy.views import can_edit
from kompas.presentation.charts import render_svg


@requires(Permission.VIEW_DASHBOARD)
def capacity_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Compare the scenarios with the stored inputs, or with other numbers given in the form."""
    plan = get_object_or_404(Plan.objects.select_related("capacity"), pk=plan_id)
    stored = capacity.inputs(plan)
    form = WhatIfForm(request.GET or None, initial=WhatIfForm.initial_for(stored), themes=stored.themes)
    given = form.inputs() if form.is_bound and form.is_valid() else stored
    results = capacity.compare(plan, given)
    chart = scenario_chart(results, len(given.themes))
    context = {
        "plan": plan,
        "inputs": given,
        "trying": given is not stored,
        "results": results,
        "themes": {theme.code: theme for theme in given.themes},
        "form": form,
        "chart": chart,
        "chart_svg": render_svg(chart),
        "can_edit": can_edit(request),
    }
    return render(request, "policy/capacity.html", context, status=400 if form.errors else 200)
