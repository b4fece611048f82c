# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Derive Amsterdam's wijken of 2014 from the shared national CBS wijk file.

Writes ``src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015/amsterdam_wijken_2014.geojson``:
the eight wijken WK036300-WK036307 of 2014 (the stadsdelen), decoded from the national TopoJSON
``Wijk_2014_layer_q1e3.json`` with :mod:`kompas.sources.reading.topojson`, geometry and properties
unchanged. CBS re-used these codes in 2016 for a division into 99 wijken (bundled as the
wijk- en buurtkaart 2021 in ``cbs-kwb-amsterdam-wijken-2016-2021``): a real redivision for the
boundary crosswalk (``docs/areas.md``). Run from the repository root:
``.venv/bin/python scripts/derive_amsterdam_wijken_2014.py src/kompas/fixtures/data``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kompas.sources.reading.topojson import Topology

TARGET = Path("src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015")


def main(data: Path) -> None:
    """Write the extract from the folder ``data`` (the bundled or the shared data)."""
    path = data / "cbs-gebiedsindelingen-2014-2015" / "Wijk_2014_layer_q1e3.json"
    topology = Topology(json.loads(path.read_text(encoding="utf-8")))
    found = [f for f in topology.features() if str(f["properties"].get("statcode", "")).startswith("WK0363")]
    for feature in found:
        feature.pop("id", None)
    features = sorted(found, key=lambda f: f["properties"]["statcode"])
    collection = {"type": "FeatureCollection", "features": features}
    name = "amsterdam_wijken_2014.geojson"
    (TARGET / name).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    print(name, len(features))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
