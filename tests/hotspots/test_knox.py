# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Knox test against pointpats' published example: Burkitt's lymphoma in the West Nile district."""

from __future__ import annotations

from pathlib import Path

import libpysal
import numpy as np
import pytest
import shapefile
from pointpats.spacetime import Knox
from scipy.stats import poisson

from kompas.hotspots.knox import knox


def burkitt() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return X, Y (km) and T (days) of the 188 cases shipped with libpysal (Williams et al. 1978)."""
    path = Path(libpysal.examples.get_path("burkitt.shp"))
    with shapefile.Reader(str(path)) as reader:
        fields = [f[0] for f in reader.fields[1:]]
        rows = [dict(zip(fields, record, strict=True)) for record in reader.records()]
    return tuple(np.array([row[c] for row in rows], dtype=float) for c in ("X", "Y", "T"))  # type: ignore[return-value]


def test_knox_gives_the_documented_burkitt_result() -> None:
    # pointpats' Knox docstring: 13 pairs within 20 km and 5 days, 10,14 expected, p (Poisson) 0,146
    x, y, t = burkitt()
    result = knox(x, y, t, delta=20, tau=5, permutations=0)
    assert result.close_both == 13
    assert result.expected == pytest.approx(10.1438161, abs=1e-6)
    # pointpats reports P(X > 13) = 0,146; the one-sided p-value of Knox (1964) is P(X ≥ 13)
    assert poisson.sf(13, result.expected) == pytest.approx(0.14624558197140414, abs=1e-9)
    assert result.p_poisson == pytest.approx(poisson.sf(12, result.expected), abs=1e-12)
    assert result.p_poisson == pytest.approx(0.2222667, abs=1e-6)
    assert (result.close_space, result.close_time) == (13 + 3416, 13 + 39)


def test_knox_equals_pointpats_and_its_permutation_p_value_is_seeded() -> None:
    x, y, t = burkitt()
    theirs = Knox(np.column_stack([x, y]), t.reshape(-1, 1), delta=20, tau=5, permutations=0)
    ours = knox(x, y, t, delta=20, tau=5, permutations=199, rng=np.random.default_rng(1964))
    assert ours.close_both == theirs.statistic_
    assert ours.expected == pytest.approx(theirs.expected[0, 0], abs=1e-9)
    again = knox(x, y, t, delta=20, tau=5, permutations=199, rng=np.random.default_rng(1964))
    assert ours.p_permutation == again.p_permutation
    assert ours.p_permutation is not None and 0.05 < ours.p_permutation < 0.5  # no interaction at 5 days


def test_knox_finds_planted_near_repeats() -> None:
    # 100 scattered burglaries over a year, each followed 3 days later by one 50 m away
    rng = np.random.default_rng(2007)
    x, y, t = rng.uniform(0, 5000, 100), rng.uniform(0, 5000, 100), rng.uniform(0, 365, 100)
    result = knox(np.r_[x, x + 50], np.r_[y, y], np.r_[t, t + 3], delta=200, tau=7, rng=rng)
    assert result.close_both >= 100 and result.p_permutation == pytest.approx(1 / 1000)


def test_a_permutation_test_without_a_generator_is_refused() -> None:
    with pytest.raises(ValueError, match="seeded"):
        knox(np.zeros(3), np.zeros(3), np.arange(3.0), delta=1, tau=1)
