# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""OTO activities and deployments of the Veiligheidspaspoort: recording, changing and removing
them with who was there and how they did (the OTO coordinator only)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.registry import oto
from kompas.registry.forms import STALE, OtoActivityForm, add_errors
from kompas.registry.models import Functionary, OtoActivity


def _activity(oto_id: int) -> OtoActivity:
    activity = OtoActivity.objects.filter(pk=oto_id).first()
    if activity is None:
        raise Http404
    return activity


def _people() -> list[tuple[int, str]]:
    return [(person.pk, person.name) for person in Functionary.objects.all()]


def _initial(activity: OtoActivity) -> dict[str, object]:
    initial: dict[str, object] = {
        "kind": activity.kind,
        "title": activity.title,
        "date": activity.date,
        "cost": activity.cost,
        "version": activity.version,
    }
    for present in oto.attendance_of(activity):
        initial[f"persoon_{present.functionary_id}"] = present.assessment or "aanwezig"
    return initial


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def oto_create(request: HttpRequest) -> HttpResponse:
    """Record an OTO activity or deployment with who was there and how they did."""
    form = OtoActivityForm(request.POST or None, people=_people())
    if request.method == "POST" and form.is_valid():
        data = form.oto_input()
        try:
            oto.record_oto_activity(
                actor=current_user(request),
                kind=data.kind,
                title=data.title,
                date=data.date,
                cost=data.cost,
                present=list(data.present),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("OTO-activiteit vastgelegd."))
            return redirect("registry:paspoort_overview")
    context = {"form": form, "title": _("OTO-activiteit of inzet vastleggen")}
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def oto_edit(request: HttpRequest, oto_id: int) -> HttpResponse:
    """Change an OTO activity and its attendance, refusing bad input and stale versions."""
    activity = _activity(oto_id)
    form = OtoActivityForm(request.POST or None, initial=_initial(activity), people=_people())
    if request.method == "POST" and form.is_valid():
        try:
            oto.change_oto_activity(
                actor=current_user(request),
                activity_id=activity.pk,
                version=form.cleaned_data.get("version") or 0,
                data=form.oto_input(),
            )
        except oto.StaleOtoError:
            form.add_error(None, STALE)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("OTO-activiteit opgeslagen."))
            return redirect("registry:paspoort_overview")
    context = {"form": form, "title": _("OTO-activiteit of inzet bewerken"), "delete": "registry:oto_delete"}
    context["object_id"], context["version"] = activity.pk, activity.version
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def oto_delete(request: HttpRequest, oto_id: int) -> HttpResponse:
    """Remove an OTO activity (the version the coordinator saw) with its attendance."""
    activity = _activity(oto_id)
    try:
        version = int(request.POST.get("version", activity.version))
        oto.delete_oto_activity(actor=current_user(request), activity_id=activity.pk, version=version)
    except (oto.StaleOtoError, ValueError):
        messages.error(request, STALE)
    else:
        messages.success(request, _("OTO-activiteit verwijderd."))
    return redirect("registry:paspoort_overview")
