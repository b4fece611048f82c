# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Event pages: the calendar (month or list, filtered), one application, its form."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission, suppresses
from kompas.registry import calendar, events, export, risk
from kompas.registry.forms import CalendarFilterForm, EventForm
from kompas.registry.models import Event

STALE = _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.")


def _event(event_id: int) -> Event:
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


@requires(Permission.VIEW_DASHBOARD)
def event_calendar(request: HttpRequest) -> HttpResponse:
    """Show the event calendar as a month grid or a list, filtered by area and risk class."""
    form = CalendarFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = calendar.filtered(filters.get("gebied") or "", filters.get("klasse") or "")
    first = calendar.month_of(filters.get("maand") or "", timezone.localdate())
    view = filters.get("weergave") or "lijst"
    wanted = request.GET.get("formaat")
    if wanted in ("xlsx", "csv"):
        columns, rows = export.event_rows(found, suppress=suppresses(current_user(request).role))
        return export.download(_("Evenementen"), wanted, columns, rows)
    context = {
        "form": form,
        "view": view,
        "events": found,
        "weeks": calendar.month_grid(found, first) if view == "maand" else [],
        "month": first,
        "previous": (first - dt.timedelta(days=1)).strftime("%Y-%m"),
        "next": (first + dt.timedelta(days=32)).replace(day=1).strftime("%Y-%m"),
        "can_edit": has_permission(current_user(request).role, Permission.EDIT_REGISTRY),
        "example": risk.bundled_table().example,
        "any_demo": found.filter(is_demo=True).exists(),
        "query": request.GET.urlencode(),
    }
    return render(request, "registry/event_calendar.html", context)


@requires(Permission.VIEW_DASHBOARD)
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    """Show one application with its risk scan, class, advice and incidents."""
    event = _event(event_id)
    table = risk.bundled_table()
    result = risk.classify(event.answers, table)
    questions = [
        (criterion.question, event.answers.get(criterion.code), points)
        for criterion, (_code, points) in zip(table.criteria, result.points, strict=True)
    ]
    context = {
        "event": event,
        "questions": questions,
        "example": table.example,
        "can_edit": has_permission(current_user(request).role, Permission.EDIT_REGISTRY),
    }
    return render(request, "registry/event_detail.html", context)


def _initial(event: Event) -> dict[str, object]:
    initial: dict[str, object] = {name: getattr(event, name) for name in events.FIELDS if name != "answers"}
    for code, answer in event.answers.items():
        initial[f"risico_{code}"] = ("ja" if answer else "nee") if isinstance(answer, bool) else answer
    initial["version"] = event.version
    return initial


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: int | None = None) -> HttpResponse:
    """Apply for an event on the regional form, or change an application."""
    event = _event(event_id) if event_id is not None else None
    form = EventForm(request.POST or None, initial=_initial(event) if event else {})
    if request.method == "POST" and form.is_valid():
        user = current_user(request)
        try:
            if event is None:
                event = events.record_event(actor=user, data=form.event_input())
            else:
                version = form.cleaned_data.get("version") or 0
                events.change_event(actor=user, event_id=event.pk, version=version, data=form.event_input())
        except events.StaleEventError:
            form.add_error(None, STALE)
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                form.add_error(name if name in form.fields else None, problems)
        else:
            messages.success(request, _("Evenement opgeslagen."))
            return redirect("registry:event_detail", event_id=event.pk)
    context = {"form": form, "event": event, "example": risk.bundled_table().example}
    return render(request, "registry/event_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def event_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    """Remove an application (the version the user saw) from the calendar."""
    event = _event(event_id)
    try:
        version = int(request.POST.get("version", event.version))
        events.delete_event(actor=current_user(request), event_id=event.pk, version=version)
    except (events.StaleEventError, ValueError):
        messages.error(request, STALE)
        return redirect("registry:event_detail", event_id=event.pk)
    messages.success(request, _("Evenement verwijderd."))
    return redirect("registry:event_calendar")
