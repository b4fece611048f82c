# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Checking a plan document before anything is written: every problem, with where it is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from kompas.indicators.catalogue import IndicatorDirection, IndicatorKind
from kompas.policy import choices
from kompas.policy.sourced import value

SOURCE_BASES = ("derived", "external", "gap")


class PlanDocumentError(ValueError):
    """Raised with every problem found in a plan document; nothing was loaded."""

    def __init__(self, found: Sequence[str]) -> None:
        super().__init__("\n".join(found))
        self.problems = list(found)


def _problem(path: str, found: Any, expected: str) -> str:
    return _("%(path)s: gevonden %(found)s, verwacht %(expected)s") % {
        "path": path,
        "found": repr(found) if found is not None else _("(niets)"),
        "expected": expected,
    }


def _one_of(path: str, found: Any, allowed: Iterable[str]) -> list[str]:
    options = sorted(allowed)
    return [] if found in options else [_problem(path, found, " | ".join(options))]


def _number(path: str, found: Any, *, optional: bool = True) -> list[str]:
    if found is None and optional:
        return []
    ok = isinstance(found, int | float) and not isinstance(found, bool)
    return [] if ok else [_problem(path, found, _("een getal"))]


def _keys(path: str, node: Any, keys: Iterable[str]) -> list[str]:
    if not isinstance(node, Mapping):
        return [_problem(path, type(node).__name__, _("een object"))]
    return [_problem(f"{path}.{key}", None, _("een waarde")) for key in keys if key not in node]


def _source(path: str, node: Mapping[str, Any]) -> list[str]:
    """Require a line reference, or ``source: null`` with a basis."""
    if "source" not in node:
        return []
    if node["source"] is None and node.get("basis") not in SOURCE_BASES:
        return [_problem(f"{path}.basis", node.get("basis"), " | ".join(SOURCE_BASES))]
    if node["source"] is not None and not str(node["source"]).startswith("L"):
        return [_problem(f"{path}.source", node["source"], _("een regelverwijzing zoals L431-432"))]
    return []


def _each(path: str, items: Any, check: Callable[[str, Any], list[str]]) -> list[str]:
    if not isinstance(items, list):
        return [_problem(path, type(items).__name__, _("een lijst"))]
    return [problem for index, item in enumerate(items) for problem in check(f"{path}[{index}]", item)]


def _unique_codes(path: str, items: Sequence[Mapping[str, Any]], key: str = "code") -> list[str]:
    codes = [item.get(key) for item in items if isinstance(item, Mapping)]
    doubles = sorted({str(code) for code in codes if codes.count(code) > 1})
    return [_problem(path, code, _("unieke codes")) for code in doubles]


def _indicator(path: str, node: Any) -> list[str]:
    found = _keys(path, node, ("code", "name", "kind", "unit", "direction", "baseline", "target"))
    if found:
        return found
    found += _one_of(f"{path}.kind", node["kind"], IndicatorKind.values)
    found += _one_of(f"{path}.direction", value(node["direction"]), IndicatorDirection.values)
    if node["baseline"] is not None:
        found += _number(f"{path}.baseline.value", node["baseline"].get("value"))
    if node["target"] is not None:
        found += _one_of(f"{path}.target.rule", node["target"].get("rule"), choices.TargetRuleChoices.values)
        found += _number(f"{path}.target.value", node["target"].get("value"))
    found += _each(f"{path}.area_values", node.get("area_values", []), _area_value)
    return found + _source(path, node)


def _area_value(path: str, node: Any) -> list[str]:
    return _keys(path, node, ("area", "value")) or _number(f"{path}.value", node["value"], optional=False)


def _goal(indicator_codes: set[str]) -> Callable[[str, Any], list[str]]:
    def check(path: str, node: Any) -> list[str]:
        found = _keys(path, node, ("code", "text", "indicators"))
        if found:
            return found
        unknown = [code for code in node["indicators"] if code not in indicator_codes]
        found += [_problem(f"{path}.indicators", code, _("een indicator van dit thema")) for code in unknown]
        return found + _source(path, node)

    return check


