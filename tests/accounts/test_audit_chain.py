# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The audit trail is a hash chain: the database refuses DELETE and out-of-order INSERT, and
``kompas audit verify`` finds a record that an attacker with database access removed, changed or
inserted after dropping those guards. Runs on SQLite and on PostgreSQL (about 5 s each).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from io import StringIO
from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from kompas.accounts import audit
from kompas.accounts.audit_chain import GENESIS_HASH, beyond_head, compute_hash
from kompas.accounts.models import AuditChainHead, AuditImmutableError, AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR
from tests.accounts import concurrent_audit

# The guards of migrations 0002 and 0003, as an attacker would remove them.
DROP_GUARDS = {
    "sqlite": [
        "DROP TRIGGER accounts_auditrecord_no_update",
        "DROP TRIGGER accounts_auditrecord_no_delete",
        "DROP TRIGGER accounts_auditrecord_in_order",
    ],
    "postgresql": [
        "DROP TRIGGER accounts_auditrecord_no_update ON accounts_auditrecord",
        "DROP TRIGGER accounts_auditrecord_no_delete ON accounts_auditrecord",
        "DROP TRIGGER accounts_auditrecord_in_order ON accounts_auditrecord",
    ],
}
INSERT = (
    "INSERT INTO accounts_auditrecord (at, actor_id, organisation_id, action, object_type, object_id, "
    "changes, ip_address, sequence, prev_hash, record_hash) "
    "VALUES (%s, %s, %s, %s, '', '', %s, NULL, %s, %s, %s)"
)


@pytest.fixture
def trail(db: None, org_a: Organisation, make_user: Callable[..., User]) -> list[AuditRecord]:
    """Six records written the normal way: an organisation, five users and one of them changed."""
    users = [make_user(role, org_a) for role in (Role.BEHEERDER, Role.ANALIST, Role.RAADSLID)]
    audit.record("accounts.user.changed", actor=users[0], target=users[1], changes={"role": ["a", "b"]})
    audit.record("accounts.login.succeeded", actor=users[2], changes={"score": 2.0, "ratio": 0.1})
    return list(AuditRecord.objects.order_by("sequence"))


def _drop_guards() -> None:
    """Remove the triggers with raw SQL (inside the test's transaction, so rolled back after)."""
    with connection.cursor() as cursor:
        for statement in DROP_GUARDS[connection.vendor]:
            cursor.execute(statement)


