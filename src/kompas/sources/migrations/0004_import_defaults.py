# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An organisation's import defaults: the time zone of its files (issue 15)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_version_password_change"),
        ("sources", "0003_import_run_withdrawal_assumptions"),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportDefaults",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "timezone",
                    models.CharField(
                        blank=True,
                        help_text="IANA-tijdzone van tijdstippen zonder tijdzone, zoals Europe/Amsterdam.",
                        max_length=64,
                        verbose_name="tijdzone",
                    ),
                ),
                (
                    "organisation",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="accounts.organisation",
                        verbose_name="organisatie",
                    ),
                ),
            ],
            options={
                "verbose_name": "importinstellingen",
                "verbose_name_plural": "importinstellingen",
            },
        ),
    ]
