# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alert settings per measure: create or change, audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.alerts.models import AlertSetting
from kompas.observations.queries import visible_measure

UNKNOWN_MEASURE = _("Onbekende maatstaf: kies een maatstaf uit open data of van de eigen organisatie.")
SETTING_FIELDS = ("method", "alpha", "min_count", "false_discovery_control", "active")


class StaleSettingError(Exception):
    """Raised when someone else changed the setting since it was loaded."""


@transaction.atomic
def save_setting(
    *,
    actor: User | None,
    organisation: Organisation,
    measure_code: str,
    version: int | None,
    **values: object,
) -> AlertSetting:
    """Create the setting for ``measure_code`` or change it; ``version`` guards concurrent edits.

    The measure must be one the organisation sees (open data or its own): a setting on another
    organisation's measure is refused as unknown (ADR 0011).
    """
    if not visible_measure(measure_code, organisation.pk):
        raise ValidationError({"measure_code": UNKNOWN_MEASURE})
    setting = AlertSetting.objects.select_for_update().filter(measure_code=measure_code).first()
    if setting is None:
        setting = AlertSetting(organisation=organisation, measure_code=measure_code, **values)
        setting.full_clean()
        setting.save()
        audit.record(
            "alerts.setting.created", actor=actor, target=setting, changes={"measure_code": measure_code}
        )
        return setting
    if version is not None and version != setting.version:
        raise StaleSettingError
    before = audit.snapshot(setting, SETTING_FIELDS)
    for name, value in values.items():
        setattr(setting, name, value)
    setting.full_clean()
    changes = audit.diff(before, setting)
    if changes:
        setting.version += 1
        setting.save()
        audit.record("alerts.setting.changed", actor=actor, target=setting, changes=changes)
    return setting
