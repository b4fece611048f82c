# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The figures of a gemeente and its areas from the observations: per measure and year, maps, series.

Dashboard pages and reports read the same functions, so screen, PDF and XLSX agree. Numbers pass
:func:`kompas.presentation.suppression.publishable` on their way out. What changes only with the
stored data (which measures and years a gemeente has) is cached until the next change.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation
from kompas.accounts.queries import changes
from kompas.areas.queries import codes_within, ids_within, level_prefix, map_shapes
from kompas.areas.sums import area_sums
from kompas.observations.coverage import label as coverage_label
from kompas.observations.queries import (
    MeasureInfo,
    YearValue,
    measure_info,
    measure_level_years,
    yearly_values,
    yearly_values_by_code,
)
from kompas.presentation import charts, maps, suppression
from kompas.presentation.suppression import publishable
from kompas.sources.formats.cbs_bevolking import CBS as CBS_KERNCIJFERS

if TYPE_CHECKING:
    from kompas.areas.queries import Area

# Safety measures a map shows first, in this order: total crime, total disorder, and residential
# burglary of the Den Haag police panel (which has no total).
PREFERRED_MEASURES = ("misdrijven_totaal", "overlast_totaal", "politie_delict_104")
# The source of CBS population and area facts: context and denominators, never a map's first choice.
AREA_FACTS_SOURCE = CBS_KERNCIJFERS
Figure = float | str | None
# The area levels a gemeente's map draws.
MAP_LEVELS = ("wijk", "buurt")
# The denominator of a rate map: CBS inhabitants on 1 January, per area.
POPULATION = "inwoners"
PER_INHABITANTS = 1000


@dataclass(frozen=True)
class Catalogue:
    """The measures with values in a gemeente (its own area, wijken or buurten) and their years.

    ``mapped`` holds the years with values per wijk or buurt, the years a map can show.
    """

    years: dict[str, list[int]]
    measures: dict[str, MeasureInfo]
    levels: dict[str, list[str]]
    mapped: dict[str, list[int]]


def catalogue(organisation: Organisation) -> Catalogue:
    """Return the gemeente's measures and years; cached until the next change."""
    if not organisation.cbs_code:
        return Catalogue({}, {}, {}, {})

    def compute() -> Catalogue:
        by_level = measure_level_years(ids_within(organisation.cbs_code), organisation_id=organisation.pk)
        years = {code: sorted({y for ys in levels.values() for y in ys}) for code, levels in by_level.items()}
        mapped = {
            code: sorted({y for level in MAP_LEVELS for y in levels.get(level, [])})
            for code, levels in by_level.items()
        }
        return Catalogue(
            years,
            measure_info(years),
            {code: sorted(levels) for code, levels in by_level.items()},
            {code: found for code, found in mapped.items() if found},
        )

    return changes.until_next_change(f"catalogus:{organisation.pk}:{organisation.cbs_code}", compute)


def map_years(organisation: Organisation, measure_code: str) -> list[int]:
    """Return the years in which the measure has values per wijk or buurt of the gemeente."""
    return catalogue(organisation).mapped.get(measure_code, [])


def gemeente_years(organisation: Organisation) -> list[int]:
    """Return the years with any value in the gemeente, ascending."""
    return sorted({year for years in catalogue(organisation).years.values() for year in years})


def measures(organisation: Organisation) -> list[MeasureInfo]:
    """Return the measures with values in the gemeente, by name."""
    return sorted(catalogue(organisation).measures.values(), key=lambda m: (m.name.lower(), m.code))


def measure(organisation: Organisation, code: str) -> MeasureInfo | None:
    """Return what the measure ``code`` is, None if the gemeente has no values of it."""
    return catalogue(organisation).measures.get(code)


def default_measure(organisation: Organisation) -> str:
    """Return the measure a map shows first: a safety measure with values per wijk or buurt.

    Total crime comes first, then any other safety count; population and other CBS area facts
    only when the gemeente has nothing else.
    """
    found = catalogue(organisation)
    mapped = {code for code, levels in found.levels.items() if {"wijk", "buurt"} & set(levels)}
    available = measures(organisation)
    safety = [m for m in available if m.source != AREA_FACTS_SOURCE]
    candidates = [
        *(code for code in PREFERRED_MEASURES if code in mapped),
        *(m.code for m in safety if m.is_count and m.code in mapped),
        *(m.code for m in safety if m.code in mapped),
        *(code for code in PREFERRED_MEASURES if code in found.measures),
        *(m.code for m in safety),
        *(m.code for m in available if m.code in mapped),
        *(m.code for m in available),
    ]
    return candidates[0] if candidates else ""


