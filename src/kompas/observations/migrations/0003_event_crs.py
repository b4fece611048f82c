# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Events keep their own projected CRS: x_rd/y_rd become x/y with a crs (stored rows were RD New)."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def mark_rd(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Mark the located events stored before this migration as RD New, which they were."""
    event = apps.get_model("observations", "Event")
    event._base_manager.filter(x__isnull=False).update(crs="EPSG:28992")


class Migration(migrations.Migration):
    dependencies = [("observations", "0002_observation_organisation")]

    operations = [
        migrations.RenameField("event", "x_rd", "x"),
        migrations.RenameField("event", "y_rd", "y"),
        migrations.AlterField("event", "x", models.FloatField(blank=True, null=True, verbose_name="x")),
        migrations.AlterField("event", "y", models.FloatField(blank=True, null=True, verbose_name="y")),
        migrations.AddField(
            "event",
            "crs",
            models.CharField(blank=True, max_length=32, verbose_name="coördinatenstelsel"),
        ),
        migrations.RunPython(mark_rd, migrations.RunPython.noop),
    ]
