# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A value's history names the run that had brought the old value, so a withdrawal can give it back."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("observations", "0003_event_crs"),
        ("sources", "0003_import_run_withdrawal_assumptions"),
    ]

    operations = [
        migrations.AddField(
            model_name="observationchange",
            name="old_import_run",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="sources.importrun",
            ),
        ),
    ]
