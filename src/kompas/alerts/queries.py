# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.alerts that other apps (dashboard, reports) may use."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from kompas.alerts.models import Alert, AlertState


def open_alerts(area_codes: list[str] | None = None) -> QuerySet[Alert]:
    """Return the active scope's alerts that are not closed, newest first."""
    alerts = Alert.objects.exclude(state=AlertState.CLOSED)
    if area_codes is not None:
        alerts = alerts.filter(area_code__in=area_codes)
    return alerts.order_by("-period_start", "-score")


def filtered_alerts(
    *,
    measure: str = "",
    area: str = "",
    state: str = "",
    period_from: dt.date | None = None,
    period_to: dt.date | None = None,
) -> QuerySet[Alert]:
    """Return the active scope's alerts matching the given filters (empty filters match all)."""
    alerts = Alert.objects.all()
    if measure:
        alerts = alerts.filter(measure_code=measure)
    if area:
        alerts = alerts.filter(area_code=area)
    if state:
        alerts = alerts.filter(state=state)
    if period_from:
        alerts = alerts.filter(period_start__gte=period_from)
    if period_to:
        alerts = alerts.filter(period_start__lte=period_to)
    return alerts.select_related("assignee")
