# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Area versions: boundaries in three forms, parents by the CBS code rule, versions closed in turn."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
import shapely
from shapely.geometry import box

from kompas.areas import load
from kompas.areas.models import Area
from kompas.areas.queries import ancestors, area_by_code, children, version_index
from kompas.sources import formats
from kompas.sources.codelists import DATA

cbs_gebieden = formats.get("cbs-gebieden")

pytestmark = pytest.mark.django_db
SET = DATA / "cbs-gebiedsindelingen-2014-2015"


@dataclass(frozen=True)
class Record:
    """An area as a boundary file gives it."""

    code: str
    name: str
    level: str
    parent_code: str | None = None
    geometry: bytes | None = None
    valid_from: int = 2014


SQUARE = shapely.to_wkb(box(6.78, 52.25, 6.80, 52.27))


def _twente() -> None:
    for name in (
        "twente_gemeenten_2015.geojson",
        "twente_wijken_2014.geojson",
        "twente_buurten_2014.geojson",
    ):
        load.save_areas(cbs_gebieden.parse(SET / name).areas)


def test_twente_is_saved_with_parents_and_three_boundary_forms() -> None:
    _twente()
    counts = {level: Area.objects.filter(level=level).count() for level in ("gemeente", "wijk", "buurt")}
    assert counts == {"gemeente": 14, "wijk": 119, "buurt": 510}
    assert Area.objects.filter(level="buurt", code__startswith="BU0164").count() == 62  # Hengelo
    buurt = area_by_code("BU01640100", 2014)
    assert buurt is not None
    assert [area.code for area in ancestors(buurt)] == ["WK016401", "GM0164"]
    assert buurt.parent is not None and buurt in children(buurt.parent)
    rd = shapely.from_wkb(bytes(buurt.geometry_rd))
    x0, y0, x1, y1 = rd.bounds
    assert rd.is_valid and 240_000 < x0 < x1 < 260_000 and 470_000 < y0 < y1 < 490_000  # Hengelo in RD New
    simplified = json.loads(buurt.geometry_simplified)
    assert simplified["type"] in ("Polygon", "MultiPolygon")
    assert shapely.from_wkb(bytes(buurt.geometry_wgs84)).contains(
        shapely.centroid(shapely.from_geojson(buurt.geometry_simplified))
    )


def test_saving_the_same_file_again_changes_nothing() -> None:
    _twente()
    records = cbs_gebieden.parse(SET / "twente_buurten_2014.geojson").areas
    result = load.save_areas(records)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 510)


def test_a_new_version_closes_the_previous_one_and_years_resolve() -> None:
    load.save_areas([Record("GM0164", "Hengelo", "gemeente", geometry=SQUARE, valid_from=2014)])
    load.save_areas([Record("GM0164", "Hengelo (O.)", "gemeente", geometry=SQUARE, valid_from=2020)])
    versions = list(
        Area.objects.filter(code="GM0164").order_by("valid_from").values_list("valid_from", "valid_to")
    )
    assert versions == [(2014, 2019), (2020, None)]
    index = version_index(["GM0164"])
    # A year before the first version resolves to the first; later years to the latest started.
    assert [
        Area.objects.get(pk=index.resolve("GM0164", year)).valid_from for year in (2011, 2019, 2020, 2030)
    ] == [
        2014,
        2014,
        2020,
        2020,
    ]
    assert area_by_code("GM0164").name == "Hengelo (O.)"  # type: ignore[union-attr]  # the area exists


def test_a_file_without_boundary_keeps_the_stored_one() -> None:
    load.save_areas([Record("GM0164", "Hengelo", "gemeente", geometry=SQUARE)])
    result = load.save_areas([Record("GM0164", "Hengelo", "gemeente", geometry=None)])
    assert result.unchanged == 1
    assert Area.objects.get(code="GM0164").geometry_rd is not None


def test_invalid_boundary_is_repaired_in_both_systems() -> None:
    bowtie = shapely.to_wkb(
        shapely.make_valid(shapely.from_wkt("POLYGON ((6.7 52.2, 6.8 52.3, 6.8 52.2, 6.7 52.3, 6.7 52.2))"))
    )
    load.save_areas([Record("GM0164", "Hengelo", "gemeente", geometry=bowtie)])
    area = Area.objects.get(code="GM0164")
    assert shapely.from_wkb(bytes(area.geometry_rd)).is_valid
    assert shapely.from_geojson(area.geometry_simplified).is_valid


def test_missing_parents_are_created_from_the_code_or_linked_later() -> None:
    result = load.save_areas([Record("BU04840809", "Buurt", "buurt")], create_parents=False)
    assert result.missing_parents == ["WK048408"]
    assert Area.objects.get(code="BU04840809").parent is None
    load.save_areas([Record("WK048408", "Wijk 08", "wijk")])  # the wijk arrives later: the buurt finds it
    assert Area.objects.get(code="BU04840809").parent.code == "WK048408"  # type: ignore[union-attr]  # a buurt has a wijk
    created = load.create_areas({"BU01640100": 2011}, names={"GM0164": "Hengelo"})
    assert created == ["BU01640100", "GM0164", "WK016401"]
    buurt = Area.objects.get(code="BU01640100")
    assert (buurt.valid_from, buurt.name, [a.code for a in ancestors(buurt)]) == (
        2011,
        "BU01640100",
        ["WK016401", "GM0164"],
    )
    assert Area.objects.get(code="GM0164").name == "Hengelo"
