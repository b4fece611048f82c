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

from django.utils.translation import gettext as _

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


class Head(Protocol):
    """What the chain needs of its head row."""

    sequence: int
    record_hash: str


@dataclass
class _Walk:
    """Where the walk stands: the link the next record must continue."""

    anchors: Mapping[int, str]
    head: Head | None
    count: int = 0
    sequence: int = 0
    record_hash: str = GENESIS_HASH
    at: dt.datetime | None = None


def walk(records: Iterable[Chained], head: Head | None, anchors: Mapping[int, str]) -> ChainReport:
    """Check ``records`` (in sequence order) link by link against each other and the head.

    Each record must carry the next sequence number, the previous record's hash as
    ``prev_hash``, a hash matching its own fields, a time not before the previous record's,
    and must not lie beyond the head; afterwards the head must point at the last record and
    every anchor must have been met. The first failure found is reported.
    """
    state = _Walk(anchors=anchors, head=head)
    for record in records:
        found = _check_record(record, state)
        if found is not None:
            return _report(state, found)
        state.count += 1
        state.sequence, state.record_hash, state.at = record.sequence, record.record_hash, record.at
    return _report(state, _check_end(state))


def _report(state: _Walk, found: ChainBreak | None) -> ChainReport:
    head_sequence = state.head.sequence if state.head is not None else 0
    head_hash = state.head.record_hash if state.head is not None else ""
    return ChainReport(state.count, head_sequence, head_hash, found)


def _check_record(record: Chained, state: _Walk) -> ChainBreak | None:
    """Return what is wrong with ``record`` as the successor of the walk so far, if anything."""
    names = {"id": record.id, "sequence": record.sequence, "expected": state.sequence + 1}
    if record.sequence <= state.sequence:
        text = _(
            "Auditregel id %(id)s (volgnummer %(sequence)s) is ingevoegd: dit volgnummer komt dubbel voor."
        )
        return _break(record, "inserted", text, names)
    if record.sequence > state.sequence + 1:
        text = _(
            "Auditregel(s) verwijderd: volgnummer %(expected)s ontbreekt vóór auditregel id %(id)s "
            "(volgnummer %(sequence)s)."
        )
        return _break(record, "removed", text, names)
    if compute_hash(record) != record.record_hash:
        text = _(
            "Auditregel id %(id)s (volgnummer %(sequence)s) is gewijzigd: de inhoud past niet bij de hash."
        )
        return _break(record, "changed", text, names)
    if record.prev_hash != state.record_hash:
        text = _(
            "De keten is gebroken bij auditregel id %(id)s (volgnummer %(sequence)s): de regel ervoor is "
            "verwijderd, gewijzigd of vervangen, of deze regel is ingevoegd."
        )
        return _break(record, "link", text, names)
    return _check_position(record, state, names)


def _check_position(record: Chained, state: _Walk, names: dict[str, Any]) -> ChainBreak | None:
    """Return what is wrong with where ``record`` stands: its time, the head and the anchors."""
    if state.at is not None and record.at < state.at:
        text = _(
            "Auditregel id %(id)s (volgnummer %(sequence)s) is teruggedateerd: het tijdstip ligt vóór "
            "dat van de regel ervoor."
        )
        return _break(record, "backdated", text, names)
    if state.head is not None and record.sequence > state.head.sequence:
        return _break(record, "inserted", _beyond_head_text(), {**names, "head": state.head.sequence})
    anchor = state.anchors.get(record.sequence)
    if anchor is not None and anchor != record.record_hash:
        text = _(
            "Auditregel id %(id)s (volgnummer %(sequence)s) wijkt af van het vastgelegde anker: "
            "de keten is herschreven."
        )
        return _break(record, "anchor", text, names)
    return None


def _check_end(state: _Walk) -> ChainBreak | None:
    """Return what is wrong with the end of the chain: a missing or displaced head or anchor."""
    names = {"sequence": state.sequence, "expected": state.sequence + 1}
    missing_anchor = [sequence for sequence in state.anchors if sequence > state.sequence]
    if missing_anchor:
        text = _("Het vastgelegde anker met volgnummer %(anchor)s ontbreekt: de keten is ingekort.")
        return ChainBreak(None, min(missing_anchor), "anchor", text % {"anchor": min(missing_anchor)})
    if state.head is None:
        if state.count == 0:
            return None
        text = _("De kop van de auditketen ontbreekt (laatste auditregel: volgnummer %(sequence)s).")
        return ChainBreak(None, state.sequence, "head", text % names)
    if state.head.sequence > state.sequence:
        text = _(
            "De laatste auditregel(s) zijn verwijderd: de keten eindigt bij volgnummer %(sequence)s, "
            "de kop staat op volgnummer %(head)s."
        )
        return ChainBreak(None, state.sequence + 1, "removed", text % {**names, "head": state.head.sequence})
    if (state.head.record_hash or GENESIS_HASH) != state.record_hash:
        text = _("De kop van de auditketen past niet bij de laatste auditregel (volgnummer %(sequence)s).")
        return ChainBreak(None, state.sequence, "head", text % names)
    return None


def beyond_head(newer: Iterable[tuple[int, int]], head: Head | None) -> ChainBreak | None:
    """Return the first of ``newer`` (id, sequence) that lies beyond the chain head, if any.

    ``newer`` are records found after the walk; ``head`` is read after them, so a record that
    Kompas wrote has its head at or beyond it, and one inserted outside Kompas does not.
    """
    head_sequence = head.sequence if head is not None else 0
    for record_id, sequence in newer:
        if sequence > head_sequence:
            names = {"id": record_id, "sequence": sequence, "head": head_sequence}
            return ChainBreak(record_id, sequence, "inserted", _beyond_head_text() % names)
    return None


def _beyond_head_text() -> str:
    return _(
        "Auditregel id %(id)s (volgnummer %(sequence)s) is ingevoegd: hij staat na de kop van de "
        "keten (volgnummer %(head)s)."
    )


def _break(record: Chained, kind: str, text: str, names: Mapping[str, Any]) -> ChainBreak:
    return ChainBreak(int(record.id), record.sequence, kind, text % names)
