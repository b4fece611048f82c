# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Comparability as data: ``comparable`` and its reason on a definition; stale indices removed.

Index, rank and colour are kept only for comparable indicators with a direction
(``kompas.indicators.comparability``). The rows stored before this rule for counts and for
indicators without a direction are deleted here; the next compute does not store them again.
"""

from typing import Any

from django.db import migrations, models
from django.db.models import Q


def delete_incomparable(apps: Any, schema_editor: Any) -> None:
    comparison = apps.get_model("indicators", "IndicatorComparison")
    # comparability.comparable_by_default as of this migration, copied: a migration must not
    # change when the code does.
    by_default = Q(indicator__definition__formula="count") | Q(
        indicator__definition__formula="moving_average", indicator__definition__denominator=""
    )
    incomparable = (
        Q(indicator__direction="none")
        | Q(indicator__definition__comparable=False)
        | Q(indicator__definition__comparable__isnull=True) & by_default
    )
    comparison._base_manager.filter(incomparable).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0002_indicator_values_trends_comparisons"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicatordefinition",
            name="comparable",
            field=models.BooleanField(
                blank=True,
                help_text="Leeg: volgens de formule (aantallen niet, cijfers per inwoner, aandelen en scores wel).",
                null=True,
                verbose_name="vergelijkbaar tussen gebieden",
            ),
        ),
        migrations.AddField(
            model_name="indicatordefinition",
            name="comparable_reason",
            field=models.CharField(
                blank=True,
                help_text="Verplicht wanneer de indicator afwijkt van wat de formule zegt.",
                max_length=500,
                verbose_name="reden (on)vergelijkbaarheid",
            ),
        ),
        migrations.RunPython(delete_incomparable, migrations.RunPython.noop),
    ]
