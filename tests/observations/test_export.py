# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Export with aggregation: counts are summed, rates and survey values never, the source's own total wins."""

from __future__ import annotations

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas import load
from kompas.observations.export import export_observations, selection
from kompas.observations.models import Measure, Observation
from tests.observations.test_write import _write

pytestmark = pytest.mark.django_db

M = [dt.date(2024, month, 1) for month in range(1, 13)]


@pytest.fixture
def data(org_a: Organisation) -> None:
    load.create_areas({"BU01640100": 2014, "BU01640101": 2014, "BU01640200": 2014}, names={})
    rows = [("woninginbraken", "BU01640100", start, "month", 1.0, None, None) for start in M]
    rows += [("woninginbraken", "BU01640101", start, "month", 2.0, None, None) for start in M[:6]]
    rows += [("woninginbraken", "BU01640200", M[0], "month", 5.0, None, None)]
    # A rate and a survey value: never summed.
    rows += [("veiligheidsgevoel", "BU01640100", M[0], "year", 23.4, 1.7, 1200)]
    rows += [("veiligheidsgevoel", "GM0164", M[0], "year", 21.0, 1.1, 3000)]
    _write(org_a, rows)


def _table(**kwargs: str) -> dict[tuple[str, str, str, str], float]:
    result = export_observations(selection(), **kwargs)
    return {(r[0], r[2], str(r[4]), str(r[5])): r[6] for r in result.rows}  # type: ignore[misc]  # rows are tuples of mixed types


def test_without_aggregation_every_stored_value(data: None) -> None:
    table = _table()
    assert len(table) == 12 + 6 + 1 + 2
    assert sum(v for k, v in table.items() if k[0] == "woninginbraken") == 12 + 12 + 5


@pytest.mark.parametrize(
    ("level", "period", "expected"),
    [
        # buurten of wijk 01 summed per month; wijk 02 has its own buurt
        ("wijk", None, {("WK016401", "2024-01-01", "month"): 3.0, ("WK016402", "2024-01-01", "month"): 5.0}),
        # all months of both buurten in one year for the gemeente
        ("gemeente", "year", {("GM0164", "2024-01-01", "year"): 29.0}),
        # quarters of one buurt without a level
        (
            None,
            "quarter",
            {("BU01640101", "2024-04-01", "quarter"): 6.0, ("BU01640100", "2024-10-01", "quarter"): 3.0},
        ),
    ],
)
def test_counts_are_summed(
    data: None, level: str | None, period: str | None, expected: dict[tuple[str, str, str], float]
) -> None:
    arguments = {key: value for key, value in (("level", level), ("period", period)) if value}
    table = _table(**arguments)
    for (area, start, length), value in expected.items():
        assert table[("woninginbraken", area, start, length)] == value


def test_rates_and_survey_values_are_never_summed(data: None) -> None:
    result = export_observations(selection(), level="gemeente", period="year")
    survey = [row for row in result.rows if row[0] == "veiligheidsgevoel"]
    # Only the gemeente's own value survives, with its margin; the buurt's is not averaged in.
    assert survey == [
        (
            "veiligheidsgevoel",
            "Veiligheidsgevoel",
            "GM0164",
            "gemeente",
            dt.date(2024, 1, 1),
            "year",
            21.0,
            1.1,
            3000,
            *(None,) * 5,
            "",  # the gemeente's own value: no sum, so no coverage
        )
    ]
    assert result.left_out == 1


def test_the_sources_own_total_wins_over_the_sum(org_a: Organisation, data: None) -> None:
    _write(org_a, [("woninginbraken", "GM0164", dt.date(2024, 1, 1), "year", 30.0, None, None)])
    assert _table(level="gemeente", period="year")[("woninginbraken", "GM0164", "2024-01-01", "year")] == 30.0


def test_selection_keeps_other_organisations_measures_out(
    org_a: Organisation, org_b: Organisation, data: None
) -> None:
    with scopes_disabled():  # Enschede's own measure: its values are Enschede's too
        Measure.objects.filter(code="woninginbraken").update(organisation=org_b)
        Observation.objects.filter(measure__code="woninginbraken").update(organisation=org_b)
    assert {row[0] for row in export_observations(selection(organisation_id=org_a.pk)).rows} == {
        "veiligheidsgevoel"
    }
    assert len(export_observations(selection(all_organisations=True)).rows) == 21
