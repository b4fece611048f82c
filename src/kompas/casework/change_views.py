# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forms on the signal, case and group pages that change them: plan, triage, closure,
participants, groepsscans, dissolution. Each takes a POST; the rule module refuses bad input with
one Dutch message inside its transaction, so nothing is written; the page is then shown again with
that message (400).

The changes themselves check reach and audit through :mod:`kompas.casework.access`; an object
out of reach answers 404 before any form is read back to the user.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.casework import access, cases, groups, participation
from kompas.casework.forms import (
    CloseCaseForm,
    DissolveForm,
    EndParticipationForm,
    ParticipantForm,
    PlanItemForm,
    ScanRequestForm,
    ScanResultForm,
    TriageForm,
)
from kompas.casework.views import add_errors, case_page, group_page, signal_page

PAGES: dict[str, tuple[str, str, Callable[..., HttpResponse]]] = {
    # kind: (detail URL name, its parameter, the page that shows a refused form)
    "signal": ("casework:signal_detail", "signal_id", signal_page),
    "case": ("casework:case_detail", "case_id", case_page),
    "group": ("casework:group_detail", "group_id", group_page),
}


def _save(
    request: HttpRequest,
    kind: str,
    object_id: int,
    form: forms.Form,
    change: Callable[[], object],
    done: str,
) -> HttpResponse:
    """Run ``change`` for a valid ``form``; redirect with ``done``, or show the page with the refusal."""
    name, parameter, page = PAGES[kind]
    if form.is_valid():
        try:
            change()
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, done)
            return HttpResponseRedirect(reverse(name, kwargs={parameter: object_id}))
    return page(request, object_id, {str(form.prefix): form})


@requires(Permission.VIEW_CASEWORK)
@require_POST
def plan_item_add(request: HttpRequest, case_id: int) -> HttpResponse:
    """Add an intervention to the plan van aanpak (participants too: they carry it out)."""
    form = PlanItemForm(request.POST, prefix="plan")

    def change() -> object:
        data = form.cleaned_data
        return cases.add_plan_item(
            actor=current_user(request),
            case_id=case_id,
            life_domain=data["life_domain"],
            intervention=data["intervention"],
            responsible=data["responsible"],
            version=data["version"],
        )

    return _save(request, "case", case_id, form, change, _("De interventie staat in het plan van aanpak."))


@requires(Permission.OPEN_CASEWORK)
@require_POST
def case_close(request: HttpRequest, case_id: int) -> HttpResponse:
    """Close a case of the own organisation; one that went badly only with its evaluation."""
    access.check_keeper("case", current_user(request), case_id)
    form = CloseCaseForm(request.POST, prefix="afsluiten")

    def change() -> object:
        data = form.cleaned_data
        return cases.close_case(
            actor=current_user(request),
            case_id=case_id,
            closed_on=data["closed_on"],
            went_well=data["went_well"],
            evaluation=data["evaluation"],
            version=data["version"],
        )

    return _save(request, "case", case_id, form, change, _("De casus is afgesloten."))


def _participant_add(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    actor = current_user(request)
    access.check_keeper(kind, actor, object_id)
    form = ParticipantForm(request.POST, prefix="deelnemer", organisation_id=actor.organisation_id)

    def change() -> object:
        data = form.cleaned_data
        return participation.add_participant(
            actor=actor,
            kind=kind,
            object_id=object_id,
            organisation=data["organisation"],
            convenant_id=data["convenant"].pk,
            mandate=data["mandate"],
            since=data["since"],
        )

    return _save(request, kind, object_id, form, change, _("De organisatie neemt nu deel."))


@requires(Permission.OPEN_CASEWORK)
@require_POST
def signal_participant_add(request: HttpRequest, signal_id: int) -> HttpResponse:
    """Let another organisation take part in a signal the own organisation keeps."""
    return _participant_add(request, "signal", signal_id)


@requires(Permission.OPEN_CASEWORK)
@require_POST
def case_participant_add(request: HttpRequest, case_id: int) -> HttpResponse:
    """Let another organisation take part in a case the own organisation keeps."""
    return _participant_add(request, "case", case_id)


@requires(Permission.OPEN_CASEWORK)
@require_POST
def group_participant_add(request: HttpRequest, group_id: int) -> HttpResponse:
    """Let another organisation take part in a youth group the own organisation keeps."""
    return _participant_add(request, "group", group_id)


@requires(Permission.OPEN_CASEWORK)
@require_POST
def participation_end(request: HttpRequest, participation_id: int) -> HttpResponse:
    """End a participation; from the next day that organisation no longer sees the object."""
    kind, object_id = participation.object_of(participation_id)
    access.check_keeper(kind, current_user(request), object_id)
    form = EndParticipationForm(request.POST, prefix=f"einde-{participation_id}")

    def change() -> object:
        return participation.end_participation(
            actor=current_user(request), participation_id=participation_id, until=form.cleaned_data["until"]
        )

    return _save(request, kind, object_id, form, change, _("De deelname is beëindigd."))


@requires(Permission.VIEW_CASEWORK)
@require_POST
def scan_request(request: HttpRequest, group_id: int) -> HttpResponse:
    """Record that a groepsscan was requested for a group in reach."""
    form = ScanRequestForm(request.POST, prefix="scan")

    def change() -> object:
        return groups.request_scan(actor=current_user(request), group_id=group_id, **form.cleaned_data)

    return _save(request, "group", group_id, form, change, _("De aanvraag van de groepsscan is vastgelegd."))


@requires(Permission.VIEW_CASEWORK)
@require_POST
def scan_result(request: HttpRequest, scan_id: int) -> HttpResponse:
    """Record the result of a groepsscan of a group in reach (stored encrypted)."""
    group_id = groups.group_of_scan(scan_id)
    form = ScanResultForm(request.POST, prefix=f"uitkomst-{scan_id}")

    def change() -> object:
        return groups.record_scan_result(actor=current_user(request), scan_id=scan_id, **form.cleaned_data)

    return _save(request, "group", group_id, form, change, _("De uitkomst van de groepsscan is vastgelegd."))


@requires(Permission.VIEW_CASEWORK)
@require_POST
def case_triage(request: HttpRequest, case_id: int) -> HttpResponse:
    """Change the level after triage and the frame of an open case in reach (every participant)."""
    form = TriageForm(request.POST, prefix="triage")

    def change() -> object:
        return cases.change_triage(actor=current_user(request), case_id=case_id, **form.cleaned_data)

    return _save(request, "case", case_id, form, change, _("Het niveau en het kader zijn vastgelegd."))


@requires(Permission.OPEN_CASEWORK)
@require_POST
def group_dissolve(request: HttpRequest, group_id: int) -> HttpResponse:
    """Record that a youth group of the own organisation no longer exists (its retention starts)."""
    access.check_keeper("group", current_user(request), group_id)
    form = DissolveForm(request.POST, prefix="opheffen")

    def change() -> object:
        data = form.cleaned_data
        return groups.dissolve_group(
            actor=current_user(request), group_id=group_id, on=data["dissolved_on"], version=data["version"]
        )

    return _save(request, "group", group_id, form, change, _("De groep is opgeheven."))
