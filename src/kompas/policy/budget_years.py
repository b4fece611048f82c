# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The budget over time: what was budgeted per theme per year against what was spent.

Three amounts describe a theme's money and they come from different places, so they are shown
side by side and never added up:

* **kosten op het themablad**: what the themablad itself names under "Wat gaat dat kosten?" —
  often one-off, per inhabitant, or paid from another budget (youth policy, the police); a PM
  item counts as nothing;
* **begrotingsregels**: the yearly amounts of the plan's budget table (IVP §3.4) linked to the
  theme; a line linked to several themes counts for each of them;
* **begroot per jaar** (:class:`~kompas.policy.models.ThemeBudget`): the theme's budget for one
  year as the organisation enters it, with **besteed**: the spending entered per budget line and
  year (:class:`~kompas.policy.models.Spending`), summed over the theme's lines.

A year without an entered budget or spending shows as not entered, never as zero.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kompas.policy.models import BudgetLine, Plan, Spending, Theme, ThemeBudget


@dataclass(frozen=True)
class ThemeYear:
    """The money of one theme in one year."""

    theme: Theme
    year: int
    lines: Decimal
    planned: Decimal | None
    spent: Decimal | None

    @property
    def spent_share(self) -> float | None:
        """Return spent as a percentage of planned (None without both, or a zero budget)."""
        if self.planned is None or self.spent is None or self.planned == 0:
            return None
        return float(self.spent / self.planned * 100)


@dataclass(frozen=True)
class LineYear:
    """One budget line in one year: its amount in the plan and what was spent."""

    line: BudgetLine
    year: int
    spent: Decimal | None
    note: str = ""

    @property
    def remaining(self) -> Decimal | None:
        """Return the line's amount minus the spending (None without both)."""
        if self.line.amount is None or self.spent is None:
            return None
        return self.line.amount - self.spent


def theme_years(plan: Plan, themes: Sequence[Theme], year: int) -> list[ThemeYear]:
    """Return each of ``themes`` in ``year``: its budget lines, entered budget and spending."""
    lines = list(plan.budget_lines.prefetch_related("themes"))
    per_theme: dict[int, Decimal] = defaultdict(Decimal)
    line_themes: dict[int, list[int]] = {}
    for line in lines:
        line_themes[line.pk] = [theme.pk for theme in line.themes.all()]
        for theme_pk in line_themes[line.pk]:
            per_theme[theme_pk] += line.amount or Decimal(0)
    spent: dict[int, Decimal] = {}
    for spending in Spending.objects.filter(plan=plan, year=year):
        for theme_pk in line_themes.get(spending.budget_line_id, []):
            spent[theme_pk] = spent.get(theme_pk, Decimal(0)) + spending.amount
    planned = {
        entry.theme_id: entry.amount
        for entry in ThemeBudget.objects.filter(theme__in=list(themes), year=year)
    }
    return [
        ThemeYear(
            theme, year, per_theme.get(theme.pk, Decimal(0)), planned.get(theme.pk), spent.get(theme.pk)
        )
        for theme in themes
    ]


def line_years(plan: Plan, year: int, theme: Theme | None = None) -> list[LineYear]:
    """Return every budget line of ``plan`` (or of ``theme``) with its spending in ``year``."""
    lines = plan.budget_lines.all()
    if theme is not None:
        lines = lines.filter(themes=theme)
    spent = {s.budget_line_id: s for s in Spending.objects.filter(plan=plan, year=year)}
    return [
        LineYear(
            line,
            year,
            spent[line.pk].amount if line.pk in spent else None,
            spent[line.pk].note if line.pk in spent else "",
        )
        for line in lines
    ]


def theme_history(theme: Theme) -> list[ThemeYear]:
    """Return the theme's money in every year that has an entered budget or spending, oldest first."""
    plan = theme.plan
    years = set(ThemeBudget.objects.filter(theme=theme).values_list("year", flat=True))
    years |= set(Spending.objects.filter(plan=plan, budget_line__themes=theme).values_list("year", flat=True))
    return [theme_years(plan, [theme], year)[0] for year in sorted(years)]
