# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework pages: the overview and one signal, case or group with the forms that change it.

Views only translate HTTP: every read goes through :mod:`kompas.casework.access`, which checks
reach and writes the audit record with the purpose the page serves. The ``*_page`` functions
render a detail page with fresh forms, or with the one bound form that was refused (status 400)
when :mod:`kompas.casework.change_views` could not save it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.casework import access, cases, groups, signals
from kompas.casework.access import Opened, Purpose
from kompas.casework.forms import (
    ClassificationForm,
    CloseCaseForm,
    DissolveForm,
    EndParticipationForm,
    EscalateForm,
    ParticipantForm,
    PlanItemForm,
    ScanRequestForm,
    ScanResultForm,
    TriageForm,
    WeighingForm,
)
from kompas.casework.signals import Weighing


def _purpose(request: HttpRequest, default: Purpose) -> Purpose:
    """Return the purpose the user chose (``?doel=``), or the page's own."""
    chosen = request.GET.get("doel", "")
    return Purpose(chosen) if chosen in Purpose.values else default


def add_errors(form: forms.Form, refused: ValidationError) -> None:
    """Put the rule's Dutch messages on the form's fields (or above it, for hidden fields)."""
    for field, problems in refused.message_dict.items():
        visible = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if visible else None, problems)


@requires(Permission.VIEW_CASEWORK)
def home(request: HttpRequest) -> HttpResponse:
    """List the signals, cases and groups in the user's reach (pseudonyms only)."""
    actor = current_user(request)
    overview = access.overview_for(actor, purpose=_purpose(request, Purpose.APPROACH))
    context = {
        "overview": overview,
        "overdue": {s.pk for s in overview.signals if signals.is_overdue(s)},
        "may_see_figures": has_permission(actor.role, Permission.VIEW_DASHBOARD),
        "may_open": access.may_open(actor),
    }
    return render(request, "casework/home.html", context)


def _keeper_forms(actor: User, opened: Opened[Any], bound: dict[str, forms.Form]) -> dict[str, Any]:
    """The participant forms, only for an opener of the keeping organisation (who alone adds them)."""
    keeps = opened.obj.organisation_id == actor.organisation_id and access.may_open(actor)
    if not keeps:
        return {"keeps": False, "participation_rows": [(p, None) for p in opened.participations]}
    today = {"initial": {"since": timezone.localdate()}}
    rows = [
        (p, bound.get(f"einde-{p.pk}") or EndParticipationForm(prefix=f"einde-{p.pk}"))
        if p.until is None
        else (p, None)
        for p in opened.participations
    ]
    participant = bound.get("deelnemer") or ParticipantForm(
        prefix="deelnemer", organisation_id=actor.organisation_id, **today
    )
    return {"keeps": True, "participation_rows": rows, "participant_form": participant}


def signal_page(
    request: HttpRequest, signal_id: int, bound: dict[str, forms.Form] | None = None
) -> HttpResponse:
    """Render the signal page (one audited read), with ``bound`` forms that were refused."""
    actor, bound = current_user(request), bound or {}
    opened = access.get_signal_for(actor, signal_id, purpose=_purpose(request, Purpose.WEIGHING))
    context = {
        "opened": opened,
        "signal": opened.obj,
        "deadline": signals.pob_deadline(opened.obj.received_on),
        "overdue": signals.is_overdue(opened.obj),
        # the number filter formats floats the Dutch way, not Decimals
        "recovered": float(opened.obj.recovered_euros),
        "hours": float(opened.obj.hours_spent),
        "form": bound.get("weging") or WeighingForm(),
        **_keeper_forms(actor, opened, bound),
    }
    return render(request, "casework/signal_detail.html", context, status=400 if bound else 200)


@requires(Permission.VIEW_CASEWORK)
@require_http_methods(["GET", "POST"])
def signal_detail(request: HttpRequest, signal_id: int) -> HttpResponse:
    """Show one signal with its persons' identities, for a participant; record its weighing."""
    if request.method != "POST":
        return signal_page(request, signal_id)
    form = WeighingForm(request.POST)
    if form.is_valid():
        try:
            signals.weigh_signal(actor=current_user(request), signal_id=signal_id, weighing=_weighing(form))
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, _("De weging is vastgelegd."))
            return redirect("casework:signal_detail", signal_id=signal_id)
    return signal_page(request, signal_id, {"weging": form})


def _weighing(form: WeighingForm) -> Weighing:
    data = form.cleaned_data
    return Weighing(
        data["outcome"],
        data["weighed_on"],
        tuple(data["present"]),
        data["recovered_euros"],
        data["hours_spent"],
    )


