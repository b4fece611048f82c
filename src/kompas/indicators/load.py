# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Definition files in and out of the database: ``kompas indicators load`` and ``… dump``.

A file is checked completely first (:func:`kompas.indicators.definitions.parse`); a file with
problems stores nothing. Loading creates or updates the catalogue entry of each indicator (with
its own audit record) and its definition, in one transaction; a changed definition makes the
next ``kompas compute`` recompute that indicator in full.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.indicators import definitions
from kompas.indicators.catalogue import CATALOGUE_FIELDS, save_indicator
from kompas.indicators.definitions import Definition, Problem
from kompas.indicators.models import IndicatorDefinition
from kompas.indicators.queries import definition_of

REQUIRED_FIELDS = ("name", "kind", "direction")
DEFINITION_FIELDS = (
    "formula",
    "numerator",
    "denominator",
    "per",
    "window",
    "baseline_year",
    "normalisation",
    "comparable",
    "comparable_reason",
    "incomplete_allowed",
    "incomplete_reason",
)


@dataclass(frozen=True)
class LoadResult:
    """The codes created, changed and left as they were, or the problems that stopped the load."""

    created: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def _visible(organisation: Organisation | None) -> Q:
    if organisation is None:
        return Q(indicator__organisation__isnull=True)
    return Q(indicator__organisation=organisation) | Q(indicator__organisation__isnull=True)


@transaction.atomic
def load_definitions(
    text: str, source: str, *, actor: User | None, organisation: Organisation | None
) -> LoadResult:
    """Store the definitions of a file for ``organisation`` (None: the shared set).

    Run inside the organisation's scope (or with scopes disabled for the shared set).
    """
    existing = IndicatorDefinition.objects.filter(_visible(organisation))
    known = existing.values_list("indicator__code", flat=True)
    parsed = definitions.parse(text, source, known=list(known))
    if parsed.problems:
        return LoadResult(problems=parsed.problems)
    outcome: dict[str, list[str]] = {"created": [], "changed": [], "unchanged": []}
    for definition in parsed.definitions:
        outcome[_store(definition, actor, organisation)].append(definition.code)
    if outcome["created"] or outcome["changed"]:  # loading the same file again changes nothing
        audit.record(
            "indicators.definitions.loaded",
            actor=actor,
            changes={"file": source, **outcome},
            organisation_id=organisation.pk if organisation else None,
        )
    return LoadResult(tuple(outcome["created"]), tuple(outcome["changed"]), tuple(outcome["unchanged"]))


def _store(definition: Definition, actor: User | None, organisation: Organisation | None) -> str:
    """Save one definition with its catalogue entry; return created, changed or unchanged."""
    entry = asdict(definition)
    # A field the file leaves empty keeps what the catalogue holds (a plan's own description).
    catalogue = {name: entry[name] for name in CATALOGUE_FIELDS if entry[name] or name in REQUIRED_FIELDS}
    catalogue["direction"] = definition.direction.value
    indicator = save_indicator(actor=actor, organisation=organisation, code=definition.code, **catalogue)
    values: dict[str, Any] = {name: entry[name] for name in DEFINITION_FIELDS}
    values["formula"] = definition.formula.value
    values["normalisation"] = definition.normalisation.value
    values["components"] = [{"indicator": c.indicator, "weight": c.weight} for c in definition.components]
    values["benchmark_group"] = definition.benchmark_group
    stored = IndicatorDefinition.objects.filter(indicator=indicator).first()
    if stored is None:
        IndicatorDefinition.objects.create(indicator=indicator, **values)
        return "created"
    if all(getattr(stored, name) == value for name, value in values.items()):
        return "unchanged"
    for name, value in values.items():
        setattr(stored, name, value)
    stored.save()
    return "changed"


def dump_definitions(organisation: Organisation | None) -> str:
    """Return the definitions of ``organisation`` and the shared set as a definition file."""
    stored = IndicatorDefinition.objects.filter(_visible(organisation)).select_related("indicator")
    return definitions.dumps(definition_of(entry) for entry in stored.order_by("indicator__code"))
