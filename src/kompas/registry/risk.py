# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The uniform risk classification of events: answers → points → score → class A, B or C.

The criteria are data (``data/risicoclassificatie.toml``): per criterion a question and its
points — for a number, the points of the highest step it reaches; for yes/no, the points of a
yes — and per class the lowest score that gives it. The bundled table is an *example*: the IVP
asks for one uniform classification (L2743-2745) without naming criteria, so every page that
shows a computed class says the table is an example until the region sets its own.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

TABLE = Path(__file__).parent / "data" / "risicoclassificatie.toml"
FORMAT = "kompas-risicoclassificatie"


@dataclass(frozen=True)
class Criterion:
    """One question of the application form and the points its answer scores."""

    code: str
    question: str
    kind: str  # "number" or "yes_no"
    steps: tuple[tuple[int, int], ...] = ()  # (from, points), ascending, for a number
    points: int = 0  # for a yes

    def score(self, answer: int | bool) -> int:
        """Return the points of ``answer``."""
        if self.kind == "yes_no":
            return self.points if answer else 0
        reached = [points for lowest, points in self.steps if int(answer) >= lowest]
        return reached[-1] if reached else 0


@dataclass(frozen=True)
class RiskTable:
    """The criteria and the lowest score of each class, ascending."""

    criteria: tuple[Criterion, ...]
    classes: tuple[tuple[str, int], ...]
    example: bool


@dataclass(frozen=True)
class Classification:
    """The computed class of one application, with the points of every answer."""

    score: int
    risk_class: str
    points: tuple[tuple[str, int], ...]


def parse(text: str) -> RiskTable:
    """Read a criteria table; raise ValueError naming what is wrong."""
    document = tomllib.loads(text)
    if document.get("format") != FORMAT:
        raise ValueError(_("Geen tabel met risicocriteria (format %(format)s).") % {"format": FORMAT})
    criteria = []
    for entry in document.get("criterion", []):
        steps = tuple(sorted((int(step["from"]), int(step["points"])) for step in entry.get("steps", [])))
        if entry["kind"] not in ("number", "yes_no") or (entry["kind"] == "number" and not steps):
            raise ValueError(_("Criterium %(code)s: soort of stappen ontbreken.") % {"code": entry["code"]})
        criteria.append(
            Criterion(entry["code"], entry["question"], entry["kind"], steps, int(entry.get("points", 0)))
        )
    classes = tuple(
        sorted(((c["code"], int(c["from"])) for c in document.get("class", [])), key=lambda c: c[1])
    )
    if not classes or classes[0][1] != 0:
        raise ValueError(_("De laagste klasse moet bij score 0 beginnen."))
    return RiskTable(tuple(criteria), classes, bool(document.get("example", False)))


@cache
def bundled_table() -> RiskTable:
    """Return the criteria table that ships with Kompas."""
    return parse(TABLE.read_text(encoding="utf-8"))


def classify(answers: Mapping[str, int | bool], table: RiskTable | None = None) -> Classification:
    """Return the score and class of ``answers``; an unanswered question scores nothing."""
    table = table or bundled_table()
    points = tuple((c.code, c.score(answers[c.code]) if c.code in answers else 0) for c in table.criteria)
    score = sum(value for _code, value in points)
    risk_class = [code for code, lowest in table.classes if score >= lowest][-1]
    return Classification(score, risk_class, points)


def missing_answers(answers: Mapping[str, object], table: RiskTable | None = None) -> list[str]:
    """Return the codes of the questions ``answers`` leaves open: the form asks every question."""
    table = table or bundled_table()
    return [criterion.code for criterion in table.criteria if criterion.code not in answers]
