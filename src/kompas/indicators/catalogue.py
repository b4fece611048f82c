# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator catalogue as other apps use it: the entry type, its choices, and the one way to
add or change an entry (the plan loader, plan forms), audited in its own transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.indicators.models import Indicator, IndicatorDirection, IndicatorKind

__all__ = ["CATALOGUE_FIELDS", "Indicator", "IndicatorDirection", "IndicatorKind", "save_indicator"]
CATALOGUE_FIELDS = ("name", "kind", "unit", "direction", "data_source", "source_ref", "description")


@transaction.atomic
def save_indicator(
    *, actor: User | None, organisation: Organisation | None, code: str, **values: Any
) -> Indicator:
    """Create the entry ``code`` of ``organisation`` (None: shared set) or update its fields.

    Only the fields in :data:`CATALOGUE_FIELDS` may be given; a field left out keeps its value.
    Returns the saved entry; writes ``indicators.indicator.created`` or ``…changed`` when
    something changed.
    """
    unknown = set(values) - set(CATALOGUE_FIELDS)
    if unknown:
        raise TypeError(sorted(unknown))
    org_id = organisation.pk if organisation is not None else None
    own = (
        Indicator.objects.filter(organisation=organisation)
        if organisation
        else Indicator.objects.filter(organisation__isnull=True)
    )
    indicator = own.filter(code=code).select_for_update().first()
    if indicator is None:
        indicator = Indicator(organisation=organisation, code=code, **values)
        indicator.full_clean()
        indicator.save()
        audit.record(
            "indicators.indicator.created",
            actor=actor,
            target=indicator,
            changes={"code": code},
            organisation_id=org_id,
        )
        return indicator
    before = audit.snapshot(indicator, values)
    for name, value in values.items():
        setattr(indicator, name, value)
    changes = audit.diff(before, indicator)
    if changes:
        indicator.full_clean()
        indicator.save()
        audit.record(
            "indicators.indicator.changed",
            actor=actor,
            target=indicator,
            changes=changes,
            organisation_id=org_id,
        )
    return indicator
