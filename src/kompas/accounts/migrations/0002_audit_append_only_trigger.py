# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Refuse UPDATE of audit records in the database itself, beside the ORM guard.

DELETE stays possible at database level so test flushes and a future, audited retention job
can remove rows; the application's ORM API refuses both.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SQLITE_CREATE = """
CREATE TRIGGER accounts_auditrecord_no_update BEFORE UPDATE ON accounts_auditrecord
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS accounts_auditrecord_no_update;"
POSTGRES_CREATE = """
CREATE FUNCTION accounts_auditrecord_refuse_update() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit records are append-only'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER accounts_auditrecord_no_update BEFORE UPDATE ON accounts_auditrecord
FOR EACH ROW EXECUTE FUNCTION accounts_auditrecord_refuse_update();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS accounts_auditrecord_no_update ON accounts_auditrecord;
DROP FUNCTION IF EXISTS accounts_auditrecord_refuse_update();
"""


def _run(schema_editor: BaseDatabaseSchemaEditor, sqlite: str, postgres: str) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(sqlite)
    elif vendor == "postgresql":
        schema_editor.execute(postgres)


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, SQLITE_CREATE, POSTGRES_CREATE)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, SQLITE_DROP, POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_organisations_users_audit")]
    operations = [migrations.RunPython(create, drop)]
