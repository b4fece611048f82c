# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Progress of the plan per theme: goals, indicators with their current figures and status, actions, costs.

The theme page, the ``voortgang`` report and the ``themablad`` report all read
:func:`plan_progress`, and the dashboard's tiles (:mod:`kompas.dashboard.theme_tiles`) count with
its verdict order, so they count the same targets the same way. The verdict on one target is
:mod:`kompas.indicators.progress`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.indicators.status import STATUS_LABELS, Status
from kompas.policy.choices import ActionState, CostOrigin, TargetKind
from kompas.presentation import formatting
from kompas.reports.indicator_figures import IndicatorFigures, indicator_figures

if TYPE_CHECKING:
    from kompas.policy.queries import Action, CostItem, Goal, Plan, Target, Theme

# The order in which tiles and tables list the verdicts.
STATUS_ORDER = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA, Status.REGISTER_ONLY)
ACTION_ORDER = (ActionState.PLANNED, ActionState.RUNNING, ActionState.DONE, ActionState.DROPPED)
NO_RULE = ("", "register")


@dataclass(frozen=True)
class IndicatorLine:
    """A plan target with the values given per area in the plan and its current figures."""

    target: Target
    figures: IndicatorFigures
    areas: list[Target] = field(default_factory=list)

    @property
    def status(self) -> str:
        """Return the verdict on the target (a :class:`Status` value)."""
        if self.figures.status:
            return self.figures.status
        return Status.REGISTER_ONLY.value if self.target.rule in NO_RULE else Status.NO_DATA.value

    @property
    def status_label(self) -> str:
        """Return the verdict in words."""
        return str(STATUS_LABELS[Status(self.status)])

    @property
    def demo(self) -> bool:
        """Return whether the value and verdict rest on fictitious demo figures (labelled "demo")."""
        return self.figures.demo

    @property
    def status_text(self) -> str:
        """Return the verdict in words, with "(demo)" when it rests on fictitious demo figures."""
        return f"{self.status_label} ({_('demo')})" if self.demo else self.status_label

    @property
    def baseline_text(self) -> str:
        """Return the baseline as the plan states it: value and year, or '–'."""
        target = self.target
        if target.baseline_value is None:
            return target.baseline_period_text or formatting.MISSING
        period = target.baseline_period or target.baseline_period_text or "?"
        return f"{_value_text(target.baseline_value, target.indicator.unit)} ({period})"

    @property
    def target_text(self) -> str:
        """Return the target: its rule, value and year, or '–' without a rule."""
        target = self.target
        if not target.rule:
            return formatting.MISSING
        text = str(target.get_rule_display())
        if target.target_value is not None:
            text += f": {_value_text(target.target_value, target.indicator.unit)}"
        return text + (f" ({target.target_period})" if target.target_period else "")


def _value_text(value: float, unit: str) -> str:
    decimals = 0 if float(value).is_integer() else 1
    return formatting.percent(value, decimals) if unit == "%" else formatting.number(value, decimals)


@dataclass(frozen=True)
class ThemeProgress:
    """A theme with everything the progress report says about it."""

    theme: Theme
    goals: list[Goal]
    lines: list[IndicatorLine]
    actions: list[Action]
    costs: list[CostItem]

    def status_counts(self) -> list[tuple[str, str, int]]:
        """Return (status, label, number of targets) for every verdict, in display order."""
        counted = Counter(line.status for line in self.lines)
        return [(status.value, str(STATUS_LABELS[status]), counted[status.value]) for status in STATUS_ORDER]

    @property
    def demo_codes(self) -> list[str]:
        """Return the codes of the indicators whose figures rest on fictitious demo data."""
        return [line.target.indicator.code for line in self.lines if line.demo]

    def demo_goals(self) -> set[int]:
        """Return the ids of the goals whose verdict rests on a target judged on demo figures."""
        found = set()
        for goal in self.goals:
            codes = {indicator.pk for indicator in goal.indicators.all()}
            if any(line.demo and line.target.indicator_id in codes for line in self.lines):
                found.add(goal.pk)
        return found

    def goal_verdicts(self) -> list[tuple[Goal, str, str]]:
        """Return (goal, status, label) per goal: the verdict of the targets of its indicators.

        A goal is as far as its worst judged target: *niet op koers* if one of them is, else
        *risico* if one is, else *op koers* if one is; *geen data* when none of its targets
        has a verdict (register-only targets do not count).
        """
        verdicts = []
        for goal in self.goals:
            codes = {indicator.pk for indicator in goal.indicators.all()}
            found = {line.status for line in self.lines if line.target.indicator_id in codes}
            status = next(
                (s for s in (Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK) if s.value in found),
                Status.NO_DATA,
            )
            verdicts.append((goal, status.value, str(STATUS_LABELS[status])))
        return verdicts

    def action_counts(self) -> list[tuple[str, str, int]]:
        """Return (state, label, number of actions) for every action state."""
        counted = Counter(action.state for action in self.actions)
        return [(state.value, str(state.label), counted[state.value]) for state in ACTION_ORDER]

    @property
    def costs_total(self) -> Decimal:
        """Return the sum of the amounts on the themablad (PM items count as nothing)."""
        return sum((cost.amount or Decimal(0) for cost in self.costs), Decimal(0))


def plan_progress(
    plan: Plan, *, year: int, area_code: str, suppress: bool, only: Theme | None = None
) -> list[ThemeProgress]:
    """Return the progress of every theme of ``plan`` (or ``only`` that one) in ``year`` for ``area_code``."""
    selected = plan.themes.filter(pk=only.pk) if only is not None else plan.themes.all()
    themes = list(
        selected.order_by("number").prefetch_related(
            "goals__indicators", "targets__indicator", "actions", "costs"
        )
    )
    plan_targets = [t for theme in themes for t in theme.targets.all() if t.kind == TargetKind.PLAN]
    figures = indicator_figures(plan_targets, year=year, area_code=area_code, suppress=suppress)
    return [_theme(theme, figures) for theme in themes]


def _theme(theme: Theme, figures: dict[int, IndicatorFigures]) -> ThemeProgress:
    targets = list(theme.targets.all())
    lines = [
        IndicatorLine(
            target,
            figures.get(target.pk, IndicatorFigures()),
            [t for t in targets if t.kind == TargetKind.AREA and t.indicator_id == target.indicator_id],
        )
        for target in targets
        if target.kind == TargetKind.PLAN
    ]
    costs = [cost for cost in theme.costs.all() if cost.origin == CostOrigin.THEME]
    return ThemeProgress(theme, list(theme.goals.all()), lines, list(theme.actions.all()), costs)
