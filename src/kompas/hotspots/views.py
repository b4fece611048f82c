# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forecast page: the cells to watch next week with the method's measured accuracy beside them."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.hotspots import forecasting, incidents, pictures
from kompas.hotspots.backtesting import BacktestError
from kompas.hotspots.evaluate import Total
from kompas.hotspots.forms import ForecastForm
from kompas.hotspots.pattern import moment
from kompas.presentation.charts import render_svg

DOWNLOADS = {
    "geojson": (forecasting.geojson_text, "application/geo+json"),
    "csv": (forecasting.csv_text, "text/csv; charset=utf-8"),
}


def _next_monday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=7 - day.weekday())


def _row(total: Total) -> dict[str, float | int | None]:
    """Return one accuracy row with shares as percentages (× 100), as the page prints them."""
    return {
        "coverage": 100 * total.coverage,
        "hit_rate": None if total.hit_rate is None else 100 * total.hit_rate,
        "pai": total.pai,
        "pei": total.pei,
        "events": total.total,
    }


@requires(Permission.VIEW_EVENT_FORECASTS)
def forecast(request: HttpRequest) -> HttpResponse:
    """Show (or download) the forecast of one kind of incident for one week."""
    stored = incidents.stored(current_user(request).organisation_id)
    form = ForecastForm(request.GET or None, kinds=stored.kinds())
    context: dict[str, object] = {"form": form, "has_events": len(stored.t) > 0}
    if form.is_bound and form.is_valid():
        kind, method = form.cleaned_data["kind"], form.cleaned_data["method"]
        last = moment(float(stored.of_kind(kind).t[-1])).date()
        week = form.cleaned_data["week"] or _next_monday(last)
        try:
            result = forecasting.forecast(stored, kind=kind, at=week, method=method)
        except BacktestError as error:
            form.add_error(None, str(error))
        else:
            download = DOWNLOADS.get(request.GET.get("formaat", ""))
            if download is not None:
                writer, content_type = download
                response = HttpResponse(writer(result), content_type=content_type)
                name = f"voorspelling-{week.isoformat()}.{request.GET['formaat']}"
                response["Content-Disposition"] = f'attachment; filename="{name}"'
                return response
            chart = pictures.forecast_map(result)
            context.update(
                result=result,
                accuracy=[_row(total) for total in result.accuracy_totals],
                chart=chart,
                svg=render_svg(chart),
                query=request.GET.urlencode(),
            )
    return render(request, "hotspots/forecast.html", context)
