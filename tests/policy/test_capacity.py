# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which themes fit in the OOV hours per year, and the three scenarios of the cover letter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django_scopes import scope

from kompas.policy import capacity
from kompas.policy.capacity import CapacityInputs, ThemeDemand, fit, phase_of
from kompas.policy.charts import scenario_chart
from kompas.policy.models import Plan, Theme
from kompas.presentation.charts import render_svg

pytestmark = pytest.mark.django_db


def _theme(
    code: str, hours: int, *, urgent: bool = False, leads: bool = False, phase: int | None = None
) -> ThemeDemand:
    return ThemeDemand(code, code, hours, False, urgent, leads, phase, int(code[1:]))


@pytest.mark.parametrize(
    ("available", "themes", "fitted", "not_fitted"),
    [
        # everything fits when the hours allow
        (500, [_theme("T1", 200), _theme("T2", 200)], ("T1", "T2"), ()),
        # urgent themes go first, whatever their number
        (250, [_theme("T1", 200), _theme("T6", 200, urgent=True)], ("T6",), ("T1",)),
        # among equally urgent themes, the ones OOV leads go first
        (250, [_theme("T3", 200), _theme("T7", 200, leads=True)], ("T7",), ("T3",)),
        # a theme that does not fit is passed over; a smaller one after it may still fit
        (300, [_theme("T1", 200, urgent=True), _theme("T2", 200), _theme("T3", 80)], ("T1", "T3"), ("T2",)),
        # exactly the hours available still fits
        (200, [_theme("T1", 200)], ("T1",), ()),
    ],
)
def test_fit(
    available: float, themes: list[ThemeDemand], fitted: tuple[str, ...], not_fitted: tuple[str, ...]
) -> None:
    result = fit(2017, available, themes)
    assert (result.fitted, result.not_fitted) == (fitted, not_fitted)
    assert result.demanded_hours == sum(theme.hours for theme in themes)


@pytest.mark.parametrize(
    ("year", "phase"),
    [(2017, 1), (2018, 1), (2019, 2), (2020, 2)],  # two halves of two years (IVP L1373)
)
def test_phase_of_year(year: int, phase: int) -> None:
    assert phase_of(year, 2017, 2020) == phase


def test_hengelo_inputs_come_from_the_plan(hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        given = capacity.inputs(hengelo_plan)
    # 3 fte (G32, L6529) × 1.440 hours × 10 % room for new priorities (L1366) = 432 hours a year.
    assert (given.fte, given.hours_per_fte, given.priority_share) == (3.0, 1440, 10.0)
    assert given.available_hours == pytest.approx(432.0)
    assert [theme.code for theme in given.themes] == ["T6", "T7", "T4", "T2", "T8", "T1", "T3", "T5"]
    assert all(theme.assumed for theme in given.themes)


def test_three_scenarios_side_by_side(hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        Theme.objects.filter(plan=hengelo_plan).update(effort_hours=150)
        results = {result.kind: result for result in capacity.compare(hengelo_plan)}
    themes = results["prioritise_themes"]
    in_time = results["prioritise_in_time"]
    extra = results["extra_resources"]
    # 432 hours hold two themes of 150 hours: the two most urgent, every year.
    assert {year.fitted for year in themes.years} == {("T6", "T7")}
    assert len(themes.themes_never_fitted) == 6
    # Per phase: phase 1 (T3, T5, T6, T7) in 2017-2018, phase 2 (T1, T2, T4, T8) in 2019-2020.
    assert [year.fitted for year in in_time.years] == [("T6", "T7")] * 2 + [("T4", "T2")] * 2
    assert set(in_time.themes_never_fitted) == {"T1", "T3", "T5", "T8"}
    # +1,0 fte (G32 recommendation, L7132-7133) adds 1.440 hours: all eight fit.
    assert extra.extra_fte == 1.0
    assert all(len(year.fitted) == 8 for year in extra.years) and extra.themes_never_fitted == ()


def test_trying_other_numbers(hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        base = capacity.inputs(hengelo_plan)
        tried = CapacityInputs(4.0, 1440, 25.0, base.themes)
        results = capacity.compare(hengelo_plan, tried)
    assert results[0].years[0].available_hours == pytest.approx(1440.0)


def test_chart_is_an_svg_with_a_table(hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        results = capacity.compare(hengelo_plan)
    chart = scenario_chart(results, 8)
    svg = render_svg(chart)
    assert svg.startswith("<svg") and "Thema’s die passen, per jaar en scenario" in svg
    assert len(chart.rows) == 12  # 3 scenarios × 4 years
    assert chart.rows[0][:3] == ("2017", "S1 Prioriteren op thema’s", 3)


def test_scenario_extra_fte_is_the_g32_recommendation(hengelo_plan: Plan) -> None:
    with scope(organisation=hengelo_plan.organisation_id):
        extra = {scenario.code: scenario.extra_fte for scenario in hengelo_plan.scenarios.all()}
    assert extra == {"S1": Decimal(0), "S2": Decimal(0), "S3": Decimal(1)}
