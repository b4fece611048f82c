# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.accounts that other apps may use."""

from __future__ import annotations

from kompas.accounts.models import Organisation


def organisation_by_code(code: str) -> Organisation | None:
    """Return the organisation with ``code``, or None."""
    return Organisation.objects.filter(code=code).first()


def gemeente_by_cbs_code(cbs_code: str) -> Organisation | None:
    """Return the municipality organisation with CBS code ``cbs_code`` (e.g. GM0164), or None."""
    return Organisation.objects.filter(cbs_code=cbs_code).first()
