# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Derive the extract of a real buurt redivision: Den Haag and Lisse, CBS 2014 against the police panel.

The Den Haag police panel (``politie-denhaag-buurt-maand-2011-2015``) uses a newer CBS buurt
division than the 2014 boundaries: BU05182762 (Rivierenbuurt-Zuid), BU05182815 (Centrum),
BU05182816 (Oude Centrum) and BU05531900 (De Engel, Lisse) do not exist in 2014, and the codes
BU05182812-BU05182814 name other buurten (2014: Voorhout, Uilebomen, Zuidwal; panel: Noordeinde,
Buurtschap 2005, Pleinkwartier). The panel gives each buurt only a representative point
(``buurten.csv``), no boundary. Writes, into ``src/kompas/fixtures/data``:

* ``cbs-gebiedsindelingen-2014-2015/denhaag_lisse_buurten_2014.geojson``: the 2014 buurten of the
  wijken WK051827 (Rivierenbuurt), WK051828 (Centrum) and WK055301 (Lisse, De Loosters), decoded
  from the national TopoJSON ``Buurt_2014_layer_q1e3.json``, geometry and properties unchanged;
* ``politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_herindeling.csv.gz``: every
  panel row (all offence types, 2011-2015) of the panel buurten in the wijken WK051827,
  WK051828 and WK055319, counts unchanged.

Run from the repository root:
``.venv/bin/python scripts/derive_denhaag_buurt_herindeling.py ../shared/data``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path

from kompas.sources.reading.topojson import Topology

TARGET = Path("src/kompas/fixtures/data")
WIJKEN_2014 = ("WK051827", "WK051828", "WK055301")
PANEL_WIJKEN = ("WK051827", "WK051828", "WK055319")
PANEL = "politie-denhaag-buurt-maand-2011-2015"


def boundaries(data: Path) -> None:
    """Write the 2014 buurten of :data:`WIJKEN_2014`."""
    path = data / "cbs-gebiedsindelingen-2014-2015" / "Buurt_2014_layer_q1e3.json"
    topology = Topology(json.loads(path.read_text(encoding="utf-8")))
    prefixes = tuple("BU" + wijk[2:] for wijk in WIJKEN_2014)
    found = [f for f in topology.features() if str(f["properties"].get("statcode", "")).startswith(prefixes)]
    for feature in found:
        feature.pop("id", None)
    features = sorted(found, key=lambda f: f["properties"]["statcode"])
    name = "cbs-gebiedsindelingen-2014-2015/denhaag_lisse_buurten_2014.geojson"
    collection = {"type": "FeatureCollection", "features": features}
    (TARGET / name).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    print(name, len(features))


def panel_rows(data: Path) -> None:
    """Write the panel rows of the buurten in :data:`PANEL_WIJKEN`."""
    source = data / PANEL / "misdrijven_buurt_maand_2011_2015.csv.gz"
    with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        wijk = header.index("wijk_code")
        rows = [row for row in reader if row[wijk] in PANEL_WIJKEN]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    name = f"{PANEL}/misdrijven_buurt_maand_herindeling.csv.gz"
    # mtime 0: the same input gives the same bytes, so the demo's checksum check stays stable
    with (TARGET / name).open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(out.getvalue().encode("utf-8"))
    print(name, len(rows))


def main(data: Path) -> None:
    """Write both extracts from the folder ``data`` (the shared data)."""
    boundaries(data)
    panel_rows(data)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
