# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Chain every audit record to the one before it by hash, and refuse DELETE and out-of-order INSERT.

Existing records are numbered in the order they happened (time, then id) and hashed; the chain
head row holds the newest link. The database then refuses:

- DELETE of a record while the chain head exists (emptying the whole trail, as a test database
  flush does, removes the head first; see ADR 0012);
- an INSERT whose sequence is not the newest + 1 or whose time lies before the newest record's.

The UPDATE trigger of 0002 stays; it is lifted only while this migration numbers the records.
SQLite drops a table's triggers whenever Django rebuilds the table (most field changes do), so
the triggers are (re)created after the last rebuild, in both directions.
"""

import django.utils.timezone
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from kompas.accounts.audit_chain import GENESIS_HASH, compute_hash

SQLITE_DROP_UPDATE = ["DROP TRIGGER IF EXISTS accounts_auditrecord_no_update"]
SQLITE_CREATE_UPDATE = [
    *SQLITE_DROP_UPDATE,
    """CREATE TRIGGER accounts_auditrecord_no_update BEFORE UPDATE ON accounts_auditrecord
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END""",
]
POSTGRES_DROP_UPDATE = ["DROP TRIGGER IF EXISTS accounts_auditrecord_no_update ON accounts_auditrecord"]
POSTGRES_CREATE_UPDATE = [
    *POSTGRES_DROP_UPDATE,
    """CREATE TRIGGER accounts_auditrecord_no_update BEFORE UPDATE ON accounts_auditrecord
    FOR EACH ROW EXECUTE FUNCTION accounts_auditrecord_refuse_update()""",
]

SQLITE_CREATE = [
    """CREATE TRIGGER accounts_auditrecord_no_delete BEFORE DELETE ON accounts_auditrecord
    WHEN EXISTS (SELECT 1 FROM accounts_auditchainhead)
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END""",
    """CREATE TRIGGER accounts_auditrecord_in_order BEFORE INSERT ON accounts_auditrecord
    WHEN NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM accounts_auditrecord)
      OR NEW.at < (SELECT MAX(at) FROM accounts_auditrecord)
    BEGIN SELECT RAISE(ABORT, 'audit records are appended in order'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accounts_auditrecord_no_delete",
    "DROP TRIGGER IF EXISTS accounts_auditrecord_in_order",
]
POSTGRES_CREATE = [
    """CREATE FUNCTION accounts_auditrecord_refuse_delete() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM accounts_auditchainhead) THEN
        RAISE EXCEPTION 'audit records are append-only';
      END IF;
      RETURN OLD;
    END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER accounts_auditrecord_no_delete BEFORE DELETE ON accounts_auditrecord
    FOR EACH ROW EXECUTE FUNCTION accounts_auditrecord_refuse_delete()""",
    """CREATE FUNCTION accounts_auditrecord_check_order() RETURNS trigger AS $$
    DECLARE
      newest_sequence bigint;
      newest_at timestamptz;
    BEGIN
      SELECT sequence, at INTO newest_sequence, newest_at FROM accounts_auditrecord
        ORDER BY sequence DESC LIMIT 1;
      IF NEW.sequence <> COALESCE(newest_sequence, 0) + 1 OR NEW.at < newest_at THEN
        RAISE EXCEPTION 'audit records are appended in order';
      END IF;
      RETURN NEW;
    END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER accounts_auditrecord_in_order BEFORE INSERT ON accounts_auditrecord
    FOR EACH ROW EXECUTE FUNCTION accounts_auditrecord_check_order()""",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS accounts_auditrecord_no_delete ON accounts_auditrecord",
    "DROP FUNCTION IF EXISTS accounts_auditrecord_refuse_delete()",
    "DROP TRIGGER IF EXISTS accounts_auditrecord_in_order ON accounts_auditrecord",
    "DROP FUNCTION IF EXISTS accounts_auditrecord_check_order()",
]


def _run(schema_editor: BaseDatabaseSchemaEditor, sqlite: list[str], postgres: list[str]) -> None:
    statements = {"sqlite": sqlite, "postgresql": postgres}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


def lift_update_guard(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, SQLITE_DROP_UPDATE, POSTGRES_DROP_UPDATE)


def restore_update_guard(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, SQLITE_CREATE_UPDATE, POSTGRES_CREATE_UPDATE)


def number_and_hash(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Number the existing records in the order they happened and chain their hashes."""
    record_model = apps.get_model("accounts", "AuditRecord")
    head_model = apps.get_model("accounts", "AuditChainHead")
    alias = schema_editor.connection.alias
    prev_hash, sequence, at = GENESIS_HASH, 0, None
    # A historical model has a plain manager, so this UPDATE is not refused by the ORM guard.
    for record in record_model.objects.using(alias).order_by("at", "id").iterator():
        sequence += 1
        record.sequence, record.prev_hash = sequence, prev_hash
        record.record_hash = prev_hash = compute_hash(record)
        record.save(update_fields=["sequence", "prev_hash", "record_hash"])
        at = record.at
    head_model.objects.using(alias).create(id=1, sequence=sequence, record_hash=prev_hash, at=at)


def create_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, SQLITE_CREATE, POSTGRES_CREATE)


def drop_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, SQLITE_DROP, POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_audit_append_only_trigger")]
    operations = [
        # Last step when unapplying: the rebuilds below drop 0002's trigger on SQLite.
        migrations.RunPython(migrations.RunPython.noop, restore_update_guard),
        migrations.AlterField(
            model_name="auditrecord",
            name="at",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="tijdstip",
            ),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="sequence",
            field=models.PositiveBigIntegerField(editable=False, null=True, verbose_name="volgnummer"),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="prev_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="hash van de vorige regel"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="record_hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(
                        default=1, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("sequence", models.PositiveBigIntegerField(default=0, verbose_name="volgnummer")),
                ("record_hash", models.CharField(blank=True, max_length=64, verbose_name="hash")),
                ("at", models.DateTimeField(blank=True, null=True, verbose_name="tijdstip")),
            ],
            options={
                "verbose_name": "kop van de auditketen",
                "verbose_name_plural": "kop van de auditketen",
                "constraints": [
                    models.CheckConstraint(condition=models.Q(id=1), name="audit_chain_head_single_row")
                ],
            },
        ),
        migrations.RunPython(lift_update_guard, migrations.RunPython.noop),
        migrations.RunPython(number_and_hash, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditrecord",
            name="sequence",
            field=models.PositiveBigIntegerField(editable=False, unique=True, verbose_name="volgnummer"),
        ),
        migrations.RunPython(restore_update_guard, lift_update_guard),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
