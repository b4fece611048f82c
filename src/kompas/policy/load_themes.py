# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Loading one themablad of a plan document: the theme and its five questions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kompas.accounts.models import Organisation, User
from kompas.indicators.catalogue import Indicator, save_indicator
from kompas.policy.models import (
    Action,
    BudgetLine,
    CostItem,
    Goal,
    Plan,
    Responsibility,
    Target,
    Theme,
    ThemeParagraph,
    Veiligheidsveld,
)
from kompas.policy.sourced import money, ref, text, value

Node = Mapping[str, Any]


def load_theme(
    plan: Plan,
    node: Node,
    fields: Mapping[str, Veiligheidsveld],
    lines: Mapping[int, BudgetLine],
    *,
    actor: User | None,
    organisation: Organisation,
) -> Theme:
    """Create the theme ``node`` of ``plan`` with its paragraphs, goals, indicators, actions,
    responsibilities and costs; the indicators go into the organisation's catalogue."""
    theme = _create_theme(plan, node, fields)
    for position, paragraph in enumerate(node.get("about", [])):
        ThemeParagraph.objects.create(
            theme=theme,
            position=position,
            heading=paragraph.get("heading") or "",
            area=paragraph.get("area") or "",
            text=paragraph["text"],
            source_ref=paragraph.get("source") or "",
        )
    indicators = {
        item["code"]: _catalogue_entry(item, actor=actor, organisation=organisation)
        for item in node["indicators"]
    }
    for position, item in enumerate(node["indicators"]):
        _create_targets(theme, item, indicators[item["code"]], position)
    _create_goals(theme, node["goals"], indicators)
    _create_actions(theme, node["actions"])
    _create_responsibilities(theme, node["responsibilities"])
    _create_costs(plan, theme, node["costs"], lines)
    return theme


def _create_theme(plan: Plan, node: Node, fields: Mapping[str, Veiligheidsveld]) -> Theme:
    lead = node.get("lead") or {}
    return Theme.objects.create(
        plan=plan,
        number=node["number"],
        code=node["code"],
        title=text(node["title"]),
        short_name=text(node.get("short_name")),
        urgent=bool(value(node.get("urgent"))),
        veiligheidsveld=fields.get(value(node.get("veiligheidsveld")) or ""),
        phase=value(node.get("phase")),
        lead_organisation=lead.get("organisation") or "",
        lead_department=lead.get("department") or "",
        lead_printed=lead.get("printed") or "",
        oov_role=value(node.get("oov_role")) or "",
        question_headings={
            question: [heading["text"] for heading in headings]
            for question, headings in node.get("question_headings", {}).items()
        },
        footnotes=list(node.get("footnotes", [])),
        source_ref=node.get("source") or ref(node["title"]),
    )


def _catalogue_entry(node: Node, *, actor: User | None, organisation: Organisation) -> Indicator:
    source = node.get("data_source") or {}
    data_source = " — ".join(part for part in (source.get("name"), source.get("detail")) if part)
    return save_indicator(
        actor=actor,
        organisation=organisation,
        code=node["code"],
        name=node["name"][:300],
        kind=node["kind"],
        unit=node.get("unit") or "",
        direction=value(node["direction"]),
        data_source=data_source[:300],
        source_ref=node.get("source") or "",
        description=node.get("text") or "",
    )


def _create_targets(theme: Theme, node: Node, indicator: Indicator, position: int) -> None:
    baseline, target = node.get("baseline") or {}, node.get("target") or {}
    precondition = text(node.get("precondition"))
    Target.objects.create(
        theme=theme,
        indicator=indicator,
        kind="plan",
        position=position * 100,
        area=baseline.get("area") or "",
        baseline_value=baseline.get("value"),
        baseline_period=baseline.get("period"),
        baseline_period_text=baseline.get("period_text") or "",
        baseline_ref=baseline.get("source") or "",
        rule=target.get("rule") or "",
        target_value=target.get("value"),
        target_period=target.get("period"),
        target_text=target.get("text") or "",
        target_ref=target.get("source") or "",
        context_values=list(node.get("context_values", [])),
        note="\n".join(part for part in (precondition, node.get("note") or "") if part),
        source_ref=node.get("source") or "",
    )
    for offset, area in enumerate(node.get("area_values", []), start=1):
        Target.objects.create(
            theme=theme,
            indicator=indicator,
            kind="area",
            position=position * 100 + offset,
            area=area["area"],
            baseline_value=area["value"],
            baseline_period=area.get("period"),
            baseline_ref=area.get("source") or "",
            note=area.get("note") or "",
            source_ref=area.get("source") or "",
        )


def _create_goals(theme: Theme, nodes: list[Node], indicators: Mapping[str, Indicator]) -> None:
    goals: dict[str, Goal] = {}
    for position, node in enumerate(nodes):
        goal = Goal.objects.create(
            theme=theme,
            code=node["code"],
            position=position,
            level=node.get("level") or "doel",
            parent=goals.get(node.get("parent") or ""),
            text=node["text"],
            note=node.get("note") or "",
            source_ref=node.get("source") or "",
        )
        goal.indicators.set([indicators[code] for code in node["indicators"]])
        goals[goal.code] = goal


def _create_actions(theme: Theme, nodes: list[Node]) -> None:
    for position, node in enumerate(nodes):
        Action.objects.create(
            theme=theme,
            code=node["code"],
            position=position,
            section=node.get("section") or "",
            title=node.get("title") or "",
            text=node["text"],
            led_by=text(node.get("led_by")),
            details=list(node.get("details") or []),
            source_ref=node.get("source") or "",
        )


def _create_responsibilities(theme: Theme, nodes: list[Node]) -> None:
    for position, node in enumerate(nodes):
        Responsibility.objects.create(
            theme=theme,
            code=node["code"],
            position=position,
            party=node["party"],
            kind=node["kind"],
            role=node["role"],
            section=node.get("section") or "",
            task=text(node.get("task")),
            source_ref=node.get("source") or "",
        )


def _create_costs(plan: Plan, theme: Theme, nodes: list[Node], lines: Mapping[int, BudgetLine]) -> None:
    for position, node in enumerate(nodes):
        CostItem.objects.create(
            plan=plan,
            theme=theme,
            origin="themablad",
            code=node["code"],
            position=position,
            text=node["text"],
            kind=node["kind"],
            amount=money(node.get("amount")),
            pm=bool(node.get("pm")),
            frequency=node.get("frequency") or "",
            budget_source=node.get("budget_source") or "",
            budget_line=lines.get(node.get("budget_line") or 0),
            note=node.get("note") or "",
            source_ref=node.get("source") or "",
        )
