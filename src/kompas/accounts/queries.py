# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.accounts that other apps may use."""

from __future__ import annotations

from kompas.accounts.audit_actions import UNCHANGING_ACTIONS
from kompas.accounts.models import AuditRecord, Organisation
from kompas.caching import ChangeCounter


def organisation_by_code(code: str) -> Organisation | None:
    """Return the organisation with ``code``, or None."""
    return Organisation.objects.filter(code=code).first()


def gemeente_by_cbs_code(cbs_code: str) -> Organisation | None:
    """Return the municipality organisation with CBS code ``cbs_code`` (e.g. GM0164), or None."""
    return Organisation.objects.filter(cbs_code=cbs_code).first()


def latest_change_id() -> int:
    """Return the id of the newest audit record of a change (0 without any).

    Every change of imported data, computed values, plans, catalogues or organisations writes
    its audit record in the same transaction, so this id grows with each committed change and
    can key anything cached until the next one.
    """
    newest = (
        AuditRecord.objects.exclude(action__in=UNCHANGING_ACTIONS)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return newest or 0


# The one key of everything cached until the next change: figures and data vintage
# (kompas.reports), dashboard parts (kompas.dashboard). Imports, computations and edits each write
# their audit record in the transaction of the change, so the counter never runs ahead of the data.
changes = ChangeCounter("kompas:laatste-wijziging", latest_change_id)
