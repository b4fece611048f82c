# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every computed indicator of one area against the gemeente and the reference group.

The wijk page and the ``veiligheidsbeeld`` report show these lines: the area's latest yearly
value with its trend, the gemeente's value, and the reference group's mean with the gemeente's
benchmark index (reference groups compare gemeenten, so the index belongs to the gemeente).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kompas.areas.sums import area_sums
from kompas.indicators import minimum_n
from kompas.indicators.queries import (
    comparabilities,
    comparisons_for,
    computable_indicators,
    counts_events,
    period_counts,
    trends_for,
    values_for,
)
from kompas.presentation import formatting
from kompas.presentation.suppression import complements, publishable_indicator_value
from kompas.reports.benchmark_cell import Benchmark, benchmark
from kompas.reports.indicator_figures import Trend, trend_of

if TYPE_CHECKING:
    from kompas.indicators.queries import Indicator, IndicatorComparison, IndicatorTrend, IndicatorValue

YEAR = ("year",)


@dataclass(frozen=True)
class AreaIndicator:
    """One indicator in an area: its value and trend, the gemeente, the reference group."""

    indicator: Indicator
    period: str
    value: float | str | None
    trend: Trend | None
    gemeente: float | str | None
    group: str
    group_mean: float | None
    benchmark: Benchmark

    @property
    def benchmark_index(self) -> float | str | None:
        """Return the gemeente's index, or "niet vergelijkbaar" for an indicator that is not compared."""
        return self.benchmark.shown


def area_indicators(area_code: str, gemeente_code: str, year: int, *, suppress: bool) -> list[AreaIndicator]:
    """Return the indicators with a yearly value in ``area_code`` up to ``year``, by code."""
    indicators = {indicator.pk: indicator for indicator in computable_indicators()}
    if not indicators:
        return []
    until = dt.date(year, 12, 31)
    codes = sorted({area_code, gemeente_code} - {""})
    latest: dict[tuple[int, str], IndicatorValue] = {}
    for value in values_for(indicators, codes, lengths=YEAR, until=until):
        latest[(value.indicator_id, value.area_code)] = value  # oldest first: the latest wins
    trends: dict[int, list[IndicatorTrend]] = defaultdict(list)
    for trend in trends_for(indicators, [area_code]):
        trends[trend.indicator_id].append(trend)
    compared: dict[int, IndicatorComparison] = {}
    for comparison in comparisons_for(indicators, [gemeente_code], until=until):
        if comparison.period_length in YEAR:
            compared[comparison.indicator_id] = comparison
    comparable = comparabilities(indicators)
    hidden = _complements(indicators, latest, gemeente_code) if suppress else set()
    lines = []
    for pk, indicator in sorted(indicators.items(), key=lambda item: item[1].code):
        own = latest.get((pk, area_code))
        if own is None:
            continue
        whole = latest.get((pk, gemeente_code)) if gemeente_code != area_code else None
        chosen = compared.get(pk)
        lines.append(
            AreaIndicator(
                indicator,
                formatting.period(own.period_start, own.period_length),
                _shown(own, indicator, suppress, hidden),
                trend_of(trends.get(pk, [])),
                _shown(whole, indicator, suppress, hidden) if whole is not None else None,
                chosen.group.name if chosen is not None else "",
                chosen.group_mean if chosen is not None else None,
                benchmark(chosen, comparable.get(pk)),
            )
        )
    return lines


def _complements(
    indicators: dict[int, Indicator], latest: dict[tuple[int, str], IndicatorValue], gemeente_code: str
) -> set[tuple[int, dt.date, str]]:
    """Return (indicator, period start, area code) of the shown values withheld as complements.

    Each is judged among all the gemeente's wijken and buurten in its period, as the indicator
    page judges it.
    """
    if not gemeente_code or not latest:
        return set()
    starts = {value.period_start for value in latest.values()}
    counts = period_counts(indicators.values(), length=YEAR[0], starts=starts, gemeente_code=gemeente_code)
    return {
        (pk, start, code)
        for (pk, start), found in counts.items()
        for code in complements(found, area_sums(found))
    }


def _shown(
    value: IndicatorValue, indicator: Indicator, suppress: bool, hidden: set[tuple[int, dt.date, str]]
) -> float | str | None:
    if minimum_n.withheld(value.value, value.flag):
        return minimum_n.too_few()
    return publishable_indicator_value(
        value.value,
        n=value.n,
        is_count=counts_events(indicator),
        suppress=suppress,
        complement=(value.indicator_id, value.period_start, value.area_code) in hidden,
    )
