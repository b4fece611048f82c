# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Plan targets judged against computed values, at the boundaries of the margin."""

from __future__ import annotations

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute
from kompas.indicators.models import Indicator, TargetProgress
from kompas.policy.models import Target
from tests.indicators.factories import RATE, burglary_panel, define
from tests.policy.factories import make_small_plan

pytestmark = pytest.mark.django_db
# GM9999 in 2015: 240 burglaries on 3.500 dwellings = 68,571 per 1.000, Garwood 60,170 – 77,818:
# a margin of 8,402 below the value and 9,246 above it.


@pytest.mark.parametrize(
    ("rule", "target", "status"),
    [
        ("at_most", 68.58, "op_koers"),  # just below the target
        ("at_most", 68.57, "risico"),  # 0,001 worse, well within the margin
        ("at_most", 60.18, "risico"),  # worse by 8,391: still within the margin of 8,402
        ("at_most", 60.16, "niet_op_koers"),  # worse by 8,411: outside the margin
        ("at_least", 77.8, "risico"),  # higher is better: 9,229 short, within 9,246
        ("at_least", 77.9, "niet_op_koers"),  # 9,329 short: outside
        ("register", None, "alleen_registreren"),
    ],
)
def test_target_status_uses_the_interval(
    org_a: Organisation, rule: str, target: float | None, status: str
) -> None:
    burglary_panel(org_a)
    define(RATE)
    plan_target = make_small_plan(org_a).target
    with scopes_disabled():
        indicator = Indicator.objects.get(code="inbraak_per_1000")
        Target.objects.filter(pk=plan_target.pk).update(
            indicator=indicator, rule=rule, target_value=target, area="GM9999"
        )
    compute(actor=None, organisation=org_a)
    with scopes_disabled():
        progress = TargetProgress.objects.get(
            target_id=plan_target.pk, period_start=dt.date(2015, 1, 1), period_length="year"
        )
    assert progress.status == status


def test_a_target_without_values_has_no_data(org_a: Organisation) -> None:
    plan_target = make_small_plan(org_a).target
    with scopes_disabled():
        Target.objects.filter(pk=plan_target.pk).update(rule="at_most", target_value=10)
    compute(actor=None, organisation=org_a)
    with scopes_disabled():
        assert list(TargetProgress.objects.values_list("status", "area_code")) == [("geen_data", "GM0164")]
