# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The levels of the area hierarchy: CBS levels, plus postcode areas and grid cells.

Django-free, so that readers of files and computations name a level without the ORM; the model
field takes its choices from :class:`kompas.areas.models.AreaLevelChoices`, built from this enum.
"""

from __future__ import annotations

from enum import StrEnum


class AreaLevel(StrEnum):
    """Level of an area in the CBS hierarchy, plus postcode areas and grid cells."""

    LAND = "land"
    PROVINCIE = "provincie"
    REGIO = "regio"
    GEMEENTE = "gemeente"
    WIJK = "wijk"
    BUURT = "buurt"
    PC4 = "pc4"
    GRID = "grid"
