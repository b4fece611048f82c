# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The hash chain over the audit trail: how a record's hash is computed and how the chain is checked.

Each record's hash covers its own fields and the hash of the record before it (``prev_hash``),
so removing, changing or inserting a record breaks every link after it. See ADR 0012.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

GENESIS_HASH = "0" * 64
# The fields a record's hash covers, in a fixed order; the database id is left out because it
# is only known after the insert and says nothing about what happened.
HASHED_FIELDS = (
    "sequence",
    "prev_hash",
    "at",
    "actor_id",
    "organisation_id",
    "action",
    "object_type",
    "object_id",
    "changes",
    "ip_address",
)


class Chained(Protocol):
    """What the chain needs of a record (the model, or its historical version in a migration)."""

    id: Any
    sequence: int
    prev_hash: str
    record_hash: str
    at: dt.datetime


def plain_json(value: Any) -> Any:
    """Return ``value`` as it reads back from a JSON column on either database.

    PostgreSQL's ``jsonb`` prints an integral number without its fraction (``1e20`` comes back
    as an integer), so integral floats become integers here, before hashing and before saving.
    """
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {str(key): plain_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(item) for item in value]
    raise TypeError(type(value).__name__)


def _moment(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def compute_hash(record: Any) -> str:
    """Return the SHA-256 hex digest of ``record``'s hashed fields in canonical JSON."""
    fields: dict[str, Any] = {name: getattr(record, name) for name in HASHED_FIELDS}
    fields["at"] = _moment(fields["at"])
    fields["changes"] = plain_json(fields["changes"])
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """The first broken link found: which record, and what is wrong with it."""

    record_id: int | None
    sequence: int
    kind: str
    message: str


@dataclass(frozen=True)
class ChainReport:
    """The outcome of walking the chain: how many records, the head, and the first break."""

    count: int
    head_sequence: int
    head_hash: str
    first_break: ChainBreak | None

    @property
    def intact(self) -> bool:
        """Return whether every link held."""
        return self.first_break is None
