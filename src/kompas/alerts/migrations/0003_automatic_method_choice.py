# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
# Written by hand: the method "auto" (chosen per series from its history) and its default.

from django.db import migrations, models

METHODS = [
    ("auto", "Automatisch (EARS C2, Farrington zodra de historie het toelaat)"),
    ("farrington-flexible", "Farrington (flexibel, Noufaily)"),
    ("ears-c1", "EARS C1"),
    ("ears-c2", "EARS C2"),
    ("ears-c3", "EARS C3"),
    ("cusum", "CUSUM"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_weekly_digest"),
    ]

    operations = [
        migrations.AlterField(
            model_name="alert",
            name="method",
            field=models.CharField(choices=METHODS, max_length=24, verbose_name="methode"),
        ),
        migrations.AlterField(
            model_name="alertsetting",
            name="method",
            field=models.CharField(choices=METHODS, default="auto", max_length=24, verbose_name="methode"),
        ),
    ]
