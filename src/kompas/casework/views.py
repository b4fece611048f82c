# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework pages: the overview, one signal, case or group, and the figures without persons.

Views only translate HTTP: every read goes through :mod:`kompas.casework.access`, which checks
reach and writes the audit record with the purpose the page serves.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission
from kompas.casework import access, cases, groups, signals
from kompas.casework.access import Purpose
from kompas.casework.forms import ClassificationForm, WeighingForm
from kompas.casework.signals import Weighing


def _purpose(request: HttpRequest, default: Purpose) -> Purpose:
    """Return the purpose the user chose (``?doel=``), or the page's own."""
    chosen = request.GET.get("doel", "")
    return Purpose(chosen) if chosen in Purpose.values else default


@requires(Permission.VIEW_CASEWORK)
def home(request: HttpRequest) -> HttpResponse:
    """List the signals, cases and groups in the user's reach (pseudonyms only)."""
    actor = current_user(request)
    overview = access.overview_for(actor, purpose=_purpose(request, Purpose.APPROACH))
    context = {
        "overview": overview,
        "overdue": {s.pk for s in overview.signals if signals.is_overdue(s)},
        "may_see_figures": has_permission(actor.role, Permission.VIEW_DASHBOARD),
    }
    return render(request, "casework/home.html", context)


@requires(Permission.VIEW_CASEWORK)
@require_http_methods(["GET", "POST"])
def signal_detail(request: HttpRequest, signal_id: int) -> HttpResponse:
    """Show one signal with its persons' identities, for a participant; record its weighing."""
    actor = current_user(request)
    form = WeighingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            signals.weigh_signal(actor=actor, signal_id=signal_id, weighing=_weighing(form))
        except ValidationError as refused:
            _add_errors(form, refused)
        else:
            messages.success(request, _("De weging is vastgelegd."))
            return redirect("casework:signal_detail", signal_id=signal_id)
    opened = access.get_signal_for(actor, signal_id, purpose=_purpose(request, Purpose.WEIGHING))
    context = {
        "opened": opened,
        "signal": opened.obj,
        "deadline": signals.pob_deadline(opened.obj.received_on),
        "overdue": signals.is_overdue(opened.obj),
        # the number filter formats floats the Dutch way, not Decimals
        "recovered": float(opened.obj.recovered_euros),
        "hours": float(opened.obj.hours_spent),
        "form": form,
    }
    return render(request, "casework/signal_detail.html", context, status=400 if form.errors else 200)


def _weighing(form: WeighingForm) -> Weighing:
    data = form.cleaned_data
    return Weighing(
        data["outcome"],
        data["weighed_on"],
        tuple(data["present"]),
        data["recovered_euros"],
        data["hours_spent"],
    )


def _add_errors(form: WeighingForm | ClassificationForm, refused: ValidationError) -> None:
    for field, problems in refused.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@requires(Permission.VIEW_CASEWORK)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """Show one case with its person's identity and its plan, for a participant."""
    opened = access.get_case_for(current_user(request), case_id, purpose=_purpose(request, Purpose.APPROACH))
    case = opened.obj
    context = {
        "opened": opened,
        "case": case,
        "identity": opened.identities[case.person.pseudonym],
        "plan_items": case.plan_items.select_related("responsible"),
        "can_escalate": case.escalation in cases.NEXT_ESCALATION,
    }
    return render(request, "casework/case_detail.html", context)


@requires(Permission.VIEW_CASEWORK)
@require_http_methods(["POST"])
def case_escalate(request: HttpRequest, case_id: int) -> HttpResponse:
    """Escalate a case one level (operational → tactical → strategic)."""
    try:
        cases.escalate(actor=current_user(request), case_id=case_id)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("De casus is opgeschaald."))
    return redirect("casework:case_detail", case_id=case_id)


@requires(Permission.VIEW_CASEWORK)
@require_http_methods(["GET", "POST"])
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    """Show one youth group with its history, scans and members, for a participant; reclassify it."""
    actor = current_user(request)
    form = ClassificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            groups.classify_group(actor=actor, group_id=group_id, **form.cleaned_data)
        except ValidationError as refused:
            _add_errors(form, refused)
        else:
            messages.success(request, _("De nieuwe classificatie is vastgelegd."))
            return redirect("casework:group_detail", group_id=group_id)
    opened = access.get_group_for(actor, group_id, purpose=_purpose(request, Purpose.APPROACH))
    group = opened.obj
    context = {
        "opened": opened,
        "group": group,
        "history": group.history.all(),
        "scans": group.scans.all(),
        "members": [(p.pseudonym, opened.identities[p.pseudonym]) for p in group.members.all()],
        "form": form,
    }
    return render(request, "casework/group_detail.html", context, status=400 if form.errors else 200)
