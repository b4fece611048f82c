# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The editable parts of a plan: which model, which fields, under which parent, and the rules a
change must satisfy. Pages, forms, edits and history all read this one table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.policy.choices import RULES_FROM_BASELINE, RULES_WITH_VALUE
from kompas.policy.models import (
    Action,
    BudgetLine,
    CapacityPlan,
    CostItem,
    Goal,
    Plan,
    Responsibility,
    Scenario,
    Sourced,
    Spending,
    Target,
    Theme,
    ThemeBudget,
    ThemeParagraph,
)

Rule = Callable[[Mapping[str, Any]], None]


@dataclass(frozen=True)
class Part:
    """One kind of plan object as the pages edit it.

    ``noun`` names the audit codes (``policy.<noun>.changed``) and the URL parameter
    (``<noun>_id``); ``slug`` is the Dutch path segment; ``parent`` is ``"theme"`` or ``"plan"``
    for parts created under one, ``""`` for parts that are not created on their own.
    """

    noun: str
    slug: str
    model: type[Sourced]
    fields: tuple[str, ...]
    parent: str
    label: Promise
    rules: tuple[Rule, ...] = ()
    deletable: bool = True

    @property
    def many_to_many(self) -> tuple[str, ...]:
        """Return the editable fields that are many-to-many relations."""
        return tuple(name for name in self.fields if self.model._meta.get_field(name).many_to_many)


def _target_rule(values: Mapping[str, Any]) -> None:
    """A stated rule needs what it is computed from."""
    rule = values.get("rule") or ""
    if rule in RULES_WITH_VALUE and values.get("target_value") is None:
        raise ValidationError({"target_value": _("Deze streefregel heeft een streefwaarde nodig.")})
    if rule in RULES_FROM_BASELINE and rule not in RULES_WITH_VALUE and values.get("baseline_value") is None:
        raise ValidationError(
            {"baseline_value": _("Deze streefregel vergelijkt met de basiswaarde; vul die in.")}
        )
    if values.get("target_value") is not None and not rule:
        raise ValidationError({"rule": _("Kies bij een streefwaarde ook de streefregel.")})


def _period(values: Mapping[str, Any]) -> None:
    """A plan period runs forward."""
    start, end = values.get("period_start"), values.get("period_end")
    if start is not None and end is not None and end < start:
        raise ValidationError({"period_end": _("Het laatste jaar ligt vóór het eerste jaar.")})


YEAR_FIELDS = ("baseline_period", "target_period", "year", "period_start", "period_end")


def _years(values: Mapping[str, Any]) -> None:
    """Years are years: between 1900 and 2100."""
    for name in YEAR_FIELDS:
        year = values.get(name)
        if year is not None and not 1900 <= year <= 2100:
            raise ValidationError({name: _("Vul een jaar in tussen 1900 en 2100.")})


def _cost_amount(values: Mapping[str, Any]) -> None:
    """A cost is an amount or PM, not both."""
    if values.get("pm") and values.get("amount") is not None:
        raise ValidationError(
            {"amount": _("Een kostenpost op PM heeft geen bedrag; haal het vinkje of het bedrag weg.")}
        )


def _not_negative(values: Mapping[str, Any]) -> None:
    """A budget or a spending is an amount of money, not a refund."""
    amount = values.get("amount")
    if amount is not None and amount < 0:
        raise ValidationError({"amount": _("Een bedrag kan niet negatief zijn.")})


PARTS: dict[str, Part] = {
    part.noun: part
    for part in (
        Part(
            "plan",
            "plan",
            Plan,
            (
                "title",
                "period_start",
                "period_end",
                "status",
                "adoption_date",
                "budget_stated_total",
                "source_ref",
            ),
            "",
            gettext_lazy("veiligheidsplan"),
            (_period, _years),
            deletable=False,
        ),
        Part(
            "theme",
            "thema",
            Theme,
            (
                "number",
                "code",
                "title",
                "short_name",
                "urgent",
                "veiligheidsveld",
                "phase",
                "lead_organisation",
                "lead_department",
                "oov_role",
                "effort_hours",
                "source_ref",
            ),
            "plan",
            gettext_lazy("thema"),
        ),
        Part(
            "paragraph",
            "alinea",
            ThemeParagraph,
            ("position", "heading", "area", "text", "source_ref"),
            "theme",
            gettext_lazy("alinea"),
        ),
        Part(
            "goal",
            "doel",
            Goal,
            ("code", "position", "level", "parent", "text", "indicators", "note", "source_ref"),
            "theme",
            gettext_lazy("doel"),
        ),
        Part(
            "target",
            "streefwaarde",
            Target,
            (
                "indicator",
                "kind",
                "area",
                "baseline_value",
                "baseline_period",
                "baseline_period_text",
                "rule",
                "target_value",
                "target_period",
                "target_text",
                "note",
                "source_ref",
            ),
            "theme",
            gettext_lazy("streefwaarde"),
            (_target_rule, _years),
        ),
        Part(
            "action",
            "actie",
            Action,
            ("code", "position", "title", "text", "led_by", "state", "source_ref"),
            "theme",
            gettext_lazy("actie"),
        ),
        Part(
            "responsibility",
            "betrokkene",
            Responsibility,
            ("code", "position", "party", "kind", "role", "task", "source_ref"),
            "theme",
            gettext_lazy("betrokkene"),
        ),
        Part(
            "cost",
            "kostenpost",
            CostItem,
            (
                "code",
                "text",
                "kind",
                "amount",
                "pm",
                "frequency",
                "budget_source",
                "budget_line",
                "source_ref",
            ),
            "theme",
            gettext_lazy("kostenpost"),
            (_cost_amount,),
        ),
        Part(
            "budget_line",
            "begrotingsregel",
            BudgetLine,
            ("number", "code", "subject", "status", "amount", "year", "note", "themes", "source_ref"),
            "plan",
            gettext_lazy("begrotingsregel"),
            (_years,),
        ),
        Part(
            "theme_budget",
            "themabudget",
            ThemeBudget,
            ("year", "amount", "note", "source_ref"),
            "theme",
            gettext_lazy("themabudget"),
            (_years, _not_negative),
        ),
        Part(
            "spending",
            "besteding",
            Spending,
            ("budget_line", "year", "amount", "note", "source_ref"),
            "plan",
            gettext_lazy("besteding"),
            (_years, _not_negative),
        ),
        Part(
            "capacity",
            "capaciteit",
            CapacityPlan,
            ("fte", "hours_per_fte", "shares", "source_ref"),
            "",
            gettext_lazy("capaciteit OOV"),
            deletable=False,
        ),
        Part(
            "scenario",
            "scenario",
            Scenario,
            (
                "number",
                "code",
                "kind",
                "title",
                "description",
                "consequence",
                "resources",
                "extra_fte",
                "source_ref",
            ),
            "plan",
            gettext_lazy("scenario"),
        ),
    )
}
PARTS_BY_MODEL: dict[type[Sourced], Part] = {part.model: part for part in PARTS.values()}


def part_of(obj: Sourced) -> Part:
    """Return the part description of ``obj``."""
    return PARTS_BY_MODEL[type(obj)]


def plan_of(obj: Sourced) -> Plan:
    """Return the plan ``obj`` belongs to."""
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, ThemeParagraph | Goal | Target | Action | Responsibility | ThemeBudget):
        return obj.theme.plan
    return obj.plan  # type: ignore[attr-defined,no-any-return]  # every other part has a plan
