# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Writing the audit trail: called inside the transaction of the change it records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models

from kompas.accounts.audit_actions import AUDIT_ACTIONS
from kompas.accounts.models import AuditRecord, User

_client_ip: ContextVar[str | None] = ContextVar("kompas_client_ip", default=None)
REDACTED = "(gewijzigd)"


@contextmanager
def client_ip(address: str | None) -> Iterator[None]:
    """Attribute audit records written inside the block to ``address``."""
    token = _client_ip.set(address)
    try:
        yield
    finally:
        _client_ip.reset(token)


def object_type(obj: models.Model) -> str:
    """Return the stable type name of ``obj`` used in the trail, e.g. ``accounts.user``."""
    return obj._meta.label_lower


def record(
    action: str,
    *,
    actor: User | None,
    target: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    organisation_id: int | None = None,
) -> AuditRecord:
    """Append one audit record for ``action`` by ``actor`` on ``target``.

    Raises ``KeyError`` for an action code that is not in the registry, so every code that
    reaches the trail has a label and documentation.
    """
    if action not in AUDIT_ACTIONS:
        raise KeyError(action)
    org_id = organisation_id if organisation_id is not None else getattr(actor, "organisation_id", None)
    return AuditRecord.objects.create(
        actor_id=actor.pk if actor is not None else None,
        organisation_id=org_id,
        action=action,
        object_type=object_type(target) if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        changes=changes or {},
        ip_address=_client_ip.get(),
    )


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Return the current values of ``fields`` of ``obj`` for a later :func:`diff`."""
    return {name: getattr(obj, name) for name in fields}


def diff(before: dict[str, Any], obj: models.Model) -> dict[str, Any]:
    """Return ``{field: [old, new]}`` for changed fields; personal fields show no values."""
    redacted: frozenset[str] = getattr(type(obj), "audit_redacted_fields", frozenset())
    changes: dict[str, Any] = {}
    for name, old in before.items():
        new = getattr(obj, name)
        if new == old:
            continue
        changes[name] = REDACTED if name in redacted else [_plain(old), _plain(new)]
    return changes


def _plain(value: Any) -> Any:
    """Return a JSON-safe form of a field value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return value.pk
    return str(value)
