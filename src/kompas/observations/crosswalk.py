# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Counts of one CBS division moved onto another through a boundary crosswalk.

The counts stored on the area versions of ``from_year`` are shared out over the versions of
``to_year`` (:mod:`kompas.areas.crosswalk`), per period; every row says it was re-aggregated,
from which division and how (``docs/areas.md``). Only counts are moved (unit ``aantal``,
without margin): a rate or a survey percentage cannot be shared out by area. Nothing is
stored: a re-aggregated figure is an estimate beside the source's own, never in its place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import shapely
from django.utils.translation import gettext as _

from kompas.areas import crosswalk
from kompas.areas.queries import DivisionArea, division
from kompas.observations.models import Measure, Observation, visible_observations
from kompas.observations.queries import COUNT_UNIT

POPULATION = "inwoners"


class CrosswalkError(ValueError):
    """A re-aggregation that cannot be made, with the Dutch reason."""


@dataclass(frozen=True)
class CrosswalkRow:
    """One re-aggregated count: target area, period, value, its sources and the flag text."""

    measure_code: str
    area_code: str
    area_level: str
    period_start: dt.date
    period_length: str
    value: float
    sources: tuple[str, ...]
    flag: str


@dataclass
class Reaggregation:
    """The rows on the target division, the crosswalk used, and what it could not place."""

    rows: list[CrosswalkRow]
    crosswalk: crosswalk.Crosswalk
    unallocated: list[tuple[str, dt.date, float]] = field(default_factory=list)
    source_total: float = 0.0
    population_years: tuple[int, ...] = ()

    def warnings(self) -> list[str]:
        """Return the Dutch warnings a reader of the rows must see."""
        found = [
            _("%(code)s: %(share)s van het gebied ligt buiten de nieuwe indeling; verdeeld over de rest.")
            % {"code": code, "share": _percent(share)}
            for code, share in sorted(self.crosswalk.outside.items())
        ]
        found += [
            _("%(code)s: %(share)s valt buiten de oude indeling; de waarde telt alleen de rest.")
            % {"code": code, "share": _percent(share)}
            for code, share in sorted(self.crosswalk.target_outside.items())
        ]
        found += [
            _("Inwoners van 1 januari %(year)s gebruikt als gewicht.") % {"year": year}
            for year in self.population_years
        ]
        found += [
            _("%(code)s: geen inwoners bekend in de nieuwe gebieden; naar oppervlakte verdeeld.")
            % {"code": code}
            for code in self.crosswalk.area_fallback
        ]
        found += [
            _("%(code)s %(period)s: %(value)s niet verdeeld; het gebied overlapt de nieuwe indeling niet.")
            % {"code": code, "period": start.isoformat(), "value": _number(value)}
            for code, start, value in self.unallocated
        ]
        return found


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %".replace(".", ",")


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.3f}".replace(".", ",")


def reaggregate(
    *,
    measure_code: str,
    level: str,
    parent_code: str,
    from_year: int,
    to_year: int,
    weighting: crosswalk.Weighting = crosswalk.Weighting.AREA,
    organisation_id: int | None = None,
) -> Reaggregation:
    """Return the counts of ``measure_code`` on the ``from_year`` division moved onto ``to_year``'s.

    Raises :class:`CrosswalkError` when the measure is no count or a division has no boundaries.
    """
    measure = Measure._base_manager.filter(code=measure_code).first()
    if measure is None or measure.unit != COUNT_UNIT:
        raise CrosswalkError(
            _("Alleen aantallen kunnen worden herverdeeld; %(code)s is geen aantal.") % {"code": measure_code}
        )
    sources, targets = division(level, from_year, parent_code), division(level, to_year, parent_code)
    for year, found in ((from_year, sources), (to_year, targets)):
        if not found:
            raise CrosswalkError(
                _("Geen grenzen van %(level)s onder %(parent)s voor het jaar %(year)s.")
                % {"level": level, "parent": parent_code, "year": year}
            )
    population, years = (
        _population(targets, to_year) if weighting is crosswalk.Weighting.POPULATION else (None, ())
    )
    walk = crosswalk.overlap(_shapes(sources), _shapes(targets), population=population)
    result = Reaggregation([], walk, population_years=years)
    flag = _("herverdeeld van indeling %(from)s naar %(to)s (%(weighting)s)") % {
        "from": from_year,
        "to": to_year,
        "weighting": _("inwoners, deels oppervlakte") if walk.area_fallback else walk.weighting.value,
    }
    for (start, length), counts in sorted(_counts(measure, sources, organisation_id).items()):
        moved = crosswalk.allocate(walk, counts)
        result.source_total += sum(counts.values())
        result.unallocated += [(code, start, value) for code, value in sorted(moved.unallocated.items())]
        result.rows += [
            CrosswalkRow(measure_code, code, level, start, length, value, moved.sources.get(code, ()), flag)
            for code, value in sorted(moved.values.items())
        ]
    return result


def _shapes(areas: dict[str, DivisionArea]) -> dict[str, object]:
    return {code: shapely.from_wkb(area.geometry_rd) for code, area in areas.items()}


def _counts(
    measure: Measure, sources: dict[str, DivisionArea], organisation_id: int | None
) -> dict[tuple[dt.date, str], dict[str, float]]:
    """Return the counts per (period start, length), as source code → value."""
    code_of = {area.id: code for code, area in sources.items()}
    rows = Observation._base_manager.filter(
        visible_observations(organisation_id), measure=measure, area_id__in=list(code_of), margin__isnull=True
    ).values_list("area_id", "period_start", "period_length", "value")
    found: dict[tuple[dt.date, str], dict[str, float]] = {}
    for area_id, start, length, value in rows.iterator(chunk_size=5000):
        found.setdefault((start, length), {})[code_of[area_id]] = value
    return found


def _population(targets: dict[str, DivisionArea], year: int) -> tuple[dict[str, float], tuple[int, ...]]:
    """Return the inhabitants of each target on 1 January of the year nearest to ``year``, and
    the years used."""
    code_of = {area.id: code for code, area in targets.items()}
    rows = Observation._base_manager.filter(
        visible_observations(None), measure__code=POPULATION, area_id__in=list(code_of)
    ).values_list("area_id", "period_start", "value")
    nearest: dict[str, tuple[int, int, float]] = {}
    for area_id, start, value in rows:
        distance = abs(start.year - year)
        code = code_of[area_id]
        if code not in nearest or distance < nearest[code][0]:
            nearest[code] = (distance, start.year, value)
    years = tuple(sorted({found_year for _distance, found_year, _value in nearest.values()}))
    return {code: value for code, (_distance, _year, value) in nearest.items()}, years
