# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The dashboard's theme tiles: per theme of the plan, how many targets have each verdict, and the actions.

The same counts as :meth:`kompas.reports.theme_progress.ThemeProgress.status_counts`, read as
plain values in four queries, because the dashboard shows nothing else of the themes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kompas.indicators.demo_values import Reads, demo_years_of_formulas
from kompas.indicators.queries import progress_for
from kompas.indicators.status import STATUS_LABELS, Status
from kompas.policy.choices import TargetKind
from kompas.reports.theme_progress import ACTION_ORDER, NO_RULE, STATUS_ORDER

if TYPE_CHECKING:
    from kompas.policy.queries import Plan


@dataclass(frozen=True)
class ThemeTile:
    """A theme as the dashboard's tile shows it: its verdict and action counts."""

    pk: int
    code: str
    title: str
    statuses: list[tuple[str, str, int]]
    actions: list[tuple[str, str, int]]
    demo_codes: list[str] = field(default_factory=list)  # verdicts resting on demo figures (issue 16)

    def status_counts(self) -> list[tuple[str, str, int]]:
        """Return (status, label, number of targets) for every verdict, in display order."""
        return self.statuses

    def action_counts(self) -> list[tuple[str, str, int]]:
        """Return (state, label, number of actions) for every action state."""
        return self.actions


def theme_tiles(plan: Plan, *, year: int) -> list[ThemeTile]:
    """Return per theme of ``plan`` the number of targets with each verdict in ``year`` and of actions.

    Five queries, whatever the number of themes, targets and actions (one of them asks which
    verdicts rest on demo figures). A tile
    names the indicators whose verdict may rest on fictitious demo figures (of ``year`` or before).
    """
    themes = list(plan.themes.order_by("number").values_list("pk", "code", "title"))
    rows = list(
        plan.themes.filter(targets__kind=TargetKind.PLAN).values_list(
            "pk",
            "targets__pk",
            "targets__rule",
            "targets__indicator_id",
            "targets__indicator__code",
            "targets__indicator__definition__numerator",
            "targets__indicator__definition__denominator",
            "targets__indicator__definition__components",
        )
    )
    targets = [(theme, target, rule) for theme, target, rule, *_indicator in rows]
    verdicts = {
        v.target_id: v.status for v in progress_for([t for _theme, t, _rule in targets], until=_end(year))
    }
    statuses: dict[int, Counter[str]] = {pk: Counter() for pk, _code, _title in themes}
    for theme, target, rule in targets:
        fallback = Status.REGISTER_ONLY.value if rule in NO_RULE else Status.NO_DATA.value
        statuses[theme][verdicts.get(target) or fallback] += 1
    demo: dict[int, list[str]] = {pk: [] for pk, _code, _title in themes}
    formulas = {row[3]: Reads(row[5] or "", row[6] or "", bool(row[7])) for row in rows if row[5] is not None}
    years = demo_years_of_formulas(formulas, plan.organisation_id)
    for theme, indicator, code in sorted({(row[0], row[3], row[4]) for row in rows}, key=lambda row: row[2]):
        if any(found <= year for found in years.get(indicator, ())):
            demo[theme].append(code)
    actions: dict[int, Counter[str]] = {pk: Counter() for pk, _code, _title in themes}
    for theme, state in plan.themes.filter(actions__isnull=False).values_list("pk", "actions__state"):
        actions[theme][state] += 1
    return [
        ThemeTile(
            pk,
            code,
            title,
            [(s.value, str(STATUS_LABELS[s]), statuses[pk][s.value]) for s in STATUS_ORDER],
            [(a.value, str(a.label), actions[pk][a.value]) for a in ACTION_ORDER],
            demo[pk],
        )
        for pk, code, title in themes
    ]


def _end(year: int) -> dt.date:
    return dt.date(year, 12, 31)
