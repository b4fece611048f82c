# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The explanation of an alert: its series with the threshold band, as a chart with a data table."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kompas.alerts.models import Alert
from kompas.presentation.charts import AlertPoint, Chart, alert_series


def explanation_chart(alert: Alert) -> Chart:
    """Return the alert's stored series (observed, expected, upper bound, alarm) as a chart."""
    points = [
        AlertPoint(
            dt.date.fromisoformat(point["period"]),
            float(point["observed"]),
            point.get("expected"),
            point.get("upperbound"),
            bool(point.get("alarm")),
        )
        for point in alert.series
    ]
    title = _("%(measure)s in %(area)s") % {"measure": alert.measure_code, "area": alert.area_code}
    description = _(
        "Waargenomen aantallen per periode met de verwachte waarde en de bovengrens van %(method)s; "
        "punten boven de bovengrens zijn alarmen."
    ) % {"method": alert.get_method_display()}
    return alert_series(title, description, points)
