# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Writing the audit trail: called inside the transaction of the change it records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts.audit_actions import AUDIT_ACTIONS
from kompas.accounts.audit_chain import (
    GENESIS_HASH,
    ChainReport,
    beyond_head,
    compute_hash,
    plain_json,
    walk,
)
from kompas.accounts.models import AuditChainHead, AuditRecord, User

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
    """Append one audit record for ``action`` by ``actor`` on ``target`` to the hash chain.

    Runs inside the caller's transaction: the chain head stays locked until it commits, so
    concurrent writers get consecutive sequence numbers, and a rolled-back change leaves
    neither its record nor a gap. Raises ``KeyError`` for an action code that is not in the
    registry, so every code that reaches the trail has a label and documentation.
    """
    if action not in AUDIT_ACTIONS:
        raise KeyError(action)
    org_id = organisation_id if organisation_id is not None else getattr(actor, "organisation_id", None)
    address = _client_ip.get()
    entry = AuditRecord(
        actor_id=actor.pk if actor is not None else None,
        organisation_id=org_id,
        action=action,
        object_type=object_type(target) if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        # Stored as it reads back from the database, so the hash verifies later.
        changes=plain_json(changes or {}),
        ip_address=AuditRecord._meta.get_field("ip_address").get_prep_value(address) or None,
    )
    with transaction.atomic():
        _append(entry, _locked_head())
    return entry


def _locked_head() -> AuditChainHead:
    """Return the chain head, locked until the transaction ends; create it for an empty trail."""
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    if AuditRecord.objects.exists():
        raise AuditChainError(_("De kop van de auditketen ontbreekt; voer 'kompas audit verify' uit."))
    AuditChainHead.objects.get_or_create(pk=1)
    return AuditChainHead.objects.select_for_update().get(pk=1)


def _append(entry: AuditRecord, head: AuditChainHead) -> None:
    """Link ``entry`` after ``head``, insert it and move the head to it."""
    now = timezone.now()
    # Clocks of several app servers may differ slightly; the trail's time never runs backwards.
    entry.at = max(now, head.at) if head.at is not None else now
    entry.sequence = head.sequence + 1
    entry.prev_hash = head.record_hash or GENESIS_HASH
    entry.record_hash = compute_hash(entry)
    entry.save(force_insert=True)
    head.sequence, head.record_hash, head.at = entry.sequence, entry.record_hash, entry.at
    head.save(update_fields=["sequence", "record_hash", "at"])


class AuditChainError(RuntimeError):
    """Raised when the audit trail cannot be extended because its chain head is gone."""


def verify_trail(anchors: dict[int, str] | None = None) -> ChainReport:
    """Walk the whole audit trail in sequence order and report the first broken link.

    ``anchors`` maps sequence numbers to hashes recorded outside the database earlier (see
    ``kompas audit verify --anchor``); a rewritten or shortened chain no longer matches them.
    """
    head = AuditChainHead.objects.filter(pk=1).first()
    records = AuditRecord.objects.order_by("sequence")
    if head is None:
        return walk(records.iterator(chunk_size=2000), None, anchors or {})
    # Records up to the head read first are complete: each committed together with its head move.
    report = walk(records.filter(sequence__lte=head.sequence).iterator(chunk_size=2000), head, anchors or {})
    if not report.intact:
        return report
    # Records beyond it were either written during the walk, and the head has moved on to
    # them since, or inserted outside Kompas, past the head.
    newer = list(records.filter(sequence__gt=head.sequence).values_list("id", "sequence"))
    current = AuditChainHead.objects.filter(pk=1).first()
    return replace(report, first_break=beyond_head(newer, current))


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
