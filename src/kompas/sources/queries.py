# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.sources that other apps may use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django_scopes import scopes_disabled
from django_scopes.state import get_scope

from kompas.sources.models import ImportRun


def import_runs() -> QuerySet[ImportRun]:
    """Return the import runs of the active organisation and the operator's open data, newest first.

    Open data is imported once by the operator for every organisation (ADR 0011); its runs say
    where the shared figures on every page come from, so every organisation may read them.
    """
    return _own_or_shared_runs().select_related("created_by").order_by("-started_at", "-id")


def import_run(run_id: int) -> ImportRun | None:
    """Return import run ``run_id`` of the active organisation or of the open data, or ``None``."""
    return _own_or_shared_runs().select_related("created_by").filter(pk=run_id).first()


def _own_or_shared_runs() -> QuerySet[ImportRun]:
    current: dict[str, Any] = get_scope()
    if not current.get("_enabled", True) or "organisation" not in current:
        return ImportRun.objects.all()  # every run with scopes disabled; fails loudly without a scope
    organisation = current["organisation"]
    with scopes_disabled():
        shared = Q(organisation__isnull=True)
        return ImportRun.objects.filter(shared | Q(organisation=organisation) if organisation else shared)


# Reads for the data vintage of reports and the dashboard (kompas.reports.freshness).


def import_moments(run_ids: Iterable[int]) -> dict[int, dt.datetime]:
    """Return when each import run finished (when it started, if it has not), by run id.

    Open data is imported once for all organisations, so the runs are read outside the tenant
    scope; only their moments leave this function, never who imported what.
    """
    with scopes_disabled():
        rows = ImportRun.objects.filter(pk__in=list(run_ids)).values_list("pk", "finished_at", "started_at")
        return {pk: finished or started for pk, finished, started in rows}
