# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator engine on a hand-countable municipality: every level, period length and flag."""

from __future__ import annotations

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute
from kompas.indicators.intervals import garwood_count
from kompas.indicators.models import IndicatorValue
from tests.indicators.factories import COUNT, RATE, burglary_panel, define, make_group

pytestmark = pytest.mark.django_db


def _value(code: str, area: str, start: dt.date, length: str) -> IndicatorValue:
    with scopes_disabled():
        return IndicatorValue.objects.get(
            indicator__code=code, area_code=area, period_start=start, period_length=length
        )


@pytest.fixture
def computed(org_a: Organisation) -> Organisation:
    burglary_panel(org_a)
    make_group("testgroep", ["WK999901", "WK999902"])
    define(RATE, COUNT)
    compute(actor=None)
    return org_a


@pytest.mark.parametrize(
    ("area", "level", "expected"),
    [
        ("BU99990101", "buurt", 3.0),  # 3 on 1.000 dwellings
        ("BU99990102", "buurt", 6.0),  # 12 on 2.000
        ("BU99990201", "buurt", 10.0),  # 5 on 500
        ("WK999901", "wijk", 5.0),  # (3 + 12) / 3.000
        ("GM9999", "gemeente", 20 / 3.5),  # (3 + 12 + 5) / 3.500 = 5,71, not the mean 6,33
        ("testgroep", "groep", 20 / 3.5),  # the group of both wijken sums them too
    ],
)
def test_month_rates_sum_numerators_and_denominators(
    computed: Organisation, area: str, level: str, expected: float
) -> None:
    value = _value("inbraak_per_1000", area, dt.date(2015, 3, 1), "month")
    assert value.area_level == level
    assert value.value == pytest.approx(expected)


def test_a_year_is_twelve_months_on_the_stock_of_that_year(computed: Organisation) -> None:
    value = _value("inbraak_per_1000", "GM9999", dt.date(2015, 1, 1), "year")
    assert (value.numerator, value.denominator, value.denominator_year) == (240.0, 3500.0, 2015)
    assert value.value == pytest.approx(240 / 3.5)
    interval = garwood_count(240)
    assert (value.ci_low, value.ci_high) == pytest.approx((interval.ci_low / 3.5, interval.ci_high / 3.5))


def test_quarters_and_rolling_windows(computed: Organisation) -> None:
    quarter = _value("inbraak_aantal", "WK999902", dt.date(2014, 4, 1), "quarter")
    assert quarter.value == 15.0
    # A rolling window from March 2014 through February 2015 uses the dwellings of 2015.
    rolling = _value("inbraak_per_1000", "BU99990102", dt.date(2014, 3, 1), "rolling_12_months")
    assert (rolling.numerator, rolling.denominator_year) == (144.0, 2015)
    with scopes_disabled():
        windows = IndicatorValue.objects.filter(
            indicator__code="inbraak_aantal", area_code="GM9999", period_length="rolling_12_months"
        ).count()
    assert windows == 13  # 24 months hold 13 complete twelve-month windows


def test_small_numbers_are_flagged(computed: Organisation) -> None:
    assert (
        _value("inbraak_aantal", "BU99990101", dt.date(2015, 3, 1), "month").flag == "te_weinig_waarnemingen"
    )
    assert _value("inbraak_aantal", "BU99990102", dt.date(2015, 3, 1), "month").flag == ""
    assert _value("inbraak_aantal", "BU99990101", dt.date(2015, 1, 1), "year").flag == ""


def test_values_name_their_import_runs(computed: Organisation) -> None:
    value = _value("inbraak_per_1000", "GM9999", dt.date(2015, 1, 1), "year")
    assert len(value.import_runs) == 1


def test_an_indicator_on_a_measure_not_imported_yet_gets_no_values(computed: Organisation) -> None:
    # The Hengelo set names survey measures that exist only once a survey file is imported.
    define('[[indicator]]\ncode = "later"\nname = "Later"\nformula = "count"\nnumerator = "nog_niet"\n')
    report = compute(actor=None)
    assert [entry.code for entry in report.indicators if entry.code == "later"] == ["later"]
    with scopes_disabled():
        assert not IndicatorValue.objects.filter(indicator__code="later").exists()
        assert IndicatorValue.objects.filter(indicator__code="inbraak_aantal").exists()
