# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The shareable indicator definition file: read, check and write TOML.

A definition file lets municipalities exchange indicator sets. It names measures by their codes
(``woninginbraken``, ``woningen``), so a set made in one installation loads in another that
imports the same sources. The format is documented in ``docs/indicators.md`` (§8); every entry is
checked and all problems are reported together before anything is stored.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import tomli_w
from django.utils.translation import gettext as _

from kompas.indicators.comparability import Comparability, comparability, comparable_by_default
from kompas.indicators.vocabulary import Direction, Formula, Normalisation

FORMAT = "kompas-indicatoren"
VERSION = 1
CODE = re.compile(r"[a-z][a-z0-9_]{0,79}")
# Indicator codes may also be those of a plan's own catalogue (Hengelo's ``T1.I1``).
INDICATOR_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.]{0,79}")
GROUP_CODE = re.compile(r"[-a-zA-Z0-9_]{1,60}")
KINDS = ("effect", "performance", "process")
NEEDS_DENOMINATOR = {Formula.RATE, Formula.SHARE}
NO_DENOMINATOR = {Formula.COUNT, Formula.SURVEY_PERCENTAGE, Formula.COMPOSITE}


@dataclass(frozen=True)
class Component:
    """One sub-indicator of a composite index and its weight."""

    indicator: str
    weight: float


@dataclass(frozen=True)
class Definition:
    """One indicator as a formula over measures (see ``docs/indicators.md`` §1 and §8)."""

    code: str
    name: str
    formula: Formula
    numerator: str = ""
    denominator: str = ""
    per: float = 1000.0
    kind: str = "effect"
    unit: str = ""
    direction: Direction = Direction.NONE
    window: int = 0
    baseline_year: int = 0
    components: tuple[Component, ...] = ()
    normalisation: Normalisation = Normalisation.MEAN
    benchmark_group: str = ""
    data_source: str = ""
    source_ref: str = ""
    description: str = ""
    comparable: bool | None = None
    comparable_reason: str = ""
    incomplete_allowed: bool = False
    incomplete_reason: str = ""

    @property
    def is_comparable(self) -> bool:
        """Whether values may be compared across areas: ``comparable``, else the formula's default."""
        if self.comparable is None:
            return comparable_by_default(self.formula, self.denominator)
        return self.comparable

    @property
    def comparability(self) -> Comparability:
        """Whether index, rank and colour are computed, and the reason a reader sees when not."""
        return comparability(self.direction, self.is_comparable, self.comparable_reason)


@dataclass(frozen=True)
class Problem:
    """One problem in a definition file: where, which field, the value found and what was expected."""

    location: str
    field: str
    value: str
    expected: str

    def __str__(self) -> str:
        return _("%(location)s, veld '%(field)s': gevonden %(value)s, verwacht %(expected)s") % {
            "location": self.location,
            "field": self.field,
            "value": self.value or _("(leeg)"),
            "expected": self.expected,
        }


