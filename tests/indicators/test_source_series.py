# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Kompas reproduces the source's own statements from the figures the source reports.

Each expected number is written out here; a change in a fixture figure or in a formula makes a
test fail.
"""

from __future__ import annotations

import re

import pytest

from tests.indicators import source_series

LINES = re.compile(r"L\d+(-\d+)?(;L\d+(-\d+)?)*")


@pytest.mark.parametrize("name", source_series.SERIES)
def test_every_figure_has_line_references_and_a_quote(name: str) -> None:
    figures = source_series.load(name)
    assert figures
    for figure in figures:
        assert LINES.fullmatch(figure.lines), figure
        assert figure.quote
        assert figure.qualifier in {"exact", "at_least", "at_most", "approximately"}


def test_provenance_lists_every_series() -> None:
    provenance = (source_series.SOURCE_SERIES / "PROVENANCE.md").read_text(encoding="utf-8")
    assert all(f"`{name}.csv`" in provenance for name in source_series.SERIES)


def test_the_e33_series_as_reported() -> None:
    # L2033-2034: 865, 1.084, 1.104, 1.338 and 1.668 incidents in 2011-2015.
    assert source_series.e33_series() == [(2011, 865), (2012, 1084), (2013, 1104), (2014, 1338), (2015, 1668)]


def test_burglary_figures_as_reported() -> None:
    figures = source_series.load("twente_woninginbraken")
    assert source_series.figure(figures, "woninginbraken", 2015).value == 1743
    assert source_series.figure(figures, "woninginbraak_pogingen", 2015).value == 409
    assert source_series.figure(figures, "woninginbraken", 2012).qualifier == "at_least"  # "ruim 2.600"
    rates = source_series.load("twente_incidentiecijfers")
    assert (
        source_series.figure(rates, "woninginbraken_per_1000_woningen", 2015, "per_1000_woningen").value
        == 3.34
    )


def test_hennep_figures_as_reported() -> None:
    figures = {f.measure: f for f in source_series.load("twente_hennep")}
    assert figures["aangehouden_verdachten_hennep"].value == 325
    assert figures["opgerolde_hennepkwekerijen"].qualifier == "approximately"  # "rond de 200"
    assert figures["verlies_energiebedrijven"].qualifier == "at_most"  # "bijna € 400.000"
    assert figures["aandeel_teelt_nederlandse_markt"].value + figures["aandeel_teelt_export"].value == 100


def test_attempts_are_23_4_percent() -> None:
    # 409 / 1.743 = 23,465 %; the source writes 23,4 % (cut off, not rounded to 23,5 %).
    result = source_series.attempt_share()
    assert result.computed == pytest.approx(23.4653, abs=5e-5)
    assert result.reported == 23.4
    assert result.agrees
    assert round(result.computed, 1) == 23.5


def test_e33_doubled_in_five_years() -> None:
    # 1.668 / 865 = 1,928: "een verdubbeling van het aantal incidenten in een periode van 5 jaar".
    result = source_series.e33_doubling()
    assert result.computed == pytest.approx(1.92832, abs=1e-5)
    assert result.agrees


def test_e33_trend_doubles_within_five_years() -> None:
    # Negative binomial (Pearson χ²/df = 4,49 > 1,5): +16,6 % a year (95 % CI 13,2 – 20,0),
    # doubling time ln 2 / ln 1,166 = 4,5 years.
    result = source_series.e33_trend()
    assert result.method.value == "negative_binomial_glm"
    assert result.dispersion.pearson_ratio == pytest.approx(4.4926, abs=1e-4)
    assert result.pct_per_year == pytest.approx(16.563, abs=1e-3)
    assert (result.ci_low, result.ci_high) == pytest.approx((13.236, 19.988), abs=1e-3)
    assert result.p_value < 1e-10
    assert source_series.doubling_time(result.pct_per_year) == pytest.approx(4.5226, abs=1e-4)


def test_burglary_counts_implied_by_the_declines() -> None:
    # 1.743 / 0,83 = 2.100 (2014); 2.100 / 0,80 = 2.625 (2013), "ruim 2.600" after a stable 2013.
    assert source_series.burglary_back_calculation() == pytest.approx(
        {2013: 2625.0, 2014: 2100.0, 2015: 1743.0}
    )


def test_declines_of_20_and_17_percent_agree_with_the_counts() -> None:
    # Together −33,6 % (0,80 × 0,83 − 1); from "ruim 2.600" to 1.743 is −33,0 % (2.600) to −35,4 % (2.700).
    result = source_series.burglary_declines()
    assert result.reported == pytest.approx(-33.6)
    assert result.computed == pytest.approx(-32.9615, abs=1e-4)
    assert result.agrees
