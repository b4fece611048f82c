# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""CBS area codes and their hierarchy: BU04840809 → WK048408 → GM0484; PV23 → NL00.

Since 2022 CBS also uses letters in wijk and buurt codes (Amsterdam: WK0363AA, BU0363AA01).
Postcode areas are written ``PC7551`` so that every area code names its level by its prefix.
These are the rules only; a file's cell that breaks them becomes an error in
:mod:`kompas.sources.reading.areacodes`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kompas.areas.levels import AreaLevel

NETHERLANDS = "NL00"
PATTERNS = {
    AreaLevel.LAND: re.compile(r"NL\d{2}", re.ASCII),
    AreaLevel.PROVINCIE: re.compile(r"PV\d{2}", re.ASCII),
    AreaLevel.GEMEENTE: re.compile(r"GM\d{4}", re.ASCII),
    AreaLevel.WIJK: re.compile(r"WK\d{4}[0-9A-Z]{2}", re.ASCII),
    AreaLevel.BUURT: re.compile(r"BU\d{4}[0-9A-Z]{4}", re.ASCII),
    AreaLevel.PC4: re.compile(r"PC[1-9]\d{3}", re.ASCII),
}
EXAMPLES = {
    AreaLevel.LAND: "NL00",
    AreaLevel.PROVINCIE: "PV23",
    AreaLevel.GEMEENTE: "GM0164",
    AreaLevel.WIJK: "WK016401",
    AreaLevel.BUURT: "BU01640100",
    AreaLevel.PC4: "PC7551",
}
# CBS province codes (StatLine "PV20" … "PV31"), by the names StatLine uses.
PROVINCES = {
    "Groningen": "PV20",
    "Fryslân": "PV21",
    "Friesland": "PV21",
    "Drenthe": "PV22",
    "Overijssel": "PV23",
    "Flevoland": "PV24",
    "Gelderland": "PV25",
    "Utrecht": "PV26",
    "Noord-Holland": "PV27",
    "Zuid-Holland": "PV28",
    "Zeeland": "PV29",
    "Noord-Brabant": "PV30",
    "Limburg": "PV31",
}


@lru_cache(maxsize=65536)
def level_of(code: str) -> AreaLevel | None:
    """Return the level ``code`` names by its form, ``None`` when it is no area code."""
    for level, pattern in PATTERNS.items():
        if pattern.fullmatch(code):
            return level
    return None


def example(level: AreaLevel) -> str:
    """Return an example code of ``level`` (empty for levels without a code form)."""
    return EXAMPLES.get(level, "")


def parent_of(code: str) -> str | None:
    """Return the code of the area that contains ``code`` by the CBS code rules, if that follows."""
    level = level_of(code)
    if level is AreaLevel.BUURT:
        return "WK" + code[2:8]
    if level is AreaLevel.WIJK:
        return "GM" + code[2:6]
    if level is AreaLevel.PROVINCIE:
        return NETHERLANDS
    return None
