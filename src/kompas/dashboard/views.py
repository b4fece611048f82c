# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dashboard pages: the dashboard after login, a theme, an area's safety picture, the health check.

Filters live in the URL (``?periode=2023&niveau=wijk&maatstaf=…``); a filter change asks htmx
for the changed part only and pushes the URL, so every state can be linked to. The figures of each
page are one cached part (:mod:`kompas.dashboard.fragments`); alerts are read on every request.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from kompas.accounts.decorators import AUTHENTICATED, public, requires
from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import ROLE_PERMISSIONS, Permission, Role, has_permission
from kompas.dashboard.area import find_area, open_alert_lines, picture
from kompas.dashboard.forms import FilterForm
from kompas.dashboard.fragments import CachedParts
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


def _part(
    parts: CachedParts,
    request: HttpRequest,
    template: str,
    key: tuple[Hashable, ...],
    context: Callable[[], dict[str, object]],
) -> str:
    """Return ``template`` rendered with ``context()``, cached under ``key`` (see fragments)."""
    return parts.get(template, key, lambda: render_to_string(template, context(), request))


def _filter_fields(
    parts: CachedParts,
    request: HttpRequest,
    form: FilterForm,
    names: tuple[str, ...],
    owner: tuple[Hashable, ...],
) -> str:
    """Return the fields ``names`` of ``form`` as HTML, cached like the figures.

    Their choices are the years and measures of ``owner``'s data, their values what the URL asks.
    """
    asked = tuple((name, tuple(request.GET.getlist(name))) for name in names)
    return _part(
        parts,
        request,
        "dashboard/_filter_fields.html",
        (*owner, names, asked),
        lambda: {"fields": [form[name] for name in names]},
    )


@requires(AUTHENTICATED)
def home(request: HttpRequest) -> HttpResponse:
    """Show the dashboard, or for roles without it the start page with what the role may do."""
    user = _user(request)
    if not has_permission(user.role, Permission.VIEW_DASHBOARD):
        permissions = sorted(ROLE_PERMISSIONS[Role(user.role)], key=str) if user.role in Role.values else []
        return render(request, "dashboard/home.html", {"permissions": permissions})
    organisation, plan = user.organisation, latest_plan()
    form = _filter_form(request, organisation, plan)
    filters, suppress = form.filters(), suppresses(user.role)
    parts = CachedParts()
    content = _part(
        parts,
        request,
        "dashboard/_overview.html",
        (organisation.pk, plan.pk if plan else None, filters, suppress),
        lambda: {
            "filters": filters,
            "overview": overview(organisation, plan, filters, suppress=suppress),
            "suppressed": suppress,
        },
    )
    owner = (organisation.pk, plan.pk if plan else None)
    context = {
        "filter_fields": _filter_fields(parts, request, form, tuple(form.fields), owner),
        "filters": filters,
        "content": content,
        "plan": plan,
    }
    return _render(request, "dashboard/dashboard.html", "dashboard/_content.html", context)


@requires(Permission.VIEW_DASHBOARD)
def theme_page(request: HttpRequest, theme_id: int) -> HttpResponse:
    """Show one theme: its verdicts, indicators with current figures, charts and actions."""
    user = _user(request)
    plan = plans().filter(themes__pk=theme_id).first()
    theme = plan.themes.filter(pk=theme_id).first() if plan is not None else None
    if theme is None:
        raise Http404
    form = _filter_form(request, user.organisation, plan)
    filters, suppress = form.filters(), suppresses(user.role)
    parts = CachedParts()
    content = _part(
        parts,
        request,
        "dashboard/_theme.html",
        (user.organisation.pk, theme.pk, filters.year, suppress),
        lambda: {
            "filters": filters,
            "picture": theme_picture(user.organisation, theme, filters.year, suppress=suppress),
            "suppressed": suppress,
        },
    )
    owner = (user.organisation.pk, theme.plan_id)
    context = {
        "filter_fields": _filter_fields(parts, request, form, ("periode",), owner),
        "filters": filters,
        "theme": theme,
        "content": content,
    }
    return _render(request, "dashboard/theme.html", "dashboard/_content.html", context)


@requires(Permission.VIEW_DASHBOARD)
def area_page(request: HttpRequest, area_code: str) -> HttpResponse:
    """Show the safety picture of a wijk, buurt or the gemeente itself."""
    user = _user(request)
    form = _filter_form(request, user.organisation, None)
    filters = form.filters()
    area = find_area(user.organisation, area_code, filters.year)
    if area is None:
        raise Http404
    suppress = suppresses(user.role)
    parts = CachedParts()
    content = _part(
        parts,
        request,
        "dashboard/_area_figures.html",
        (user.organisation.pk, area.pk, filters, suppress),
        lambda: {
            "filters": filters,
            "area": area,
            "picture": picture(user.organisation, area, filters, suppress=suppress),
            "suppressed": suppress,
        },
    )
    context = {
        "filter_fields": _filter_fields(
            parts, request, form, ("periode", "maatstaf"), (user.organisation.pk,)
        ),
        "filters": filters,
        "area": area,
        "gemeente": find_area(user.organisation, user.organisation.cbs_code, filters.year),
        "content": content,
        "alerts": open_alert_lines(area, suppress=suppress),
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
