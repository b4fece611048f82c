# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Counts of one CBS division moved onto another through a boundary crosswalk.

The counts stored on the area versions of ``from_year`` are shared out over the versions of
``to_year`` (:mod:`kompas.areas.crosswalk`), per period; every row says it was re-aggregated,
from which division and how (``docs/areas.md``). Only counts are moved (unit ``aantal``,
without margin): a rate or a survey percentage cannot be shared out by area. Nothing is
stored: a re-aggregated figure is an estimate beside the source's own, never in its place.

A source division without boundaries can be given by one representative point per area
(:func:`reaggregate_points`): the counts of the observed areas of that level under the gemeente
go wholly to the target that holds their point, and an area without a point, or whose point
lies in no target, is reported with its count instead of being left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import shapely
from django.utils.translation import gettext as _

from kompas.areas import crosswalk
from kompas.areas.queries import DivisionArea, division, level_prefix
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
    no_point: tuple[str, ...] = ()

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
        targets = {piece.source: piece.target for piece in self.crosswalk.pieces}
        found += [
            _(
                "%(code)s: het punt ligt %(metres)s m van de rand van %(target)s; de toewijzing is "
                "onzeker (gegeneraliseerde grenzen)."
            )
            % {"code": code, "metres": f"{metres:.0f}", "target": targets[code]}
            for code, metres in sorted(self.crosswalk.near_edge.items())
        ]
        if self.crosswalk.weighting is crosswalk.Weighting.POINT:
            found += [
                _("%(code)s: het punt ligt in geen gebied van de nieuwe indeling.") % {"code": code}
                for code in self.crosswalk.unmatched
            ]
        found += [
            _("%(code)s: geen punt in het puntenbestand; de aantallen zijn niet verdeeld.") % {"code": code}
            for code in self.no_point
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
    measure = _count_measure(measure_code)
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
    _move(result, walk, _counts(measure, sources, organisation_id), measure_code, level, flag)
    return result


def reaggregate_points(
    *,
    measure_code: str,
    level: str,
    parent_code: str,
    points: Mapping[str, object],
    source_label: str,
    to_year: int,
    organisation_id: int | None = None,
) -> Reaggregation:
    """Return the counts of ``measure_code`` on the ``level`` areas under ``parent_code`` moved onto
    ``to_year``'s division, each area wholly to the target holding its point (code → RD point).

    The source areas are every area of that level under the gemeente with a count, found by code
    (whatever version holds it: a re-used code belongs to the source division here).
    """
    measure = _count_measure(measure_code)
    targets = division(level, to_year, parent_code)
    if not targets:
        raise CrosswalkError(
            _("Geen grenzen van %(level)s onder %(parent)s voor het jaar %(year)s.")
            % {"level": level, "parent": parent_code, "year": to_year}
        )
    counts = _counts_by_code(measure, level, parent_code, organisation_id)
    observed = sorted({code for period in counts.values() for code in period})
    walk = crosswalk.point_in_polygon({c: points[c] for c in observed if c in points}, _shapes(targets))
    result = Reaggregation([], walk, no_point=tuple(c for c in observed if c not in points))
    flag = _("herverdeeld van indeling %(from)s naar %(to)s (%(weighting)s)") % {
        "from": source_label,
        "to": to_year,
        "weighting": _("punt in gebied"),
    }
    _move(result, walk, counts, measure_code, level, flag)
    return result


def _count_measure(measure_code: str) -> Measure:
    measure = Measure._base_manager.filter(code=measure_code).first()
    if measure is None or measure.unit != COUNT_UNIT:
        raise CrosswalkError(
            _("Alleen aantallen kunnen worden herverdeeld; %(code)s is geen aantal.") % {"code": measure_code}
        )
    return measure


def _move(
    result: Reaggregation,
    walk: crosswalk.Crosswalk,
    counts: dict[tuple[dt.date, str], dict[str, float]],
    measure_code: str,
    level: str,
    flag: str,
) -> None:
    """Allocate the counts of every period and add the rows and the unallocated rest to ``result``."""
    for (start, length), period in sorted(counts.items()):
        moved = crosswalk.allocate(walk, period)
        result.source_total += sum(period.values())
        result.unallocated += [(code, start, value) for code, value in sorted(moved.unallocated.items())]
        result.rows += [
            CrosswalkRow(measure_code, code, level, start, length, value, moved.sources.get(code, ()), flag)
            for code, value in sorted(moved.values.items())
        ]


def _counts_by_code(
    measure: Measure, level: str, parent_code: str, organisation_id: int | None
) -> dict[tuple[dt.date, str], dict[str, float]]:
    """Return the counts per (period start, length) of the ``level`` areas under the gemeente, by code."""
    rows = Observation._base_manager.filter(
        visible_observations(organisation_id),
        measure=measure,
        area__level=level,
        area__code__startswith=level_prefix(level) + parent_code[2:],
        margin__isnull=True,
    ).values_list("area__code", "period_start", "period_length", "value")
    found: dict[tuple[dt.date, str], dict[str, float]] = {}
    for code, start, length, value in rows.iterator(chunk_size=5000):
        period = found.setdefault((start, length), {})
        # two versions of one code with a count for the same period are two counts of that area
        period[code] = period.get(code, 0.0) + value
    return found


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
