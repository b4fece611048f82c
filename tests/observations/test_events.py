# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Events: equal events are counted, an overlapping export adds only what is new, a CRS that fits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scope, scopes_disabled
from pyproj import Transformer

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
    assert event.x == pytest.approx(155_000, abs=2) and event.y == pytest.approx(463_000, abs=2)
    assert event.crs == "EPSG:28992"
    assert event.occurred_at == tower.occurred_at


VANCOUVER = ZoneInfo("America/Vancouver")
# Two Vancouver incidents from the VPD file's own UTM zone 10N (EPSG:26910) coordinates, the
# second 1 km east of the first (near Main Street and East Broadway).
WEST = (493_000.0, 5_456_000.0)


def test_a_vancouver_event_1_km_east_of_another_stays_1_km_east(org_a: Organisation) -> None:
    moment = dt.datetime(2022, 3, 1, 12, tzinfo=VANCOUVER)
    west = Incident("Theft from Vehicle", moment, x=WEST[0], y=WEST[1], crs="EPSG:26910")
    east = Incident("Theft from Vehicle", moment, x=WEST[0] + 1000, y=WEST[1], crs="EPSG:26910")
    assert _add(org_a, [west, east]) == (2, 0)
    with scope(organisation=org_a.pk):
        (x0, y0, crs), (x1, y1, _) = Event.objects.order_by("x").values_list("x", "y", "crs")
    assert crs == "EPSG:26910"  # its own projected CRS, not RD New
    assert x1 - x0 == pytest.approx(1000, abs=1) and y1 - y0 == pytest.approx(0, abs=1)


def test_geographic_points_abroad_get_their_utm_zone_and_later_imports_the_same_crs(
    org_a: Organisation,
) -> None:
    # The western place in longitude/latitude (converted from EPSG:26910 with pyproj).
    to_wgs84 = Transformer.from_crs("EPSG:26910", "EPSG:4326", always_xy=True)
    lon0, lat0 = to_wgs84.transform(*WEST)
    moment = dt.datetime(2022, 3, 1, 12, tzinfo=VANCOUVER)
    assert _add(org_a, [Incident("Mischief", moment, x=lon0, y=lat0, crs="EPSG:4326")]) == (1, 0)
    # a later file in the source's UTM coordinates lands in the organisation's CRS
    utm = Incident("Mischief", moment, x=WEST[0] + 1000, y=WEST[1], crs="EPSG:26910")
    assert _add(org_a, [utm]) == (1, 0)
    with scope(organisation=org_a.pk):
        rows = list(Event.objects.order_by("x").values_list("x", "y", "crs"))
    assert {crs for _, _, crs in rows} == {"EPSG:32610"}  # WGS84 / UTM zone 10N
    assert rows[1][0] - rows[0][0] == pytest.approx(1000, abs=1)
    assert rows[1][1] - rows[0][1] == pytest.approx(0, abs=1)


def test_events_of_another_organisation_do_not_count_as_stored(
    org_a: Organisation, org_b: Organisation
) -> None:
    incident = Incident("Overlast", dt.datetime(2024, 3, 1, tzinfo=AMSTERDAM))
    assert _add(org_a, [incident]) == (1, 0)
    assert _add(org_b, [incident]) == (1, 0)
