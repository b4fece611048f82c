# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Each forecast method on a synthetic pattern with a known answer, and blind to the future."""

from __future__ import annotations

import numpy as np
import pytest

from kompas.hotspots.grid import Grid, active_cells
from kompas.hotspots.methods import BASE_METHODS, METHOD_NAMES, run
from kompas.hotspots.methods.decay import DecaySettings, decayed
from kompas.hotspots.methods.ensemble import EnsembleSettings, choose_weights
from kompas.hotspots.methods.kde import KdeSettings, choose_bandwidth
from kompas.hotspots.methods.naive import long_run_count, recent_count
from kompas.hotspots.methods.prospective import prospective
from kompas.hotspots.methods.sepp import SeppSettings, fit, sepp
from kompas.hotspots.pattern import Pattern

GRID = Grid(0.0, 0.0, 100.0, 20, 20)  # 2 × 2 km in 100 m cells
AT = 400.0  # the forecast time, in days


def centre(col: int, row: int) -> tuple[float, float]:
    return GRID.x0 + (col + 0.5) * GRID.cell, GRID.y0 + (row + 0.5) * GRID.cell


def pattern(events: list[tuple[float, int, int]]) -> Pattern:
    """Events as (day, column, row) at cell centres."""
    t = np.array([e[0] for e in events], dtype=float)
    xy = np.array([centre(col, row) for _, col, row in events], dtype=float).reshape(-1, 2)
    return Pattern.of(t, xy[:, 0], xy[:, 1])


def test_the_grid_puts_points_in_their_cells_and_the_mask_follows_the_rule() -> None:
    grid = Grid.covering(np.array([149.0, 451.0]), np.array([10.0, 299.0]), cell=150.0)
    assert (grid.x0, grid.y0, grid.nx, grid.ny) == (0.0, 0.0, 4, 2)
    assert grid.index(np.array([149.0, 451.0, -1.0]), np.array([10.0, 299.0, 0.0])).tolist() == [0, 7, -1]
    mask = active_cells(grid, np.array([149.0]), np.array([10.0]))
    assert mask.sum() == 1 and mask[0, 0]  # no boundary: the cells with an incident


def test_the_mask_uses_the_boundary_when_known() -> None:
    import shapely

    square = shapely.box(0, 0, 300, 150)  # covers the centres of the first two cells of row 0
    mask = active_cells(Grid(0.0, 0.0, 150.0, 4, 2), np.array([]), np.array([]), boundary=square)
    assert mask.tolist() == [[True, True, False, False], [False, False, False, False]]


def test_naive_counts_count_the_recent_weeks_and_the_whole_past() -> None:
    # cell (1, 1): three events last week; cell (5, 5): five events a year ago
    events = pattern([(AT - 2, 1, 1)] * 3 + [(AT - 360, 5, 5)] * 5)
    recent, longrun = recent_count(events, GRID, AT, 7.0), long_run_count(events, GRID, AT, 7.0)
    assert recent[1, 1] == 3 and recent.sum() == 3
    assert longrun[1, 1] == 3 and longrun[5, 5] == 5 and longrun.sum() == 8


def test_prospective_weights_are_bowers_johnson_pease() -> None:
    # one event yesterday at (10, 10): weight 1 in its cell, 1/2 one cell away, 1/3 two cells away
    score = prospective(pattern([(AT - 1, 10, 10)]), GRID, AT, 7.0)
    assert score[10, 10] == pytest.approx(1.0)
    assert score[10, 11] == pytest.approx(0.5) and score[12, 10] == pytest.approx(1 / 3)
    assert score[10, 15] == pytest.approx(0.0, abs=1e-12)  # 500 m: beyond the 400 m bandwidth
    # the same event a week and a half ago counts half (w = 1 week); nine weeks ago not at all
    assert prospective(pattern([(AT - 10, 10, 10)]), GRID, AT, 7.0)[10, 10] == pytest.approx(0.5)
    assert prospective(pattern([(AT - 63, 10, 10)]), GRID, AT, 7.0).max() == pytest.approx(0.0, abs=1e-12)


def test_kde_peaks_on_the_cluster_and_picks_a_narrow_bandwidth_for_a_point_source() -> None:
    # every event of a year in one cell: the narrowest candidate predicts the last weeks best
    events = pattern([(AT - day, 4, 4) for day in range(1, 365, 3)])
    assert choose_bandwidth(events, GRID, AT, KdeSettings()) == 50.0
    density = run("kde", events, GRID, AT, 7.0)
    assert np.unravel_index(np.argmax(density), density.shape) == (4, 4)
    assert density[4, 3] == pytest.approx(density[4, 5]) == pytest.approx(density[3, 4])  # symmetric


def test_kde_picks_a_wide_bandwidth_for_a_diffuse_pattern() -> None:
    rng = np.random.default_rng(7)
    # 300 events a year spread with a standard deviation of 600 m: Silverman's rule gives
    # h ≈ 600 · 300^(−1/6) ≈ 230 m, so the 250 m candidate
    t = AT - rng.uniform(0, 365, 300)
    x, y = rng.normal(1000, 600, 300), rng.normal(1000, 600, 300)
    assert choose_bandwidth(Pattern.of(t, x, y), GRID, AT, KdeSettings()) == 250.0


def simulate_hawkes(
    mu: float, theta: float, omega: float, span: float, rng: np.random.Generator
) -> np.ndarray:
    """Return the times of a Hawkes process by its cluster form: background, then offspring."""
    times = list(rng.uniform(0, span, rng.poisson(mu * span)))
    parents = list(times)
    while parents:
        children = []
        for parent in parents:
            for delay in rng.exponential(1 / omega, rng.poisson(theta)):
                if parent + delay < span:
                    children.append(parent + delay)
        times += children
        parents = children
    return np.sort(np.array(times))


