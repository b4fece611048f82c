# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Functions and functionaries of the Veiligheidspaspoort get a version: they can now be changed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_registers")]

    operations = [
        migrations.AddField(
            model_name="functionary", name="version", field=models.PositiveIntegerField(default=1)
        ),
        migrations.AddField(
            model_name="paspoortfunction", name="version", field=models.PositiveIntegerField(default=1)
        ),
    ]
