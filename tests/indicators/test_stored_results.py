# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Trends, benchmark indices, ranks and the other formulas as the engine stores them."""

from __future__ import annotations

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.indicators.compute import compute
from kompas.indicators.models import IndicatorComparison, IndicatorTrend, IndicatorValue
from kompas.indicators.queries import theme_rank_sums
from kompas.observations.models import Observation
from tests.indicators.factories import (
    COUNT,
    RATE,
    burglary_panel,
    define,
    make_areas,
    make_group,
    measure,
    observe,
)

pytestmark = pytest.mark.django_db
E33 = {2011: 865.0, 2012: 1084.0, 2013: 1104.0, 2014: 1338.0, 2015: 1668.0}  # Twente, IVP L2033-2034


def _values(code: str, **filters: object) -> dict[tuple[str, dt.date], float | None]:
    with scopes_disabled():
        rows = IndicatorValue.objects.filter(indicator__code=code, **filters)
        return {(r.area_code, r.period_start): r.value for r in rows}


def test_trend_of_yearly_counts_is_the_negative_binomial_of_docs(db: None) -> None:
    areas = make_areas(valid_from=2011)
    for year, count in E33.items():
        observe("overlast_e33", areas, {"GM9999": count}, [dt.date(year, 1, 1)], "year")
    define('[[indicator]]\ncode = "e33"\nname = "E33"\nformula = "count"\nnumerator = "overlast_e33"\n')
    compute(actor=None)
    with scopes_disabled():
        trend = IndicatorTrend.objects.get(indicator__code="e33", area_code="GM9999")
    assert trend.method == "negative_binomial_glm"
    assert trend.pearson_ratio == pytest.approx(4.49, abs=0.01)
    assert (trend.pct_per_year, trend.ci_low, trend.ci_high) == pytest.approx((16.56, 13.24, 19.99), abs=0.01)
    assert (trend.first_period, trend.last_period, trend.n_periods) == (
        dt.date(2011, 1, 1),
        dt.date(2015, 1, 1),
        5,
    )


def test_benchmark_index_and_ranks_within_a_group(org_a: Organisation) -> None:
    burglary_panel(org_a)
    make_group("buurten", ["BU99990101", "BU99990102", "BU99990201"])
    define(RATE)
    compute(actor=None)
    with scopes_disabled():
        rows = IndicatorComparison.objects.filter(period_start=dt.date(2015, 5, 1), period_length="month")
        found = {r.area_code: (r.index, r.clipped, r.rank, r.colour) for r in rows}
    mean = (3 + 6 + 10) / 3
    assert found == {
        "BU99990101": (150.0, True, 1.0, "groen"),  # 100 × 6,33 / 3 = 211, clipped to 150
        "BU99990102": (pytest.approx(100 * mean / 6), False, 2.0, "geel"),
        "BU99990201": (pytest.approx(100 * mean / 10), False, 3.0, "rood"),
    }


def test_a_missing_buurt_leaves_its_wijk_and_gemeente_without_a_value(org_a: Organisation) -> None:
    burglary_panel(org_a)
    with scopes_disabled():
        Observation.objects.filter(
            measure__code="inbraak", area__code="BU99990102", period_start=dt.date(2015, 6, 1)
        ).delete()
    define(RATE)
    compute(actor=None)
    june = _values("inbraak_per_1000", period_start=dt.date(2015, 6, 1), period_length="month")
    assert set(june) == {("BU99990101", dt.date(2015, 6, 1)), ("BU99990201", dt.date(2015, 6, 1)),
                         ("WK999902", dt.date(2015, 6, 1))}  # fmt: skip
    assert ("GM9999", dt.date(2015, 1, 1)) not in _values("inbraak_per_1000", period_length="year")


def test_a_published_total_wins_over_the_sum_of_its_parts(org_a: Organisation) -> None:
    areas = burglary_panel(org_a)
    observe("inbraak", areas, {"GM9999": 25.0}, [dt.date(2015, 2, 1)])
    define(RATE)
    compute(actor=None)
    february = _values("inbraak_per_1000", area_code="GM9999", period_length="month")
    assert february[("GM9999", dt.date(2015, 2, 1))] == pytest.approx(25 / 3.5)
    assert february[("GM9999", dt.date(2015, 3, 1))] == pytest.approx(20 / 3.5)


def test_area_versions_are_resolved_by_year(db: None) -> None:
    # BU99990201 moves from WK999902 to WK999901 in 2015 (a new version of the buurt).
    areas = make_areas(valid_from=2014)
    with scopes_disabled():
        Area.objects.filter(code="BU99990201").update(valid_to=2014)
        moved = Area.objects.create(code="BU99990201", name="Verhuisd", level="buurt",
                                    parent=areas["WK999901"], valid_from=2015)  # fmt: skip
    observe("inbraak", areas, {"BU99990201": 5.0}, [dt.date(2014, 1, 1)])
    observe("inbraak", {"BU99990201": moved}, {"BU99990201": 7.0}, [dt.date(2015, 1, 1)])
    observe(
        "inbraak", areas, {"BU99990101": 3.0, "BU99990102": 12.0}, [dt.date(2014, 1, 1), dt.date(2015, 1, 1)]
    )
    define('[[indicator]]\ncode = "aantal"\nname = "Aantal"\nformula = "count"\nnumerator = "inbraak"\n')
    compute(actor=None)
    values = _values("aantal", period_length="month", area_level="wijk")
    assert values == {
        ("WK999901", dt.date(2014, 1, 1)): 15.0,
        ("WK999902", dt.date(2014, 1, 1)): 5.0,
        ("WK999901", dt.date(2015, 1, 1)): 22.0,
    }


