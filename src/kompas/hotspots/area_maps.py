# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Area hotspots of one indicator in one period: the areas, their statistic, persistence and gaps.

The statistics themselves are :func:`kompas.hotspots.areas.local_statistics`; this module chooses
the areas (the organisation's own gemeente, or for an organisation without one every gemeente
with values), builds queen contiguity from the stored boundaries of the period's year, and says
of every area that is left out why: no value, no boundary, or a value withheld for too few
observations. Never silently dropped. A map of fewer than :data:`MIN_AREAS` areas gets no
statistic at all: with so few areas the permutation distribution and the false discovery rate
cannot single out a cluster, and a map would suggest one.

For a reader who may only see published figures (:func:`kompas.accounts.roles.suppresses`) an
area whose value is withheld by the publication threshold (or as a complement) keeps that mark,
and its z, p and class are withheld with it, because a hot or cold verdict on an area rests on
its own value (Gi* includes the area itself).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kompas.areas.contiguity import Contiguity, queen_neighbours
from kompas.areas.queries import area_names, level_prefix, rd_boundaries
from kompas.areas.sums import area_sums
from kompas.hotspots.areas import DEFAULT_PERMUTATIONS, DEFAULT_SEED, AreaStatistic, local_statistics
from kompas.indicators import queries
from kompas.presentation.suppression import complements, publishable_indicator_value

MIN_AREAS = 10
LEVELS = ("buurt", "wijk")
ALPHA = 0.05


@dataclass(frozen=True)
class Settings:
    """What the user chose: the statistic (``gi`` or ``moran``) and persistence (``k`` of the last ``n``)."""

    statistic: str = "gi"
    k: int = 2
    n: int = 3
    permutations: int = DEFAULT_PERMUTATIONS
    seed: int = DEFAULT_SEED
    alpha: float = ALPHA


@dataclass(frozen=True)
class Row:
    """One area of the map as this reader may see it.

    ``value`` is the published value or its mark ("< 5", "n < 5", "x"); ``withheld`` then hides
    z, p and class. ``kind``: "hot"/"cold" for Gi*, "HH"/"LL"/"HL"/"LH" for local Moran, "" when
    not significant after the FDR. ``hot_periods`` counts the periods of the persistence window in
    which the area was a significant Gi* hot spot.
    """

    code: str
    name: str
    value: float | str
    statistic: float
    p: float
    significant: bool
    kind: str
    hot_periods: int
    persistent: bool
    withheld: bool
    island: bool


@dataclass(frozen=True)
class Missing:
    """An area left out of the statistic, with the reason."""

    code: str
    name: str
    reason: str


@dataclass(frozen=True)
class AreaHotspots:
    """The hotspot map of one indicator, level and period; ``too_few`` says why there is no statistic."""

    level: str
    length: str
    start: dt.date
    settings: Settings
    rows: list[Row]
    missing: list[Missing]
    too_few: str = ""
    # The period starts the persistence was counted over, newest first.
    periods: list[dt.date] = field(default_factory=list)

    @property
    def hot(self) -> list[Row]:
        """Return the areas that are significant hot spots (Gi* or HH)."""
        return [row for row in self.rows if row.kind in ("hot", "HH")]


@dataclass(frozen=True)
class _Stored:
    value: float | None
    n: float | None
    # Why the engine stored no value ("" when it has one, or gave no reason of its own).
    reason: str


@dataclass(frozen=True)
class _Period:
    """One period's stored values, the boundaries, and the statistics (None: too few areas)."""

    stored: dict[str, _Stored]
    shapes: dict[str, bytes]
    usable: int
    contiguity: Contiguity | None = None
    statistics: list[AreaStatistic] | None = None


def _stored(
    indicator: queries.Indicator, level: str, length: str, start: dt.date, parent: str
) -> dict[str, _Stored]:
    rows = queries.values_of(indicator).filter(area_level=level, period_length=length, period_start=start)
    if parent:
        rows = rows.filter(area_code__startswith=level_prefix(level) + parent[2:])
    return {row.area_code: _Stored(row.value, row.n, _no_value(row)) for row in rows}


def _no_value(row: queries.IndicatorValue) -> str:
    """Return why a stored value is empty: its flag, a denominator of 0 or none at all."""
    if row.value is not None:
        return ""
    if row.flag:
        return _("geen waarde: %(flag)s") % {"flag": row.get_flag_display()}
    if row.denominator == 0:
        return _("geen waarde: de noemer is 0")
    if row.denominator is None and row.numerator is not None:
        return _("geen waarde: de noemer ontbreekt")
    return _("geen waarde berekend")


def _boundaries(level: str, year: int, parent: str, codes: set[str]) -> dict[str, bytes]:
    """Return the boundaries of the map: the parent's areas, else those of every gemeente with values."""
    found = rd_boundaries(level, year, parent or None)
    if parent:
        return found
    gemeenten = {code[2:6] for code in codes}
    return {code: shape for code, shape in found.items() if code[2:6] in gemeenten}


