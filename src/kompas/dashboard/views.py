# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dashboard pages: the dashboard after login, a theme, an area's safety picture, the health check.

Filters live in the URL (``?periode=2023&niveau=wijk&maatstaf=…&weergave=per1000``); a filter
change asks htmx for the changed part only and pushes the URL, so every state can be linked to.
The figures of each page are one cached part (:mod:`kompas.dashboard.fragments`); alerts are read
on every request. The map's display field (per 1.000 inhabitants or the count) exists only for a
count with inhabitants, so it comes with every part and htmx swaps it into the form out of band.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from kompas.accounts.current import current_user
from kompas.accounts.decorators import AUTHENTICATED, public, requires
from kompas.accounts.models import Organisation
from kompas.accounts.roles import ROLE_PERMISSIONS, Permission, Role, has_permission, suppresses
from kompas.cooperation.queries import Reminder, platform_calendar
from kompas.dashboard.area import find_area, map_level, open_alert_lines, picture
from kompas.dashboard.forms import DISPLAY_FIELD, FILTER_FIELDS, FilterForm, Filters
from kompas.dashboard.fragments import CachedParts
from kompas.dashboard.overview import default_filters, overview
from kompas.dashboard.theme import theme_picture
from kompas.policy.queries import latest_plan, plans
from kompas.reports import figures
from kompas.reports.selection import selectable_years

if TYPE_CHECKING:
    from kompas.policy.queries import Plan


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


class _Parts:
    """The cached parts of one page request (see :mod:`kompas.dashboard.fragments`).

    Every part is rendered with the filters and the suppression of the reader, and both are
    part of its key, so a key only needs to add what else the part depends on.
    """

    def __init__(self, request: HttpRequest, filters: Filters, suppress: bool) -> None:
        self.request, self.filters, self.suppress = request, filters, suppress
        self.cached = CachedParts()

    def render(
        self, template: str, key: tuple[Hashable, ...], context: Callable[[], dict[str, object]]
    ) -> str:
        """Return ``template`` rendered with ``context()``, cached under ``key``."""
        return self.cached.get(
            template,
            (*key, self.filters, self.suppress),
            lambda: render_to_string(
                template,
                {"filters": self.filters, "suppressed": self.suppress, **context()},
                self.request,
            ),
        )

    def filter_fields(self, form: FilterForm, names: tuple[str, ...], owner: tuple[Hashable, ...]) -> str:
        """Return the fields ``names`` of ``form`` as HTML.

        Their choices are the years and measures of ``owner``'s data, their values what the URL
        asks (an invalid value shows as asked).
        """
        asked = tuple((name, tuple(self.request.GET.getlist(name))) for name in names)
        return self.render(
            "dashboard/_filter_fields.html",
            (*owner, names, asked),
            lambda: {"fields": [form[name] for name in names]},
        )

    def display_field(self, form: FilterForm, organisation: Organisation, level: str) -> str:
        """Return the map's display field, or only its value in a hidden input where there is no rate.

        A map has a rate for a count with inhabitants of its level in its year or before
        (:func:`kompas.reports.figures.rate_year`); elsewhere a choice would change nothing. In
        an htmx part the field is swapped into the form out of band, since a measure, level or
        year may take the rate away or bring it.
        """
        oob = bool(self.request.headers.get("HX-Request"))
        asked = tuple(self.request.GET.getlist(DISPLAY_FIELD))
        filters = self.filters
        return self.render(
            "dashboard/_display_field.html",
            (organisation.pk, level, oob, asked),
            lambda: {
                "field": form[DISPLAY_FIELD],
                "oob": oob,
                "offered": figures.rate_year(organisation, filters.measure, level=level, year=filters.year)
                is not None,
            },
        )


@requires(AUTHENTICATED)
def home(request: HttpRequest) -> HttpResponse:
    """Show the dashboard, or for roles without it the start page with what the role may do."""
    user = current_user(request)
    if not has_permission(user.role, Permission.VIEW_DASHBOARD):
        permissions = sorted(ROLE_PERMISSIONS[Role(user.role)], key=str) if user.role in Role.values else []
        return render(request, "dashboard/home.html", {"permissions": permissions})
    organisation, plan = user.organisation, latest_plan()
    form = _filter_form(request, organisation, plan)
    parts = _Parts(request, form.filters(), suppresses(user.role))
    owner = (organisation.pk, plan.pk if plan else None)
    context = {
        "filter_fields": parts.filter_fields(form, FILTER_FIELDS, owner),
        "display_field": parts.display_field(form, organisation, parts.filters.level),
        "filters": parts.filters,
        "content": parts.render(
            "dashboard/_overview.html",
            owner,
            lambda: {"overview": overview(organisation, plan, parts.filters, suppress=parts.suppress)},
        ),
        "plan": plan,
        "reminders": _overdue(user.role, organisation.pk),
    }
    return _render(request, "dashboard/dashboard.html", "dashboard/_content.html", context)


def _overdue(role: str, organisation_id: int) -> list[Reminder]:
    """Return what is overdue at the Platform and its next DVO meeting, for the coordinator's start page."""
    if not has_permission(role, Permission.COORDINATE_PROJECTS):
        return []
    items = platform_calendar(organisation_id, timezone.localdate())
    return [item for item in items if item.overdue] + [item for item in items if item.meeting][:1]


@requires(Permission.VIEW_DASHBOARD)
def theme_page(request: HttpRequest, theme_id: int) -> HttpResponse:
    """Show one theme: its verdicts, indicators with current figures, charts and actions."""
    user = current_user(request)
    plan = plans().filter(themes__pk=theme_id).first()
    theme = plan.themes.filter(pk=theme_id).first() if plan is not None else None
    if theme is None:
        raise Http404
    form = _filter_form(request, user.organisation, plan)
    parts = _Parts(request, form.filters(), suppresses(user.role))
    year = parts.filters.year
    context = {
        "filter_fields": parts.filter_fields(form, ("periode",), (user.organisation.pk, theme.plan_id)),
        "filters": parts.filters,
        "theme": theme,
        "can_link_projects": has_permission(user.role, Permission.EDIT_POLICY),
        "content": parts.render(
            "dashboard/_theme.html",
            (user.organisation.pk, theme.pk),
            lambda: {"picture": theme_picture(user.organisation, theme, year, suppress=parts.suppress)},
        ),
    }
    return _render(request, "dashboard/theme.html", "dashboard/_content.html", context)


@requires(Permission.VIEW_DASHBOARD)
def area_page(request: HttpRequest, area_code: str) -> HttpResponse:
    """Show the safety picture of a wijk, buurt or the gemeente itself."""
    user = current_user(request)
    form = _filter_form(request, user.organisation, None)
    filters = form.filters()
    area = find_area(user.organisation, area_code, filters.year)
    if area is None:
        raise Http404
    parts = _Parts(request, filters, suppresses(user.role))
    context = {
        "filter_fields": parts.filter_fields(form, ("periode", "maatstaf"), (user.organisation.pk,)),
        "display_field": parts.display_field(form, user.organisation, map_level(area)),
        "filters": filters,
        "area": area,
        "gemeente": find_area(user.organisation, user.organisation.cbs_code, filters.year),
        "content": parts.render(
            "dashboard/_area_figures.html",
            (user.organisation.pk, area.pk),
            lambda: {
                "area": area,
                "picture": picture(user.organisation, area, filters, suppress=parts.suppress),
            },
        ),
        "alerts": open_alert_lines(area, suppress=parts.suppress),
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
