# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The ``--organisation CODE`` option of the indicator commands."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation
from kompas.accounts.queries import organisation_by_code


def organisation_option(code: str | None) -> Organisation | None:
    """Return the organisation with ``code`` (None without a code); stop with a message if unknown."""
    if not code:
        return None
    organisation = organisation_by_code(code)
    if organisation is None:
        raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": code})
    return organisation
