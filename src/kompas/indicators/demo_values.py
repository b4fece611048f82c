# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which indicator values rest on fictitious demo data (issue 16, "Demo").

An own figure counted from demo entries of the registers carries a demo label
(:attr:`kompas.observations.models.FigureSource.is_demo`). An indicator whose formula reads such a
measure — directly, or through a component of a composite index — rests on demo data in the years
of those figures. Theme pages, the dashboard, the indicator page, ``kompas export indicators`` and
the reports ask here, so a verdict computed from made-up entries is never shown without the
word "demo". Judged per year for the whole organisation: a wijk's value and the gemeente's are
labelled alike, which errs towards saying "demo" too often rather than too seldom.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kompas.indicators.definitions import measure_codes
from kompas.indicators.models import Indicator, IndicatorDefinition
from kompas.observations.queries import demo_years


def _measures(indicator_ids: Iterable[int]) -> dict[int, set[str]]:
    """Return indicator id → the measure codes its formula reads (composites: their components')."""
    stored = IndicatorDefinition._base_manager.filter(indicator_id__in=list(indicator_ids))
    found: dict[int, set[str]] = {}
    composites: dict[int, list[str]] = {}
    for definition in stored.select_related("indicator"):
        codes = set(measure_codes(definition.numerator))
        codes |= {definition.denominator} if definition.denominator else set()
        found[definition.indicator_id] = codes
        if definition.components:
            composites[definition.indicator_id] = [c["indicator"] for c in definition.components]
    for pk, components in composites.items():
        parts = Indicator._base_manager.filter(code__in=components)
        owner = Indicator._base_manager.filter(pk=pk).values_list("organisation_id", flat=True).first()
        own_parts = parts.filter(organisation_id=owner) if owner else parts.filter(organisation__isnull=True)
        part_ids = list(own_parts.values_list("pk", flat=True)) or list(parts.values_list("pk", flat=True))
        for codes in _measures(part_ids).values():
            found[pk] |= codes
    return found


def demo_years_of(indicator_ids: Iterable[int], organisation_id: int | None = None) -> dict[int, set[int]]:
    """Return indicator id → the years whose values rest (partly) on demo figures; indicators
    without demo figures are left out.

    The figures are those of ``organisation_id``; without it, those of each indicator's own
    organisation (a shared indicator: of any organisation).
    """
    measures = _measures(indicator_ids)
    owners = dict(Indicator._base_manager.filter(pk__in=list(measures)).values_list("pk", "organisation_id"))
    found: dict[int, set[int]] = {}
    for owner in {organisation_id if organisation_id is not None else owner for owner in owners.values()}:
        mine = {
            pk: codes for pk, codes in measures.items() if organisation_id is not None or owners[pk] == owner
        }
        years = demo_years({code for codes in mine.values() for code in codes}, owner)
        for pk, codes in mine.items():
            hit = set().union(*(years.get(code, set()) for code in codes))
            if hit:
                found[pk] = hit
    return found


def demo_years_of_indicator(indicator: Indicator) -> set[int]:
    """Return the years whose values of ``indicator`` (read with its definition) rest on demo
    figures: one query, except for a composite index, whose components are looked up."""
    definition = getattr(indicator, "definition", None)
    if definition is None:
        return set()
    formula = Reads(definition.numerator, definition.denominator, bool(definition.components))
    return demo_years_of_formulas({indicator.pk: formula}, indicator.organisation_id).get(indicator.pk, set())


@dataclass(frozen=True)
class Reads:
    """What of a definition tells which measures it reads: numerator, denominator, composite or not."""

    numerator: str
    denominator: str
    composite: bool


def demo_years_of_formulas(formulas: Mapping[int, Reads], organisation_id: int | None) -> dict[int, set[int]]:
    """Return indicator id → demo years, for indicators whose formula the caller already read (a page
    with a query budget): one query for all plain formulas of ``organisation_id``; composites look
    up their components."""
    found = demo_years_of([pk for pk, formula in formulas.items() if formula.composite], organisation_id)
    plain = {
        pk: set(measure_codes(f.numerator)) | ({f.denominator} if f.denominator else set())
        for pk, f in formulas.items()
        if not f.composite
    }
    years = demo_years({code for codes in plain.values() for code in codes}, organisation_id) if plain else {}
    for pk, codes in plain.items():
        hit = set().union(*(years.get(code, set()) for code in codes))
        if hit:
            found[pk] = hit
    return found
