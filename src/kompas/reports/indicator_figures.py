# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The current figures of plan indicators: value with interval, trend, benchmark index, verdict, series.

Read from the results of the indicator engine (``kompas compute``) in four queries for all targets
together; an indicator without results has empty figures, shown as "nog geen gegevens". Values
are those of the area the reader chose (the gemeente by default); the verdict is the engine's
judgement of the target in the target's own area.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.areas.codes import level_of
from kompas.areas.sums import area_sums
from kompas.indicators import minimum_n
from kompas.indicators.demo_values import demo_years_of
from kompas.indicators.queries import (
    comparabilities,
    comparisons_for,
    incomplete_rows,
    partial_labels,
    period_counts,
    progress_for,
    trends_for,
    values_for,
)
from kompas.indicators.vocabulary import Flag
from kompas.observations.queries import COUNT_UNIT
from kompas.presentation import formatting
from kompas.presentation.charts import SeriesPoint
from kompas.presentation.suppression import complements, publishable
from kompas.reports.benchmark_cell import Benchmark, benchmark

if TYPE_CHECKING:
    from kompas.indicators.queries import Indicator, IndicatorComparison, IndicatorTrend, IndicatorValue
    from kompas.policy.queries import Target

# The period lengths a plan indicator is shown in, in order of preference: whole years first.
LENGTHS = ("year", "rolling_12_months", "quarter", "month")


@dataclass(frozen=True)
class Trend:
    """The trend of an indicator: change per year (or in points) with its interval and significance."""

    change: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    method: str
    significant: bool
    in_points: bool = False

    @property
    def pct_per_year(self) -> float | None:
        """Return the change in % per year (None for a survey change in points)."""
        return None if self.in_points else self.change

    @property
    def text(self) -> str:
        """Return the trend in words: ``↓ -3,2 % per jaar (significant)``."""
        if self.change is None:
            return formatting.MISSING
        amount = (
            f"{formatting.number(self.change, 1)} {_('punten')}"
            if self.in_points
            else (f"{formatting.percent(self.change)} {_('per jaar')}")
        )
        significance = _("significant") if self.significant else _("niet significant")
        return f"{self.arrow} {amount} ({significance})"

    @property
    def arrow(self) -> str:
        """Return ↑, ↓ or → (no significant change)."""
        if not self.significant or self.change is None:
            return "→"
        return "↑" if self.change > 0 else "↓"


@dataclass(frozen=True)
class IndicatorFigures:
    """What is known now about one plan indicator in one area and year."""

    value: float | str | None = None
    period: str = ""
    ci_low: float | None = None
    ci_high: float | None = None
    trend: Trend | None = None
    benchmark: Benchmark = field(default_factory=Benchmark)
    status: str = ""
    series: Sequence[SeriesPoint] = ()
    demo: bool = False  # the latest value rests on fictitious demo figures (issue 16): say so

    @property
    def benchmark_index(self) -> float | str | None:
        """Return the index, or "niet vergelijkbaar" for an indicator that is not compared."""
        return self.benchmark.shown


def indicator_figures(
    targets: Sequence[Target], *, year: int, area_code: str, suppress: bool
) -> dict[int, IndicatorFigures]:
    """Return target id → the figures of its indicator in ``area_code`` up to the end of ``year``."""
    if not targets:
        return {}
    until = dt.date(year, 12, 31)
    indicator_ids = {target.indicator_id for target in targets}
    verdicts = {verdict.target_id: verdict for verdict in progress_for([t.pk for t in targets], until=until)}
    values: dict[int, list[IndicatorValue]] = defaultdict(list)
    for value in values_for(indicator_ids, [area_code], lengths=LENGTHS, until=until):
        values[value.indicator_id].append(value)
    trends: dict[int, list[IndicatorTrend]] = defaultdict(list)
    for trend in trends_for(indicator_ids, [area_code]):
        trends[trend.indicator_id].append(trend)
    compared: dict[tuple[int, str], IndicatorComparison] = {}
    for comparison in comparisons_for(indicator_ids, [area_code], until=until):
        compared[(comparison.indicator_id, comparison.period_length)] = comparison  # the latest wins
    comparable = comparabilities(indicator_ids)
    chosen = {pk: _series(found) for pk, found in values.items()}
    gaps = _incomplete([t.indicator for t in targets if not chosen.get(t.indicator_id)], area_code, year)
    partial = _partial({t.indicator_id: t.indicator for t in targets}, chosen, area_code)
    hidden = _complements(targets, chosen, area_code) if suppress else frozenset()
    demo = demo_years_of(indicator_ids)
    found = {}
    for target in targets:
        verdict = verdicts.get(target.pk)
        series = chosen.get(target.indicator_id, [])
        is_count = target.indicator.unit == COUNT_UNIT
        found[target.pk] = _figures(
            series,
            trend_of(trends.get(target.indicator_id, [])),
            benchmark(
                compared.get((target.indicator_id, series[-1].period_length)) if series else None,
                comparable.get(target.indicator_id),
            ),
            verdict.status if verdict is not None else "",
            is_count=is_count,
            suppress=suppress,
            hidden=hidden,
            remark=gaps.get(target.indicator_id, ""),
            partial=partial.get(target.indicator_id, ""),
        )
        if series and series[-1].period_start.year in demo.get(target.indicator_id, ()):
            found[target.pk] = replace(found[target.pk], demo=True)
    return found


