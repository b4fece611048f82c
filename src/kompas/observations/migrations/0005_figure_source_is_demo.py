# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An own figure counted from fictitious demo entries says so (issue 16: demo data labelled)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("observations", "0004_change_old_import_run")]

    operations = [
        migrations.AddField(
            model_name="figuresource",
            name="is_demo",
            field=models.BooleanField(
                default=False,
                help_text="Geteld uit verzonnen demogegevens, niet uit echte registraties.",
                verbose_name="demogegevens",
            ),
        ),
    ]