def test_survey_percentages_stay_where_they_were_measured(db: None) -> None:
    areas = make_areas()
    target = measure("onveilig_pct")
    with scopes_disabled():
        Observation.objects.bulk_create(
            Observation(
                measure=target,
                area=areas[code],
                period_start=dt.date(year, 1, 1),
                period_length="year",
                value=value,
                margin=margin,
                sample_size=n,
            )
            for code, year, value, margin, n in [
                ("WK999901", 2015, 20.0, 2.0, 800),
                ("WK999901", 2017, 23.5, 2.0, 800),
                ("WK999902", 2017, 30.0, 4.0, 250),
            ]
        )
    define('[[indicator]]\ncode = "onveilig"\nname = "Onveilig"\nformula = "survey_percentage"\n'
           'numerator = "onveilig_pct"\ndirection = "lower_is_better"\n')  # fmt: skip
    compute(actor=None)
    with scopes_disabled():
        rows = {r.area_code: r for r in IndicatorValue.objects.filter(period_start=dt.date(2017, 1, 1))}
        trend = IndicatorTrend.objects.get(area_code="WK999901")
    assert set(rows) == {"WK999901", "WK999902"}  # no gemeente: survey values are not summed
    # 250 respondents: above the minimum n (30), shown with its published margin
    assert (rows["WK999902"].ci_low, rows["WK999902"].ci_high, rows["WK999902"].flag) == (26.0, 34.0, "")
    # 20 ± 2 → 23,5 ± 2: the intervals overlap, but 3,5 > √8 = 2,83, so a real rise.
    assert (trend.difference, trend.exceeds_margin) == (3.5, True)
    assert trend.combined_margin == pytest.approx(8**0.5)


def test_share_change_moving_average_and_composite(org_a: Organisation) -> None:
    areas = burglary_panel(org_a, years=(2013, 2014, 2015))
    observe("pogingen", areas, {"BU99990101": 1.0, "BU99990102": 3.0, "BU99990201": 1.0},
            [dt.date(year, month, 1) for year in (2013, 2014, 2015) for month in range(1, 13)])  # fmt: skip
    define(
        RATE,
        '[[indicator]]\ncode = "aandeel"\nname = "Aandeel pogingen"\nformula = "share"\n'
        'numerator = "pogingen"\ndenominator = "inbraak"\ndirection = "lower_is_better"\n'
        '[[indicator]]\ncode = "verandering"\nname = "Verandering"\nformula = "change"\n'
        'numerator = "inbraak"\nbaseline_year = 2013\n'
        '[[indicator]]\ncode = "gemiddeld"\nname = "3 jaar"\nformula = "moving_average"\n'
        'numerator = "inbraak"\ndenominator = "woningen"\nwindow = 3\n'
        '[[indicator]]\ncode = "index"\nname = "Index"\nformula = "composite"\n'
        'direction = "higher_is_better"\n'
        'components = [{indicator = "inbraak_per_1000", weight = 1}, {indicator = "aandeel", weight = 1}]\n',
    )
    compute(actor=None)
    year = {"period_start": dt.date(2015, 1, 1), "period_length": "year"}
    assert _values("aandeel", area_code="GM9999", **year) == {
        ("GM9999", dt.date(2015, 1, 1)): 25.0
    }  # 5 of 20
    assert _values("verandering", area_code="GM9999", **year) == {("GM9999", dt.date(2015, 1, 1)): 0.0}
    assert _values("gemiddeld", area_code="GM9999", **year)[("GM9999", dt.date(2015, 1, 1))] == pytest.approx(
        720 / 10.5
    )  # 3 × 240 burglaries on 3 × 3.500 dwellings
    # Index among the three buurten in 2015 (100 = their mean, clipped to [10, 150]):
    # rates 36, 72, 120 (mean 76) and shares 33,3, 25, 20 (mean 26,1), lower is better for both.
    index = _values("index", area_level="buurt", **year)
    expected = (min(150, 100 * 76 / 36) + 100 * (26.111 / 33.333)) / 2
    assert index[("BU99990101", dt.date(2015, 1, 1))] == pytest.approx(expected, rel=1e-3)


def test_rank_sums_per_theme_from_stored_ranks(org_a: Organisation) -> None:
    burglary_panel(org_a)
    make_group("buurten", ["BU99990101", "BU99990102", "BU99990201"])
    # A count is ranked only with a written reason (docs/indicators.md §4).
    explained = COUNT + 'comparable = true\ncomparable_reason = "Vergelijkt met opzet de aantallen zelf."\n'
    define(RATE, explained)
    compute(actor=None)
    with scopes_disabled():
        sums = theme_rank_sums(
            ["inbraak_per_1000", "inbraak_aantal"], "buurten", dt.date(2015, 5, 1), "month"
        )
    # Rates 3, 6, 10 rank 1, 2, 3; counts 3, 12, 5 rank 1, 3, 2: sums 2, 5, 5.
    assert [(s.area, s.rank_sum, s.position) for s in sums] == [
        ("BU99990101", 2.0, 1.0),
        ("BU99990102", 5.0, 2.0),
        ("BU99990201", 5.0, 2.0),
    ]