def _partial(
    indicators: dict[int, Indicator], chosen: dict[int, list[IndicatorValue]], area_code: str
) -> dict[int, str]:
    """Return indicator id → *onvolledig (22 van 26 buurten)* where the latest value of
    ``area_code`` is a partial sum that the indicator's rule allows (``docs/areas.md`` §2)."""
    found: dict[int, str] = {}
    for pk, series in chosen.items():
        latest = series[-1] if series else None
        if latest is None or latest.flag != Flag.INCOMPLETE.value or pk not in indicators:
            continue
        labels = partial_labels(indicators[pk], latest.area_level, latest.period_length, latest.period_start)
        found[pk] = labels.get(area_code, Flag.INCOMPLETE.value)
    return found


def _incomplete(indicators: Sequence[Indicator], area_code: str, year: int) -> dict[int, str]:
    """Return indicator id → *onvolledig (22 van 26 buurten)* where ``area_code`` has no value in
    ``year`` because only some of its parts have one (``docs/areas.md`` §2)."""
    level = level_of(area_code)
    if level is None:
        return {}
    found: dict[int, str] = {}
    for indicator in {i.pk: i for i in indicators}.values():
        rows = incomplete_rows(indicator, level.value, "year", dt.date(year, 1, 1))
        found.update((indicator.pk, row.label) for row in rows if row.area_code == area_code)
    return found


Cell = tuple[int, str, dt.date, str]


def _complements(
    targets: Sequence[Target], chosen: dict[int, list[IndicatorValue]], area_code: str
) -> frozenset[Cell]:
    """Return (indicator, period length, start, area) of the values withheld as complements.

    Each period is judged among all wijken and buurten of the area's gemeente, as the indicator
    page and the area page judge it, so the report withholds the same figures.
    """
    if area_code[:2] not in ("GM", "WK", "BU"):
        return frozenset()
    indicators = {target.indicator_id: target.indicator for target in targets}
    wanted: dict[str, set[dt.date]] = defaultdict(set)
    for series in chosen.values():
        for value in series:
            wanted[value.period_length].add(value.period_start)
    hidden: set[Cell] = set()
    for length, starts in wanted.items():
        counts = period_counts(
            indicators.values(), length=length, starts=starts, gemeente_code="GM" + area_code[2:6]
        )
        hidden |= {
            (pk, length, start, code)
            for (pk, start), found in counts.items()
            for code in complements(found, area_sums(found))
        }
    return frozenset(hidden)


def _series(values: list[IndicatorValue]) -> list[IndicatorValue]:
    """Return the values of the most preferred period length present."""
    for length in LENGTHS:
        chosen = [value for value in values if value.period_length == length]
        if chosen:
            return chosen
    return []


def _shown(
    value: IndicatorValue, *, is_count: bool, suppress: bool, hidden: frozenset[Cell] = frozenset()
) -> float | str | None:
    if minimum_n.withheld(value.value, value.flag):
        return minimum_n.too_few()
    count = None if is_count else value.n
    complement = (value.indicator_id, value.period_length, value.period_start, value.area_code) in hidden
    return publishable(value.value, suppress=suppress, count=count, is_count=is_count, complement=complement)


def _figures(
    series: list[IndicatorValue],
    trend: Trend | None,
    cell: Benchmark,
    status: str,
    *,
    is_count: bool,
    suppress: bool,
    hidden: frozenset[Cell],
    remark: str = "",
    partial: str = "",
) -> IndicatorFigures:
    if not series:
        return IndicatorFigures(value=remark or None, trend=trend, benchmark=cell, status=status)
    points = []
    for value in series:
        shown = _shown(value, is_count=is_count, suppress=suppress, hidden=hidden)
        withheld = isinstance(shown, str)
        number = None if withheld or shown is None else float(shown)
        points.append(
            SeriesPoint(
                value.period_start,
                number,
                None if withheld else value.ci_low,
                None if withheld else value.ci_high,
            )
        )
    latest = series[-1]
    shown = _shown(latest, is_count=is_count, suppress=suppress, hidden=hidden)
    withheld = isinstance(shown, str)
    period = formatting.period(latest.period_start, latest.period_length)
    return IndicatorFigures(
        value=shown,
        # a partial sum says so wherever the period is printed (tables, sheets, the veiligheidsbeeld)
        period=f"{period}, {partial}" if partial else period,
        ci_low=None if withheld else latest.ci_low,
        ci_high=None if withheld else latest.ci_high,
        trend=trend,
        benchmark=cell,
        status=status,
        series=tuple(points),
    )


def trend_of(trends: list[IndicatorTrend]) -> Trend | None:
    """Return the trend over the most periods (monthly counts give the most power)."""
    if not trends:
        return None
    best = max(trends, key=lambda t: (t.n_periods, t.last_period))
    if best.pct_per_year is None and best.difference is not None:
        return Trend(
            best.difference, None, None, None, best.method, bool(best.exceeds_margin), in_points=True
        )
    significant = (
        best.ci_low is not None and best.ci_high is not None and (best.ci_low > 0 or best.ci_high < 0)
    )
    return Trend(best.pct_per_year, best.ci_low, best.ci_high, best.p_value, best.method, significant)
