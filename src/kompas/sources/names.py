# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Names of areas Kompas creates from their code alone, from the code lists that ship with it."""

from __future__ import annotations

from functools import cache

from django.utils.translation import gettext as _

from kompas.areas import codes
from kompas.sources import codelists


@cache
def area_names() -> dict[str, str]:
    """Return area code → name: 47022NED regions (land, gemeenten, wijken, buurten) and provinces."""
    names = {code: title for code, (title, _kind) in codelists.regions().items()}
    for name, code in codes.PROVINCES.items():
        names.setdefault(code, name)
    return names


def area_name(code: str) -> str:
    """Return the name of ``code``; a postcode area is called after its postcode."""
    if code.startswith("PC"):
        return _("Postcode %(number)s") % {"number": code[2:]}
    return area_names().get(code, code)