def case_page(request: HttpRequest, case_id: int, bound: dict[str, forms.Form] | None = None) -> HttpResponse:
    """Render the case page (one audited read), with ``bound`` forms that were refused."""
    actor, bound = current_user(request), bound or {}
    opened = access.get_case_for(actor, case_id, purpose=_purpose(request, Purpose.APPROACH))
    case = opened.obj
    is_open = cases.is_open(case)
    version = {"version": case.version}
    keeper = _keeper_forms(actor, opened, bound)
    context = {
        "opened": opened,
        "case": case,
        "identity": opened.identities[case.person.pseudonym],
        "plan_items": case.plan_items.select_related("responsible"),
        "can_escalate": is_open and case.escalation in cases.NEXT_ESCALATION,
        "plan_form": (bound.get("plan") or PlanItemForm(prefix="plan", initial=version)) if is_open else None,
        "triage_form": (
            bound.get("triage")
            or TriageForm(prefix="triage", initial={**version, "level": case.level, "frame": case.frame})
        )
        if is_open
        else None,
        "escalate_form": EscalateForm(prefix="opschalen", initial=version),
        "close_form": (
            bound.get("afsluiten")
            or CloseCaseForm(prefix="afsluiten", initial={**version, "closed_on": timezone.localdate()})
        )
        if is_open and keeper["keeps"]
        else None,
        **keeper,
    }
    return render(request, "casework/case_detail.html", context, status=400 if bound else 200)


@requires(Permission.VIEW_CASEWORK)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """Show one case with its person's identity and its plan, for a participant."""
    return case_page(request, case_id)


@requires(Permission.VIEW_CASEWORK)
@require_http_methods(["POST"])
def case_escalate(request: HttpRequest, case_id: int) -> HttpResponse:
    """Escalate a case one level (operational → tactical → strategic), at the version the page showed."""
    form = EscalateForm(request.POST, prefix="opschalen")
    version = form.cleaned_data["version"] if form.is_valid() else None
    access.check_reach("case", current_user(request), case_id)  # 404 before any message
    try:
        if version is None:
            raise ValidationError(_("De pagina was verouderd; open de casus opnieuw."))
        cases.escalate(actor=current_user(request), case_id=case_id, version=version)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("De casus is opgeschaald."))
    return redirect("casework:case_detail", case_id=case_id)


def group_page(
    request: HttpRequest, group_id: int, bound: dict[str, forms.Form] | None = None
) -> HttpResponse:
    """Render the group page (one audited read), with ``bound`` forms that were refused."""
    actor, bound = current_user(request), bound or {}
    opened = access.get_group_for(actor, group_id, purpose=_purpose(request, Purpose.APPROACH))
    group = opened.obj
    scans = [
        (scan, None if scan.completed_on else _result_form(scan.pk, bound)) for scan in group.scans.all()
    ]
    context = {
        "opened": opened,
        "group": group,
        "history": group.history.all(),
        "scans": scans,
        "members": [(p.pseudonym, opened.identities[p.pseudonym]) for p in group.members.all()],
        "form": bound.get("classificatie")
        or (ClassificationForm(initial={"version": group.version}) if group.dissolved_on is None else None),
        "dissolve_form": (
            bound.get("opheffen")
            or DissolveForm(
                prefix="opheffen",
                initial={"version": group.version, "dissolved_on": timezone.localdate()},
            )
        )
        if group.dissolved_on is None
        and group.organisation_id == actor.organisation_id
        and access.may_open(actor)
        else None,
        "scan_form": bound.get("scan")
        or ScanRequestForm(prefix="scan", initial={"requested_on": timezone.localdate()}),
        **_keeper_forms(actor, opened, bound),
    }
    return render(request, "casework/group_detail.html", context, status=400 if bound else 200)


def _result_form(scan_id: int, bound: dict[str, forms.Form]) -> forms.Form:
    return bound.get(f"uitkomst-{scan_id}") or ScanResultForm(prefix=f"uitkomst-{scan_id}")


@requires(Permission.VIEW_CASEWORK)
@require_http_methods(["GET", "POST"])
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    """Show one youth group with its history, scans and members, for a participant; reclassify it."""
    if request.method != "POST":
        return group_page(request, group_id)
    form = ClassificationForm(request.POST)
    if form.is_valid():
        try:
            groups.classify_group(actor=current_user(request), group_id=group_id, **form.cleaned_data)
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, _("De nieuwe classificatie is vastgelegd."))
            return redirect("casework:group_detail", group_id=group_id)
    return group_page(request, group_id, {"classificatie": form})
