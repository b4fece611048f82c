# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alerts and settings for tests, with a series taken from the Den Haag burglary panel's shape."""

from __future__ import annotations

import datetime as dt

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.alerts.models import Alert, AlertSetting, Method

# Twelve months of counts ending in a jump, as a buurt series with one outbreak month looks.
SERIES = [4, 6, 5, 7, 5, 6, 4, 5, 6, 5, 7, 19]


def make_alert(organisation: Organisation, area_code: str = "WK016401") -> Alert:
    """Create an open alert for the last month of SERIES."""
    periods = [dt.date(2024, month, 1) for month in range(1, 13)]
    series = [
        {"period": p.isoformat(), "observed": c, "expected": 5.5, "upperbound": 10.9, "alarm": c > 10.9}
        for p, c in zip(periods, SERIES, strict=True)
    ]
    with scopes_disabled():
        return Alert.objects.create(
            organisation=organisation,
            measure_code="woninginbraak",
            area_code=area_code,
            period_start=periods[-1],
            period_length="month",
            observed=19,
            expected=5.5,
            upperbound=10.9,
            score=2.5,
            method=Method.FARRINGTON,
            method_settings={"b": 5, "w": 3, "alpha": 0.05},
            series=series,
        )


def make_setting(organisation: Organisation, measure_code: str = "woninginbraak") -> AlertSetting:
    """Create the watch setting of one measure."""
    with scopes_disabled():
        return AlertSetting.objects.create(organisation=organisation, measure_code=measure_code)