def _sql(statement: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _verify(*args: str) -> tuple[int, str]:
    """Run ``kompas audit verify``; return its exit code and its output."""
    out, err = StringIO(), StringIO()
    try:
        call_command("audit_verify", *args, stdout=out, stderr=err)
    except SystemExit as stop:
        return int(stop.code or 0), err.getvalue()
    return 0, out.getvalue()


def _forge(sequence: int, prev_hash: str, at: dt.datetime) -> AuditRecord:
    """Return an unsaved record whose hash is computed as Kompas would (the algorithm is public)."""
    forged = AuditRecord(
        sequence=sequence,
        prev_hash=prev_hash,
        at=at,
        actor_id=1,
        organisation_id=None,
        action="accounts.login.succeeded",
    )
    forged.record_hash = compute_hash(forged)
    return forged


def _insert(record: AuditRecord) -> None:
    _sql(
        INSERT,
        [
            connection.ops.adapt_datetimefield_value(record.at),
            record.actor_id,
            record.organisation_id,
            record.action,
            "{}",
            record.sequence,
            record.prev_hash,
            record.record_hash,
        ],
    )


def test_untouched_trail_is_intact(trail: list[AuditRecord]) -> None:
    code, output = _verify()
    head = AuditChainHead.objects.get()
    assert code == 0
    assert f"Audittrail intact: {len(trail)} records" in output
    assert f"{head.sequence}:{head.record_hash}" in output
    assert [record.sequence for record in trail] == list(range(1, len(trail) + 1))
    assert trail[0].prev_hash == GENESIS_HASH
    assert all(after.prev_hash == before.record_hash for before, after in pairwise(trail))


def test_records_are_stored_as_hashed(trail: list[AuditRecord]) -> None:
    # Read back from the database (jsonb on PostgreSQL reorders keys and prints 2.0 as 2).
    assert all(compute_hash(record) == record.record_hash for record in trail)
    assert trail[-1].changes == {"score": 2, "ratio": 0.1}


def test_empty_trail_is_intact(db: None) -> None:
    code, output = _verify()
    assert (code, output.splitlines()[0]) == (0, "Audittrail intact: 0 records")


def test_verify_finds_a_deleted_record(trail: list[AuditRecord]) -> None:
    _drop_guards()
    _sql("DELETE FROM accounts_auditrecord WHERE id = %s", [trail[2].pk])
    code, output = _verify()
    assert code == 1
    assert f"volgnummer 3 ontbreekt vóór auditregel id {trail[3].pk} (volgnummer 4)" in output, output


def test_verify_finds_the_newest_record_deleted(trail: list[AuditRecord]) -> None:
    _drop_guards()
    _sql("DELETE FROM accounts_auditrecord WHERE id = %s", [trail[-1].pk])
    code, output = _verify()
    assert code == 1
    assert (
        f"de keten eindigt bij volgnummer {len(trail) - 1}, de kop staat op volgnummer {len(trail)}" in output
    )


def test_verify_finds_an_edited_record(trail: list[AuditRecord]) -> None:
    _drop_guards()
    _sql("UPDATE accounts_auditrecord SET changes = %s WHERE id = %s", ['{"role": ["a", "c"]}', trail[4].pk])
    code, output = _verify()
    assert code == 1
    assert f"Auditregel id {trail[4].pk} (volgnummer 5) is gewijzigd" in output


def test_verify_finds_an_edited_record_with_its_hash_recomputed(trail: list[AuditRecord]) -> None:
    edited = trail[1]
    edited.actor_id = 999
    _drop_guards()
    _sql(
        "UPDATE accounts_auditrecord SET actor_id = 999, record_hash = %s WHERE id = %s",
        [compute_hash(edited), edited.pk],
    )
    code, output = _verify()
    assert code == 1
    assert f"De keten is gebroken bij auditregel id {trail[2].pk} (volgnummer 3)" in output


def test_verify_finds_a_record_inserted_behind_the_head(trail: list[AuditRecord]) -> None:
    _drop_guards()
    forged = _forge(len(trail) + 1, trail[-1].record_hash, trail[-1].at + dt.timedelta(seconds=1))
    _insert(forged)
    inserted = AuditRecord.objects.get(sequence=forged.sequence)
    code, output = _verify()
    assert code == 1
    assert f"Auditregel id {inserted.pk} (volgnummer {forged.sequence}) is ingevoegd" in output


def test_verify_finds_a_backdated_record_even_with_the_head_moved(trail: list[AuditRecord]) -> None:
    _drop_guards()
    forged = _forge(len(trail) + 1, trail[-1].record_hash, trail[0].at - dt.timedelta(days=30))
    _insert(forged)
    _sql(
        "UPDATE accounts_auditchainhead SET sequence = %s, record_hash = %s",
        [forged.sequence, forged.record_hash],
    )
    inserted = AuditRecord.objects.get(sequence=forged.sequence)
    code, output = _verify()
    assert code == 1
    assert f"Auditregel id {inserted.pk} (volgnummer {forged.sequence}) is teruggedateerd" in output


def test_anchor_finds_a_chain_rewritten_from_an_edited_record(trail: list[AuditRecord]) -> None:
    anchor = f"{trail[-1].sequence}:{trail[-1].record_hash}"
    _drop_guards()
    prev_hash = trail[2].record_hash
    for record in trail[3:]:
        record.prev_hash, record.actor_id = prev_hash, 999
        record.record_hash = prev_hash = compute_hash(record)
        _sql(
            "UPDATE accounts_auditrecord SET actor_id = 999, prev_hash = %s, record_hash = %s WHERE id = %s",
            [record.prev_hash, record.record_hash, record.pk],
        )
    _sql("UPDATE accounts_auditchainhead SET record_hash = %s", [prev_hash])
    # Fully rewritten with the public algorithm, the chain is self-consistent again ...
    assert _verify()[0] == 0
    # ... but no longer contains the head recorded outside the database earlier.
    code, output = _verify("--anchor", anchor)
    assert code == 1
    assert (
        f"Auditregel id {trail[-1].pk} (volgnummer {trail[-1].sequence}) wijkt af van het vastgelegde anker"
        in output
    )


def test_anchor_finds_a_shortened_chain(trail: list[AuditRecord]) -> None:
    anchor = f"{trail[-1].sequence}:{trail[-1].record_hash}"
    _drop_guards()
    _sql("DELETE FROM accounts_auditrecord WHERE id = %s", [trail[-1].pk])
    _sql(
        "UPDATE accounts_auditchainhead SET sequence = %s, record_hash = %s",
        [len(trail) - 1, trail[-2].record_hash],
    )
    assert _verify()[0] == 0
    code, output = _verify("--anchor", anchor)
    assert (code, f"anker met volgnummer {len(trail)} ontbreekt" in output) == (1, True)


def test_a_malformed_anchor_is_refused(trail: list[AuditRecord]) -> None:
    with pytest.raises(Exception, match="Ongeldig anker 7:abc"):
        call_command("audit_verify", "--anchor", "7:abc", stdout=StringIO())


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM accounts_auditrecord WHERE id = %s",
        "DELETE FROM accounts_auditrecord WHERE id >= %s",
    ],
)
def test_database_refuses_delete(trail: list[AuditRecord], statement: str) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        _sql(statement, [trail[1].pk])