def _period(
    indicator: queries.Indicator, level: str, length: str, start: dt.date, parent: str, settings: Settings
) -> _Period:
    """Return one period's values, boundaries and statistics; no statistics with too few areas."""
    stored = _stored(indicator, level, length, start, parent)
    shapes = _boundaries(level, start.year, parent, set(stored))
    values = {code: row.value for code, row in stored.items() if row.value is not None and code in shapes}
    if len(values) < MIN_AREAS:
        return _Period(stored, shapes, len(values))
    contiguity = queen_neighbours({code: shapes[code] for code in values})
    statistics = local_statistics(
        values, contiguity, permutations=settings.permutations, seed=settings.seed, alpha=settings.alpha
    )
    return _Period(stored, shapes, len(values), contiguity, statistics)


def hot_periods(
    indicator: queries.Indicator,
    level: str,
    length: str,
    start: dt.date,
    parent: str,
    settings: Settings,
    current: list[AreaStatistic],
) -> tuple[list[dt.date], dict[str, int]]:
    """Return the last ``n`` periods up to ``start`` (newest first) and per area how often it was a
    significant Gi* hot spot; ``current`` holds the statistics of ``start`` itself."""
    starts = [day for day in queries.choices(indicator, level, length).starts if day <= start][: settings.n]
    hot_sets = []
    for day in reversed(starts):
        found = (
            current if day == start else _period(indicator, level, length, day, parent, settings).statistics
        )
        statistics = found or []
        hot_sets.append({s.code for s in statistics if s.hotspot == "hot"})
    counts: dict[str, int] = {}
    for hot in hot_sets:
        for code in hot:
            counts[code] = counts.get(code, 0) + 1
    return starts, counts


def area_hotspots(
    indicator: queries.Indicator,
    *,
    level: str,
    length: str,
    start: dt.date,
    parent: str,
    settings: Settings,
    suppress: bool,
) -> AreaHotspots:
    """Return the hotspot map of ``indicator`` for the ``level`` areas under ``parent`` ('' for all)."""
    found = _period(indicator, level, length, start, parent, settings)
    names = area_names(set(found.stored) | set(found.shapes))
    missing = _missing(found.stored, found.shapes, names)
    if found.statistics is None or found.contiguity is None:
        reason = _(
            "Te weinig gebieden met een waarde en een grens (%(count)s; minimaal %(minimum)s) voor een "
            "hotspotanalyse: geen kaart."
        ) % {"count": found.usable, "minimum": MIN_AREAS}
        return AreaHotspots(level, length, start, settings, [], missing, too_few=reason)
    starts, counts = hot_periods(indicator, level, length, start, parent, settings, found.statistics)
    hidden = _complements(indicator, length, start) if suppress else frozenset()
    is_count = queries.counts_events(indicator)
    islands = set(found.contiguity.islands)
    rows = []
    for s in found.statistics:
        row = found.stored[s.code]
        shown = publishable_indicator_value(
            row.value, n=row.n, is_count=is_count, suppress=suppress, complement=s.code in hidden
        )
        withheld = isinstance(shown, str)
        rows.append(_row(s, names, shown, withheld, counts.get(s.code, 0), settings, s.code in islands))
    return AreaHotspots(level, length, start, settings, rows, missing, periods=starts)


def _row(
    s: AreaStatistic,
    names: dict[str, str],
    shown: float | str | None,
    withheld: bool,
    hot: int,
    settings: Settings,
    island: bool,
) -> Row:
    moran = settings.statistic == "moran"
    significant = s.moran_significant if moran else s.gi_significant
    kind = (s.moran_quadrant if moran else s.hotspot) if significant else ""
    return Row(
        code=s.code,
        name=names.get(s.code, s.code),
        value=shown if shown is not None else s.value,
        statistic=s.moran_i if moran else s.gi_z,
        p=s.moran_p if moran else s.gi_p,
        significant=significant,
        kind=kind,
        hot_periods=hot,
        persistent=hot >= settings.k,
        withheld=withheld,
        island=island,
    )


def _missing(stored: dict[str, _Stored], shapes: dict[str, bytes], names: dict[str, str]) -> list[Missing]:
    found = []
    for code in sorted(set(stored) | set(shapes)):
        row = stored.get(code)
        if row is None:
            reason = _("geen waarde in deze periode")
        elif row.value is None:
            reason = row.reason
        elif code not in shapes:
            reason = _("geen grens bekend")
        else:
            continue
        found.append(Missing(code, names.get(code, code), reason))
    return found


def _complements(indicator: queries.Indicator, length: str, start: dt.date) -> frozenset[str]:
    """Return the areas withheld to protect small counts, as the indicator page withholds them."""
    counts = queries.period_counts([indicator], length=length, starts=[start])
    shown = counts.get((indicator.pk, start), {})
    return complements(shown, area_sums(shown))
