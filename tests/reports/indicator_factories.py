# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Results of the indicator engine as ``kompas compute`` stores them, written directly for tests.

Hengelo's plan indicator T1.I1 ("voelt zich weleens onveilig in de eigen buurt", %) gets yearly
values 2019-2023 in the gemeente falling from 22 to 18, a significant falling trend, a benchmark
index of 104 in a reference group and the verdict "op koers"; a shared count indicator gets
values per wijk, 3 in Buitengebied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import AreaGroup
from kompas.indicators.models import (
    Indicator,
    IndicatorComparison,
    IndicatorDefinition,
    IndicatorTrend,
    IndicatorValue,
    TargetProgress,
)
from kompas.policy.models import Plan, Target

T1_I1 = {2019: 22.0, 2020: 21.0, 2021: 20.0, 2022: 19.5, 2023: 18.0}
BURGLARIES = {"GM0164": 183.0, "WK016402": 48.0, "WK016409": 3.0}


@dataclass(frozen=True)
class Results:
    """The target and the shared indicator the results are about."""

    target: Target
    burglary: Indicator


def _year(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def _plan_results(organisation: Organisation, target: Target, group: AreaGroup) -> None:
    indicator = target.indicator
    IndicatorDefinition.objects.create(
        indicator=indicator, formula="survey_percentage", numerator="vm_onveilig"
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator, organisation=organisation, area_code="GM0164", area_level="gemeente",
            period_start=_year(year), period_length="year", value=value, ci_low=value - 1.5,
            ci_high=value + 1.5, n=900,
        )
        for year, value in T1_I1.items()
    )  # fmt: skip
    IndicatorTrend.objects.create(
        indicator=indicator, organisation=organisation, area_code="GM0164", area_level="gemeente",
        period_length="year", first_period=_year(2019), last_period=_year(2023), n_periods=5,
        method="lineair", pct_per_year=-4.8, ci_low=-6.1, ci_high=-3.4, p_value=0.002,
    )  # fmt: skip
    IndicatorComparison.objects.create(
        indicator=indicator, group=group, organisation=organisation, area_code="GM0164",
        period_start=_year(2023), period_length="year", value=18.0, group_mean=18.7, index=104.0,
        group_size=12,
    )  # fmt: skip
    TargetProgress.objects.create(
        target=target, organisation=organisation, indicator=indicator, area_code="GM0164",
        period_start=_year(2023), period_length="year", value=18.0, threshold=20.0, status="op_koers",
    )  # fmt: skip


def _shared_results() -> Indicator:
    burglary = Indicator.objects.create(
        code="woninginbraken", name="Woninginbraken", kind="effect", unit="aantal"
    )
    IndicatorDefinition.objects.create(indicator=burglary, formula="count", numerator="misdrijven_1_1_1")
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=burglary, area_code=code, area_level="gemeente" if code.startswith("GM") else "wijk",
            period_start=_year(2023), period_length="year", value=value, n=int(value),
        )
        for code, value in BURGLARIES.items()
    )  # fmt: skip
    return burglary


def make_results(organisation: Organisation, plan: Plan) -> Results:
    """Store the results described above; return the judged target and the shared indicator."""
    with scopes_disabled():
        target = Target.objects.select_related("indicator").get(
            theme__plan=plan, indicator__code="T1.I1", kind="plan"
        )
        group = AreaGroup.objects.create(
            code="referentie-test", name="Middelgrote gemeenten", kind="referentie"
        )
        _plan_results(organisation, target, group)
        return Results(target, _shared_results())
