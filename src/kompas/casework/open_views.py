# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Pages that open a signal, a case or a youth group for the own organisation.

Only roles with ``casework.open``. The form page shows no one's data, so it reads nothing and
writes no audit record; saving writes one (``casework.<kind>.opened``, with its purpose) through
:mod:`kompas.casework.access`. Bad input is refused with one Dutch message and nothing is stored:
the rule modules check everything before they write, inside one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.casework import cases, groups, signals
from kompas.casework.access import Identity
from kompas.casework.open_forms import CaseForm, GroupForm, SignalForm
from kompas.casework.views import add_errors


def _open(
    request: HttpRequest,
    form: forms.Form,
    create: Callable[[], Any],
    title: str,
    done: tuple[str, str, str],
) -> HttpResponse:
    """Save a valid ``form`` through ``create`` and go to the new object; else show the refusal."""
    if request.method == "POST" and form.is_valid():
        try:
            created = create()
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            message, name, parameter = done
            messages.success(request, message)
            return HttpResponseRedirect(reverse(name, kwargs={parameter: created.pk}))
    status = 400 if form.errors else 200
    return render(request, "casework/open_form.html", {"form": form, "title": title}, status=status)


@requires(Permission.OPEN_CASEWORK)
@require_http_methods(["GET", "POST"])
def signal_open(request: HttpRequest) -> HttpResponse:
    """Record a signal of undermining that came in from a department."""
    form = SignalForm(request.POST or None, initial={"received_on": timezone.localdate()})

    def create() -> object:
        return signals.open_signal(actor=current_user(request), new=signals.NewSignal(**form.cleaned_data))

    done = (_("Het signaal is vastgelegd."), "casework:signal_detail", "signal_id")
    return _open(request, form, create, _("Signaal vastleggen"), done)


@requires(Permission.OPEN_CASEWORK)
@require_http_methods(["GET", "POST"])
def case_open(request: HttpRequest) -> HttpResponse:
    """Open a person-centred case; a full list (top-X: 250) is refused with its cap."""
    actor = current_user(request)
    form = CaseForm(
        request.POST or None,
        initial={"opened_on": timezone.localdate(), "case_direction": actor.organisation_id},
    )

    def create() -> object:
        data = dict(form.cleaned_data)
        person = Identity(name=data.pop("name").strip(), birth_date=data.pop("birth_date").strip())
        return cases.open_case(actor=actor, new=cases.NewCase(person=person, **data))

    done = (_("De casus is geopend."), "casework:case_detail", "case_id")
    return _open(request, form, create, _("Casus openen"), done)


@requires(Permission.OPEN_CASEWORK)
@require_http_methods(["GET", "POST"])
def group_open(request: HttpRequest) -> HttpResponse:
    """Record a youth group with its first classification and its members."""
    form = GroupForm(request.POST or None, initial={"started_on": timezone.localdate()})

    def create() -> object:
        return groups.open_group(actor=current_user(request), new=groups.NewGroup(**form.cleaned_data))

    done = (_("De jeugdgroep is vastgelegd."), "casework:group_detail", "group_id")
    return _open(request, form, create, _("Jeugdgroep vastleggen"), done)
