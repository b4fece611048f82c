# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Veiligheidspaspoort pages: one's own dossier, and for the OTO coordinator every dossier and
the OTO overview with costs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import AUTHENTICATED, requires
from kompas.accounts.roles import Permission
from kompas.registry import paspoort
from kompas.registry.forms import FunctionaryForm, OtoActivityForm
from kompas.registry.models import Functionary, OtoActivity


def _year(request: HttpRequest) -> int:
    text = request.GET.get("jaar", "")
    return int(text) if text.isdigit() and 1900 < int(text) < 2100 else timezone.localdate().year


@requires(AUTHENTICATED)
def own_dossier(request: HttpRequest) -> HttpResponse:
    """Send a functionary to their own dossier; say so when the account has no paspoort."""
    mine = paspoort.own_functionary(current_user(request))
    if mine is None:
        return render(request, "registry/no_paspoort.html")
    target = reverse("registry:dossier", kwargs={"functionary_id": mine.pk})
    return redirect(f"{target}?jaar={_year(request)}")


@requires(AUTHENTICATED)
def dossier(request: HttpRequest, functionary_id: int) -> HttpResponse:
    """Show one dossier vakbekwaamheid: only one's own, or any of the organisation for the coordinator."""
    year = _year(request)
    found = paspoort.dossier_for(current_user(request), functionary_id, year)
    return render(request, "registry/dossier.html", {"dossier": found, "year": year})


@requires(Permission.EDIT_REGISTRY)
def paspoort_overview(request: HttpRequest) -> HttpResponse:
    """List the functionaries and the OTO activities of the year with their costs (R84)."""
    year = _year(request)
    activities = OtoActivity.objects.filter(date__year=year)
    context = {
        "year": year,
        "functionaries": Functionary.objects.all(),
        "activities": activities,
        "total_cost": activities.aggregate(total=Sum("cost"))["total"],
    }
    return render(request, "registry/paspoort_overview.html", context)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def functionary_create(request: HttpRequest) -> HttpResponse:
    """Give a functionary a Veiligheidspaspoort (the OTO coordinator)."""
    form = FunctionaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paspoort.add_functionary(
                actor=current_user(request),
                name=data["name"],
                function_name=data["function_name"],
                requirements=form.requirements(),
                username=data.get("username") or "",
            )
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                form.add_error(name if name in form.fields else None, problems)
        else:
            messages.success(request, _("Veiligheidspaspoort aangemaakt."))
            return redirect("registry:paspoort_overview")
    context = {"form": form, "title": _("Functionaris toevoegen")}
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def oto_create(request: HttpRequest) -> HttpResponse:
    """Record an OTO activity or deployment with who was there and how they did."""
    people = [(person.pk, person.name) for person in Functionary.objects.all()]
    form = OtoActivityForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paspoort.record_oto_activity(
                actor=current_user(request),
                kind=data["kind"],
                title=data["title"],
                date=data["date"],
                cost=data.get("cost"),
                present=[paspoort.Present(pk, assessment) for pk, assessment in form.present()],
            )
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                form.add_error(name if name in form.fields else None, problems)
        else:
            messages.success(request, _("OTO-activiteit vastgelegd."))
            return redirect("registry:paspoort_overview")
    context = {"form": form, "title": _("OTO-activiteit of inzet vastleggen")}
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)
