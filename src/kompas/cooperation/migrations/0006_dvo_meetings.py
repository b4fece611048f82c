# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""DVO meeting dates per Platform (issue 18: the calendar's DVO meetings)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0005_document_text"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DvoMeeting",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="datum")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="toelichting")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "platform",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cooperation.platform",
                    ),
                ),
            ],
            options={
                "verbose_name": "DVO-vergadering",
                "verbose_name_plural": "DVO-vergaderingen",
                "ordering": ["date"],
                "constraints": [
                    models.UniqueConstraint(fields=("platform", "date"), name="cooperation_one_dvo_a_day")
                ],
            },
        ),
    ]
