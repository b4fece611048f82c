# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A small municipality with hand-countable data for the indicator engine.

GM9999 has two wijken: WK999901 with BU99990101 and BU99990102, WK999902 with BU99990201. The
burglaries per buurt and month are 3, 12 and 5; the dwellings 1.000, 2.000 and 500 — the
example of docs/indicators.md §1: per buurt 3, 6 and 10 per 1.000 per month, for the gemeente
(3 + 12 + 5) / 3.500 × 1.000 = 5,71, not the mean 6,33.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area, AreaGroup, AreaGroupMember
from kompas.indicators.load import load_definitions
from kompas.observations.models import Measure, Observation
from kompas.sources.models import ImportRun

GEMEENTE = "GM9999"
WIJKEN = {"WK999901": ("BU99990101", "BU99990102"), "WK999902": ("BU99990201",)}
BURGLARIES = {"BU99990101": 3.0, "BU99990102": 12.0, "BU99990201": 5.0}
DWELLINGS = {"BU99990101": 1000.0, "BU99990102": 2000.0, "BU99990201": 500.0}
HEADER = 'format = "kompas-indicatoren"\nversion = 1\n'
RATE = """
[[indicator]]
code = "inbraak_per_1000"
name = "Woninginbraken per 1.000 woningen"
formula = "rate"
numerator = "inbraak"
denominator = "woningen"
direction = "lower_is_better"
"""
COUNT = """
[[indicator]]
code = "inbraak_aantal"
name = "Woninginbraken"
formula = "count"
numerator = "inbraak"
direction = "lower_is_better"
"""


def months(first: dt.date, count: int) -> list[dt.date]:
    """Return ``count`` first days of months from ``first`` on."""
    return [
        dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    ]


def make_areas(valid_from: int = 2014) -> dict[str, Area]:
    """Create the gemeente, its wijken and buurten (one version each); return them by code."""
    gemeente = Area.objects.create(
        code=GEMEENTE, name="Testgemeente", level="gemeente", valid_from=valid_from
    )
    found = {GEMEENTE: gemeente}
    for wijk_code, buurten in WIJKEN.items():
        wijk = Area.objects.create(
            code=wijk_code,
            name=f"Wijk {wijk_code[-2:]}",
            level="wijk",
            parent=gemeente,
            valid_from=valid_from,
        )
        found[wijk_code] = wijk
        for code in buurten:
            found[code] = Area.objects.create(
                code=code, name=f"Buurt {code[-4:]}", level="buurt", parent=wijk, valid_from=valid_from
            )
    return found


def make_group(code: str, members: Iterable[str], kind: str = "referentie") -> AreaGroup:
    """Create a shared area group."""
    group = AreaGroup.objects.create(code=code, name=code.title(), kind=kind)
    AreaGroupMember.objects.bulk_create(AreaGroupMember(group=group, area_code=member) for member in members)
    return group


def make_run(organisation: Organisation, name: str = "test.csv") -> ImportRun:
    """Create a loaded import run."""
    with scopes_disabled():
        return ImportRun.objects.create(
            organisation=organisation, format="test", file_name=name, sha256="0" * 64, status="geladen"
        )


def measure(code: str) -> Measure:
    """Return the open-data measure ``code``, created on first use."""
    with scopes_disabled():
        found, _created = Measure.objects.get_or_create(
            code=code, defaults={"name": code, "unit": "aantal", "source": "test"}
        )
    return found


def observe(
    code: str,
    areas: dict[str, Area],
    values: dict[str, float],
    periods: Sequence[dt.date],
    length: str = "month",
    run: ImportRun | None = None,
) -> None:
    """Store ``values[area]`` for every period (the same value each period)."""
    target = measure(code)
    with scopes_disabled():
        Observation.objects.bulk_create(
            Observation(
                measure=target,
                area=areas[area],
                period_start=period,
                period_length=length,
                value=value,
                import_run=run,
            )
            for area, value in values.items()
            for period in periods
        )


def define(*bodies: str, organisation: Organisation | None = None) -> None:
    """Load definitions given as ``[[indicator]]`` tables."""
    with scopes_disabled():
        result = load_definitions(
            HEADER + "".join(bodies), "test.toml", actor=None, organisation=organisation
        )
    assert result.problems == (), result.problems


def burglary_panel(organisation: Organisation, years: Sequence[int] = (2014, 2015)) -> dict[str, Area]:
    """Create the areas, monthly burglaries of ``years`` and yearly dwellings, in one import run."""
    areas = make_areas()
    run = make_run(organisation)
    observe("inbraak", areas, BURGLARIES, months(dt.date(years[0], 1, 1), 12 * len(years)), run=run)
    observe("woningen", areas, DWELLINGS, [dt.date(year, 1, 1) for year in years], "year", run=run)
    return areas