def complements(organisation: Organisation, year: int) -> dict[str, frozenset[str]]:
    """Return measure code → the codes of the areas whose count in ``year`` is withheld as a complement.

    The gemeente, all its wijken (their own count or the sum of their buurten, as the pages show
    them) and all its buurten are suppressed as one hierarchy, so every page, report and export
    withholds the same figures and combining them gives no small count away
    (:func:`kompas.presentation.suppression.complements`). All years are judged at once, in two
    queries, and cached until the next change.
    """
    if not organisation.cbs_code:
        return {}
    found = changes.until_next_change(
        f"aanvullend:{organisation.pk}:{organisation.cbs_code}", lambda: _complements(organisation)
    )
    return found.get(year, {})


def _complements(organisation: Organisation) -> dict[int, dict[str, frozenset[str]]]:
    counted = [code for code, info in catalogue(organisation).measures.items() if info.is_count]
    codes = codes_within(organisation.cbs_code) if counted else {}
    counts: dict[tuple[int, str], dict[str, float]] = {}
    for value in yearly_values(list(codes), organisation_id=organisation.pk, measure_codes=counted):
        counts.setdefault((value.year, value.measure_code), {})[codes[value.area_id]] = value.value
    wijken = {code for code in codes.values() if code.startswith("WK")}
    found: dict[int, dict[str, frozenset[str]]] = {}
    for (year, measure_code), by_code in sorted(counts.items()):
        summed: dict[str, float] = {}
        for code, count in by_code.items():
            # a wijk without its own count shows the sum of its buurten (summed_from_buurten)
            if code.startswith("BU") and "WK" + code[2:8] in wijken:
                summed["WK" + code[2:8]] = summed.get("WK" + code[2:8], 0.0) + count
        shown = {**summed, **by_code}
        found.setdefault(year, {})[measure_code] = suppression.complements(shown, area_sums(shown))
    return found


@dataclass(frozen=True)
class MeasureRow:
    """One line of a safety picture: a measure in the area this year, last year and in the gemeente."""

    measure: MeasureInfo
    value: Figure
    previous: Figure
    change_pct: Figure
    gemeente: Figure
    share_pct: Figure
    complete: bool
    summed: bool = False


def area_rows(
    area: Area, gemeente: Area | None, year: int, organisation: Organisation, *, suppress: bool
) -> list[MeasureRow]:
    """Return the safety picture of ``area`` in ``year``: every measure with a value there.

    A wijk without its own value of a count gets the sum of its buurten.
    """
    ids = [area.pk] + ([gemeente.pk] if gemeente is not None and gemeente.pk != area.pk else [])
    values = yearly_values(ids, organisation_id=organisation.pk, years=(year - 1, year))
    found = {(v.measure_code, v.area_id, v.year): v for v in values}
    summed = set()
    if area.level == "wijk":
        for value in summed_from_buurten(organisation, {area.pk: area.code}, (year - 1, year)):
            key = (value.measure_code, value.area_id, value.year)
            if key not in found:
                found[key] = value
                summed.add(value.measure_code)
    codes = sorted({code for code, area_id, at in found if area_id == area.pk and at == year})
    info = catalogue(organisation).measures
    hidden = (complements(organisation, year), complements(organisation, year - 1)) if suppress else ({}, {})
    rows = [
        _row(
            info[code],
            found,
            area,
            gemeente,
            year,
            suppress,
            code in summed,
            _hidden(code, hidden, area, gemeente),
        )
        for code in codes
        if code in info
    ]
    return sorted(rows, key=lambda row: (row.measure.name.lower(), row.measure.code))


def summed_from_buurten(
    organisation: Organisation,
    wijken: dict[int, str],
    years: tuple[int, int],
    measure_codes: list[str] | None = None,
) -> list[YearValue]:
    """Return for each wijk (id → code) the yearly sums of the counts of the buurten under it,
    where every buurt of the wijk has a count (:func:`wijk_sums`)."""
    return wijk_sums(organisation, wijken, years, measure_codes).complete


@dataclass(frozen=True)
class WijkSums:
    """Sums of buurten per wijk: the complete ones, and for the others the remark why there is none.

    ``incomplete`` maps (measure code, wijk id, year) to *onvolledig (3 van 5 buurten)*.
    """

    complete: list[YearValue]
    incomplete: dict[tuple[str, int, int], str]