@dataclass(frozen=True)
class ParsedFile:
    """The definitions of a file, or the problems that keep it from loading."""

    definitions: tuple[Definition, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def parse(text: str, source: str = "", known: Iterable[str] = ()) -> ParsedFile:
    """Read a definition file; return its definitions, or every problem found in it.

    ``known`` are codes of indicators that already exist (in the database), which the file's
    composite indices may use besides the file's own indicators.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return ParsedFile(problems=(Problem(source or "TOML", "", str(error), _("geldige TOML")),))
    problems = list(_header_problems(document, source))
    entries = document.get("indicator", [])
    if not isinstance(entries, list):
        entries = []
        problems.append(Problem(source or "TOML", "indicator", "", _("een lijst [[indicator]]")))
    definitions = []
    for number, entry in enumerate(entries, start=1):
        location = f"{source}: indicator {number}" if source else f"indicator {number}"
        definition, found = _definition(entry, location)
        problems.extend(found)
        if definition is not None:
            definitions.append(definition)
    problems.extend(_set_problems(definitions, source, set(known)))
    if problems:
        return ParsedFile(problems=tuple(problems))
    return ParsedFile(definitions=tuple(definitions))


def _header_problems(document: Mapping[str, Any], source: str) -> Iterable[Problem]:
    where = source or "TOML"
    if document.get("format") != FORMAT:
        yield Problem(where, "format", str(document.get("format", "")), f'"{FORMAT}"')
    if document.get("version") != VERSION:
        yield Problem(where, "version", str(document.get("version", "")), str(VERSION))


def _text(entry: Mapping[str, Any], name: str) -> str:
    value = entry.get(name, "")
    return value if isinstance(value, str) else str(value)


def _definition(entry: Mapping[str, Any], location: str) -> tuple[Definition | None, list[Problem]]:
    """Check one ``[[indicator]]`` table; return the definition when it has no problems."""
    problems = [
        Problem(location, name, str(entry.get(name, "")), expected)
        for name, expected, valid in _field_checks(entry)
        if not valid
    ]
    if problems:
        return None, problems
    formula = Formula(entry["formula"])
    problems = _formula_problems(entry, formula, location)
    if problems:
        return None, problems
    return _build(entry, formula), []


def _field_checks(entry: Mapping[str, Any]) -> list[tuple[str, str, bool]]:
    """(field, what is expected, whether the entry has it) for the fields every indicator needs."""
    code, per = entry.get("code", ""), entry.get("per", 1000)
    return [
        (
            "code",
            _("letters, cijfers, _ en . (max. 80), beginnend met een letter"),
            isinstance(code, str) and bool(INDICATOR_CODE.fullmatch(code)),
        ),
        ("name", _("een naam"), bool(_text(entry, "name").strip())),
        ("formula", " | ".join(Formula), entry.get("formula") in set(Formula)),
        ("direction", " | ".join(Direction), entry.get("direction", Direction.NONE) in set(Direction)),
        ("kind", " | ".join(KINDS), entry.get("kind", "effect") in KINDS),
        ("per", _("een getal groter dan 0"), isinstance(per, int | float) and per > 0),
        (
            "normalisation",
            " | ".join(Normalisation),
            entry.get("normalisation", "mean") in set(Normalisation),
        ),
        (
            "benchmark_group",
            _("de code van een gebiedsgroep"),
            not entry.get("benchmark_group") or bool(GROUP_CODE.fullmatch(_text(entry, "benchmark_group"))),
        ),
    ]


def _formula_problems(entry: Mapping[str, Any], formula: Formula, location: str) -> list[Problem]:
    """Check the fields a formula needs and the ones it must not have."""
    problems = []
    measure = _("een maatstafcode")
    if formula is not Formula.COMPOSITE and not _is_sum(_text(entry, "numerator")):
        expected = _("een maatstafcode, of codes verbonden met +")
        problems.append(Problem(location, "numerator", _text(entry, "numerator"), expected))
    if formula in NEEDS_DENOMINATOR and not CODE.fullmatch(_text(entry, "denominator")):
        problems.append(Problem(location, "denominator", _text(entry, "denominator"), measure))
    if formula in NO_DENOMINATOR and entry.get("denominator"):
        expected = _("geen noemer bij formule %(formula)s") % {"formula": formula.value}
        problems.append(Problem(location, "denominator", _text(entry, "denominator"), expected))
    window = entry.get("window", 0)
    if formula is Formula.MOVING_AVERAGE and not (isinstance(window, int) and window >= 2):
        problems.append(Problem(location, "window", str(window), _("een geheel aantal perioden ≥ 2")))
    year = entry.get("baseline_year", 0)
    if formula is Formula.CHANGE and not (isinstance(year, int) and 1900 <= year <= 2100):
        problems.append(Problem(location, "baseline_year", str(year), _("een jaartal")))
    if formula is Formula.COMPOSITE:
        problems.extend(_component_problems(entry.get("components", []), location))
    problems.extend(_comparability_problems(entry, formula, location))
    problems.extend(_incomplete_problems(entry, location))
    return problems


def _incomplete_problems(entry: Mapping[str, Any], location: str) -> list[Problem]:
    """``incomplete_allowed`` is true or false; allowing a partial sum needs a written reason."""
    allowed = entry.get("incomplete_allowed", False)
    if not isinstance(allowed, bool):
        return [Problem(location, "incomplete_allowed", str(allowed), "true | false")]
    if allowed and not _text(entry, "incomplete_reason").strip():
        expected = _("een reden waarom een som van een deel van de gebieden hier bruikbaar is")
        return [Problem(location, "incomplete_reason", "", expected)]
    if not allowed and _text(entry, "incomplete_reason").strip():
        expected = _("geen reden zonder incomplete_allowed = true")
        return [Problem(location, "incomplete_reason", _text(entry, "incomplete_reason"), expected)]
    return []


def _comparability_problems(entry: Mapping[str, Any], formula: Formula, location: str) -> list[Problem]:
    """``comparable`` is true or false; departing from the formula's default needs a written reason."""
    default = comparable_by_default(formula, _text(entry, "denominator"))
    comparable = entry.get("comparable", default)
    if not isinstance(comparable, bool):
        return [Problem(location, "comparable", str(comparable), "true | false")]
    if comparable != default and not _text(entry, "comparable_reason").strip():
        expected = _("een reden waarom formule %(formula)s hier wel of niet vergelijkbaar is") % {
            "formula": formula.value
        }
        return [Problem(location, "comparable_reason", "", expected)]
    return []


def measure_codes(expression: str) -> tuple[str, ...]:
    """Return the measure codes of a numerator: ``"a + b"`` → ``("a", "b")``; ``""`` → ``()``."""
    return tuple(part.strip() for part in expression.split("+")) if expression.strip() else ()


def _is_sum(expression: str) -> bool:
    codes = measure_codes(expression)
    return bool(codes) and all(CODE.fullmatch(code) for code in codes) and len(set(codes)) == len(codes)


def _component_problems(components: Any, location: str) -> list[Problem]:
    expected = _("minstens twee {indicator = code, weight = getal ≥ 0} met een gewicht > 0")
    valid = (
        isinstance(components, list)
        and len(components) >= 2
        and all(
            isinstance(c, dict)
            and INDICATOR_CODE.fullmatch(str(c.get("indicator", "")))
            and isinstance(c.get("weight"), int | float)
            and c["weight"] >= 0
            for c in components
        )
        and sum(c["weight"] for c in components) > 0
    )
    return [] if valid else [Problem(location, "components", str(components), expected)]


def _set_problems(definitions: list[Definition], source: str, known: set[str]) -> list[Problem]:
    """Codes are unique and composite indices refer to other indicators of the file or ``known``."""
    where = source or "TOML"
    codes = [d.code for d in definitions]
    problems = [
        Problem(where, "code", code, _("unieke codes"))
        for code in sorted({c for c in codes if codes.count(c) > 1})
    ]
    known = known | set(codes)
    for definition in definitions:
        for component in definition.components:
            if component.indicator not in known or component.indicator == definition.code:
                expected = _("een andere bestaande indicator")
                problems.append(
                    Problem(f"{where}: {definition.code}", "components", component.indicator, expected)
                )
    return problems


def _build(entry: Mapping[str, Any], formula: Formula) -> Definition:
    components = tuple(
        Component(str(c["indicator"]), float(c["weight"])) for c in entry.get("components", [])
    )
    return Definition(
        code=entry["code"],
        name=entry["name"].strip(),
        formula=formula,
        numerator=" + ".join(measure_codes(_text(entry, "numerator"))),
        denominator=_text(entry, "denominator"),
        per=100.0 if formula is Formula.SHARE else float(entry.get("per", 1000)),
        kind=entry.get("kind", "effect"),
        unit=_text(entry, "unit"),
        direction=Direction(entry.get("direction", Direction.NONE)),
        window=int(entry.get("window", 0)),
        baseline_year=int(entry.get("baseline_year", 0)),
        components=components,
        normalisation=Normalisation(entry.get("normalisation", Normalisation.MEAN)),
        benchmark_group=_text(entry, "benchmark_group"),
        data_source=_text(entry, "data_source"),
        source_ref=_text(entry, "source_ref"),
        description=_text(entry, "description"),
        comparable=entry.get("comparable"),
        comparable_reason=_text(entry, "comparable_reason").strip(),
        incomplete_allowed=bool(entry.get("incomplete_allowed", False)),
        incomplete_reason=_text(entry, "incomplete_reason").strip(),
    )


def dumps(definitions: Iterable[Definition]) -> str:
    """Write definitions as a definition file; ``parse(dumps(x))`` gives ``x`` back."""
    entries = [_entry(definition) for definition in definitions]
    return tomli_w.dumps({"format": FORMAT, "version": VERSION, "indicator": entries})


def _entry(definition: Definition) -> dict[str, Any]:
    """The TOML table of one definition, leaving out fields at their default."""
    entry: dict[str, Any] = {
        "code": definition.code,
        "name": definition.name,
        "formula": definition.formula.value,
        "kind": definition.kind,
        "direction": definition.direction.value,
    }
    optional: dict[str, Any] = {
        "numerator": definition.numerator,
        "denominator": definition.denominator,
        "per": definition.per
        if definition.formula in (Formula.RATE, Formula.MOVING_AVERAGE, Formula.CHANGE)
        else 0,
        "unit": definition.unit,
        "window": definition.window,
        "baseline_year": definition.baseline_year,
        "benchmark_group": definition.benchmark_group,
        "data_source": definition.data_source,
        "source_ref": definition.source_ref,
        "description": definition.description,
    }
    entry.update({name: value for name, value in optional.items() if value})
    if definition.comparable is not None:
        entry["comparable"] = definition.comparable
    if definition.comparable_reason:
        entry["comparable_reason"] = definition.comparable_reason
    if definition.incomplete_allowed:
        entry["incomplete_allowed"] = True
        entry["incomplete_reason"] = definition.incomplete_reason
    if definition.components:
        entry["normalisation"] = definition.normalisation.value
        entry["components"] = [{"indicator": c.indicator, "weight": c.weight} for c in definition.components]
    return entry
