# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Areas whose parts are only partly present: shown as *onvolledig*, never as a value.

The engine sums parts into a parent only when every part has a value (``rollup.py``: complete
or missing), so a partial sum never reaches a value, trend, rate, index or target verdict. A
missing value must not be silent either: for a parent without a value whose parts partly have
one, pages and the API say *onvolledig (22 van 26 buurten)* (``docs/areas.md`` §2).

An indicator whose definition allows incomplete sums (``incomplete_allowed``, with its reason)
does get a value from a partial sum; the engine flags it *onvolledig*, and
:func:`partial_labels` gives the same remark with its count for every place that shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kompas.areas.codes import level_of, parent_of
from kompas.areas.queries import area_names
from kompas.indicators.models import Indicator, IndicatorValue
from kompas.indicators.vocabulary import Flag
from kompas.observations.coverage import ParentCoverage, parents_covered

# The levels a value is summed from, finest first, and the parents each can have.
PART_LEVELS = ("buurt", "wijk", "gemeente", "provincie")


@dataclass(frozen=True)
class IncompleteRow:
    """A parent area without a value because only some of its parts have one."""

    area_code: str
    area_name: str
    area_level: str
    period_start: dt.date
    period_length: str
    coverage: ParentCoverage

    @property
    def label(self) -> str:
        """Return the remark, *onvolledig (22 van 26 buurten)*."""
        return self.coverage.label


def incomplete_rows(
    indicator: Indicator, level: str, length: str, start: dt.date | None
) -> list[IncompleteRow]:
    """Return the ``level`` areas without a value for the period whose parts partly have one.

    The parts are counted at the finest level with values in that period: the engine sums from
    there upwards.
    """
    if start is None or level not in (*PART_LEVELS[1:], "land"):
        return []
    finer = PART_LEVELS[: PART_LEVELS.index(level)] if level in PART_LEVELS else PART_LEVELS
    by_level = _by_level(indicator, [level, *finer], length, start)
    have = by_level.get(level, set())
    part_level = next((name for name in finer if name in by_level), None)
    if part_level is None or _all_parents_have_values(by_level[part_level], level, have):
        return []
    codes = by_level[part_level]
    missing = [
        found
        for found in parents_covered(codes, part_level, level, start.year)
        if not found.complete and found.area_code not in have
    ]
    names = area_names([found.area_code for found in missing]) if missing else {}
    return [
        IncompleteRow(
            found.area_code, names.get(found.area_code, found.area_code), level, start, length, found
        )
        for found in missing
    ]


def _by_level(indicator: Indicator, levels: list[str], length: str, start: dt.date) -> dict[str, set[str]]:
    stored = IndicatorValue.objects.filter(
        indicator=indicator,
        period_length=length,
        period_start=start,
        value__isnull=False,
        area_level__in=levels,
    ).values_list("area_level", "area_code")
    by_level: dict[str, set[str]] = {}
    for found_level, code in stored:
        by_level.setdefault(found_level, set()).add(code)
    return by_level


def partial_labels(indicator: Indicator, level: str, length: str, start: dt.date | None) -> dict[str, str]:
    """Return area code → *onvolledig (22 van 26 buurten)* for the ``level`` values of the period
    that the engine flagged as partial sums (the indicator's rule allows them)."""
    if start is None:
        return {}
    flagged = set(
        IndicatorValue.objects.filter(
            indicator=indicator,
            period_length=length,
            period_start=start,
            area_level=level,
            flag=Flag.INCOMPLETE.value,
        ).values_list("area_code", flat=True)
    )
    if not flagged:
        return {}
    labels = dict.fromkeys(flagged, _("onvolledig"))  # never silent, even when the parts are unknown
    if level in (*PART_LEVELS[1:], "land"):
        finer = PART_LEVELS[: PART_LEVELS.index(level)] if level in PART_LEVELS else PART_LEVELS
        by_level = _by_level(indicator, list(finer), length, start)
        part_level = next((name for name in finer if name in by_level), None)
        if part_level is not None:
            for found in parents_covered(by_level[part_level], part_level, level, start.year):
                if found.area_code in flagged and not found.complete:
                    labels[found.area_code] = found.label
    return labels


def _all_parents_have_values(codes: set[str], level: str, have: set[str]) -> bool:
    """Return whether every parent of ``codes`` by the CBS code rule has a value (wijk, gemeente).

    Then no parent lacks its value and the hierarchy need not be read; above the gemeente the
    code says nothing of the parent, so the answer is no.
    """
    if level not in ("wijk", "gemeente"):
        return False
    for code in codes:
        parent: str | None = code
        while parent is not None and level_of(parent) != level:
            parent = parent_of(parent)
        if parent is None or parent not in have:
            return False
    return True
