# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Measure codes of the bundled sources: stable, lower-case codes as indicator definitions name them.

Police crime types follow the 47022NED keys (``misdrijven_1_1_1``, ``misdrijven_totaal``), disorder
types the 47024NED keys (``overlast_e33``, ``overlast_totaal``); other sources use a readable slug.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext as _

from kompas.sources import codelists
from kompas.sources.reading.cells import Invalid
from kompas.sources.records import MeasureRecord

POLICE = "Politie / CBS (47022NED, 47024NED)"
CC_BY = "CC-BY 4.0"
TOTAL = "0.0.0"


def slug(text: str) -> str:
    """Return ``text`` as a code: lower case ASCII, words joined by ``_`` (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:60] or "onbekend"


def crime_code(key: str) -> str:
    """Return the measure code of a 47022NED crime-type key."""
    return "misdrijven_totaal" if key == TOTAL else "misdrijven_" + key.replace(".", "_")


def disorder_code(key: str) -> str:
    """Return the measure code of a 47024NED disorder key."""
    return "overlast_totaal" if key == TOTAL else "overlast_" + key.lower()


def crime_measure(key: str, *, prefix: str = "misdrijven", name_prefix: str = "") -> MeasureRecord:
    """Return the measure of registered crimes (or another police topic) of crime type ``key``."""
    code = crime_code(key).replace("misdrijven", prefix, 1)
    name = (name_prefix + codelists.crime_types()[key]).strip()
    definition = codelists.crime_definitions().get(key, "")
    return MeasureRecord(code, name, _("aantal"), POLICE, CC_BY, definition)


def disorder_measure(key: str) -> MeasureRecord:
    """Return the measure of police disorder registrations of type ``key``."""
    return MeasureRecord(disorder_code(key), codelists.disorder_types()[key], _("aantal"), POLICE, CC_BY)


def measure_for(title: str, topic: str = "misdrijven") -> MeasureRecord:
    """Return the measure of a 47022NED crime or 47024NED disorder title (or key) for ``topic``."""
    title = " ".join(title.split())
    for key, known in codelists.crime_types().items():
        if title in (known, key):
            return crime_measure(key, prefix=topic)
    for key, known in codelists.disorder_types().items():
        if title in (known, key):
            return disorder_measure(key)
    raise Invalid(
        _("is geen bekende soort misdrijf of overlast"),
        _("een titel uit de 47022NED- of 47024NED-codelijst, zoals 1.1.1 Diefstal/inbraak woning"),
    )
