# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Events: equal events are counted, an overlapping export adds only what is new, coordinates in RD."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas import load
from kompas.areas.queries import version_index
from kompas.observations.events import add_events
from kompas.observations.models import Event
from kompas.sources.models import ImportRun

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Incident:
    """An event as a file gives it."""

    kind: str
    occurred_at: dt.datetime
    x: float | None = None
    y: float | None = None
    crs: str = ""
    area_code: str | None = None
    resolved_at: dt.date | None = None
    line: int = 2


def _add(organisation: Organisation, events: list[Incident]) -> tuple[int, int]:
    with scopes_disabled():
        run = ImportRun.objects.create(organisation=organisation, format="t", file_name="t.csv", sha256="0")
    result = add_events(events, organisation_id=organisation.pk, import_run_id=run.pk, areas=version_index())
    return result.loaded, result.unchanged


def test_equal_events_are_kept_as_often_as_the_file_has_them(org_a: Organisation) -> None:
    load.create_areas({"PC7551": 2024}, names={})
    day = dt.datetime(2024, 3, 1, tzinfo=AMSTERDAM)
    burglaries = [Incident("Woninginbraak", day, area_code="PC7551")] * 2
    assert _add(org_a, burglaries) == (2, 0)
    assert _add(org_a, burglaries) == (0, 2)  # the same export again
    later = Incident("Woninginbraak", day + dt.timedelta(days=1), area_code="PC7551")
    assert _add(org_a, [*burglaries, later]) == (1, 2)  # an export that overlaps the first
    with scope(organisation=org_a.pk):
        assert Event.objects.filter(area__code="PC7551").count() == 3


def test_coordinates_are_stored_in_rd_new(org_a: Organisation) -> None:
    # The origin of RD New, the Onze Lieve Vrouwetoren in Amersfoort, is (155 000, 463 000) by definition
    # (EPSG:28992: 52°09'22.178"N, 5°23'15.500"E on Bessel 1841, 52.1551744, 5.3872062 in WGS84).
    tower = Incident(
        "Overlast", dt.datetime(2024, 3, 1, 12, tzinfo=AMSTERDAM), x=5.3872062, y=52.1551744, crs="EPSG:4326"
    )
    assert _add(org_a, [tower]) == (1, 0)
    with scope(organisation=org_a.pk):
        event = Event.objects.get()
    assert event.x_rd == pytest.approx(155_000, abs=2) and event.y_rd == pytest.approx(463_000, abs=2)
    assert event.occurred_at == tower.occurred_at


def test_events_of_another_organisation_do_not_count_as_stored(
    org_a: Organisation, org_b: Organisation
) -> None:
    incident = Incident("Overlast", dt.datetime(2024, 3, 1, tzinfo=AMSTERDAM))
    assert _add(org_a, [incident]) == (1, 0)
    assert _add(org_b, [incident]) == (1, 0)
