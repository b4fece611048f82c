# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan pages everyone with dashboard access reads: overview, themablad, budget, check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.policy import budget_years, check, history, queries
from kompas.policy.models import Plan, Theme
from kompas.policy.views import can_edit


@requires(Permission.VIEW_DASHBOARD)
def home(request: HttpRequest) -> HttpResponse:
    """Open the organisation's most recent plan, or say there is none."""
    plan = queries.latest_plan()
    if plan is None:
        return render(request, "policy/no_plan.html")
    return redirect("policy:plan_detail", plan_id=plan.pk)


@requires(Permission.VIEW_DASHBOARD)
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Show the plan with its themes, their status and their plan-check findings."""
    plan = get_object_or_404(Plan.objects.select_related("organisation"), pk=plan_id)
    findings = check.check_plan(plan)
    context = {
        "plan": plan,
        "rows": queries.overview(plan, findings),
        "summary": check.summary(findings),
        "codes": check.CODES,
        "can_edit": can_edit(request),
        "history": history.history(plan, plan.organisation_id),
    }
    return render(request, "policy/plan_detail.html", context)


@requires(Permission.VIEW_DASHBOARD)
def theme_detail(request: HttpRequest, theme_id: int) -> HttpResponse:
    """Show the themablad: the five questions with goals, indicators, actions, parties and costs."""
    theme = get_object_or_404(Theme.objects.select_related("plan", "veiligheidsveld"), pk=theme_id)
    context = {
        "sheet": queries.theme_sheet(theme),
        "budget_years": budget_years.theme_history(theme),
        "budget_entries": theme.budget_years.all(),
        "theme": theme,
        "plan": theme.plan,
        "can_edit": can_edit(request),
        "history": history.history(theme, theme.plan.organisation_id),
    }
    return render(request, "policy/theme_detail.html", context)


@requires(Permission.VIEW_DASHBOARD)
def budget(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Show the budget table as printed, its sum against the printed total, and other costs."""
    plan = get_object_or_404(Plan, pk=plan_id)
    context = {
        "plan": plan,
        "budget": queries.budget(plan),
        "spending": plan.spending.select_related("budget_line"),
        "can_edit": can_edit(request),
    }
    return render(request, "policy/budget.html", context)


@requires(Permission.VIEW_DASHBOARD)
def plan_check(request: HttpRequest, plan_id: int) -> HttpResponse:
    """List the plan-check findings, grouped by kind."""
    plan = get_object_or_404(Plan, pk=plan_id)
    findings = check.check_plan(plan)
    groups = [(code, label, [f for f in findings if f.code == code]) for code, label in check.CODES.items()]
    context = {"plan": plan, "groups": groups, "total": len(findings)}
    return render(request, "policy/check.html", context)
