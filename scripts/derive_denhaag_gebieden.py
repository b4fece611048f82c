# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Derive the demo's Den Haag-unit boundary extracts from the shared CBS boundary files.

Writes to ``src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015/``:

* ``denhaag_eenheid_gemeenten_2015.geojson``: the eight gemeenten of the police unit Den Haag
  in the bundled buurt-maand panel, land parts only, with their kerncijfers 2015;
* ``zoetermeer_wijken_2014.geojson`` and ``zoetermeer_buurten_2014.geojson``: Zoetermeer's
  wijken and buurten decoded from the national TopoJSON files.

Geometry and properties are copied unchanged (TopoJSON decoded with
:mod:`kompas.sources.reading.topojson`, as the Twente extracts were). Run from the repository root:
``.venv/bin/python scripts/derive_denhaag_gebieden.py /work/shared/data``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kompas.sources.reading.topojson import Topology

GEMEENTEN = ("GM0484", "GM0503", "GM0513", "GM0518", "GM0553", "GM0603", "GM0629", "GM0637")
TARGET = Path("src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015")


def _write(name: str, features: list[dict[str, Any]]) -> None:
    collection = {"type": "FeatureCollection", "features": features}
    (TARGET / name).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    print(name, len(features))


def _topology_features(path: Path, prefix: str) -> list[dict[str, Any]]:
    topology = Topology(json.loads(path.read_text(encoding="utf-8")))
    found = [f for f in topology.features() if str(f["properties"].get("statcode", "")).startswith(prefix)]
    for feature in found:
        feature.pop("id", None)
    return sorted(found, key=lambda f: f["properties"]["statcode"])


def main(shared: Path) -> None:
    """Write the three extracts from the shared folder ``shared``."""
    folder = shared / "cbs-gebiedsindelingen-2014-2015"
    gemeenten = json.loads((folder / "gemeenten_2015.geojson").read_text(encoding="utf-8"))["features"]
    land = [
        f
        for f in gemeenten
        if f["properties"].get("gemeentecode") in GEMEENTEN and f["properties"].get("water") == "NEE"
    ]
    _write(
        "denhaag_eenheid_gemeenten_2015.geojson", sorted(land, key=lambda f: f["properties"]["gemeentecode"])
    )
    _write(
        "zoetermeer_wijken_2014.geojson", _topology_features(folder / "Wijk_2014_layer_q1e3.json", "WK0637")
    )
    _write(
        "zoetermeer_buurten_2014.geojson", _topology_features(folder / "Buurt_2014_layer_q1e3.json", "BU0637")
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
