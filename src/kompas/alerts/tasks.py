# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Background tasks of kompas.alerts: thin wrappers that take ids and call a function."""

from __future__ import annotations

from django.db.models import Q
from django_tasks import task

from kompas.accounts.models import Organisation
from kompas.alerts.evaluate import evaluate_organisation


@task()
def evaluate_alerts(organisation_id: int) -> dict[str, float]:
    """Evaluate one organisation's alert settings (enqueued after an import)."""
    return evaluate_organisation(Organisation.objects.get(pk=organisation_id)).as_dict()


def evaluate_after_import(area_codes: list[str]) -> None:
    """Enqueue an evaluation for every organisation that may watch the imported areas.

    An organisation with a gemeente code watches its own areas; one without watches everything.
    """
    gemeenten = {code[2:6] for code in area_codes if code[:2] in ("GM", "WK", "BU")}
    watching = Organisation.objects.filter(active=True).filter(
        Q(cbs_code="") | Q(cbs_code__in=[f"GM{number}" for number in gemeenten])
    )
    for organisation_id in watching.values_list("pk", flat=True):
        evaluate_alerts.enqueue(organisation_id)
