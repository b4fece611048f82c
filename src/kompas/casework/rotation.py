# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Key rotation: re-encrypt every stored identity and free text with the newest key.

Put the new key first in ``CASEWORK_KEYS`` (the old ones after it), run
``kompas casework rotate-keys``, then drop the old key (docs/casework.md). The texts are
decrypted and encrypted again inside one transaction and never leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.db.models import QuerySet

from kompas.accounts import audit
from kompas.casework.crypto import rotate_token
from kompas.casework.models import GroupScan, Person, Signal

Row = TypeVar("Row", Person, Signal, GroupScan)


@dataclass(frozen=True)
class Rotated:
    """How many stored tokens were re-encrypted, per kind."""

    persons: int
    signals: int
    scans: int


def _rotate(queryset: QuerySet[Row], field: str) -> int:
    rows = list(queryset.select_for_update().exclude(**{field: ""}).only(field))
    for row in rows:
        setattr(row, field, rotate_token(getattr(row, field)))
    queryset.bulk_update(rows, [field], batch_size=500)
    return len(rows)


@transaction.atomic
def rotate_keys() -> Rotated:
    """Re-encrypt all tokens with the first configured key; fails whole if one does not decrypt."""
    result = Rotated(
        persons=_rotate(Person.objects.all(), "identity_token"),
        signals=_rotate(Signal.objects.all(), "summary_token"),
        scans=_rotate(GroupScan.objects.all(), "result_token"),
    )
    audit.record("casework.keys.rotated", actor=None, changes=result.__dict__)
    return result
