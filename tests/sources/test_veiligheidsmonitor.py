# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``veiligheidsmonitor``: survey values with 95 % margins, tidy and raw StatLine form."""

from __future__ import annotations

import csv
from pathlib import Path

from kompas.sources import formats
from kompas.sources.records import ParseResult

veiligheidsmonitor = formats.get("veiligheidsmonitor")

SET = "cbs-veiligheidsmonitor-provincie-2015-2017"


def test_tidy_and_raw_files_give_the_same_observations(data: Path) -> None:
    with (data / SET / "veiligheidsmonitor_provincie_tidy.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    tidy = veiligheidsmonitor.parse(data / SET / "veiligheidsmonitor_provincie_tidy.csv")
    wide = veiligheidsmonitor.parse(data / SET / "veiligheidsgevoel_provincies_raw.csv")
    assert tidy.ok and wide.ok
    assert len(tidy.observations) == len(raw) == 1080
    assert round(sum(o.value for o in tidy.observations), 6) == round(
        sum(float(row["waarde"]) for row in raw), 6
    )
    assert round(sum(o.margin or 0 for o in tidy.observations), 6) == round(
        sum(float(row["marge"]) for row in raw), 6
    )

    def key(result: ParseResult) -> set[tuple[str, str, int, float, float | None]]:
        return {
            (o.measure_code, o.area_code, o.period_start.year, o.value, o.margin) for o in result.observations
        }

    assert key(tidy) == key(wide)
    overijssel = next(
        o
        for o in wide.observations
        if (o.measure_code, o.area_code, o.period_start.year)
        == ("vm_voelt_zich_wel_eens_onveilig", "PV23", 2015)
    )
    assert (overijssel.value, overijssel.margin) == (31.7, 1.5)
    assert len(wide.measures) == 30


def test_errors(tmp_path: Path) -> None:
    path = tmp_path / "vm.csv"
    path.write_text(
        "indicator,eenheid,provincie,jaar,marge,waarde\n"
        "Voelt zich wel eens onveilig,%,Overijssel,2015,-1.5,31.7\n"
        "Voelt zich wel eens onveilig,%,Overijssel,2016,1.5,131.7\n"
        "Voelt zich wel eens onveilig,%,Atlantis,2017,1.5,31.7\n"
    )
    assert [e.message for e in veiligheidsmonitor.parse(path).errors] == [
        'vm.csv, regel 2, kolom "marge": waarde "-1.5" is negatief; verwacht: een marge van 0 of meer.',
        'vm.csv, regel 3, kolom "waarde": waarde "131.7" ligt niet tussen 0 en 100; verwacht: een '
        "percentage van 0 tot en met 100.",
        'vm.csv, regel 4, kolom "provincie": waarde "Atlantis" is geen bekende regio; '
        "verwacht: een provincienaam zoals Overijssel, Nederland of een CBS-code.",
    ]
