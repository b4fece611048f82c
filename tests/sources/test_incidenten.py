# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``incidenten``: Vancouver's geocoded incidents, as lon/lat and in their declared UTM CRS."""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from pathlib import Path

from pyproj import Transformer

from kompas.sources import formats

incidenten = formats.get("incidenten")

FILE = "vancouver-vpd-crime-2021-2022/vpd_crime_2021_2022.csv.gz"


def test_vancouver_incidents(data: Path) -> None:
    with gzip.open(data / FILE, "rt", encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = incidenten.parse(data / FILE, options={"timezone": "America/Vancouver"})
    assert result.ok
    assert result.rows_read == len(result.events) == len(raw) == 66_335
    assert Counter(e.occurred_at.year for e in result.events) == {2021: 32_012, 2022: 34_323}
    assert Counter(e.kind for e in result.events) == Counter(row["TYPE"] for row in raw)
    assert sum(1 for e in result.events if e.x is None) == sum(1 for row in raw if not row["lat"]) == 7683
    assert {e.crs for e in result.events} == {"EPSG:4326"}


def test_declared_utm_crs_keeps_projected_coordinates(data: Path) -> None:
    options = {"timezone": "America/Vancouver", "crs": "EPSG:26910", "area_column": "NEIGHBOURHOOD"}
    result = incidenten.parse(data / FILE, options=options)
    assert result.ok
    located = [e for e in result.events if e.x is not None]
    assert len(located) == 66_335 - 7683  # 7.680 privacy offsets at 0/0 and 3 without coordinates
    to_wgs84 = Transformer.from_crs("EPSG:26910", "EPSG:4326", always_xy=True)
    lon, lat = to_wgs84.transform(located[0].x, located[0].y)
    assert (round(lon, 4), round(lat, 4)) == (-123.0633, 49.2443)
    assert located[0].area_code == "Kensington-Cedar Cottage"


def test_errors(tmp_path: Path) -> None:
    path = tmp_path / "inc.csv"
    path.write_text(
        "TYPE,YEAR,MONTH,DAY,HOUR,MINUTE,lon,lat\nMischief,2021,2,30,10,5,-123.1,49.2\nMischief,2021,2,3,10,5,-223.1,49.2\n"
    )
    assert [e.message for e in incidenten.parse(path, options={"timezone": "UTC"}).errors] == [
        'inc.csv, regel 2, kolom "DAY": waarde "2021-2-30 10:5" is geen bestaand tijdstip; verwacht: een '
        "bestaande datum en tijd.",
        'inc.csv, regel 3, kolom "lon": waarde "-223.1, 49.2" ligt buiten het gebied; '
        "verwacht: coördinaten in EPSG:4326 binnen lengte -180.0–180.0 en breedte -90.0–90.0.",
    ]
