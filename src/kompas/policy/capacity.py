# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which themes the OOV team can take up per year, under each scenario of the cover letter.

The hours available for the plan's themes in a year are ``fte × hours per fte × share for new
priorities`` (Hengelo: 3 fte × 1.440 × 10 % = 432 hours; the share is IVP L1366, the fte the
G32 benchmark, L6529). Themes are taken in priority order — high urgency first (L14-15), then
the themes OOV leads (L1373-1386), then by number — and a theme fits when its estimated hours
still fit in what is left; a theme that does not fit is passed over and the next one is tried.

The scenarios (L19-33) differ in what competes for those hours:

* ``prioritise_themes``: every theme, every year, within the current formation;
* ``prioritise_in_time``: per year only the themes of that year's phase (L1373-1386);
* ``extra_resources``: every theme, every year, with the scenario's extra fte fully available
  for the themes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kompas.policy.choices import OovRole, ScenarioKind
from kompas.policy.models import Plan, Scenario, Theme

# Used when a theme has no estimate yet; an assumption of Kompas, not a figure of the source.
DEFAULT_EFFORT_HOURS = {OovRole.LEADS: 240, OovRole.INVOLVED: 80, "": 80}


@dataclass(frozen=True)
class ThemeDemand:
    """A theme's claim on the hours for new priorities."""

    code: str
    title: str
    hours: int
    assumed: bool
    urgent: bool
    leads: bool
    phase: int | None
    number: int

    @property
    def priority(self) -> tuple[bool, bool, int]:
        """Return the sort key: urgent first, then OOV-led, then by number."""
        return (not self.urgent, not self.leads, self.number)


@dataclass(frozen=True)
class YearFit:
    """One year under one scenario: the hours available and needed, and which themes fit."""

    year: int
    available_hours: float
    demanded_hours: int
    used_hours: int
    fitted: tuple[str, ...]
    not_fitted: tuple[str, ...]


@dataclass(frozen=True)
class ScenarioResult:
    """A scenario's outcome over the plan period."""

    code: str
    kind: str
    title: str
    extra_fte: float
    years: tuple[YearFit, ...]

    @property
    def themes_never_fitted(self) -> tuple[str, ...]:
        """Return the themes that fit in no year (only calamity response remains for them)."""
        fitted = {code for year in self.years for code in year.fitted}
        wanted = [code for year in self.years for code in (*year.fitted, *year.not_fitted)]
        return tuple(dict.fromkeys(code for code in wanted if code not in fitted))


@dataclass(frozen=True)
class CapacityInputs:
    """What the comparison starts from; all editable in Kompas."""

    fte: float
    hours_per_fte: int
    priority_share: float
    themes: tuple[ThemeDemand, ...]

    @property
    def available_hours(self) -> float:
        """Return the hours per year for new priorities with the current formation."""
        return self.fte * self.hours_per_fte * self.priority_share / 100


def demand(theme: Theme) -> ThemeDemand:
    """Return the claim of ``theme``: its own estimate or the role's default (marked assumed)."""
    assumed = theme.effort_hours is None
    hours = DEFAULT_EFFORT_HOURS.get(theme.oov_role, 80) if assumed else int(theme.effort_hours or 0)
    leads = theme.oov_role == OovRole.LEADS
    return ThemeDemand(
        theme.code, theme.title, hours, assumed, theme.urgent, leads, theme.phase, theme.number
    )


def inputs(plan: Plan) -> CapacityInputs:
    """Return the capacity inputs of ``plan`` (no formation or share means none available)."""
    capacity = getattr(plan, "capacity", None)
    fte = float(capacity.fte or 0) if capacity is not None else 0.0
    hours = capacity.hours_per_fte if capacity is not None else 0
    shares = capacity.shares if capacity is not None else []
    share = sum(float(item["percent"]) for item in shares if item.get("new_priorities"))
    themes = tuple(sorted((demand(theme) for theme in plan.themes.all()), key=lambda item: item.priority))
    return CapacityInputs(fte, hours, share, themes)


def fit(year: int, available: float, candidates: Sequence[ThemeDemand]) -> YearFit:
    """Fill ``available`` hours with ``candidates`` in priority order; pass over what does not fit."""
    used, fitted, not_fitted = 0, [], []
    for theme in sorted(candidates, key=lambda item: item.priority):
        if used + theme.hours <= available:
            used += theme.hours
            fitted.append(theme.code)
        else:
            not_fitted.append(theme.code)
    demanded = sum(theme.hours for theme in candidates)
    return YearFit(year, available, demanded, used, tuple(fitted), tuple(not_fitted))


def phase_of(year: int, start: int, end: int) -> int:
    """Return the phase (1 or 2) of ``year`` in a plan period split into two equal halves."""
    half = (end - start + 1) / 2
    return 1 if year - start < half else 2


def compare(plan: Plan, given: CapacityInputs | None = None) -> list[ScenarioResult]:
    """Return the outcome of every scenario of ``plan``, year by year."""
    base = given or inputs(plan)
    years = range(plan.period_start, plan.period_end + 1)
    return [_scenario(scenario, base, years, plan) for scenario in plan.scenarios.all()]


def _scenario(scenario: Scenario, base: CapacityInputs, years: range, plan: Plan) -> ScenarioResult:
    extra = float(scenario.extra_fte or Decimal(0))
    available = base.available_hours + extra * base.hours_per_fte
    results = []
    for year in years:
        candidates = base.themes
        if scenario.kind == ScenarioKind.PRIORITISE_IN_TIME:
            phase = phase_of(year, plan.period_start, plan.period_end)
            candidates = tuple(theme for theme in base.themes if theme.phase in (None, phase))
        results.append(fit(year, available, candidates))
    return ScenarioResult(scenario.code, scenario.kind, scenario.title, extra, tuple(results))
