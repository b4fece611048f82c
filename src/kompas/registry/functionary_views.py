# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Who has a Veiligheidspaspoort: giving, changing and taking it away, and the functions with
their yearly requirements (the OTO coordinator only)."""

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
from kompas.registry import functionaries
from kompas.registry.forms import STALE, FunctionaryEditForm, FunctionaryForm, FunctionForm, add_errors
from kompas.registry.models import Functionary, PaspoortFunction


def _functionary(functionary_id: int) -> Functionary:
    person = Functionary.objects.select_related("user").filter(pk=functionary_id).first()
    if person is None:
        raise Http404
    return person


def _function(function_id: int) -> PaspoortFunction:
    function = PaspoortFunction.objects.filter(pk=function_id).first()
    if function is None:
        raise Http404
    return function


def _version(request: HttpRequest, current: int) -> int:
    return int(request.POST.get("version", current))


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def functionary_create(request: HttpRequest) -> HttpResponse:
    """Give a functionary a Veiligheidspaspoort (the OTO coordinator)."""
    form = FunctionaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            functionaries.add_functionary(
                actor=current_user(request),
                name=data["name"],
                function_name=data["function_name"],
                requirements=form.requirements(),
                username=data.get("username") or "",
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Veiligheidspaspoort aangemaakt."))
            return redirect("registry:paspoort_overview")
    context = {"form": form, "title": _("Functionaris toevoegen")}
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def functionary_edit(request: HttpRequest, functionary_id: int) -> HttpResponse:
    """Change a functionary's name, function or account, refusing bad input and stale versions."""
    person = _functionary(functionary_id)
    initial = {
        "name": person.name,
        "function_id": person.function_id,
        "username": person.user.username if person.user else "",
        "version": person.version,
    }
    functions = [(function.pk, function.name) for function in PaspoortFunction.objects.all()]
    form = FunctionaryEditForm(request.POST or None, initial=initial, functions=functions)
    if request.method == "POST" and form.is_valid():
        try:
            functionaries.change_functionary(
                actor=current_user(request),
                functionary_id=person.pk,
                version=form.cleaned_data.get("version") or 0,
                data=form.functionary_input(),
            )
        except functionaries.StalePaspoortError:
            form.add_error(None, STALE)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Functionaris opgeslagen."))
            return redirect("registry:paspoort_overview")
    context = {"form": form, "title": _("Functionaris bewerken"), "delete": "registry:functionary_delete"}
    context["object_id"], context["version"] = person.pk, person.version
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def functionary_delete(request: HttpRequest, functionary_id: int) -> HttpResponse:
    """Take a functionary's Veiligheidspaspoort away (the version the coordinator saw)."""
    person = _functionary(functionary_id)
    try:
        functionaries.delete_functionary(
            actor=current_user(request), functionary_id=person.pk, version=_version(request, person.version)
        )
    except (functionaries.StalePaspoortError, ValueError):
        messages.error(request, STALE)
    else:
        messages.success(request, _("Veiligheidspaspoort verwijderd."))
    return redirect("registry:paspoort_overview")


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def function_edit(request: HttpRequest, function_id: int) -> HttpResponse:
    """Rename a function or change its yearly requirements."""
    function = _function(function_id)
    initial = {"name": function.name, **functionaries.requirements_of(function), "version": function.version}
    form = FunctionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            functionaries.change_function(
                actor=current_user(request),
                function_id=function.pk,
                version=form.cleaned_data.get("version") or 0,
                name=form.cleaned_data["name"],
                requirements=form.requirements(),
            )
        except functionaries.StalePaspoortError:
            form.add_error(None, STALE)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Functie opgeslagen."))
            return redirect("registry:paspoort_overview")
    context = {
        "form": form,
        "title": _("Functie en jaarlijkse eisen bewerken"),
        "delete": "registry:function_delete",
    }
    context["object_id"], context["version"] = function.pk, function.version
    return render(request, "registry/paspoort_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def function_delete(request: HttpRequest, function_id: int) -> HttpResponse:
    """Remove a function nobody holds any more."""
    function = _function(function_id)
    try:
        functionaries.delete_function(
            actor=current_user(request), function_id=function.pk, version=_version(request, function.version)
        )
    except (functionaries.StalePaspoortError, ValueError):
        messages.error(request, STALE)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Functie verwijderd."))
    return redirect("registry:paspoort_overview")
