# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Veiligheidspaspoort pages: one's own dossier, and for the OTO coordinator every dossier and
the OTO overview with costs."""

from __future__ import annotations

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from kompas.accounts.current import current_user
from kompas.accounts.decorators import AUTHENTICATED, requires
from kompas.accounts.roles import Permission
from kompas.registry import functionaries, paspoort
from kompas.registry.models import OtoActivity, PaspoortFunction


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
    """List the functionaries (the read audited), the functions with their norm and the OTO
    activities of the year with their costs (R84), each with its edit link."""
    year = _year(request)
    activities = OtoActivity.objects.filter(date__year=year)
    people = paspoort.overview_names(current_user(request), year)
    context = {
        "year": year,
        "any_demo": any(person.is_demo for person in people) or activities.filter(is_demo=True).exists(),
        "functionaries": people,
        "functions": [
            (function, functionaries.requirements_of(function)) for function in PaspoortFunction.objects.all()
        ],
        "activities": activities,
        "total_cost": activities.aggregate(total=Sum("cost"))["total"],
    }
    return render(request, "registry/paspoort_overview.html", context)