def test_orm_back_doors_to_delete_are_closed_by_the_database(trail: list[AuditRecord]) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditRecord._base_manager.filter(pk=trail[1].pk)._raw_delete(connection.alias)
    with pytest.raises(AuditImmutableError):
        AuditRecord.objects.bulk_create([_forge(len(trail) + 1, trail[-1].record_hash, trail[-1].at)])
    with pytest.raises(AuditImmutableError):
        AuditChainHead.objects.all().delete()
    with pytest.raises(AuditImmutableError):
        AuditChainHead.objects.get().delete()
    assert AuditRecord.objects.count() == len(trail)


@pytest.mark.parametrize(
    ("sequence_offset", "at_offset"),
    [
        (1, dt.timedelta(days=-1)),  # next number, but dated before the newest record
        (2, dt.timedelta(seconds=1)),  # a number skipped
        (0, dt.timedelta(seconds=1)),  # the newest number again
        (-2, dt.timedelta(seconds=1)),  # an old number
    ],
)
def test_database_refuses_an_out_of_order_insert(
    trail: list[AuditRecord], sequence_offset: int, at_offset: dt.timedelta
) -> None:
    newest = trail[-1]
    forged = _forge(newest.sequence + sequence_offset, newest.record_hash, newest.at + at_offset)
    with pytest.raises(DatabaseError), transaction.atomic():
        _insert(forged)
    assert AuditRecord.objects.count() == len(trail)


def test_database_accepts_the_next_record_in_order(trail: list[AuditRecord]) -> None:
    # The trigger checks order only: an insert that continues the chain passes (verify then
    # catches it beyond the head, see above).
    newest = trail[-1]
    _insert(_forge(newest.sequence + 1, newest.record_hash, newest.at))
    assert AuditRecord.objects.count() == len(trail) + 1


def test_a_rolled_back_change_leaves_no_gap(trail: list[AuditRecord], org_a: Organisation) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record("accounts.login.succeeded", actor=None, organisation_id=org_a.pk)
        raise RuntimeError
    written = audit.record("accounts.login.succeeded", actor=None, organisation_id=org_a.pk)
    assert written.sequence == len(trail) + 1
    assert _verify()[0] == 0


