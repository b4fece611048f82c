# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Derive the households of every gemeente of 2015 (and their sum for Nederland) from the shared CBS file.

Writes ``src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015/huishoudens_gemeenten_2015.csv``
in the kwb layout that the ``cbs-bevolking`` importer reads (``gwb_code,year,a_hh``): one row per
gemeente of 2015 with ``aantal_huishoudens`` (CBS kerncijfers 2015, particuliere huishoudens on
1 January 2015) from ``gemeenten_2015.geojson``, and one row ``NL00`` with their sum.

Why a sum row: the standard burglary rate needs households where burglaries are counted, and the
bundled burglaries exist only for Nederland. The 2015 gemeenten have no provincie or land parent in
the bundled boundaries, so the engine cannot roll them up itself; the script does, and only when
the coverage is complete: it refuses to write unless all 393 land parts of 2015 are present,
once each, with a count (no null, no negative). The water parts (``water = JA``) carry no
households of their own and are skipped. Run from the repository root:
``.venv/bin/python scripts/derive_huishoudens_gemeenten_2015.py ../shared/data``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

TARGET = Path("src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015/huishoudens_gemeenten_2015.csv")
GEMEENTEN_2015 = 393  # CBS: 393 gemeenten on 1 January 2015


def households(path: Path) -> dict[str, int]:
    """Return the households per gemeente code of the land parts in ``path``; fail on any gap."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    land = [f["properties"] for f in features if f["properties"].get("water") == "NEE"]
    found = {p["gemeentecode"]: p.get("aantal_huishoudens") for p in land}
    if len(land) != GEMEENTEN_2015 or len(found) != GEMEENTEN_2015:
        raise SystemExit(f"{len(land)} land parts, {len(found)} codes; expected {GEMEENTEN_2015}")
    bad = sorted(code for code, value in found.items() if not isinstance(value, int) or value < 0)
    if bad:
        raise SystemExit(f"no household count for {', '.join(bad)}")
    return {code: int(value) for code, value in found.items()}


def main(data: Path) -> None:
    """Write the CSV from the folder ``data`` (the shared data)."""
    counts = households(data / "cbs-gebiedsindelingen-2014-2015" / "gemeenten_2015.geojson")
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["gwb_code", "year", "a_hh"])
        writer.writerow(["NL00", 2015, sum(counts.values())])
        for code in sorted(counts):
            writer.writerow([code, 2015, counts[code]])
    print(TARGET.name, len(counts), "gemeenten,", sum(counts.values()), "huishoudens")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