def wijk_sums(
    organisation: Organisation,
    wijken: dict[int, str],
    years: tuple[int, int],
    measure_codes: list[str] | None = None,
) -> WijkSums:
    """Return for each wijk (id → code) the yearly sums of the counts of the buurten under it.

    Buurten belong to a wijk by the CBS code rule (BU01640203 lies in WK016402); the buurten of
    a wijk are those on the map of the later year. Only counts are summed; a percentage of a wijk
    is not the sum of its buurten. A wijk of which only some buurten have a count gets no sum but
    the remark *onvolledig* (``docs/areas.md`` §2): half a wijk is not the wijk.
    """
    wijk_ids = {code[2:]: pk for pk, code in wijken.items()}
    buurten = {
        pk: wijk_ids[code[2:8]]
        for pk, code, _name, _geometry in _shapes(organisation.cbs_code, "buurt", years[1])
        if code[2:8] in wijk_ids
    }
    if not buurten:
        return WijkSums([], {})
    expected = Counter(buurten.values())
    known = catalogue(organisation).measures
    totals: dict[tuple[str, int, int], list[float]] = {}
    lengths: dict[tuple[str, int, int], str] = {}
    parts: Counter[tuple[str, int, int]] = Counter()
    for value in yearly_values(
        list(buurten), organisation_id=organisation.pk, years=years, measure_codes=measure_codes
    ):
        info = known.get(value.measure_code)
        if info is None or not info.is_count:
            continue
        key = (value.measure_code, buurten[value.area_id], value.year)
        total = totals.setdefault(key, [0.0, 0.0])
        total[0] += value.value
        total[1] = max(total[1], value.periods)
        lengths[key] = value.period_length
        parts[key] += 1
    complete = [
        YearValue(code, wijk, year, total, int(periods), lengths[(code, wijk, year)])
        for (code, wijk, year), (total, periods) in sorted(totals.items())
        if parts[(code, wijk, year)] >= expected[wijk]
    ]
    incomplete = {
        key: coverage_label(count, expected[key[1]], 0, 0, "buurt")
        for key, count in sorted(parts.items())
        if count < expected[key[1]]
    }
    return WijkSums(complete, incomplete)


def _hidden(
    code: str,
    hidden: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]],
    area: Area,
    gemeente: Area | None,
) -> tuple[bool, bool, bool]:
    """Return whether the area this year, the area last year and the gemeente are complements."""
    now, before = hidden[0].get(code, frozenset()), hidden[1].get(code, frozenset())
    return area.code in now, area.code in before, gemeente is not None and gemeente.code in now


def _row(
    measure: MeasureInfo,
    found: dict[tuple[str, int, int], YearValue],
    area: Area,
    gemeente: Area | None,
    year: int,
    suppress: bool,
    summed: bool,
    hidden: tuple[bool, bool, bool],
) -> MeasureRow:
    now = found[(measure.code, area.pk, year)]
    before = found.get((measure.code, area.pk, year - 1))
    whole = (
        found.get((measure.code, gemeente.pk, year))
        if gemeente is not None and gemeente.pk != area.pk
        else None
    )
    change = (now.value - before.value) / before.value * 100 if before and before.value else None
    share = now.value / whole.value * 100 if measure.is_count and whole and whole.value else None
    smallest = min(now.value, before.value) if before else now.value
    counted = measure.is_count

    own, previous, of_gemeente = hidden

    def shown(value: float | None, count: float | None = None, complement: bool = False) -> Figure:
        return publishable(value, suppress=suppress, count=count, is_count=counted, complement=complement)

    return MeasureRow(
        measure,
        shown(now.value, complement=own),
        shown(before.value if before else None, complement=previous),
        shown(change, smallest if counted else None, own or previous),
        shown(whole.value if whole else None, complement=of_gemeente),
        shown(share, now.value if counted else None, own or of_gemeente),
        complete=now.period_length == "year" or (now.period_length == "month" and now.periods == 12),
        summed=summed,
    )


@dataclass(frozen=True)
class MapValue:
    """An area on a map with its published value; ``note`` says why an area has none."""

    code: str
    name: str
    value: Figure
    note: str = ""


