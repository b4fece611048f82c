# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``misdaad-in-kaart``: burglary events per PC4 and day, kept as events and counted."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from kompas.sources import formats

misdaad_in_kaart = formats.get("misdaad-in-kaart")

FILE = "politie-misdaad-in-kaart-woninginbraak-pc4/MiK-Nederland-PC4.csv"


def test_all_events_and_counts(data: Path) -> None:
    with (data / FILE).open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = misdaad_in_kaart.parse(data / FILE)
    assert result.ok
    assert result.rows_read == len(result.events) == len(raw) == 64_185
    assert Counter(e.kind for e in result.events) == Counter(row["Soort"] for row in raw)
    assert Counter(e.kind for e in result.events)["Woninginbraak"] == 50_730
    hengelo = [e for e in result.events if "PC7550" <= (e.area_code or "") <= "PC7559"]
    assert len(hengelo) == 297
    assert sum(o.value for o in result.observations) == 64_185  # duplicates are separate burglaries
    assert len(result.observations) == len(Counter((r["Postcode"], r["Datum"], r["Soort"]) for r in raw))
    assert min(e.occurred_at for e in result.events).date().isoformat() == "2023-04-20"


def test_errors(tmp_path: Path) -> None:
    path = tmp_path / "mik.csv"
    path.write_text(
        "Postcode,Datum,Soort\n0123,01-01-2024,Woninginbraak\n7551,31-02-2024,Woninginbraak\n7551,01-01-2024,Diefstal\n"
    )
    assert [e.message for e in misdaad_in_kaart.parse(path).errors] == [
        'mik.csv, regel 2, kolom "Postcode": waarde "0123" is geen geldige postcode; verwacht: vier '
        "cijfers van 1000 tot en met 9999.",
        'mik.csv, regel 3, kolom "Datum": waarde "31-02-2024" is geen geldige datum; verwacht: een datum '
        "zoals 31-03-2024.",
        'mik.csv, regel 4, kolom "Soort": waarde "Diefstal" is geen bekende soort; verwacht: '
        "Woninginbraak of Poging tot woninginbraak.",
    ]
