# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The edit history of a plan object, read from the audit trail: who, when, what changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.audit_actions import label
from kompas.accounts.models import AuditRecord, User
from kompas.policy.models import Sourced

HIDDEN_FIELDS = frozenset({"version"})


@dataclass(frozen=True)
class FieldChange:
    """One field of one change: its label and the value before and after."""

    field: str
    label: str
    old: object
    new: object


@dataclass(frozen=True)
class HistoryEntry:
    """One change of an object."""

    at: dt.datetime
    who: str
    action: str
    changes: tuple[FieldChange, ...]


def records_for(obj: Sourced) -> list[AuditRecord]:
    """Return the audit records about ``obj``, newest first."""
    return list(AuditRecord.objects.filter(object_type=audit.object_type(obj), object_id=str(obj.pk)))


def history(obj: Sourced, organisation_id: int) -> list[HistoryEntry]:
    """Return the history of ``obj``, newest first, naming users of ``organisation_id``."""
    return entries(type(obj), records_for(obj), organisation_id)


def entries(
    model: type[models.Model], records: Sequence[AuditRecord], organisation_id: int
) -> list[HistoryEntry]:
    """Turn audit records about objects of ``model`` into readable history entries."""
    names = _names({record.actor_id for record in records if record.actor_id}, organisation_id)
    return [
        HistoryEntry(
            record.at,
            names.get(
                record.actor_id or 0, _("Kompas (import)") if record.actor_id is None else _("onbekend")
            ),
            label(record.action),
            tuple(_changes(model, record.changes)),
        )
        for record in records
    ]


def _names(ids: Iterable[int], organisation_id: int) -> dict[int, str]:
    """Return display names of the organisation's own users; others stay unnamed."""
    users = User.objects.filter(pk__in=list(ids), organisation_id=organisation_id)
    return {user.pk: user.get_full_name() or user.username for user in users}


def _changes(model: type[models.Model], changes: dict[str, object]) -> Iterable[FieldChange]:
    for name, values in changes.items():
        if name in HIDDEN_FIELDS:
            continue
        try:
            verbose = str(getattr(model._meta.get_field(name), "verbose_name", name))
        except FieldDoesNotExist:
            verbose = name
        old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
        yield FieldChange(name, verbose, old, new)
