# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The audit trail pages: read and export, never edit."""

from __future__ import annotations

import csv
import datetime as dt
import json

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kompas.accounts import access, audit
from kompas.accounts.audit_actions import AUDIT_ACTIONS, label
from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.forms import AuditFilterForm
from kompas.accounts.models import AuditRecord
from kompas.accounts.roles import Permission
from kompas.formulas import inert_row


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditRecord]]:
    """Return the filter form and the organisation's records it selects."""
    records = access.audit_records_visible_to(current_user(request))
    form = AuditFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            records = records.filter(action=data["action"])
        if data["date_from"]:
            records = records.filter(at__gte=_start_of(data["date_from"]))
        if data["date_to"]:
            records = records.filter(at__lt=_start_of(data["date_to"] + dt.timedelta(days=1)))
    return form, records


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@requires(Permission.VIEW_AUDIT)
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    """Show the organisation's audit trail, newest first, with filters."""
    form, records = _filtered(request)
    page = Paginator(records, 100).get_page(request.GET.get("pagina"))
    rows = [(record, label(record.action)) for record in page]
    actor = current_user(request)
    with transaction.atomic():
        audit.record(
            "accounts.audit.viewed", actor=actor, changes={"filters": request.GET.dict(), "page": page.number}
        )
    context = {"form": form, "page": page, "rows": rows, "actions": AUDIT_ACTIONS}
    return render(request, "accounts/audit_list.html", context)


@requires(Permission.VIEW_AUDIT)
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    """Export the filtered trail as CSV (UTF-8 with BOM and ';' so Excel opens it in Dutch)."""
    _form, records = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audittrail.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            "tijdstip",
            "gebruiker_id",
            "actie",
            "omschrijving",
            "objecttype",
            "object_id",
            "wijzigingen",
            "ip_adres",
        ]
    )
    for record in records.iterator():
        writer.writerow(
            inert_row(
                [
                    timezone.localtime(record.at).isoformat(),
                    record.actor_id,
                    record.action,
                    label(record.action),
                    record.object_type,
                    record.object_id,
                    json.dumps(record.changes, ensure_ascii=False),
                    record.ip_address or "",
                ]
            )
        )
    actor = current_user(request)
    with transaction.atomic():
        audit.record("accounts.audit.exported", actor=actor, changes={"filters": request.GET.dict()})
    return response