@dataclass(frozen=True)
class AreaMap:
    """A choropleth and the areas on it, for a table with links beside it.

    ``population_year`` is the year of the inhabitants a rate map divides by; None when the map
    shows the values themselves.
    """

    chart: charts.Chart
    areas: list[MapValue]
    population_year: int | None = None


def populations(organisation: Organisation) -> dict[int, dict[str, float]]:
    """Return year → area code → inhabitants of the gemeente and its areas (one query, cached)."""
    if not organisation.cbs_code:
        return {}
    return changes.until_next_change(
        f"inwoners:{organisation.pk}:{organisation.cbs_code}",
        lambda: yearly_values_by_code(organisation.cbs_code, POPULATION, organisation_id=organisation.pk),
    )


def rate_year(organisation: Organisation, measure_code: str, *, level: str, year: int) -> int | None:
    """Return the year of the inhabitants a ``level`` map of ``measure_code`` in ``year`` divides by.

    The rule of the indicator engine (:func:`kompas.indicators.rollup.stock_for`), so map and
    indicator divide by the same inhabitants: ``year`` itself, else the latest year before it,
    else the earliest year after it with inhabitants of such areas (for a wijk also of its
    buurten); the map's title names the year used. None when the map can only show the values
    themselves: the measure is not a count (a percentage or a rate already), it is the
    inhabitants, it has no values per wijk or buurt in ``year``, or there are no inhabitants of
    such areas at all. Without inhabitants of the gemeente in the catalogue this costs no query.
    """
    info = measure(organisation, measure_code)
    if info is None or not info.is_count or measure_code == POPULATION:
        return None
    if year not in map_years(organisation, measure_code):
        return None
    known = map_years(organisation, POPULATION)
    earlier = [found for found in reversed(known) if found <= year]
    later = [found for found in known if found > year]
    prefixes = ("WK", "BU") if level == "wijk" else (level_prefix(level),)
    by_year = populations(organisation)
    for found in [*earlier, *later]:
        if any(code.startswith(prefixes) for code in by_year.get(found, {})):
            return found
    return None


def _inhabitants(organisation: Organisation, year: int, codes: list[str]) -> dict[str, float]:
    """Return area code → inhabitants in ``year`` of the areas ``codes`` that have them.

    A wijk without a number of its own gets the sum of its buurten, as its count does.
    """
    known = populations(organisation).get(year, {})
    summed: dict[str, float] = {}
    for code, number in known.items():
        if code.startswith("BU"):
            summed["WK" + code[2:8]] = summed.get("WK" + code[2:8], 0.0) + number
    both = {**summed, **known}
    return {code: both[code] for code in codes if code in both}


def _per_inhabitants(count: Figure, inhabitants: float | None) -> tuple[Figure, str]:
    """Return the rate per :data:`PER_INHABITANTS` of a published ``count``, or why there is none.

    ``count`` has passed the suppression rule already: a mark stays the mark, because a rate
    gives its count away. An area without inhabitants gets no rate rather than a 0.
    """
    if not isinstance(count, float | int):
        return count, ""
    if inhabitants is None:
        return None, _("geen inwoners bekend")
    if inhabitants <= 0:
        return None, _("geen inwoners")
    return round(count / inhabitants * PER_INHABITANTS, 1), ""


def area_map(
    organisation: Organisation,
    *,
    level: str,
    year: int,
    measure_code: str,
    suppress: bool,
    highlight: str = "",
    per_inhabitants: bool = False,
) -> AreaMap | None:
    """Return a choropleth of the gemeente's ``level`` areas for one measure in ``year``.

    With ``per_inhabitants`` a count is shown per 1.000 inhabitants where :func:`rate_year`
    finds inhabitants; other measures show their values as they are. Counts are suppressed
    first and only the published ones divided. None when the gemeente has no boundaries at
    that level or the measure is unknown.
    """
    info = measure(organisation, measure_code)
    if info is None:
        return None
    drawn = [shape for shape in _shapes(organisation.cbs_code, level, year) if shape[3] is not None]
    if not drawn:
        return None
    values = yearly_values(
        [shape[0] for shape in drawn],
        organisation_id=organisation.pk,
        years=(year, year),
        measure_codes=[measure_code],
    )
    by_area = {v.area_id: v.value for v in values}
    missing = {pk: code for pk, code, _name, _geometry in drawn if pk not in by_area}
    partial: dict[int, str] = {}
    if level == "wijk" and missing and info.is_count:
        summed = wijk_sums(organisation, missing, (year, year), [measure_code])
        by_area.update({v.area_id: v.value for v in summed.complete})
        partial = {wijk: remark for (_code, wijk, _year), remark in summed.incomplete.items()}
    hidden = complements(organisation, year).get(measure_code, frozenset()) if suppress else frozenset()
    population_year = (
        rate_year(organisation, measure_code, level=level, year=year) if per_inhabitants else None
    )
    inhabitants = (
        _inhabitants(organisation, population_year, [shape[1] for shape in drawn])
        if population_year is not None
        else {}
    )
    areas, listed = [], []
    for pk, code, name, geometry in drawn:
        shown = publishable(
            by_area.get(pk), suppress=suppress, is_count=info.is_count, complement=code in hidden
        )
        note = ""
        if population_year is not None:
            shown, note = _per_inhabitants(shown, inhabitants.get(code))
        note = note or partial.get(pk, "")
        number = shown if isinstance(shown, float | int) else None
        mark = shown if isinstance(shown, str) else ""
        areas.append(
            maps.MapArea(name, geometry or {}, number, bool(mark), code == highlight, mark, missing=note)
        )
        listed.append(MapValue(code, name, shown, note))
    chart = _map_chart(organisation, info, areas, level=level, year=year, population_year=population_year)
    return AreaMap(chart, listed, population_year)


