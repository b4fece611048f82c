# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.indicators that other apps may use: definitions, values, trends, comparisons.

Every read runs in the caller's organisation scope (the managers return the organisation's own
rows and the shared ones); the indicator engine reads with scopes disabled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from django.db import connections
from django.db.models import Q, QuerySet

from kompas.areas.queries import area_names

# A model imported ``as`` itself is re-exported: other apps name it in type hints, and read its
# objects through this module's functions, never the tables.
from kompas.indicators.comparability import Comparability as Comparability
from kompas.indicators.coverage import IncompleteRow as IncompleteRow
from kompas.indicators.coverage import incomplete_rows as incomplete_rows
from kompas.indicators.coverage import partial_labels as partial_labels
from kompas.indicators.definitions import Component, Definition
from kompas.indicators.models import (
    LEVEL_CHOICES,
    ComputedPeriodChoices,
    IndicatorDefinition,
    IndicatorState,
    TargetProgress,
)
from kompas.indicators.models import Indicator as Indicator
from kompas.indicators.models import IndicatorComparison as IndicatorComparison
from kompas.indicators.models import IndicatorTrend as IndicatorTrend
from kompas.indicators.models import IndicatorValue as IndicatorValue
from kompas.indicators.ranks import Colour, Rank, RankSum, rank_sums
from kompas.indicators.vocabulary import Direction, Formula, Normalisation
from kompas.observations.queries import COUNT_UNIT

VALUE_FRAME_COLUMNS = [
    "indicator_id",
    "organisation_id",
    "area_code",
    "area_level",
    "period_start",
    "period_length",
    "value",
    "ci_low",
    "ci_high",
    "numerator",
    "denominator",
    "n",
    "flag",
]
_FETCH_ROWS = 250_000


def definition_of(stored: IndicatorDefinition) -> Definition:
    """Return a stored definition (with its catalogue entry) as a :class:`Definition`."""
    entry = stored.indicator
    return Definition(
        code=entry.code,
        name=entry.name,
        formula=Formula(stored.formula),
        numerator=stored.numerator,
        denominator=stored.denominator,
        per=stored.per,
        kind=entry.kind,
        unit=entry.unit,
        direction=Direction(entry.direction),
        window=stored.window,
        baseline_year=stored.baseline_year,
        components=tuple(Component(c["indicator"], float(c["weight"])) for c in stored.components),
        normalisation=Normalisation(stored.normalisation),
        benchmark_group=stored.benchmark_group,
        data_source=entry.data_source,
        source_ref=entry.source_ref,
        description=entry.description,
        comparable=stored.comparable,
        comparable_reason=stored.comparable_reason,
        incomplete_allowed=stored.incomplete_allowed,
        incomplete_reason=stored.incomplete_reason,
    )


def counts_events(indicator: Indicator) -> bool:
    """Return whether the values of ``indicator`` are counts: its formula counts or its unit does.

    Read ``indicator`` with its definition (``select_related("definition")``).
    """
    definition = getattr(indicator, "definition", None)
    return indicator.unit == COUNT_UNIT or (definition is not None and definition.formula == Formula.COUNT)


def definitions() -> QuerySet[IndicatorDefinition]:
    """Return the visible definitions with their catalogue entries, by code."""
    return IndicatorDefinition.objects.select_related("indicator").order_by("indicator__code")


def own_indicator(code: str, organisation_id: int) -> Indicator | None:
    """Return the organisation's own catalogue entry ``code`` (a plan indicator), with its
    definition when it has one; None when the organisation has no such entry."""
    entries = Indicator._base_manager.select_related("definition")
    return entries.filter(code=code, organisation_id=organisation_id).first()


def computable_indicators() -> QuerySet[Indicator]:
    """Return the visible catalogue entries that have a definition."""
    return Indicator.objects.filter(definition__isnull=False).select_related("definition")


