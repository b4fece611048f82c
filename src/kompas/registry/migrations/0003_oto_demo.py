# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""OTO activities and deployments can be fictitious demo entries, labelled as such (issue 16)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_paspoort_versions")]

    operations = [
        migrations.AddField(
            model_name="otoactivity",
            name="is_demo",
            field=models.BooleanField(default=False, verbose_name="demogegevens"),
        ),
    ]