def _map_chart(
    organisation: Organisation,
    info: MeasureInfo,
    areas: list[maps.MapArea],
    *,
    level: str,
    year: int,
    population_year: int | None,
) -> charts.Chart:
    """Return the choropleth with its title and legend: the unit, or per 1.000 inhabitants of which year."""
    names = {"measure": info.name, "level": level, "year": year, "gemeente": organisation.name}
    if population_year is None:
        title = _("%(measure)s per %(level)s, %(year)s") % names
        description = _("Kaart van %(gemeente)s; de legenda noemt de grenzen van elke klasse.") % names
        return maps.choropleth(
            title, description, areas, legend=info.unit, decimals=0 if info.is_count else 1
        )
    names["population_year"] = population_year
    title = _("%(measure)s per 1.000 inwoners per %(level)s, %(year)s (inwoners %(population_year)s)") % names
    description = (
        _(
            "Kaart van %(gemeente)s: het aantal in %(year)s per 1.000 inwoners van %(population_year)s; "
            "de legenda noemt de grenzen van elke klasse."
        )
        % names
    )
    legend = _("per 1.000 inwoners")
    return maps.choropleth(title, description, areas, legend=legend, decimals=1, table_decimals=1)


def _shapes(gemeente_code: str, level: str, year: int) -> list[tuple[int, str, str, dict[str, Any] | None]]:
    """Return (id, code, name, RD geometry) of the ``level`` areas; cached until the next change."""
    return changes.until_next_change(
        f"kaart:{gemeente_code}:{level}:{year}",
        lambda: [
            (s.id, s.code, s.name, maps.geometry_rd(s.geojson))
            for s in map_shapes(level, year, gemeente_code)
        ],
    )


def area_series(
    area: Area, measure_code: str, organisation: Organisation, *, suppress: bool
) -> charts.Chart | None:
    """Return the yearly values of one measure in ``area`` as a time series (None without values)."""
    info = measure(organisation, measure_code)
    if info is None:
        return None
    values = yearly_values([area.pk], organisation_id=organisation.pk, measure_codes=[measure_code])
    if not values:
        return None
    hidden = {
        v.year: suppress and area.code in complements(organisation, v.year).get(measure_code, frozenset())
        for v in values
    }
    points = []
    for v in values:
        shown = publishable(v.value, suppress=suppress, is_count=info.is_count, complement=hidden[v.year])
        points.append(
            charts.SeriesPoint(dt.date(v.year, 1, 1), shown if isinstance(shown, float | int) else None)
        )
    title = _("%(measure)s in %(area)s per jaar") % {"measure": info.name, "area": area.name}
    description = _("Waarde per kalenderjaar; een gat in de lijn is een onderdrukt of ontbrekend jaar.")
    chart = charts.time_series(title, description, points, unit=info.unit, yearly=True)
    if suppress:
        rows = tuple(
            (
                p.period,
                publishable(v.value, suppress=True, is_count=info.is_count, complement=hidden[v.year]),
                None,
                None,
            )
            for p, v in zip(points, values, strict=True)
        )
        chart = charts.Chart(chart.title, chart.description, chart.spec, chart.columns, rows)
    return chart
