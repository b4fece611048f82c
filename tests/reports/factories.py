# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Hengelo with its real 2014 wijk and buurt boundaries and two years of made-up monthly counts.

The boundaries are the CBS files bundled in ``fixtures/data/cbs-gebiedsindelingen-2014-2015``; the
counts are deterministic and small enough in some wijken to test the publication threshold:
Wijk 09 Buitengebied has 3 burglaries in 2023, Wijk 08 Slangenbeek none.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.config import PROJECT_DIR
from kompas.observations.models import Measure, Observation
from kompas.sources.models import ImportRun, ImportStatus

BOUNDARIES = PROJECT_DIR / "src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015"
POLICE = "Politie / CBS (47022NED, 47024NED)"
SURVEY = "Veiligheidsmonitor (CBS)"
YEARS = (2022, 2023)
IMPORTED_AT = dt.datetime(2024, 2, 1, 9, 30, tzinfo=dt.UTC)
# Burglaries per month in 2023 by wijk number; 2022 has one more each month where the wijk has any.
BURGLARY_2023 = {0: [3] * 12, 1: [2] * 12, 2: [4] * 12, 3: [1] * 12, 4: [2] * 12, 5: [1] * 12, 6: [1] * 12}
SMALL = {9: [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0], 8: [0] * 12, 7: [1] * 12}


@dataclass(frozen=True)
class Hengelo:
    """What :func:`make_hengelo` made."""

    gemeente: Area
    wijken: dict[str, Area]
    buurten: dict[str, Area]
    runs: tuple[ImportRun, ImportRun]


def _features(name: str, prefix: str) -> list[dict[str, object]]:
    document = json.loads((BOUNDARIES / name).read_text(encoding="utf-8"))
    features = []
    for feature in document["features"]:
        properties = feature["properties"]
        code = properties.get("statcode") or properties.get("gemeentecode", "")
        if code.startswith(prefix) and properties.get("water", "NEE") == "NEE":
            features.append({"code": code, "name": properties.get("statnaam") or "Hengelo", **feature})
    return sorted(features, key=lambda f: str(f["code"]))


def _area(feature: dict[str, object], level: str, parent: Area | None) -> Area:
    return Area.objects.create(
        code=feature["code"],
        name=str(feature["name"]).split(" ", 2)[-1] if level == "wijk" else feature["name"],
        level=level,
        parent=parent,
        valid_from=2014,
        geometry_simplified=json.dumps(feature["geometry"]),
    )


def burglaries(wijk_number: int, year: int) -> list[int]:
    """Return the monthly burglaries of wijk ``wijk_number`` in ``year``."""
    months = BURGLARY_2023.get(wijk_number) or SMALL[wijk_number]
    return [count + 1 if count and year == 2022 else count for count in months]


def _runs(organisation: Organisation) -> tuple[ImportRun, ImportRun]:
    def run(name: str) -> ImportRun:
        return ImportRun.objects.create(
            organisation=organisation,
            format="test",
            file_name=name,
            sha256="0" * 64,
            started_at=IMPORTED_AT,
            finished_at=IMPORTED_AT,
            status=ImportStatus.LOADED,
        )

    return run("politie.csv"), run("veiligheidsmonitor.csv")


def _observations(hengelo: Hengelo) -> None:
    burglary = Measure.objects.create(
        code="misdrijven_1_1_1", name="Diefstal uit woning", unit="aantal", source=POLICE, licence="CC-BY 4.0"
    )
    feeling = Measure.objects.create(
        code="vm_onveilig", name="Voelt zich weleens onveilig", unit="%", source=SURVEY, licence="CC-BY 4.0"
    )
    police, survey = hengelo.runs
    rows = []
    totals: dict[dt.date, float] = {}
    for code, wijk in hengelo.wijken.items():
        number = int(code[-2:])
        for year in YEARS:
            for month, count in enumerate(burglaries(number, year), start=1):
                start = dt.date(year, month, 1)
                rows.append(
                    Observation(
                        measure=burglary,
                        area=wijk,
                        period_start=start,
                        period_length="month",
                        value=count,
                        import_run=police,
                    )
                )
                totals[start] = totals.get(start, 0) + count
        rows.append(
            Observation(
                measure=feeling,
                area=wijk,
                period_start=dt.date(2023, 1, 1),
                period_length="year",
                value=20 + number,
                margin=3.5,
                import_run=survey,
            )
        )
    rows += [
        Observation(
            measure=burglary,
            area=hengelo.gemeente,
            period_start=start,
            period_length="month",
            value=total,
            import_run=police,
        )
        for start, total in totals.items()
    ]
    rows.append(
        Observation(
            measure=feeling,
            area=hengelo.gemeente,
            period_start=dt.date(2023, 1, 1),
            period_length="year",
            value=24.5,
            margin=1.2,
            import_run=survey,
        )
    )
    Observation.objects.bulk_create(rows)


def make_hengelo(organisation: Organisation) -> Hengelo:
    """Create Hengelo's areas with boundaries, two measures with 2022-2023 values and their import runs."""
    with scopes_disabled():
        [gemeente_feature] = _features("twente_gemeenten_2015.geojson", "GM0164")
        gemeente = _area({**gemeente_feature, "name": "Hengelo"}, "gemeente", None)
        wijken = {
            f["code"]: _area(f, "wijk", gemeente) for f in _features("twente_wijken_2014.geojson", "WK0164")
        }
        buurten = {
            f["code"]: _area(f, "buurt", wijken.get("WK" + str(f["code"])[2:8]))
            for f in _features("twente_buurten_2014.geojson", "BU0164")
        }
        hengelo = Hengelo(gemeente, wijken, buurten, _runs(organisation))
        _observations(hengelo)
    return hengelo


def make_wijk(organisation: Organisation) -> str:
    """Create the gemeente of ``organisation`` with one wijk (no boundaries); return the wijk's code."""
    with scopes_disabled():
        gemeente = Area.objects.create(
            code=organisation.cbs_code, name="Hengelo", level="gemeente", valid_from=2014
        )
        wijk = Area.objects.create(
            code="WK" + organisation.cbs_code[2:] + "01",
            name="Hengelose Es",
            level="wijk",
            parent=gemeente,
            valid_from=2014,
        )
    return wijk.code
