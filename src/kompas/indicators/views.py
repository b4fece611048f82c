# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator pages: the list of computable indicators and one indicator with its values."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.indicators import queries
from kompas.indicators.models import Indicator


@requires(Permission.VIEW_DASHBOARD)
def indicator_list(request: HttpRequest) -> HttpResponse:
    """List the indicators the organisation can see, with how they are computed."""
    return render(request, "indicators/indicator_list.html", {"entries": queries.definitions()})


@requires(Permission.VIEW_DASHBOARD)
def indicator_detail(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Show one indicator: definition, values per area, trend, index, rank and provenance."""
    indicator = get_object_or_404(Indicator.objects.select_related("definition"), pk=indicator_id)
    page = queries.indicator_page(
        indicator,
        level=request.GET.get("niveau", ""),
        length=request.GET.get("periode", ""),
        start=_date(request.GET.get("begin", "")),
    )
    return render(request, "indicators/indicator_detail.html", {"indicator": indicator, "page": page})


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
