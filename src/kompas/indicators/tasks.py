# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Background tasks of kompas.indicators: thin wrappers that take ids and call a function."""

from __future__ import annotations

from django_scopes import scopes_disabled
from django_tasks import task

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute, recompute_own
from kompas.indicators.queries import definitions


@task()
def recompute_indicators() -> dict[str, object]:
    """Recompute what new imports touched, for every indicator (enqueued after an import).

    Each indicator finds the import runs it has not seen yet itself, so one task after several
    imports does the work once. Without any indicator definition there is nothing to compute
    and no run is recorded.
    """
    with scopes_disabled():
        nothing = not definitions().exists()
    if nothing:
        return {"indicators": [], "skipped": True}
    return compute(actor=None).as_dict()


@task()
def recompute_own_indicators(organisation_id: int, measure_code: str) -> dict[str, object]:
    """Recompute the organisation's own indicators on ``measure_code`` (after an own figure)."""
    report = recompute_own(
        organisation=Organisation.objects.get(pk=organisation_id), measure_code=measure_code
    )
    return report.as_dict() if report is not None else {"indicators": [], "skipped": True}
