# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Code lists that ship with Kompas: 47022NED crime and disorder types and region keys, the
offence codes of the Den Haag panel. Read once per process from ``kompas/fixtures/data``."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import kompas

DATA = Path(kompas.__file__).resolve().parent / "fixtures" / "data"
POLITIE_NL = DATA / "politie-nl-misdrijven-overlast-maand-2012-2023"
DENHAAG = DATA / "politie-denhaag-buurt-maand-2011-2015"
_SUFFIX = re.compile(r"\s*\((?:gemeente|[A-Z]{1,2}\.)\)$")


def _read(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {key.strip(): (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle, delimiter=delimiter)
        ]


@cache
def crime_types() -> dict[str, str]:
    """Return 47022NED "soort misdrijf" keys → titles (``1.1.1`` → ``1.1.1 Diefstal/inbraak woning``)."""
    return {
        row["Key"]: " ".join(row["Title"].split()) for row in _read(POLITIE_NL / "soort_misdrijf_codes.csv")
    }


@cache
def crime_definitions() -> dict[str, str]:
    """Return 47022NED crime-type keys → the police incident codes they include."""
    return {row["Key"]: row["Description"] for row in _read(POLITIE_NL / "soort_misdrijf_codes.csv")}


@cache
def disorder_types() -> dict[str, str]:
    """Return 47024NED disorder keys → titles (``E33`` → ``Overlast door verward persoon``)."""
    return {row["Key"]: " ".join(row["Title"].split()) for row in _read(POLITIE_NL / "overlast_codes.csv")}


@cache
def denhaag_offences() -> dict[str, str]:
    """Return the offence codes of the Den Haag panel → descriptions (``104`` → woninginbraak)."""
    return {row["delict_code"]: row["omschrijving"] for row in _read(DENHAAG / "delict_codes.csv")}


@cache
def regions() -> dict[str, tuple[str, str]]:
    """Return 47022NED region keys → (title, level prefix NL/GM/WK/BU)."""
    return {row["Key"]: (row["Title"], row["soort"]) for row in _read(POLITIE_NL / "regiocodes_47022NED.csv")}


@cache
def municipality_names() -> dict[str, str]:
    """Return municipality and country names → codes, for the names police exports print."""
    names = {title: key for key, (title, kind) in regions().items() if kind in ("GM", "NL")}
    stripped: dict[str, list[str]] = {}
    for title, key in names.items():
        stripped.setdefault(_SUFFIX.sub("", title), []).append(key)
    return names | {name: keys[0] for name, keys in stripped.items() if len(keys) == 1 and name not in names}


def municipality_code(name: str) -> str | None:
    """Return the code of a municipality named as in a police export (``Hengelo (O.)`` → GM0164)."""
    names = municipality_names()
    name = " ".join(name.split())
    return names.get(name) or names.get(_SUFFIX.sub("", name))
