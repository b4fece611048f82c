# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Setting up a Platform: the regional organisation, its member organisations, criterion 4."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.models import DEFAULT_MIN_MUNICIPALITIES, Platform


@transaction.atomic
def save_platform(
    *,
    actor: User | None,
    organisation: Organisation,
    members: Iterable[Organisation],
    min_municipalities: int = DEFAULT_MIN_MUNICIPALITIES,
) -> Platform:
    """Create or update the Platform of the regional ``organisation`` with its members."""
    if organisation.kind != OrganisationKind.REGIO:
        raise ValidationError(_("Een platform hoort bij een organisatie van het soort regio/platform."))
    if not 1 <= min_municipalities <= len(PARTICIPANTS):
        raise ValidationError(
            _("Het minimum aantal gemeenten ligt tussen 1 en %(count)d.") % {"count": len(PARTICIPANTS)}
        )
    platform, created = Platform.objects.get_or_create(organisation=organisation)
    before = sorted(platform.members.values_list("pk", flat=True)), platform.min_municipalities
    platform.min_municipalities = min_municipalities
    platform.save()
    platform.members.set([member for member in members if member.pk != organisation.pk])
    after = sorted(platform.members.values_list("pk", flat=True)), platform.min_municipalities
    if created or before != after:
        changes = {"members": [before[0], after[0]], "min_municipalities": [before[1], after[1]]}
        code = "cooperation.platform.saved"
        audit.record(code, actor=actor, target=platform, changes=changes, organisation_id=organisation.pk)
    return platform
