# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An import run without organisation: the operator's import of open data (ADR 0011)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_audit_append_only_trigger"),
        ("sources", "0001_import_runs"),
    ]

    operations = [
        migrations.AlterField(
            model_name="importrun",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                help_text="Leeg voor open data die de beheerder van de installatie importeert.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="accounts.organisation",
                verbose_name="organisatie",
            ),
        ),
    ]
