# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``cbs-gebieden`` on the Twente extracts, the national TopoJSON and RD New input."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import shapely
from pyproj import Transformer

from kompas.areas.levels import AreaLevel
from kompas.sources import formats

cbs_gebieden = formats.get("cbs-gebieden")

SET = "cbs-gebiedsindelingen-2014-2015"


def _features(path: Path) -> list[dict[str, Any]]:
    features: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["features"]
    return features


def test_twente_buurten_wijken_gemeenten(data: Path) -> None:
    buurten = cbs_gebieden.parse(data / SET / "twente_buurten_2014.geojson")
    wijken = cbs_gebieden.parse(data / SET / "twente_wijken_2014.geojson")
    gemeenten = cbs_gebieden.parse(data / SET / "twente_gemeenten_2015.geojson")
    assert buurten.ok and wijken.ok and gemeenten.ok
    assert (len(gemeenten.areas), len(wijken.areas), len(buurten.areas)) == (14, 119, 510)
    assert sum(a.code.startswith("BU0164") for a in buurten.areas) == 62  # Hengelo
    assert {a.level for a in buurten.areas} == {AreaLevel.BUURT}
    assert {a.valid_from for a in buurten.areas} == {2014}
    hengelo = next(a for a in buurten.areas if a.code == "BU01640100")
    assert (hengelo.parent_code, hengelo.line) == ("WK016401", hengelo.line)
    raw_nulls = sum(1 for f in _features(data / SET / "twente_buurten_2014.geojson") if f["geometry"] is None)
    warnings = Counter(w.problem for w in buurten.warnings)
    assert warnings["heeft geen grens"] == raw_nulls == 20
    assert warnings["heeft geen oppervlakte"] == 24  # collapsed to a line by the 300 m quantisation
    assert all(shapely.from_wkb(a.geometry).is_valid for a in buurten.areas if a.geometry)


def test_kerncijfers_of_gemeenten_become_observations(data: Path) -> None:
    result = cbs_gebieden.parse(data / SET / "twente_gemeenten_2015.geojson")
    inhabitants = {o.area_code: o.value for o in result.observations if o.measure_code == "inwoners"}
    raw = {
        f["properties"]["gemeentecode"]: f["properties"]["aantal_inwoners"]
        for f in _features(data / SET / "twente_gemeenten_2015.geojson")
    }
    assert inhabitants == raw
    assert (inhabitants["GM0164"], inhabitants["GM0153"]) == (81_059, 158_553)


def test_national_topojson_decodes_to_the_twente_extract(data: Path) -> None:
    # The extract was decoded by the collector; decoding the national file must give the same shapes.
    national = cbs_gebieden.parse(data / SET / "Wijk_2014_layer_q1e3.json")
    extract = {
        a.code: a.geometry for a in cbs_gebieden.parse(data / SET / "twente_wijken_2014.geojson").areas
    }
    assert national.ok
    assert len(national.areas) == 2738
    decoded = {a.code: a.geometry for a in national.areas if a.code in extract}
    assert len(decoded) == 119
    assert [code for code in extract if (extract[code] is None) != (decoded[code] is None)] == []
    for code, geometry in extract.items():
        if geometry is not None:
            # The extract rounds coordinates to 6 decimals.
            assert shapely.from_wkb(decoded[code]).hausdorff_distance(shapely.from_wkb(geometry)) < 1e-5, code


def test_rd_new_is_reprojected(tmp_path: Path) -> None:
    to_rd = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    ring = [to_rd.transform(x, y) for x, y in [(6.78, 52.26), (6.80, 52.26), (6.80, 52.27), (6.78, 52.26)]]
    feature = {
        "type": "Feature",
        "properties": {"statcode": "GM0164", "statnaam": "Hengelo"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "features": [feature],
    }
    (tmp_path / "gemeenten_2024.geojson").write_text(json.dumps(collection))
    area = cbs_gebieden.parse(tmp_path / "gemeenten_2024.geojson").areas[0]
    x0, y0, x1, y1 = shapely.from_wkb(area.geometry).bounds
    assert (round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4)) == (6.78, 52.26, 6.8, 52.27)
    assert area.valid_from == 2024


def test_errors_for_codes_coordinates_and_duplicates(tmp_path: Path) -> None:
    square = {"type": "Polygon", "coordinates": [[[6.7, 52.2], [6.8, 52.2], [6.8, 52.3], [6.7, 52.2]]]}
    far = {"type": "Polygon", "coordinates": [[[106.7, 52.2], [106.8, 52.2], [106.8, 52.3], [106.7, 52.2]]]}
    features = [
        {"type": "Feature", "properties": {"statcode": "GM0164"}, "geometry": square},
        {"type": "Feature", "properties": {"statcode": "GM0164"}, "geometry": square},
        {"type": "Feature", "properties": {"statcode": "XX12"}, "geometry": square},
        {"type": "Feature", "properties": {"statcode": "GM0153"}, "geometry": far},
    ]
    (tmp_path / "g_2015.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    assert [e.message for e in cbs_gebieden.parse(tmp_path / "g_2015.geojson").errors] == [
        'g_2015.geojson, object 2, kolom "statcode": waarde "GM0164" komt dubbel voor (ook in object 1); '
        "verwacht: één object per gebiedscode.",
        'g_2015.geojson, object 3, kolom "statcode": waarde "XX12" is geen geldige gebiedscode; '
        "verwacht: een CBS-gebiedscode zoals "
        "GM0164, WK016401, BU01640100, PV23, NL00 of een postcode zoals PC7551.",
        'g_2015.geojson, object 4, kolom "geometry": waarde "Polygon" ligt buiten Nederland; '
        "verwacht: coördinaten binnen Nederland (lengte 3,0–7,4, breedte 50,6–53,8, of RD New).",
    ]
