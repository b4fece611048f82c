# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A version on youth groups, for optimistic locking of reclassification and dissolution."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_casework")]

    operations = [
        migrations.AddField(
            model_name="youthgroup",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
    ]
