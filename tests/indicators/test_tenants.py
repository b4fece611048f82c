# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An organisation's own groups and indicators stay its own, in values and comparisons."""

from __future__ import annotations

import pytest
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import AreaGroup, AreaGroupMember
from kompas.indicators.compute import compute
from kompas.indicators.models import IndicatorComparison, IndicatorValue
from tests.indicators.factories import RATE, burglary_panel, define

pytestmark = pytest.mark.django_db
OWN = (
    '[[indicator]]\ncode = "eigen_telling"\nname = "Eigen telling"\nformula = "count"\n'
    'numerator = "inbraak"\n'
)


def test_own_groups_and_indicators_are_not_shared(org_a: Organisation, org_b: Organisation) -> None:
    burglary_panel(org_a)
    group = AreaGroup.objects.create(code="focus", name="Focus", kind="aandachtsgebied", organisation=org_b)
    AreaGroupMember.objects.bulk_create(
        AreaGroupMember(group=group, area_code=c) for c in ("WK999901", "WK999902")
    )
    define(RATE)
    define(OWN, organisation=org_a)
    compute(actor=None)
    with scope(organisation=org_a.pk):
        assert not IndicatorValue.objects.filter(area_code="focus").exists()
        assert not IndicatorComparison.objects.filter(group=group).exists()
        assert IndicatorValue.objects.filter(indicator__code="eigen_telling").exists()
    with scope(organisation=org_b.pk):
        shared = IndicatorValue.objects.filter(area_code="focus", indicator__code="inbraak_per_1000")
        assert shared.exists() and {v.organisation_id for v in shared} == {org_b.pk}
        assert not IndicatorValue.objects.filter(indicator__code="eigen_telling").exists()
    with scopes_disabled():
        # Organisation A's own indicator is not summed over organisation B's group.
        assert not IndicatorValue.objects.filter(indicator__code="eigen_telling", area_code="focus").exists()
