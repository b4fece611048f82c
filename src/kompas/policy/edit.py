# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Creating, changing and removing plan objects: one audited transaction each, guarded by the
object's version so that a second editor never silently overwrites the first."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction

from kompas.accounts import audit
from kompas.accounts.models import AuditRecord, User
from kompas.policy.models import CostItem, Plan, Sourced, Theme
from kompas.policy.parts import Part, part_of, plan_of


class StaleEditError(Exception):
    """Raised when the object changed since the editor loaded it; carries what changed since."""

    def __init__(self, current: Sourced, changes: list[AuditRecord]) -> None:
        super().__init__(f"{type(current).__name__} {current.pk}: versie {current.version}")
        self.current = current
        self.changes = changes


def plain(value: Any) -> Any:
    """Return a JSON-safe, readable form of a field value (related objects by their code)."""
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, models.Model):
        return getattr(value, "code", None) or str(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def snapshot(obj: Sourced, part: Part) -> dict[str, Any]:
    """Return the editable fields of ``obj`` as plain values; relations by sorted codes."""
    values: dict[str, Any] = {}
    for name in part.fields:
        if name in part.many_to_many:
            values[name] = sorted(plain(item) for item in getattr(obj, name).all()) if obj.pk else []
        else:
            values[name] = plain(getattr(obj, name))
    return values


def _diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    return {name: [before.get(name), new] for name, new in after.items() if before.get(name) != new}


def _assign(obj: Sourced, part: Part, values: Mapping[str, Any]) -> dict[str, Any]:
    """Set the plain fields on ``obj`` and return the many-to-many values to set after saving."""
    unknown = set(values) - set(part.fields)
    if unknown:
        raise TypeError(sorted(unknown))
    for rule in part.rules:
        rule({**snapshot_raw(obj, part), **values})
    relations = {name: values[name] for name in part.many_to_many if name in values}
    for name, value in values.items():
        if name not in relations:
            setattr(obj, name, value)
    return relations


def snapshot_raw(obj: Sourced, part: Part) -> dict[str, Any]:
    """Return the current plain (not many-to-many) field values of ``obj`` as Python objects."""
    return {name: _raw(obj, name) for name in part.fields if name not in part.many_to_many}


def _raw(obj: Sourced, name: str) -> Any:
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:  # a required relation of a new object, not set yet
        return None


def _save(obj: Sourced, relations: Mapping[str, Any]) -> None:
    obj.full_clean()
    obj.save()
    for name, items in relations.items():
        getattr(obj, name).set(items)


def changes_since(obj: Sourced, version: int) -> list[AuditRecord]:
    """Return the audit records of changes to ``obj`` after ``version``, oldest first."""
    records = AuditRecord.objects.filter(object_type=audit.object_type(obj), object_id=str(obj.pk))
    newer = [record for record in records if (record.changes.get("version") or [0, 0])[1] > version]
    return sorted(newer, key=lambda record: (record.at, record.pk))


@transaction.atomic
def create(*, actor: User, part: Part, parent: Plan | Theme, values: Mapping[str, Any]) -> Sourced:
    """Create a ``part`` object under ``parent`` with ``values``; audited as ``policy.<noun>.created``."""
    obj = part.model(**{part.parent: parent})
    if isinstance(obj, CostItem) and isinstance(parent, Theme):
        obj.plan = parent.plan
    relations = _assign(obj, part, values)
    _save(obj, relations)
    changes = {
        name: [None, value] for name, value in snapshot(obj, part).items() if value not in (None, "", [])
    }
    audit.record(
        f"policy.{part.noun}.created",
        actor=actor,
        target=obj,
        changes=changes,
        organisation_id=plan_of(obj).organisation_id,
    )
    return obj


@transaction.atomic
def update(*, actor: User, obj: Sourced, values: Mapping[str, Any], version: int) -> Sourced:
    """Change ``obj`` to ``values`` if it is still at ``version``; otherwise raise StaleEditError.

    Nothing is written when nothing changed. The audit record holds every changed field as
    ``[old, new]``, including ``version``, so the history shows who changed what when.
    """
    part = part_of(obj)
    current = _locked(obj, version)
    before = snapshot(current, part)
    relations = _assign(current, part, values)
    after = snapshot(current, part) | {
        name: sorted(plain(item) for item in items) for name, items in relations.items()
    }
    changes = _diff(before, after)
    if not changes:
        return current
    current.version += 1
    _save(current, relations)
    changes["version"] = [version, current.version]
    audit.record(
        f"policy.{part.noun}.changed",
        actor=actor,
        target=current,
        changes=changes,
        organisation_id=plan_of(current).organisation_id,
    )
    return current


@transaction.atomic
def delete(*, actor: User, obj: Sourced, version: int) -> None:
    """Remove ``obj`` if it is still at ``version``; the audit record keeps its last values."""
    part = part_of(obj)
    current = _locked(obj, version)
    last = {name: [value, None] for name, value in snapshot(current, part).items()}
    audit.record(
        f"policy.{part.noun}.deleted",
        actor=actor,
        target=current,
        changes=last,
        organisation_id=plan_of(current).organisation_id,
    )
    current.delete()


def _locked(obj: Sourced, version: int) -> Sourced:
    """Return ``obj`` locked for the transaction; raise StaleEditError if past ``version``."""
    current = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    if current.version != version:
        raise StaleEditError(current, changes_since(current, version))
    return current