@pytest.mark.django_db(transaction=True)
def test_simultaneous_writers_form_one_chain(org_a: Organisation, tmp_path: Path) -> None:
    """Four writers append ten records each at the same moment: one unbroken chain."""
    if connection.vendor == "sqlite":
        outcome = _concurrent_on_sqlite_file(tmp_path)
    else:
        before = AuditRecord.objects.count()
        errors = concurrent_audit.write_concurrently(organisation_id=org_a.pk)
        sequences = list(AuditRecord.objects.order_by("sequence").values_list("sequence", flat=True))
        outcome = {"errors": errors, "sequences": sequences[before:], "intact": audit.verify_trail().intact}
        outcome["sequences"] = [sequence - before for sequence in outcome["sequences"]]
    expected = concurrent_audit.THREADS * concurrent_audit.RECORDS_PER_THREAD
    assert outcome == {"errors": [], "sequences": list(range(1, expected + 1)), "intact": True}


def _concurrent_on_sqlite_file(tmp_path: Path) -> dict[str, object]:
    """Run the writers in a process of their own on a SQLite file (see ``concurrent_audit``)."""
    environment = os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path / 'kompas.sqlite3'}"}
    result = subprocess.run(  # our own interpreter and module
        [sys.executable, "-m", "tests.accounts.concurrent_audit"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    outcome: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcome


def test_a_missing_head_stops_writing_and_is_reported(trail: list[AuditRecord]) -> None:
    _drop_guards()
    _sql("DELETE FROM accounts_auditchainhead", [])
    with pytest.raises(audit.AuditChainError), transaction.atomic():
        audit.record("accounts.login.succeeded", actor=None)
    code, output = _verify()
    assert code == 1
    assert f"De kop van de auditketen ontbreekt (laatste auditregel: volgnummer {len(trail)})" in output


@pytest.mark.parametrize(
    ("head_sequence", "broken"),
    [
        (7, False),  # written by Kompas during the walk: the head read afterwards has moved to it
        (8, False),  # ... and beyond it
        (6, True),  # past the head: inserted outside Kompas
    ],
)
def test_records_written_during_the_walk_are_not_reported(head_sequence: int, broken: bool) -> None:
    head = AuditChainHead(sequence=head_sequence, record_hash="a" * 64)
    found = beyond_head([(41, 7)], head)
    assert (found is not None) == broken
    if found is not None:
        assert found.message == (
            "Auditregel id 41 (volgnummer 7) is ingevoegd: hij staat na de kop van de keten (volgnummer 6)."
        )


@pytest.mark.django_db(transaction=True)
def test_migration_chains_the_records_that_existed_before() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0002_audit_append_only_trigger")])
    # Ids out of time order, as after an import of old records: the chain follows time.
    moments = ["2026-01-02 10:00:00.500000", "2026-01-01 09:00:00", "2026-01-03 10:00:00.123456"]
    with connection.cursor() as cursor:
        for moment in moments:
            cursor.execute(
                "INSERT INTO accounts_auditrecord (at, actor_id, organisation_id, action, object_type, "
                "object_id, changes, ip_address) VALUES (%s, 1, 2, 'accounts.logout', '', '', %s, '::1')",
                [dt.datetime.fromisoformat(moment + "+00:00"), '{"score": 1.0}'],
            )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ids_by_sequence = list(AuditRecord.objects.order_by("sequence").values_list("id", flat=True))
    first_id = min(ids_by_sequence)
    assert ids_by_sequence == [first_id + 1, first_id, first_id + 2]
    code, output = _verify()
    assert (code, output.splitlines()[0]) == (0, "Audittrail intact: 3 records")
    with pytest.raises(DatabaseError), transaction.atomic():
        _sql("DELETE FROM accounts_auditrecord WHERE id = %s", [first_id])
