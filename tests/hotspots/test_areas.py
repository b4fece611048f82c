# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Area hotspots on the real Twente buurten (CBS 2014): equal to esda's own, seeded, FDR, persistence."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from esda.getisord import G_Local
from esda.moran import Moran_Local
from libpysal.weights import Queen, W

from kompas.areas import contiguity, load
from kompas.areas.queries import rd_boundaries
from kompas.hotspots.areas import fdr, local_statistics, persistent
from kompas.sources import formats
from kompas.sources.codelists import DATA

cbs_gebieden = formats.get("cbs-gebieden")
FOLDER = DATA / "cbs-gebiedsindelingen-2014-2015"


@pytest.fixture
def twente(db: None) -> tuple[contiguity.Contiguity, dict[str, float], list[object]]:
    """The Twente buurten, their queen contiguity and, as the indicator, each buurt's area in hectares."""
    for level in ("gemeenten_2015", "wijken_2014", "buurten_2014"):
        load.save_areas(cbs_gebieden.parse(FOLDER / f"twente_{level}.geojson").areas)
    stored = rd_boundaries("buurt", 2014)
    shapes = [shapely.from_wkb(stored[code]) for code in sorted(stored)]
    hectares = {code: shape.area / 10_000 for code, shape in zip(sorted(stored), shapes, strict=True)}
    return contiguity.neighbours("buurt", 2014), hectares, shapes


def test_gi_star_and_local_moran_equal_esda_on_the_twente_buurten(
    twente: tuple[contiguity.Contiguity, dict[str, float], list[object]],
) -> None:
    queen, hectares, shapes = twente
    # the buurten with a stored boundary (PROVENANCE: tiny ones collapsed in the coarse TopoJSON)
    assert len(queen.codes) == len(shapes) == 466
    # libpysal's queen (exactly shared vertices) finds a subset: reprojection to RD opens gaps of
    # centimetres that Kompas' 0,5 m tolerance closes (kompas.areas.contiguity)
    exact = Queen.from_iterable(shapes, ids=list(queen.codes))
    assert all(set(exact.neighbors[c]) <= set(queen.neighbours[c]) for c in queen.codes)
    # esda on its own, on the same neighbours, same seed
    reference_w = W({c: list(queen.neighbours[c]) for c in queen.codes}, id_order=list(queen.codes))
    y = np.array([hectares[code] for code in queen.codes])
    gi = G_Local(y, reference_w, transform="B", star=True, permutations=999, seed=1995, n_jobs=1)
    moran = Moran_Local(y, reference_w, transformation="r", permutations=999, seed=1995, n_jobs=1)
    ours = local_statistics(hectares, queen, permutations=999, seed=1995)
    assert [s.code for s in ours] == list(queen.codes)
    np.testing.assert_allclose([s.gi_z for s in ours], gi.Zs, rtol=0, atol=1e-9)
    np.testing.assert_allclose([s.gi_p for s in ours], gi.p_sim, rtol=0, atol=1e-9)
    np.testing.assert_allclose([s.moran_i for s in ours], moran.Is, rtol=0, atol=1e-9)
    np.testing.assert_allclose([s.moran_p for s in ours], moran.p_sim, rtol=0, atol=1e-9)
    # the FDR decision is Benjamini-Hochberg on esda's permutation p-values
    assert [s.gi_significant for s in ours] == fdr(gi.p_sim, 0.05).tolist()


def test_the_same_seed_gives_the_same_p_values(
    twente: tuple[contiguity.Contiguity, dict[str, float], list[object]],
) -> None:
    queen, hectares, _ = twente
    first = local_statistics(hectares, queen, permutations=99, seed=7)
    again = local_statistics(hectares, queen, permutations=99, seed=7)
    assert [s.gi_p for s in first] == [s.gi_p for s in again]


def test_fdr_is_benjamini_hochberg() -> None:
    # BH at 5 %: sorted p ≤ i/m · 0,05 for the largest such i; here i = 2 of m = 4 (0,02 ≤ 0,025)
    assert fdr(np.array([0.01, 0.02, 0.04, 0.5]), 0.05).tolist() == [True, True, False, False]
    assert fdr(np.array([0.03, 0.04]), 0.05).tolist() == [True, True]  # 0,04 ≤ 2/2 · 0,05


def test_persistence_counts_the_last_n_periods() -> None:
    periods = [{"A", "B"}, {"A"}, {"A", "C"}, {"C"}]
    assert persistent(periods, k=2, n=3) == {"A", "C"}  # B was hot only before the last three
    assert persistent(periods, k=3, n=4) == {"A"}
    with pytest.raises(ValueError, match="k <= n"):
        persistent(periods, k=4, n=3)
