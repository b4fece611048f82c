# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Queen contiguity: corners count, gaps within the tolerance count, the real wijken of Hengelo."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import box

from kompas.areas import contiguity, load
from kompas.areas.queries import rd_boundaries
from kompas.sources import formats
from kompas.sources.codelists import DATA

cbs_gebieden = formats.get("cbs-gebieden")


def _grid(gap: float = 0.0) -> dict[str, bytes]:
    # A 3 × 3 grid of 100 m squares named by row and column, a gap of ``gap`` metres between them.
    return {
        f"{row}{column}": shapely.to_wkb(
            box(column * (100 + gap), row * (100 + gap), column * (100 + gap) + 100, row * (100 + gap) + 100)
        )
        for row in range(3)
        for column in range(3)
    }


def test_queen_neighbours_share_a_side_or_a_corner() -> None:
    result = contiguity.queen_neighbours(_grid(), tolerance=0)
    assert result.neighbours["11"] == ("00", "01", "02", "10", "12", "20", "21", "22")  # centre: all eight
    assert result.neighbours["00"] == ("01", "10", "11")  # corner: diagonal included (queen, not rook)
    weights = result.matrix()
    assert (weights == weights.T).all() and weights.sum() == 2 * 20  # 12 sides + 8 diagonals


@pytest.mark.parametrize(
    ("gap", "tolerance", "centre_neighbours"),
    [
        (0.2, 0.5, 8),  # a reprojection gap of 20 cm still touches
        (2.0, 0.5, 0),  # two metres apart is not a border
    ],
)
def test_tolerance(gap: float, tolerance: float, centre_neighbours: int) -> None:
    result = contiguity.queen_neighbours(_grid(gap), tolerance=tolerance)
    assert len(result.neighbours["11"]) == centre_neighbours


def test_hengelo_wijken_match_a_pairwise_check(db: None) -> None:
    for name in ("twente_gemeenten_2015.geojson", "twente_wijken_2014.geojson"):
        load.save_areas(cbs_gebieden.parse(DATA / "cbs-gebiedsindelingen-2014-2015" / name).areas)
    result = contiguity.neighbours("wijk", 2014, parent_code="GM0164")
    shapes = {code: shapely.from_wkb(wkb) for code, wkb in rd_boundaries("wijk", 2014, "GM0164").items()}
    # Reference: every pair compared directly, without the tree.
    expected = {
        code: tuple(
            sorted(other for other in shapes if other != code and shape.distance(shapes[other]) <= 0.5)
        )
        for code, shape in shapes.items()
    }
    assert result.neighbours == expected
    assert len(result.codes) == 10
    assert "WK016401" in result.neighbours["WK016400"]  # Hengelose Es borders the Binnenstad
    assert result.islands == ()
