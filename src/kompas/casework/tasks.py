# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Background tasks of kompas.casework: thin wrappers that take ids and call a function."""

from __future__ import annotations

from django_tasks import task

from kompas.accounts.models import Organisation
from kompas.casework import publish, retention


@task()
def apply_retention() -> int:
    """Delete the casework whose retention term has passed (nightly); return how many objects."""
    return len(retention.apply_retention(dry_run=False))


@task()
def publish_figures(organisation_id: int) -> int:
    """Write an organisation's unsuppressed casework figures as observations; return how many."""
    return publish.publish_figures(Organisation.objects.get(pk=organisation_id), actor=None).written
