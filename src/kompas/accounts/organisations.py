# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""State changes of organisations."""

from __future__ import annotations

from django.db import transaction

from kompas.accounts import audit
from kompas.accounts.models import Organisation, OrganisationKind, User


@transaction.atomic
def create_organisation(
    *, actor: User | None, code: str, name: str, kind: OrganisationKind, cbs_code: str = ""
) -> Organisation:
    """Create an organisation after validating its kind and CBS code."""
    organisation = Organisation(code=code, name=name, kind=kind, cbs_code=cbs_code)
    organisation.full_clean()
    organisation.save()
    audit.record(
        "accounts.organisation.created",
        actor=actor,
        target=organisation,
        changes={"code": code, "name": name, "kind": str(kind), "cbs_code": cbs_code},
        organisation_id=organisation.pk,
    )
    return organisation
