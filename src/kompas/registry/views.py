# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Registry pages: the activity list with export, one activity, its form, and the indicator links."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission, suppresses
from kompas.presentation.suppression import publishable
from kompas.registry import access, activities, export, links
from kompas.registry.forms import ActivityFilterForm, ActivityForm, LinkForm
from kompas.registry.models import Activity, IndicatorLink

STALE = _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.")


def _activity(activity_id: int) -> Activity:
    activity = Activity.objects.filter(pk=activity_id).first()
    if activity is None:
        raise Http404
    return activity


@requires(Permission.VIEW_DASHBOARD)
def activity_list(request: HttpRequest) -> HttpResponse:
    """List the organisation's activities with filters in the URL; ``?formaat=xlsx|csv`` exports."""
    form = ActivityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = Activity.objects.all()
    if filters.get("soort"):
        rows = rows.filter(kind=filters["soort"])
    if filters.get("jaar"):
        rows = rows.filter(start__year=filters["jaar"])
    user = current_user(request)
    suppress = suppresses(user.role)
    wanted = request.GET.get("formaat")
    if wanted in ("xlsx", "csv"):
        columns, table = export.activity_rows(rows, suppress=suppress)
        return export.download(_("Activiteiten"), wanted, columns, table)
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    context = {
        "form": form,
        "page": page,
        "rows": [(activity, publishable(activity.participant_count, suppress=suppress)) for activity in page],
        "can_edit": has_permission(user.role, Permission.EDIT_REGISTRY),
        "any_demo": rows.filter(is_demo=True).exists(),
        "query": request.GET.urlencode(),
    }
    return render(request, "registry/activity_list.html", context)


@requires(Permission.VIEW_DASHBOARD)
def activity_detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Show one activity; its participants' names only to who keeps the register (audited)."""
    activity = _activity(activity_id)
    user = current_user(request)
    context = {
        "activity": activity,
        "participants": access.participants_for(user, activity),
        "can_edit": has_permission(user.role, Permission.EDIT_REGISTRY),
        "shown": publishable(activity.participant_count, suppress=suppresses(user.role)),
        "indicators": IndicatorLink.objects.filter(kind=activity.kind),
    }
    return render(request, "registry/activity_detail.html", context)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, activity_id: int | None = None) -> HttpResponse:
    """Record a new activity or change one, refusing bad input and stale versions."""
    user = current_user(request)
    activity = _activity(activity_id) if activity_id is not None else None
    initial = activities.as_input(activity, access.participants_for(user, activity)) if activity else {}
    form = ActivityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if activity is None:
                activity = activities.record_activity(actor=user, data=form.activity_input())
            else:
                version = form.cleaned_data.get("version") or 0
                activities.change_activity(
                    actor=user, activity_id=activity.pk, version=version, data=form.activity_input()
                )
        except activities.StaleActivityError:
            form.add_error(None, STALE)
        except ValidationError as error:
            _add(form, error)
        else:
            messages.success(request, _("Activiteit opgeslagen."))
            return redirect("registry:activity_detail", activity_id=activity.pk)
    context = {"form": form, "activity": activity}
    return render(request, "registry/activity_form.html", context, status=400 if form.errors else 200)


def _add(form: ActivityForm | LinkForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def activity_delete(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Remove an activity (the version the user saw) and its participants."""
    activity = _activity(activity_id)
    try:
        version = int(request.POST.get("version", activity.version))
        activities.delete_activity(actor=current_user(request), activity_id=activity.pk, version=version)
    except (activities.StaleActivityError, ValueError):
        messages.error(request, STALE)
        return redirect("registry:activity_detail", activity_id=activity.pk)
    messages.success(request, _("Activiteit verwijderd."))
    return redirect("registry:activity_list")


@requires(Permission.VIEW_DASHBOARD)
def link_list(request: HttpRequest) -> HttpResponse:
    """List which kind of activity counts for which plan indicator."""
    user = current_user(request)
    context = {
        "links": IndicatorLink.objects.all(),
        "can_edit": has_permission(user.role, Permission.EDIT_POLICY),
    }
    return render(request, "registry/link_list.html", context)


@requires(Permission.EDIT_POLICY)
@require_http_methods(["GET", "POST"])
def link_edit(request: HttpRequest, link_id: int | None = None) -> HttpResponse:
    """Create or change a link between a kind of activity and a plan indicator."""
    link = IndicatorLink.objects.filter(pk=link_id).first() if link_id is not None else None
    if link_id is not None and link is None:
        raise Http404
    initial = (
        {
            "kind": link.kind,
            "counted": link.counted,
            "indicator_code": link.indicator_code,
            "version": link.version,
        }
        if link
        else {}
    )
    form = LinkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            links.save_link(
                actor=current_user(request),
                kind=data["kind"],
                counted=data["counted"],
                indicator_code=data["indicator_code"],
                link_id=link.pk if link else None,
                version=data.get("version"),
            )
        except links.StaleLinkError:
            form.add_error(None, STALE)
        except ValidationError as error:
            _add(form, error)
        else:
            messages.success(request, _("Koppeling opgeslagen; de indicator wordt opnieuw berekend."))
            return redirect("registry:link_list")
    return render(
        request, "registry/link_form.html", {"form": form, "link": link}, status=400 if form.errors else 200
    )


@requires(Permission.EDIT_POLICY)
@require_http_methods(["POST"])
def link_delete(request: HttpRequest, link_id: int) -> HttpResponse:
    """Remove a link (not the last of its indicator)."""
    link = IndicatorLink.objects.filter(pk=link_id).first()
    if link is None:
        raise Http404
    try:
        version = int(request.POST.get("version", link.version))
        links.delete_link(actor=current_user(request), link_id=link.pk, version=version)
    except (links.StaleLinkError, ValueError):
        messages.error(request, STALE)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Koppeling verwijderd."))
    return redirect("registry:link_list")
