# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``meldingen``: the Assen Signalen export to events, counts and handling times."""

from __future__ import annotations

import csv
import json
import shutil
import statistics
from collections import Counter
from pathlib import Path

from kompas.observations.periods import PeriodLength
from kompas.sources import formats

meldingen = formats.get("meldingen")

SET = "assen-meldingen-openbare-ruimte-2026"


def test_assen_meldingen(data: Path) -> None:
    with (data / SET / "meldingen_assen.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = meldingen.parse(data / SET / "meldingen_assen.csv")
    assert result.ok
    assert result.rows_read == len(result.events) == len(raw) == 3024
    counts = [o for o in result.observations if not o.measure_code.endswith("_afhandeltijd")]
    assert sum(o.value for o in counts) == 3024
    per_category: Counter[str] = Counter()
    for o in counts:
        per_category[o.measure_code] += int(o.value)
    assert per_category["meldingen_openbaar_groen_en_water"] == 942
    assert per_category["meldingen_afval"] == 763
    assert {o.period_length for o in result.observations} == {PeriodLength.WEEK}
    assert {o.period_start.weekday() for o in result.observations} == {0}  # weeks start on Monday
    assert (
        sum(1 for e in result.events if e.resolved_at is None)
        == sum(1 for row in raw if not row["resolved_date"])
        == 282
    )
    wijken = {
        entry["name"]: entry["code"]
        for entry in json.loads((data / SET / "wijken_assen_bbox.json").read_text(encoding="utf-8"))
    }
    assert Counter(e.area_code for e in result.events) == Counter(wijken[row["wijk"]] for row in raw)


def test_handling_time_is_the_median_of_resolved_meldingen(data: Path) -> None:
    with (data / SET / "meldingen_assen.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = meldingen.parse(data / SET / "meldingen_assen.csv", options={"period": "month"})
    times = {
        (o.measure_code, o.area_code, o.period_start): o.value
        for o in result.observations
        if o.measure_code.endswith("_afhandeltijd")
    }
    august_centrum = [
        float(r["days_open"])
        for r in raw
        if r["category_slug"] == "afval"
        and r["wijk"] == "Centrum"
        and r["created_at"].startswith("2026-07")
        and r["resolved_date"]
    ]
    key = next(
        k
        for k in times
        if k[0] == "meldingen_afval_afhandeltijd"
        and k[1] == "WK010600"
        and k[2].month == 7
        and k[2].year == 2026
    )
    assert times[key] == statistics.median(august_centrum)


def test_errors(data: Path, tmp_path: Path) -> None:
    shutil.copy(data / SET / "wijken_assen_bbox.json", tmp_path)
    path = tmp_path / "meldingen.csv"
    path.write_text(
        "created_at,category,wijk,lat,lon,resolved_date\n"
        "2026-05-18T09:00:00+00:00,Afval,Centrum,52.99,6.56,2026-05-01\n"
        "2026-05-18T09:00:00+00:00,Afval,Marsdijk,52.99,6.50,\n"
        "gisteren,Afval,Mars,10.0,6.56,\n"
    )
    assert [e.message for e in meldingen.parse(path).errors] == [
        'meldingen.csv, regel 2, kolom "resolved_date": waarde "2026-05-01" ligt vóór de meldingsdatum; '
        "verwacht: een datum op of na created_at.",
        'meldingen.csv, regel 3, kolom "lat": waarde "52.99, 6.5" ligt buiten wijk WK010607; verwacht: '
        "een punt binnen de wijk.",
        'meldingen.csv, regel 4, kolom "created_at": waarde "gisteren" is geen geldig tijdstip; '
        "verwacht: een ISO 8601-tijdstip zoals 2026-05-18T09:30:00+00:00.",
        'meldingen.csv, regel 4, kolom "wijk": waarde "Mars" is geen bekende wijk; verwacht: een '
        "wijknaam uit de wijkenlijst of een wijkcode zoals WK010602.",
        'meldingen.csv, regel 4, kolom "lat": waarde "10.0, 6.56" ligt buiten Nederland; verwacht: '
        "breedte 50,6–53,8 en lengte 3,0–7,4 (WGS84).",
    ]
