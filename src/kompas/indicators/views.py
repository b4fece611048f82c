# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator pages: the list of computable indicators and one indicator with its values.

A reader who may only see published figures gets every value through the publication threshold
(:mod:`kompas.presentation.suppression`); for a withheld value its interval, trend, index and rank are
withheld too, as each of them would give the small count away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission, suppresses
from kompas.areas.sums import area_sums
from kompas.caching import cached
from kompas.indicators import minimum_n, queries
from kompas.indicators.demo_values import demo_years_of_indicator
from kompas.indicators.models import Indicator
from kompas.indicators.queries import AreaRow
from kompas.presentation.suppression import complements, publishable, publishable_indicator_value

COMPLEMENTS_SECONDS = 3600


@dataclass(frozen=True)
class ShownRow:
    """A line of the values table as this reader may see it."""

    row: AreaRow
    value: float | str | None
    n: float | str | None
    withheld: bool
    remark: str = ""


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
    user = current_user(request)
    suppress = suppresses(user.role)
    is_count = queries.counts_events(indicator)
    hidden = _complements(indicator, page, user.organisation_id) if suppress else frozenset()
    rows = [
        replace(
            _shown(row, is_count, suppress, row.value.area_code in hidden),
            remark=page.partial.get(row.value.area_code, ""),
        )
        for row in page.rows
    ]
    context = {
        "indicator": indicator,
        "page": page,
        "rows": rows,
        "suppressed": suppress,
        "perms_edit_policy": has_permission(user.role, Permission.EDIT_POLICY),
        "demo_years": sorted(demo_years_of_indicator(indicator)),
    }
    return render(request, "indicators/indicator_detail.html", context)


def _complements(indicator: Indicator, page: queries.IndicatorPage, organisation_id: int) -> frozenset[str]:
    """Return the areas withheld to protect small counts, over every level of the page's period.

    The other levels are other pages; a reader combining them must find the same cells withheld.
    Judging every gemeente, wijk and buurt of the country takes a few tenths of a second, so the
    result is kept until the indicator is computed again.
    """
    start = page.start
    if start is None:
        return frozenset()
    computed = page.state.computed_at.isoformat() if page.state is not None else ""
    key = f"kompas:aanvullend-indicator:{organisation_id}:{indicator.pk}:{page.length}:{start}:{computed}"

    def compute() -> frozenset[str]:
        counts = queries.period_counts([indicator], length=page.length, starts=[start])
        shown = counts.get((indicator.pk, start), {})
        return complements(shown, area_sums(shown))

    return cached(key, compute, seconds=COMPLEMENTS_SECONDS)


def _shown(row: AreaRow, is_count: bool, suppress: bool, complement: bool) -> ShownRow:
    value = (
        minimum_n.too_few()
        if minimum_n.withheld(row.value.value, row.value.flag)
        else publishable_indicator_value(
            row.value.value, n=row.value.n, is_count=is_count, suppress=suppress, complement=complement
        )
    )
    n = publishable(row.value.n, suppress=suppress, complement=complement)
    return ShownRow(row, value, n, withheld=isinstance(value, str))


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
