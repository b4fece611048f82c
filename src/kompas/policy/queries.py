# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.policy: the plan overview, a themablad, the budget; other apps may use these."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from kompas.indicators.targets import TargetFigures
from kompas.policy.check import Finding, check_plan
from kompas.policy.choices import ActionState

# A model imported ``as`` itself is re-exported: other apps name it in type hints, and read its
# objects through this module's functions, never the tables.
from kompas.policy.models import Action as Action
from kompas.policy.models import BudgetLine
from kompas.policy.models import CostItem as CostItem
from kompas.policy.models import Goal as Goal
from kompas.policy.models import Plan as Plan
from kompas.policy.models import Target as Target
from kompas.policy.models import Theme as Theme


def plans() -> QuerySet[Plan]:
    """Return the active organisation's plans, newest period first."""
    return Plan.objects.all()


def latest_plan() -> Plan | None:
    """Return the active organisation's plan with the latest period, if any."""
    return plans().first()


@dataclass(frozen=True)
class ThemeRow:
    """One line of the plan overview: a theme with how far its actions are and its findings."""

    theme: Theme
    goals: int
    indicators: int
    effect_indicators: int
    targets_set: int
    actions: dict[str, int]
    findings: int

    @property
    def status(self) -> str:
        """Return the theme's state from its actions: afgerond, lopend or gepland."""
        live = {state: count for state, count in self.actions.items() if state != ActionState.DROPPED}
        if live and set(live) == {ActionState.DONE}:
            return ActionState.DONE.value
        if live.get(ActionState.RUNNING) or live.get(ActionState.DONE):
            return ActionState.RUNNING.value
        return ActionState.PLANNED.value


def overview(plan: Plan, findings: Sequence[Finding]) -> list[ThemeRow]:
    """Return one row per theme of ``plan``, with the number of plan-check findings about it."""
    per_theme = Counter(finding.subject.split(".")[0] for finding in findings)
    themes = plan.themes.prefetch_related(
        "goals", Prefetch("targets", queryset=Target.objects.select_related("indicator")), "actions"
    )
    rows = []
    for theme in themes:
        plan_targets = [target for target in theme.targets.all() if target.kind == "plan"]
        rows.append(
            ThemeRow(
                theme,
                goals=len(theme.goals.all()),
                indicators=len(plan_targets),
                effect_indicators=sum(1 for target in plan_targets if target.indicator.kind == "effect"),
                targets_set=sum(1 for target in plan_targets if target.rule),
                actions=dict(Counter(action.state for action in theme.actions.all())),
                findings=per_theme[theme.code],
            )
        )
    return rows


@dataclass(frozen=True)
class IndicatorBlock:
    """An indicator on a themablad: its plan target and the values given per area."""

    target: Target
    areas: list[Target] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeSheet:
    """Everything a themablad shows, in the order of the five questions."""

    theme: Theme
    goals: list[Goal]
    indicators: list[IndicatorBlock]
    actions_by_section: dict[str, list[object]]
    costs: list[CostItem]
    findings: list[Finding]


def theme_sheet(theme: Theme) -> ThemeSheet:
    """Return the themablad of ``theme`` with its plan-check findings."""
    goals = list(theme.goals.prefetch_related("indicators").select_related("parent"))
    blocks: dict[int, IndicatorBlock] = {}
    for target in theme.targets.select_related("indicator"):
        if target.kind == "plan" or target.indicator_id not in blocks:
            blocks.setdefault(target.indicator_id, IndicatorBlock(target))
        if target.kind == "area":
            blocks[target.indicator_id].areas.append(target)
    sections: dict[str, list[object]] = {}
    for action in theme.actions.all():
        sections.setdefault(action.section or "", []).append(action)
    findings = [finding for finding in check_plan(theme.plan) if _about(finding, theme)]
    costs = list(theme.costs.filter(origin="themablad").select_related("budget_line"))
    return ThemeSheet(theme, goals, list(blocks.values()), sections, costs, findings)


def _about(finding: Finding, theme: Theme) -> bool:
    """Return whether ``finding`` is about ``theme`` or one of its parts (codes ``T1``, ``T1.G1``)."""
    return finding.subject == theme.code or finding.subject.startswith(f"{theme.code}.")


@dataclass(frozen=True)
class Budget:
    """The budget table as printed, its sum against the printed total, and other costs."""

    lines: list[BudgetLine]
    lines_sum: Decimal
    stated_total: Decimal | None
    other_costs: list[CostItem]

    @property
    def difference(self) -> Decimal | None:
        """Return the sum of the lines minus the printed total (None without a total)."""
        return None if self.stated_total is None else self.lines_sum - self.stated_total


def budget(plan: Plan) -> Budget:
    """Return the budget of ``plan``."""
    lines = list(plan.budget_lines.prefetch_related("themes"))
    total = sum((line.amount or Decimal(0) for line in lines), Decimal(0))
    others = list(plan.cost_items.filter(origin="elders").select_related("theme", "budget_line", "part_of"))
    return Budget(lines, total, plan.budget_stated_total, others)


def target_figures(organisation_ids: Sequence[int] | None = None) -> list[TargetFigures]:
    """Return the targets with a rule, of the given organisations (None: every organisation).

    Runs in the caller's scope; the indicator engine calls it with scopes disabled, as the
    supplier of :mod:`kompas.indicators.targets` (ADR 0014).
    """
    targets = Target.objects.exclude(rule="").select_related("theme__plan__organisation")
    if organisation_ids is not None:
        targets = targets.filter(theme__plan__organisation_id__in=list(organisation_ids))
    return [
        TargetFigures(
            target_id=target.pk,
            organisation_id=target.theme.plan.organisation_id,
            organisation_cbs_code=target.theme.plan.organisation.cbs_code,
            indicator_id=target.indicator_id,
            area=target.area,
            rule=target.rule,
            baseline_value=target.baseline_value,
            target_value=target.target_value,
            target_period=target.target_period,
        )
        for target in targets.order_by("pk")
    ]
