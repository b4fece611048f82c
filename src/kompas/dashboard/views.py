# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dashboard pages: the dashboard after login, a theme, an area's safety picture, the health check.

Filters live in the URL (``?periode=2023&niveau=wijk&maatstaf=…``); a filter change asks htmx
for the changed part only and pushes the URL, so every state can be linked to.
"""

from __future__ import annotations

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from kompas.accounts.decorators import AUTHENTICATED, public, requires
from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import ROLE_PERMISSIONS, Permission, Role, has_permission
from kompas.dashboard.area import find_area, picture
from kompas.dashboard.forms import FilterForm
from kompas.dashboard.overview import default_filters, overview
from kompas.dashboard.theme import theme_picture
from kompas.policy.queries import latest_plan, plans
from kompas.reports import figures
from kompas.reports.objects import Plan
from kompas.reports.selection import selectable_years
from kompas.reports.suppression import suppresses


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _filter_form(request: HttpRequest, organisation: Organisation, plan: Plan | None) -> FilterForm:
    return FilterForm(
        request.GET,
        years=selectable_years(organisation, plan),
        measures=figures.measures(organisation),
        defaults=default_filters(organisation, plan),
    )


def _render(request: HttpRequest, full: str, part: str, context: dict[str, object]) -> HttpResponse:
    """Render the whole page, or only the filtered part when htmx asks for it."""
    response = render(request, part if request.headers.get("HX-Request") else full, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@requires(AUTHENTICATED)
def home(request: HttpRequest) -> HttpResponse:
    """Show the dashboard, or for roles without it the start page with what the role may do."""
    user = _user(request)
    if not has_permission(user.role, Permission.VIEW_DASHBOARD):
        permissions = sorted(ROLE_PERMISSIONS[Role(user.role)], key=str) if user.role in Role.values else []
        return render(request, "dashboard/home.html", {"permissions": permissions})
    organisation, plan = user.organisation, latest_plan()
    form = _filter_form(request, organisation, plan)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "overview": overview(organisation, plan, filters, suppress=suppresses(user.role)),
        "suppressed": suppresses(user.role),
    }
    return _render(request, "dashboard/dashboard.html", "dashboard/_overview.html", context)


@requires(Permission.VIEW_DASHBOARD)
def theme_page(request: HttpRequest, theme_id: int) -> HttpResponse:
    """Show one theme: its verdicts, indicators with current figures, charts and actions."""
    user = _user(request)
    plan = plans().filter(themes__pk=theme_id).first()
    theme = plan.themes.filter(pk=theme_id).first() if plan is not None else None
    if theme is None:
        raise Http404
    form = _filter_form(request, user.organisation, plan)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "theme": theme,
        "picture": theme_picture(user.organisation, theme, filters.year, suppress=suppresses(user.role)),
        "suppressed": suppresses(user.role),
    }
    return _render(request, "dashboard/theme.html", "dashboard/_theme.html", context)


@requires(Permission.VIEW_DASHBOARD)
def area_page(request: HttpRequest, area_code: str) -> HttpResponse:
    """Show the safety picture of a wijk, buurt or the gemeente itself."""
    user = _user(request)
    form = _filter_form(request, user.organisation, None)
    filters = form.filters()
    area = find_area(user.organisation, area_code, filters.year)
    if area is None:
        raise Http404
    context = {
        "form": form,
        "filters": filters,
        "area": area,
        "picture": picture(user.organisation, area, filters, suppress=suppresses(user.role)),
        "suppressed": suppresses(user.role),
        "can_triage": has_permission(user.role, Permission.TRIAGE_ALERTS),
    }
    return _render(request, "dashboard/area.html", "dashboard/_area.html", context)


@public
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Answer 200 when the database answers, for load balancers and monitoring."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
