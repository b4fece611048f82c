# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Observations carry the organisation they belong to (empty: shared open data); own figures by hand.

Stored values of an organisation's own measures get that organisation, so that every row says
whose it is (ADR 0011).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def own_measures_own_values(apps, schema_editor):  # type: ignore[no-untyped-def]  # RunPython's historical apps
    """Give the values of an organisation's own measures that organisation."""
    observation = apps.get_model("observations", "Observation")
    measure = apps.get_model("observations", "Measure")
    owner = measure.objects.filter(pk=OuterRef("measure_id")).values("organisation_id")[:1]
    observation.objects.filter(measure__organisation__isnull=False).update(organisation_id=Subquery(owner))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_audit_append_only_trigger"),
        ("areas", "0001_areas_versions_groups"),
        ("observations", "0001_measures_observations_events"),
        ("sources", "0002_import_run_operator"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="observation", name="observation_unique"),
        migrations.AddField(
            model_name="observation",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                help_text="Leeg voor gedeelde open data; anders een waarde van deze organisatie zelf.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.organisation",
                verbose_name="organisatie",
            ),
        ),
        migrations.RunPython(own_measures_own_values, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="observation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("organisation__isnull", True)),
                fields=("measure", "area", "period_start", "period_length"),
                name="observation_unique_shared",
            ),
        ),
        migrations.AddConstraint(
            model_name="observation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("organisation__isnull", False)),
                fields=("measure", "area", "period_start", "period_length", "organisation"),
                name="observation_unique_own",
            ),
        ),
        migrations.AddField(
            model_name="observationchange",
            name="changed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="gewijzigd op"),
        ),
        migrations.AddField(
            model_name="observationchange",
            name="changed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="gewijzigd door",
            ),
        ),
        migrations.AddField(
            model_name="observationchange",
            name="new_sample_size",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="nieuwe steekproefomvang"),
        ),
        migrations.AddField(
            model_name="observationchange",
            name="old_sample_size",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="oude steekproefomvang"),
        ),
        migrations.AlterField(
            model_name="observationchange",
            name="import_run",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="changes",
                to="sources.importrun",
            ),
        ),
        migrations.CreateModel(
            name="FigureSource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("source_text", models.CharField(max_length=300, verbose_name="bron")),
                ("document_url", models.URLField(blank=True, max_length=500, verbose_name="document")),
                (
                    "recorded_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="ingevoerd op"),
                ),
                (
                    "observation",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="figure_source",
                        to="observations.observation",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ingevoerd door",
                    ),
                ),
            ],
            options={
                "verbose_name": "bron van een eigen cijfer",
                "verbose_name_plural": "bronnen van eigen cijfers",
            },
        ),
    ]