def value_frame(
    indicator_ids: Iterable[int],
    *,
    lengths: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    area_codes: Sequence[str] | None = None,
    starts: Sequence[dt.date] | None = None,
) -> pd.DataFrame:
    """Return stored values as a frame (:data:`VALUE_FRAME_COLUMNS`), fetched in blocks."""
    rows = IndicatorValue.objects.filter(indicator_id__in=list(indicator_ids))
    if lengths is not None:
        rows = rows.filter(period_length__in=list(lengths))
    if levels is not None:
        rows = rows.filter(area_level__in=list(levels))
    if area_codes is not None:
        rows = rows.filter(area_code__in=list(area_codes))
    if starts is not None:
        rows = rows.filter(period_start__in=list(starts))
    sql, params = rows.values_list(*VALUE_FRAME_COLUMNS).query.sql_with_params()
    blocks = []
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        while records := cursor.fetchmany(_FETCH_ROWS):
            blocks.append(pd.DataFrame.from_records(records, columns=VALUE_FRAME_COLUMNS))
    frame = pd.concat(blocks, ignore_index=True) if blocks else pd.DataFrame(columns=VALUE_FRAME_COLUMNS)
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    floats = ["value", "ci_low", "ci_high", "numerator", "denominator", "n"]
    return frame.astype(dict.fromkeys(floats, "float64"))


def values_of(indicator: Indicator) -> QuerySet[IndicatorValue]:
    """Return the visible values of ``indicator``."""
    return IndicatorValue.objects.filter(indicator=indicator)


def trends_of(indicator: Indicator) -> QuerySet[IndicatorTrend]:
    """Return the visible trends of ``indicator``."""
    return IndicatorTrend.objects.filter(indicator=indicator)


def comparisons_of(indicator: Indicator) -> QuerySet[IndicatorComparison]:
    """Return the visible comparisons (benchmark index, rank) of ``indicator``."""
    return IndicatorComparison.objects.filter(indicator=indicator).select_related("group")


@dataclass(frozen=True)
class AreaRow:
    """One line of the values table on the indicator page."""

    value: IndicatorValue
    area_name: str
    trend: IndicatorTrend | None
    comparison: IndicatorComparison | None


@dataclass(frozen=True)
class Choices:
    """What the page can show: the levels and period lengths (code, label) and the periods that
    have values."""

    levels: list[tuple[str, str]]
    lengths: list[tuple[str, str]]
    starts: list[dt.date]


@dataclass(frozen=True)
class IndicatorPage:
    """Everything the indicator page shows besides the catalogue entry.

    ``runs`` are the import runs the values came from that the organisation may see (its own);
    ``run_count`` counts all of them, open data imported by others included.
    """

    definition: Definition | None
    choices: Choices
    level: str
    length: str
    start: dt.date | None
    rows: list[AreaRow]

    @property
    def level_name(self) -> str:
        """Return the chosen level as the page names it."""
        return dict(self.choices.levels).get(self.level, self.level)

    @property
    def length_name(self) -> str:
        """Return the chosen period length as the page names it."""
        return dict(self.choices.lengths).get(self.length, self.length)

    state: IndicatorState | None
    runs: list[Any] = field(default_factory=list)
    run_count: int = 0
    incomplete: list[IncompleteRow] = field(default_factory=list)
    partial: dict[str, str] = field(default_factory=dict)


def choices(indicator: Indicator, level: str = "", length: str = "") -> Choices:
    """Return the levels and period lengths with values, and the period starts of ``level`` and
    ``length`` (none when either is empty)."""
    values = values_of(indicator)
    level_names, length_names = dict(LEVEL_CHOICES), dict(ComputedPeriodChoices.choices)
    levels = sorted(set(values.values_list("area_level", flat=True)), key=_level_order)
    lengths = sorted(set(values.values_list("period_length", flat=True)), key=_length_order)
    return Choices(
        [(code, str(level_names.get(code, code))) for code in levels],
        [(code, str(length_names.get(code, code))) for code in lengths],
        _starts(indicator, level, length),
    )


