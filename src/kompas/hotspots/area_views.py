# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The area hotspot page: Gi* or local Moran of an indicator per buurt or wijk, map beside table.

Every reader of the indicator pages may see it; a reader who sees only published figures gets
the values through the publication threshold (:mod:`kompas.hotspots.area_maps`). The areas are
those of the organisation's gemeente; an organisation without one (a region, the police) sees
every gemeente with values.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission, suppresses
from kompas.hotspots import area_export, pictures
from kompas.hotspots.area_forms import AreaHotspotForm
from kompas.hotspots.area_maps import LEVELS, Settings, area_hotspots
from kompas.hotspots.areas import DEFAULT_PERMUTATIONS
from kompas.indicators import queries
from kompas.presentation import formatting
from kompas.presentation.charts import render_svg

DOWNLOADS = {
    "csv": (area_export.csv_text, "text/csv; charset=utf-8"),
    "xlsx": (area_export.xlsx_bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@requires(Permission.VIEW_DASHBOARD)
def areas(request: HttpRequest) -> HttpResponse:
    """Show (or download) the hotspot map of one indicator, level and period."""
    user = current_user(request)
    form = AreaHotspotForm(request.GET or None, indicators=queries.with_values_at(LEVELS))
    context: dict[str, object] = {
        "form": form,
        "forecasts": has_permission(user.role, Permission.VIEW_EVENT_FORECASTS),
        "suppressed": suppresses(user.role),
    }
    if not (form.is_bound and form.is_valid()):
        return render(request, "hotspots/areas.html", context)
    data = form.cleaned_data
    indicator, level, length = data["indicator"], data["niveau"], data["periode"]
    starts = queries.choices(indicator, level, length).starts
    start = data["begin"] if data["begin"] in starts else (starts[0] if starts else None)
    if start is None:
        form.add_error(
            None,
            _("Deze indicator heeft geen waarden per %(level)s voor deze periodelengte.") % {"level": level},
        )
        return render(request, "hotspots/areas.html", context)
    settings = Settings(
        statistic=data["statistiek"],
        k=data["k"],
        n=data["n"],
        permutations=data["permutaties"] or DEFAULT_PERMUTATIONS,
    )
    organisation = user.organisation
    result = area_hotspots(
        indicator,
        level=level,
        length=length,
        start=start,
        parent=organisation.cbs_code,
        settings=settings,
        suppress=suppresses(user.role),
    )
    download = DOWNLOADS.get(request.GET.get("formaat", ""))
    if download is not None:
        writer, content_type = download
        response = HttpResponse(writer(result), content_type=content_type)
        name = f"hotspots-{indicator.code}-{level}-{start.isoformat()}.{request.GET['formaat']}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    period = formatting.period(start, length)
    context.update(result=result, indicator=indicator, period=period, query=request.GET.urlencode())
    if not result.too_few:
        title = _("%(indicator)s per %(level)s, %(period)s") % {
            "indicator": indicator.name,
            "level": level,
            "period": period,
        }
        chart = pictures.hotspot_map(result, title)
        context.update(chart=chart, svg=render_svg(chart))
    return render(request, "hotspots/areas.html", context)