def test_sepp_em_recovers_a_known_self_exciting_process() -> None:
    # 300 cells, each a quiet background (μ = 0,01 per day) with near-repeats: θ = 0,5 offspring
    # per event after a mean delay of 2 days (ω = 0,5 per day), over 2.000 days
    rng = np.random.default_rng(2011)
    runs = [simulate_hawkes(0.01, 0.5, 0.5, 2000.0, rng) for _ in range(300)]
    cells = np.concatenate([np.full(len(t), cell) for cell, t in enumerate(runs)])
    model = fit(cells, np.concatenate(runs), 300, 2000.0, SeppSettings(iterations=500, max_lag_days=60))
    assert model.theta == pytest.approx(0.5, abs=0.03)
    assert model.omega == pytest.approx(0.5, abs=0.05)
    assert model.background.mean() == pytest.approx(0.01, abs=0.001)


def test_sepp_finds_no_excitation_in_a_poisson_process_and_forecasts_its_rate() -> None:
    rng = np.random.default_rng(2015)
    t = np.sort(rng.uniform(AT - 365, AT, 730))  # 2 per day in one cell
    model = fit(np.zeros(len(t), dtype=np.int64), t - (AT - 365), 1, 365.0, SeppSettings(iterations=300))
    assert model.theta < 0.05
    x, y = centre(3, 3)
    expected = sepp(Pattern.of(t, np.full(len(t), x), np.full(len(t), y)), GRID, AT, 7.0)
    assert expected[3, 3] == pytest.approx(14.0, rel=0.1) and expected.sum() == pytest.approx(expected[3, 3])


def test_the_ensemble_weights_the_member_that_caught_the_past_weeks() -> None:
    # every week one burglary in cell (2, 2), which only the recent count has seen lately,
    # while the long-run count is dominated by an old hotspot at (15, 15)
    weekly = [(AT - 7 * k - 3, 2, 2) for k in range(20)]
    events = pattern(weekly + [(AT - 300 - k, 15, 15) for k in range(60)])
    settings = EnsembleSettings(members=("recent", "longrun"), validation_weeks=8, coverage=0.0025, steps=4)

    def forecasts(name: str, at: float) -> np.ndarray:
        return run(name, events, GRID, at, 7.0)

    weights = choose_weights(events, GRID, AT, 7.0, forecasts, settings)
    assert weights.caught == 8  # the one event of each of the eight weeks
    assert weights.weights["recent"] >= 0.5
    alone = EnsembleSettings(members=("longrun",), validation_weeks=8, coverage=0.0025, steps=4)
    assert choose_weights(events, GRID, AT, 7.0, forecasts, alone).caught == 0


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_no_method_reads_events_after_the_forecast_time(name: str) -> None:
    rng = np.random.default_rng(19)
    t = AT - rng.uniform(0, 400, 600)
    x, y = rng.uniform(0, 2000, 600), rng.uniform(0, 2000, 600)
    past = Pattern.of(t, x, y)
    # a flood of events at and after the forecast time, all in one cell
    spot = np.full(50, 50.0)
    flood = Pattern.of(np.r_[t, AT + np.arange(0, 50) * 0.5], np.r_[x, spot], np.r_[y, spot])
    assert np.array_equal(run(name, past, GRID, AT, 7.0), run(name, flood, GRID, AT, 7.0))


def test_every_base_method_has_a_name() -> None:
    assert set(BASE_METHODS) == {"recent", "longrun", "kde", "prospective", "sepp", "decay"}


def test_decay_weighs_an_event_by_exp_minus_age_over_tau_and_spreads_three_quarters() -> None:
    # one event exactly τ = 26 weeks old in cell (5, 5): weight e^-1
    one = pattern([(AT - 182.0, 5, 5)])
    own = decayed(one, GRID, AT, 7.0, settings=DecaySettings(weeks=26.0, mix=0.0))
    assert own[5, 5] == pytest.approx(np.exp(-1.0), abs=1e-12) and own.sum() == pytest.approx(np.exp(-1.0))
    # the chosen mix: a quarter stays, three quarters spread by scipy's Gaussian of 1 cell
    # (truncated at 4 σ, normalised): g(k) = exp(-k²/2) / Σ_{j=-4..4} exp(-j²/2)
    g = np.exp(-(np.arange(-4, 5) ** 2) / 2.0)
    g = g / g.sum()
    score = decayed(one, GRID, AT, 7.0)
    w = np.exp(-1.0)
    assert score[5, 5] == pytest.approx(w * (0.25 + 0.75 * g[4] ** 2), abs=1e-12)
    assert score[5, 6] == pytest.approx(w * 0.75 * g[4] * g[5], abs=1e-12)
    assert score[7, 8] == pytest.approx(w * 0.75 * g[6] * g[7], abs=1e-12)
    assert score.sum() == pytest.approx(w, abs=1e-12)  # nothing lost away from the grid's edge


def test_decay_puts_a_fresh_event_above_two_old_ones_where_the_count_does_not() -> None:
    events = pattern([(AT - 364.0, 2, 2), (AT - 364.0, 2, 2), (AT - 1.0, 15, 15)])
    longrun, score = long_run_count(events, GRID, AT, 7.0), decayed(events, GRID, AT, 7.0)
    assert longrun[2, 2] > longrun[15, 15]
    assert score[15, 15] > score[2, 2]  # 2·e^-2 ≈ 0,27 against e^(-1/182) ≈ 0,99, before smoothing
    # no decay and no smoothing is the naive long-run count, exactly
    plain = decayed(events, GRID, AT, 7.0, settings=DecaySettings(weeks=np.inf, mix=0.0))
    assert np.array_equal(plain, longrun)