def _starts(indicator: Indicator, level: str, length: str) -> list[dt.date]:
    if not (level and length):
        return []
    starts = values_of(indicator).filter(area_level=level, period_length=length)
    return sorted(set(starts.values_list("period_start", flat=True)), reverse=True)


def _level_order(level: str) -> int:
    order = ["land", "provincie", "regio", "groep", "gemeente", "wijk", "buurt"]
    return order.index(level) if level in order else len(order)


def _length_order(length: str) -> int:
    return list(ComputedPeriodChoices.values).index(length) if length in ComputedPeriodChoices.values else 9


def indicator_page(
    indicator: Indicator, level: str = "", length: str = "", start: dt.date | None = None
) -> IndicatorPage:
    """Return the page of ``indicator``: values per area of one level and period, with their
    trend, benchmark index and rank, and where the numbers came from.

    Without a choice the page shows gemeenten (else the largest level with values), years (else
    the longest period length) and the latest period.
    """
    found = choices(indicator)
    levels, lengths = [code for code, _name in found.levels], [code for code, _name in found.lengths]
    level = level if level in levels else _default(levels, "gemeente")
    length = length if length in lengths else _default(lengths, "year", last=True)
    periods = _starts(indicator, level, length)
    start = start if start in periods else (periods[0] if periods else None)
    stored = getattr(indicator, "definition", None)
    state = IndicatorState.objects.filter(indicator=indicator).first()
    return IndicatorPage(
        definition=definition_of(stored) if stored is not None else None,
        choices=Choices(found.levels, found.lengths, periods),
        level=level,
        length=length,
        start=start,
        rows=_rows(indicator, level, length, start),
        state=state,
        runs=list(state.import_runs.order_by("-pk")) if state else [],
        run_count=state.import_runs.through.objects.filter(indicatorstate=state).count() if state else 0,
        incomplete=incomplete_rows(indicator, level, length, start),
        # Only the indicator's own rule makes flagged partial sums (one query saved otherwise).
        partial=partial_labels(indicator, level, length, start)
        if stored is not None and stored.incomplete_allowed
        else {},
    )


def _default(options: list[str], preferred: str, *, last: bool = False) -> str:
    if preferred in options:
        return preferred
    if not options:
        return ""
    return options[-1] if last else options[0]


def _rows(indicator: Indicator, level: str, length: str, start: dt.date | None) -> list[AreaRow]:
    if start is None:
        return []
    values = list(
        values_of(indicator)
        .filter(area_level=level, period_length=length, period_start=start)
        .order_by("area_code")
    )
    codes = [value.area_code for value in values]
    trends = {t.area_code: t for t in trends_of(indicator).filter(area_code__in=codes)}
    compared: dict[str, IndicatorComparison] = {}
    for row in (
        comparisons_of(indicator).filter(period_length=length, period_start=start).order_by("group__code")
    ):
        compared.setdefault(row.area_code, row)
    names = area_names(codes)
    return [
        AreaRow(
            value,
            names.get(value.area_code, value.area_code),
            trends.get(value.area_code),
            compared.get(value.area_code),
        )
        for value in values
    ]


# Reads for the dashboard and the reports (kompas.reports.indicator_figures): the figures of many
# indicators in a few areas at once, each read one query.


def values_for(
    indicator_ids: Iterable[int], area_codes: Iterable[str], *, lengths: Sequence[str], until: dt.date
) -> list[IndicatorValue]:
    """Return the visible values of the indicators in the areas up to ``until``, oldest first.

    The query selects by indicator and area only, so the database takes the (indicator, area)
    index; the few periods per area are then filtered here.
    """
    rows = IndicatorValue.objects.filter(
        indicator_id__in=list(indicator_ids), area_code__in=list(area_codes)
    ).order_by("indicator_id", "area_code", "period_start")
    wanted = set(lengths)
    return [row for row in rows if row.period_length in wanted and row.period_start <= until]


