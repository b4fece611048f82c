# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Users get an edit version (optimistic locking) and a flag that forces a password change."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_audit_hash_chain")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
        ),
        migrations.AddField(
            model_name="user",
            name="must_change_password",
            field=models.BooleanField(
                default=False,
                help_text="Na een reset door de beheerder kiest de gebruiker bij de volgende login een eigen wachtwoord.",
                verbose_name="moet wachtwoord wijzigen",
            ),
        ),
    ]
