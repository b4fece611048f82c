# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Area groups: a region (Twente), a benchmark reference group, an organisation's focus areas."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.areas.models import AreaGroup, AreaGroupMember
from kompas.areas.models import AreaGroupKind as AreaGroupKind  # for callers: models stay private


@transaction.atomic
def save_group(
    *,
    actor: User | None,
    code: str,
    name: str,
    kind: str,
    members: Iterable[str],
    organisation: Organisation | None = None,
    description: str = "",
) -> AreaGroup:
    """Create or update group ``code`` (shared, or of ``organisation``) with exactly ``members``.

    Members are area codes; each resolves to the area version of the year asked for when the
    group is read. Nothing is written, nor audited, when the group is already as given.
    """
    group = AreaGroup.objects.filter(code=code, organisation=organisation).first()
    created = group is None
    if group is None:
        group = AreaGroup(code=code, organisation=organisation)
    before = audit.snapshot(group, ("name", "kind", "description"))
    group.name, group.kind, group.description = name, kind, description
    changes = {} if created else audit.diff(before, group)
    if created or changes:
        group.save()
    wanted = set(members)
    stored = set(AreaGroupMember.objects.filter(group=group).values_list("area_code", flat=True))
    if wanted != stored:
        AreaGroupMember.objects.filter(group=group, area_code__in=stored - wanted).delete()
        AreaGroupMember.objects.bulk_create(
            [AreaGroupMember(group=group, area_code=area) for area in sorted(wanted - stored)]
        )
        changes["members"] = [sorted(stored), sorted(wanted)]
    if created or changes:
        audit.record(
            "areas.group.created" if created else "areas.group.changed",
            actor=actor,
            target=group,
            changes=changes if not created else {"members": sorted(wanted)},
            organisation_id=organisation.pk if organisation else None,
        )
    return group
