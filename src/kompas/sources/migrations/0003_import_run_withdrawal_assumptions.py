# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Import runs can be withdrawn (and replaced), and keep the assumptions that set their meaning."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0002_import_run_operator"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="importrun",
            name="assumptions",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Instellingen die de betekenis bepalen (tijdzone, decimaalteken …) en hun herkomst.",
                verbose_name="aannames",
            ),
        ),
        migrations.AddField(
            model_name="importrun",
            name="replaced_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="sources.importrun",
                verbose_name="vervangen door",
            ),
        ),
        migrations.AddField(
            model_name="importrun",
            name="withdrawn_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="ingetrokken op"),
        ),
        migrations.AddField(
            model_name="importrun",
            name="withdrawn_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="ingetrokken door",
            ),
        ),
        migrations.AlterField(
            model_name="importrun",
            name="status",
            field=models.CharField(
                choices=[
                    ("bezig", "Bezig"),
                    ("geladen", "Geladen"),
                    ("ongewijzigd", "Geladen, niets gewijzigd"),
                    ("proef", "Proefimport (niets opgeslagen)"),
                    ("afgewezen", "Afgewezen"),
                    ("mislukt", "Mislukt"),
                    ("ingetrokken", "Ingetrokken"),
                ],
                default="bezig",
                max_length=12,
                verbose_name="status",
            ),
        ),
    ]
