# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The rule on a definition that allows an incomplete roll-up (with its reason), and its value flag.

Default: not allowed, so every stored value keeps today's meaning; no data changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0003_comparability"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicatordefinition",
            name="incomplete_allowed",
            field=models.BooleanField(
                default=False,
                help_text="Standaard niet: een gebied waarvan maar een deel van de delen een waarde heeft, krijgt geen waarde. Met deze regel wel, gemarkeerd als onvolledig.",
                verbose_name="onvolledige optelling toegestaan",
            ),
        ),
        migrations.AddField(
            model_name="indicatordefinition",
            name="incomplete_reason",
            field=models.CharField(
                blank=True,
                help_text="Verplicht wanneer onvolledige optellingen zijn toegestaan.",
                max_length=500,
                verbose_name="reden onvolledige optelling",
            ),
        ),
        migrations.AlterField(
            model_name="indicatorvalue",
            name="flag",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Geen opmerking"),
                    ("te_weinig_waarnemingen", "Te weinig waarnemingen"),
                    ("onvolledig", "Onvolledig (regel van de indicator)"),
                ],
                default="",
                max_length=30,
                verbose_name="opmerking",
            ),
        ),
    ]
