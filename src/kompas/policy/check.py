# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan check: what makes a plan hard to steer on or does not add up.

The G32 benchmark found Hengelo's plan "niet goed meetbaar door het ontbreken van
effectindicatoren" (spec §10.8); the check lists exactly that, and the sums in the document that
disagree with what is printed (spec Appendix A1, A3). Each finding has a stable ``code`` for
tools, a Dutch message for people, and the source lines it is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.policy.models import Plan, Target, Theme
from kompas.presentation.formatting import number


@dataclass(frozen=True)
class Finding:
    """One thing the plan check reports about one object of the plan."""

    code: str
    message: str
    subject: str
    source_refs: tuple[str, ...] = ()
    figures: Mapping[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON data."""
        return {
            "code": self.code,
            "subject": self.subject,
            "message": self.message,
            "source_refs": list(self.source_refs),
            "figures": dict(self.figures),
        }


CODES = {
    "goal_without_effect_indicator": gettext_lazy("Doel zonder effectindicator"),
    "indicator_without_baseline": gettext_lazy("Indicator zonder basiswaarde"),
    "indicator_without_target": gettext_lazy("Indicator zonder streefwaarde"),
    "target_without_year": gettext_lazy("Streefwaarde zonder jaar"),
    "budget_total_mismatch": gettext_lazy("Begrotingsregels tellen niet op tot het totaal"),
    "capacity_shares_not_100": gettext_lazy("Capaciteitsaandelen tellen niet op tot 100 %"),
    "theme_without_lead": gettext_lazy("Thema zonder trekker"),
    "cost_pm": gettext_lazy("Kosten PM (pro memorie)"),
}


def _themes(plan: Plan) -> list[Theme]:
    plan_targets = Target.objects.filter(kind="plan").select_related("indicator")
    return list(
        plan.themes.prefetch_related(
            "goals__indicators", Prefetch("targets", queryset=plan_targets), "costs", "responsibilities"
        )
    )


def check_plan(plan: Plan) -> list[Finding]:
    """Return every finding on ``plan``, themes in order, plan-wide sums last."""
    findings: list[Finding] = []
    for theme in _themes(plan):
        findings += _theme_lead(theme)
        findings += _goals(theme)
        findings += _targets(theme)
        findings += _costs(theme)
    findings += _budget(plan)
    findings += _capacity(plan)
    return findings


def summary(findings: list[Finding]) -> dict[str, int]:
    """Return how many findings there are of each code, in the order of :data:`CODES`."""
    counted = Counter(finding.code for finding in findings)
    return {code: counted[code] for code in CODES if counted[code]}


def _theme_lead(theme: Theme) -> Iterator[Finding]:
    leads = [item for item in theme.responsibilities.all() if item.role == "trekker"]
    if not (theme.lead_department or theme.lead_organisation or leads):
        yield Finding(
            "theme_without_lead",
            _("Thema %(code)s heeft geen trekker.") % {"code": theme.code},
            theme.code,
            (theme.source_ref,),
        )


def _goals(theme: Theme) -> Iterator[Finding]:
    for goal in theme.goals.all():
        if not any(indicator.kind == "effect" for indicator in goal.indicators.all()):
            measured = ", ".join(indicator.code for indicator in goal.indicators.all())
            message = (
                _("Doel %(code)s heeft geen effectindicator (wel: %(measured)s).")
                if measured
                else _("Doel %(code)s heeft geen effectindicator en geen enkele indicator.")
            )
            yield Finding(
                "goal_without_effect_indicator",
                message % {"code": goal.code, "measured": measured},
                goal.code,
                (goal.source_ref,),
            )


def _targets(theme: Theme) -> Iterator[Finding]:
    for target in theme.targets.all():
        code, refs = target.indicator.code, (target.source_ref,)
        if target.baseline_value is None and target.rule != "realise":
            message = _("Indicator %(code)s heeft geen basiswaarde.") % {"code": code}
            yield Finding("indicator_without_baseline", message, code, refs)
        if not target.rule:
            message = _("Indicator %(code)s heeft geen streefwaarde.") % {"code": code}
            yield Finding("indicator_without_target", message, code, refs)
        elif target.target_period is None:
            message = _("De streefwaarde van %(code)s heeft geen jaar.") % {"code": code}
            yield Finding("target_without_year", message, code, (target.target_ref or target.source_ref,))


def _costs(theme: Theme) -> Iterator[Finding]:
    for cost in theme.costs.all():
        if cost.pm and cost.origin == "themablad":
            message = _("Kostenpost %(code)s staat op PM: er is geen bedrag (%(text)s).")
            yield Finding(
                "cost_pm", message % {"code": cost.code, "text": cost.text}, cost.code, (cost.source_ref,)
            )


def _budget(plan: Plan) -> Iterator[Finding]:
    lines = list(plan.budget_lines.all())
    stated = plan.budget_stated_total
    if stated is None or not lines:
        return
    total = sum((line.amount or Decimal(0) for line in lines), Decimal(0))
    if total != stated:
        message = _(
            "De %(count)d begrotingsregels tellen op tot %(total)s; het gedrukte totaal is %(stated)s "
            "(verschil %(difference)s)."
        ) % {
            "count": len(lines),
            "total": number(float(total)),
            "stated": number(float(stated)),
            "difference": number(float(total - stated)),
        }
        figures = {
            "lines_sum": float(total),
            "stated_total": float(stated),
            "difference": float(total - stated),
        }
        refs = (plan.budget_stated_total_ref, *(line.source_ref for line in lines))
        yield Finding("budget_total_mismatch", message, _("begroting"), refs, figures)


def _capacity(plan: Plan) -> Iterator[Finding]:
    capacity = getattr(plan, "capacity", None)
    if capacity is None or not capacity.shares:
        return
    total = sum(float(share["percent"]) for share in capacity.shares)
    if abs(total - 100) > 1e-9:
        parts = " + ".join(number(share["percent"]) for share in capacity.shares)
        message = _("De aandelen van de OOV-inzet tellen op tot %(total)s %% (%(parts)s), niet 100 %%.") % {
            "total": number(total),
            "parts": parts,
        }
        refs = tuple(share.get("source_ref", "") for share in capacity.shares)
        yield Finding("capacity_shares_not_100", message, _("capaciteit OOV"), refs, {"shares_sum": total})
