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
from kompas.casework import access, cases, signals
from kompas.casework.access import Purpose


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
def signal_detail(request: HttpRequest, signal_id: int) -> HttpResponse:
    """Show one signal with its persons' identities, for a participant."""
    opened = access.get_signal_for(
        current_user(request), signal_id, purpose=_purpose(request, Purpose.WEIGHING)
    )
    context = {
        "opened": opened,
        "signal": opened.obj,
        "deadline": signals.pob_deadline(opened.obj.received_on),
        "overdue": signals.is_overdue(opened.obj),
    }
    return render(request, "casework/signal_detail.html", context)


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
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    """Show one youth group with its history, scans and members, for a participant."""
    opened = access.get_group_for(
        current_user(request), group_id, purpose=_purpose(request, Purpose.APPROACH)
    )
    group = opened.obj
    context = {
        "opened": opened,
        "group": group,
        "history": group.history.all(),
        "scans": group.scans.all(),
        "members": [(p.pseudonym, opened.identities[p.pseudonym]) for p in group.members.all()],
    }
    return render(request, "casework/group_detail.html", context)