def period_counts(
    indicators: Iterable[Indicator], *, length: str, starts: Iterable[dt.date], gemeente_code: str = ""
) -> dict[tuple[int, dt.date], dict[str, float]]:
    """Return (indicator id, period start) → area code → the count each value rests on.

    The count is the value of a count indicator, else its ``n``; for the gemeenten, wijken and
    buurten (those of ``gemeente_code`` only, if given), whose counts add up by the CBS code
    rule. The publication threshold protects these counts together
    (:func:`kompas.presentation.suppression.complements`).
    """
    counted = {indicator.pk: counts_events(indicator) for indicator in indicators}
    rows = IndicatorValue.objects.filter(
        indicator_id__in=list(counted),
        period_length=length,
        period_start__in=list(starts),
        area_level__in=("gemeente", "wijk", "buurt"),
    )
    if gemeente_code:
        number = gemeente_code[2:]
        inside = Q(area_code__startswith="WK" + number) | Q(area_code__startswith="BU" + number)
        rows = rows.filter(Q(area_code=gemeente_code) | inside)
    found: dict[tuple[int, dt.date], dict[str, float]] = {}
    read = rows.values_list("indicator_id", "period_start", "area_code", "value", "n")
    for pk, start, code, value, n in read:
        count = value if counted[pk] else n
        if count is not None:
            found.setdefault((pk, start), {})[code] = float(count)
    return found


def trends_for(indicator_ids: Iterable[int], area_codes: Iterable[str]) -> list[IndicatorTrend]:
    """Return the visible trends of the indicators in the areas."""
    return list(
        IndicatorTrend.objects.filter(indicator_id__in=list(indicator_ids), area_code__in=list(area_codes))
    )


def comparabilities(indicator_ids: Iterable[int]) -> dict[int, Comparability]:
    """Return indicator id → whether it is compared across areas (and why not), for those with a
    definition; an indicator without one has no values to compare."""
    stored = IndicatorDefinition.objects.filter(indicator_id__in=list(indicator_ids)).select_related(
        "indicator"
    )
    return {entry.indicator_id: definition_of(entry).comparability for entry in stored}


def comparisons_for(
    indicator_ids: Iterable[int], area_codes: Iterable[str], *, until: dt.date
) -> list[IndicatorComparison]:
    """Return the visible benchmark comparisons of the indicators in the areas up to ``until``."""
    return list(
        IndicatorComparison.objects.filter(
            indicator_id__in=list(indicator_ids), area_code__in=list(area_codes), period_start__lte=until
        )
        .select_related("group")
        .order_by("indicator_id", "area_code", "period_start")
    )


def progress_for(target_ids: Iterable[int], *, until: dt.date) -> list[TargetProgress]:
    """Return the verdicts on the targets for periods up to ``until`` (and undated ones), oldest first."""
    return list(
        TargetProgress.objects.filter(target_id__in=list(target_ids))
        .exclude(period_start__gt=until)
        .order_by("target_id", "period_start")
    )


def theme_rank_sums(codes: Sequence[str], group_code: str, start: dt.date, length: str) -> list[RankSum]:
    """Sum the stored ranks of a theme's indicators per member of a group, for one period.

    The Platform IVZ's district comparison (``docs/indicators.md`` §5): the lowest sum is the
    best result over the theme; a member without a rank on one indicator gets no sum.
    """
    stored = IndicatorComparison.objects.filter(
        indicator__code__in=list(codes), group__code=group_code, period_start=start, period_length=length
    ).select_related("indicator")
    found: dict[str, dict[str, Rank]] = {code: {} for code in codes}
    for row in stored:
        colour = Colour(row.colour) if row.colour else None
        found[row.indicator.code][row.area_code] = Rank(
            row.area_code, row.value, row.rank, colour, row.group_size
        )
    return rank_sums(found, list(codes))


def with_values_at(levels: Sequence[str]) -> QuerySet[Indicator]:
    """Return the visible catalogue entries that have values at one of ``levels``, by name."""
    return Indicator.objects.filter(values__area_level__in=list(levels)).distinct().order_by("name")
