# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An organisation's import defaults: the time zone of its files, stated once and audited.

Incident times without a zone need ``--option timezone=`` (a guess moves every incident by
hours); an organisation may state its zone once instead. Each run that uses it says so in its
settings (``assumptions``: origin ``organisatie``).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.sources.models import ImportDefaults


class InvalidDefaultError(ValueError):
    """The default is not valid; the message says why, in Dutch."""


def timezone_of(organisation_id: int | None) -> str:
    """Return the organisation's default time zone, "" when it has none (or for the operator)."""
    if organisation_id is None:
        return ""
    with scopes_disabled():
        found = ImportDefaults.objects.filter(organisation_id=organisation_id).first()
    return found.timezone if found else ""


@transaction.atomic
def set_timezone(organisation: Organisation, zone: str, *, actor: User | None) -> ImportDefaults:
    """Set (or with "" clear) the organisation's default time zone for imports, audited."""
    zone = zone.strip()
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidDefaultError(
                _("%(zone)s is geen bekende tijdzone; verwacht: een IANA-tijdzone zoals Europe/Amsterdam.")
                % {"zone": zone}
            ) from None
    with scopes_disabled():
        defaults, _created = ImportDefaults.objects.select_for_update().get_or_create(
            organisation=organisation
        )
    before = defaults.timezone
    if before != zone:
        defaults.timezone = zone
        defaults.save(update_fields=["timezone"])
        audit.record(
            "sources.defaults.changed",
            actor=actor,
            target=defaults,
            changes={"timezone": [before, zone]},
            organisation_id=organisation.pk,
        )
    return defaults
