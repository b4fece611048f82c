# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A small plan with one object of every part, for tests that need ids rather than content."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django_scopes import scope

from kompas.accounts.models import Organisation
from kompas.indicators.catalogue import save_indicator
from kompas.policy.models import (
    Action,
    BudgetLine,
    CapacityPlan,
    CostItem,
    Goal,
    Plan,
    Responsibility,
    Scenario,
    Spending,
    Target,
    Theme,
    ThemeBudget,
    ThemeParagraph,
)


@dataclass(frozen=True)
class SmallPlan:
    """The objects of :func:`make_small_plan`."""

    plan: Plan
    theme: Theme
    paragraph: ThemeParagraph
    goal: Goal
    target: Target
    action: Action
    responsibility: Responsibility
    cost: CostItem
    budget_line: BudgetLine
    capacity: CapacityPlan
    scenario: Scenario
    theme_budget: ThemeBudget
    spending: Spending


def _plan(organisation: Organisation, key: str) -> Plan:
    return Plan.objects.create(
        organisation=organisation,
        key=key,
        title="Testplan 2025-2028",
        period_start=2025,
        period_end=2028,
        status="draft",
        question_headings=["Waar gaat het om?"],
        budget_stated_total=Decimal(1000),
    )


def make_small_plan(organisation: Organisation, key: str = "testplan") -> SmallPlan:
    """Create a plan with one theme and one object of every part in ``organisation``."""
    with scope(organisation=organisation.pk):
        plan = _plan(organisation, key)
        theme = Theme.objects.create(
            plan=plan, number=1, code="T1", title="Woninginbraak", phase=1, oov_role="trekt"
        )
        indicator = save_indicator(
            actor=None,
            organisation=organisation,
            code=f"{key}.I1",
            name="Woninginbraken",
            kind="effect",
            unit="aantal",
        )
        goal = Goal.objects.create(theme=theme, code="T1.G1", text="Minder woninginbraken")
        goal.indicators.set([indicator])
        line = BudgetLine.objects.create(plan=plan, number=1, code="B1", subject="HIPT", amount=Decimal(1000))
        return SmallPlan(
            plan,
            theme,
            ThemeParagraph.objects.create(theme=theme, text="Inbraken nemen toe."),
            goal,
            Target.objects.create(theme=theme, indicator=indicator, baseline_value=120, baseline_period=2024),
            Action.objects.create(theme=theme, code="T1.A1", text="Voorlichting in de wijk"),
            Responsibility.objects.create(
                theme=theme, code="T1.R1", party="Politie", kind="extern", role="partner"
            ),
            CostItem.objects.create(
                plan=plan, theme=theme, code="T1.C1", text="Voorlichting", amount=Decimal(500)
            ),
            line,
            CapacityPlan.objects.create(plan=plan, fte=Decimal(2), shares=[]),
            Scenario.objects.create(
                plan=plan, number=1, code="S1", kind="prioritise_themes", title="Prioriteren"
            ),
            ThemeBudget.objects.create(theme=theme, year=2025, amount=Decimal(1000)),
            Spending.objects.create(plan=plan, budget_line=line, year=2025, amount=Decimal(800)),
        )


_KEYS = itertools.count(1)


def _pk_of(name: str) -> Callable[[Organisation], object]:
    def make(organisation: Organisation) -> object:
        return getattr(make_small_plan(organisation, key=f"testplan-{next(_KEYS)}"), name).pk

    return make


def _indicator_of(organisation: Organisation) -> object:
    return make_small_plan(organisation, key=f"testplan-{next(_KEYS)}").target.indicator_id


# URL parameter → an object of that kind in the caller's organisation (for the permission matrix).
PARTS = (
    "plan",
    "theme",
    "paragraph",
    "goal",
    "target",
    "action",
    "responsibility",
    "cost",
    "budget_line",
    "theme_budget",
    "spending",
)
POLICY_TARGETS: dict[str, Callable[[Organisation], object]] = {
    f"{name}_id": _pk_of(name) for name in (*PARTS, "capacity", "scenario")
} | {"indicator_id": _indicator_of}
