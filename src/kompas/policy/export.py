# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan as export data (``docs/plan-export.md``): the JSON export, and the rows the XLSX and
PDF exports are made from, so that all three hold the same numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from kompas.policy.check import check_plan
from kompas.policy.models import Goal, Plan, Target, Theme

FORMAT = {"name": "kompas-plan-export", "version": 1}


def num(value: float | Decimal | None) -> int | float | None:
    """Return a number as JSON wants it: whole numbers as int (20, not 20.0), else float."""
    if value is None:
        return None
    as_float = float(value)
    return int(as_float) if as_float.is_integer() else as_float


def plan_data(plan: Plan) -> dict[str, Any]:
    """Return the export of ``plan`` as plain JSON data."""
    themes = list(
        plan.themes.select_related("veiligheidsveld").prefetch_related(
            Prefetch("goals", queryset=Goal.objects.prefetch_related("indicators").select_related("parent")),
            Prefetch("targets", queryset=Target.objects.select_related("indicator")),
            "actions",
            "responsibilities",
            "costs",
        )
    )
    return {
        "format": FORMAT,
        "plan": _plan(plan),
        "themes": [_theme(theme) for theme in themes],
        "goals": [_goal(theme, goal) for theme in themes for goal in theme.goals.all()],
        "indicators": [_indicator(theme, target) for theme in themes for target in _plan_targets(theme)],
        "actions": [_action(theme, action) for theme in themes for action in theme.actions.all()],
        "costs": [_cost(cost) for cost in plan.cost_items.select_related("theme", "budget_line")],
        "budget": _budget(plan),
        "capacity": _capacity(plan),
        "scenarios": [_scenario(scenario) for scenario in plan.scenarios.all()],
        "check": [finding.as_dict() for finding in check_plan(plan)],
    }


def _plan(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "key": plan.key,
        "title": plan.title,
        "organisation": {"name": plan.organisation.name, "cbs_code": plan.organisation.cbs_code},
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": plan.status,
        "adoption_date": plan.adoption_date.isoformat() if plan.adoption_date else None,
        "question_headings": list(plan.question_headings),
        "phases": list(plan.phases),
        "source_document": dict(plan.source_document),
        "source": plan.source_ref,
    }


def _theme(theme: Theme) -> dict[str, Any]:
    return {
        "code": theme.code,
        "number": theme.number,
        "title": theme.title,
        "short_name": theme.short_name,
        "urgent": theme.urgent,
        "veiligheidsveld": theme.veiligheidsveld.code if theme.veiligheidsveld else None,
        "phase": theme.phase,
        "lead": {"organisation": theme.lead_organisation, "department": theme.lead_department},
        "oov_role": theme.oov_role or None,
        "effort_hours": theme.effort_hours,
        "source": theme.source_ref,
    }


def _goal(theme: Theme, goal: Goal) -> dict[str, Any]:
    indicators = list(goal.indicators.all())
    return {
        "theme": theme.code,
        "code": goal.code,
        "level": goal.level,
        "parent": goal.parent.code if goal.parent else None,
        "text": goal.text,
        "indicators": [indicator.code for indicator in indicators],
        "effect_indicators": [indicator.code for indicator in indicators if indicator.kind == "effect"],
        "source": goal.source_ref,
    }


def _plan_targets(theme: Theme) -> list[Target]:
    return [target for target in theme.targets.all() if target.kind == "plan"]


def _indicator(theme: Theme, target: Target) -> dict[str, Any]:
    indicator = target.indicator
    areas = [
        item for item in theme.targets.all() if item.kind == "area" and item.indicator_id == indicator.pk
    ]
    baseline = None
    if target.baseline_value is not None or target.baseline_period_text:
        baseline = {
            "value": num(target.baseline_value),
            "period": target.baseline_period,
            "period_text": target.baseline_period_text or None,
            "area": target.area or None,
            "source": target.baseline_ref,
        }
    goal = {"rule": target.rule, "value": num(target.target_value), "period": target.target_period}
    return {
        "theme": theme.code,
        "code": indicator.code,
        "name": indicator.name,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "data_source": indicator.data_source,
        "baseline": baseline,
        "target": {**goal, "text": target.target_text, "source": target.target_ref} if target.rule else None,
        "area_values": [_area(item) for item in areas],
        "context_values": list(target.context_values),
        "source": target.source_ref or indicator.source_ref,
    }


def _area(target: Target) -> dict[str, Any]:
    return {
        "area": target.area,
        "value": num(target.baseline_value),
        "period": target.baseline_period,
        "source": target.baseline_ref,
    }


def _action(theme: Theme, action: Any) -> dict[str, Any]:
    return {
        "theme": theme.code,
        "code": action.code,
        "section": action.section,
        "title": action.title,
        "text": action.text,
        "state": action.state,
        "source": action.source_ref,
    }


def _cost(cost: Any) -> dict[str, Any]:
    return {
        "theme": cost.theme.code if cost.theme else None,
        "code": cost.code,
        "origin": cost.origin,
        "text": cost.text,
        "kind": cost.kind,
        "amount": num(cost.amount),
        "amount_per_inhabitant": num(cost.amount_per_inhabitant),
        "fte": num(cost.fte),
        "pm": cost.pm,
        "frequency": cost.frequency,
        "budget_source": cost.budget_source,
        "budget_line": cost.budget_line.number if cost.budget_line else None,
        "source": cost.source_ref,
    }


def _budget(plan: Plan) -> dict[str, Any]:
    lines = list(plan.budget_lines.prefetch_related("themes"))
    total = sum((line.amount or Decimal(0) for line in lines), Decimal(0))
    return {
        "lines": [
            {
                "number": line.number,
                "code": line.code,
                "subject": line.subject,
                "status": line.status,
                "amount": num(line.amount),
                "amount_printed": line.amount_printed,
                "year": line.year,
                "note": line.note,
                "themes": [theme.code for theme in line.themes.all()],
                "source": line.source_ref,
            }
            for line in lines
        ],
        "lines_sum": num(total),
        "stated_total": num(plan.budget_stated_total),
        "stated_total_source": plan.budget_stated_total_ref,
    }


def _capacity(plan: Plan) -> dict[str, Any] | None:
    capacity = getattr(plan, "capacity", None)
    if capacity is None:
        return None
    return {
        "fte": num(capacity.fte),
        "fte_recommended": num(capacity.fte_recommended),
        "hours_per_fte": capacity.hours_per_fte,
        "shares": [
            {
                "code": share["code"],
                "label": share["label"],
                "percent": num(share["percent"]),
                "source": share.get("source_ref", ""),
            }
            for share in capacity.shares
        ],
        "shares_sum": num(sum(float(share["percent"]) for share in capacity.shares)),
        "source": capacity.source_ref,
    }


def _scenario(scenario: Any) -> dict[str, Any]:
    return {
        "code": scenario.code,
        "kind": scenario.kind,
        "title": scenario.title,
        "description": scenario.description,
        "consequence": scenario.consequence,
        "extra_fte": num(scenario.extra_fte),
        "source": scenario.source_ref,
    }
