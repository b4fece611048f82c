# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Area codes in cells: a CBS or postcode area code, or an exact error saying what was expected.

The code rules themselves (forms, levels, parents) are :mod:`kompas.areas.codes`.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.translation import gettext as _

from kompas.areas import codes
from kompas.areas.levels import AreaLevel
from kompas.sources.reading.cells import Invalid


def _expected() -> str:
    return _(
        "een CBS-gebiedscode zoals GM0164, WK016401, BU01640100, PV23, NL00 of een postcode zoals PC7551"
    )


def level_of(code: str) -> AreaLevel:
    """Return the level of ``code``; raise :class:`Invalid` when it is no area code."""
    level = codes.level_of(code)
    if level is None:
        raise Invalid(_("is geen geldige gebiedscode"), _expected())
    return level


@lru_cache(maxsize=65536)
def check(code: str, level: AreaLevel | None = None) -> str:
    """Return ``code`` when it is an area code (of ``level``, if given); raise :class:`Invalid`."""
    code = code.strip()
    found = level_of(code)
    if level is not None and found is not level:
        raise Invalid(
            _("is geen code van een %(level)s") % {"level": level.value},
            _("een %(level)s-code zoals %(example)s")
            % {"level": level.value, "example": codes.example(level)},
        )
    return code


@lru_cache(maxsize=65536)
def postcode(text: str) -> str:
    """Return the area code of a 4-digit postcode (``7551`` → ``PC7551``)."""
    text = text.strip()
    if not (len(text) == 4 and text.isascii() and text.isdigit() and text[0] != "0"):
        raise Invalid(_("is geen geldige postcode"), _("vier cijfers van 1000 tot en met 9999"))
    return "PC" + text