def _responsibility(path: str, node: Any) -> list[str]:
    found = _keys(path, node, ("code", "party", "kind", "role"))
    if found:
        return found
    return _one_of(f"{path}.kind", node["kind"], choices.PartyKind.values) + _one_of(
        f"{path}.role", node["role"], choices.PartyRole.values
    )


def _cost(path: str, node: Any) -> list[str]:
    found = _keys(path, node, ("code", "text", "kind", "amount", "pm"))
    if found:
        return found
    return _one_of(f"{path}.kind", node["kind"], choices.CostKind.values) + _number(
        f"{path}.amount", node["amount"]
    )


def _plain(*keys: str) -> Callable[[str, Any], list[str]]:
    def check(path: str, node: Any) -> list[str]:
        return _keys(path, node, keys) or _source(path, node)

    return check


def _theme(path: str, node: Any) -> list[str]:
    parts = ("code", "number", "title", "goals", "actions", "responsibilities", "costs", "indicators")
    found = _keys(path, node, parts)
    if found:
        return found
    codes = {item.get("code") for item in node["indicators"] if isinstance(item, Mapping)}
    found += _each(f"{path}.indicators", node["indicators"], _indicator)
    found += _each(f"{path}.goals", node["goals"], _goal({str(code) for code in codes}))
    found += _each(f"{path}.actions", node["actions"], _plain("code", "text"))
    found += _each(f"{path}.responsibilities", node["responsibilities"], _responsibility)
    found += _each(f"{path}.costs", node["costs"], _cost)
    found += _each(f"{path}.about", node.get("about", []), _plain("text"))
    for part in ("indicators", "goals", "actions", "responsibilities", "costs"):
        found += _unique_codes(f"{path}.{part}", node[part])
    found += _one_of(f"{path}.oov_role", value(node.get("oov_role")), [*choices.OovRole.values, ""])
    return found


def _budget_line(path: str, node: Any) -> list[str]:
    return _keys(path, node, ("number", "code", "subject", "amount", "source")) or _number(
        f"{path}.amount", node["amount"], optional=False
    )


def _scenario(path: str, node: Any) -> list[str]:
    found = _keys(path, node, ("number", "code", "kind", "title", "source"))
    return found or _one_of(f"{path}.kind", node["kind"], choices.ScenarioKind.values)


def _share(path: str, node: Any) -> list[str]:
    return _keys(path, node, ("code", "label", "value", "source")) or _number(
        f"{path}.value", node["value"], optional=False
    )


def problems(document: Any) -> list[str]:
    """Return every problem of ``document`` as a Dutch message naming where it is; [] if none."""
    top = (
        "id",
        "format",
        "plan",
        "veiligheidsvelden",
        "oov_capacity",
        "themes",
        "phasing",
        "budget",
        "scenarios",
    )
    found = _keys("", document, top)
    if found:
        return found
    if document["format"] != {"name": "kompas-plan", "version": 1}:
        found.append(_problem("format", document["format"], '{"name": "kompas-plan", "version": 1}'))
    facts = document["plan"]
    found += _keys("plan", facts, ("title", "period_start", "period_end", "status", "five_questions"))
    if not found:
        found += _one_of("plan.status", value(facts["status"]), choices.PlanStatus.values)
    found += _each("veiligheidsvelden", document["veiligheidsvelden"], _plain("code", "name"))
    found += _each("themes", document["themes"], _theme)
    found += _unique_codes("themes", document["themes"])
    found += _each("budget.lines", document["budget"].get("lines"), _budget_line)
    found += _each("oov_capacity.shares", document["oov_capacity"].get("shares"), _share)
    found += _each("scenarios.items", document["scenarios"].get("items"), _scenario)
    return found
