# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A wijk is the sum of its buurten only when all of them have a count (issue 14 §4).

Hengelo's real 2014 boundaries and the real registered crimes per buurt of 2023 (CBS/Politie
47018NED). The file has every buurt; to be a source that lacks one, the count of
BU01640100 (Hengelose Es-Noord) is left out.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.observations.models import Measure, Observation
from kompas.reports.figures import area_map, wijk_sums
from tests.reports.factories import Hengelo
from tests.sources.importing import raw_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]
CRIMES = "politie-buurt-jaar-hengelo-enschede-2023/misdrijven_buurt_hengelo_2023.csv"
LEFT_OUT = "BU01640100"


@pytest.fixture
def crimes(hengelo: Hengelo) -> dict[str, int]:
    """Store the 2023 counts of every Hengelo buurt but one; return all counts of the file."""
    counts = {row["WijkenEnBuurten"]: int(row["GeregistreerdeMisdrijven_1"]) for row in raw_rows(CRIMES)}
    with scopes_disabled():
        measure = Measure.objects.create(code="misdrijven_totaal", name="Misdrijven", unit="aantal")
        Observation.objects.bulk_create(
            Observation(
                measure=measure,
                area=hengelo.buurten[code],
                period_start=dt.date(2023, 1, 1),
                period_length="year",
                value=count,
            )
            for code, count in counts.items()
            if code != LEFT_OUT and code in hengelo.buurten
        )
    return counts


def test_a_wijk_missing_a_buurt_gets_no_sum_but_the_remark(
    org_a: Organisation, hengelo: Hengelo, crimes: dict[str, int]
) -> None:
    wijken = {area.pk: code for code, area in hengelo.wijken.items()}
    sums = wijk_sums(org_a, wijken, (2023, 2023), ["misdrijven_totaal"])
    complete = {hengelo_code(hengelo, s.area_id): s.value for s in sums.complete}
    in_wijk_01 = [code for code in hengelo.buurten if code.startswith("BU016401")]
    assert "WK016401" not in complete
    remark = f"onvolledig ({len(in_wijk_01) - 1} van {len(in_wijk_01)} buurten)"
    assert sums.incomplete == {("misdrijven_totaal", hengelo.wijken["WK016401"].pk, 2023): remark}
    # a wijk with all its buurten: the sum of the file's counts, by hand
    assert complete["WK016402"] == sum(n for code, n in crimes.items() if code.startswith("BU016402"))
    drawn = area_map(org_a, level="wijk", year=2023, measure_code="misdrijven_totaal", suppress=False)
    assert drawn is not None
    listed = {value.code: value for value in drawn.areas}
    assert listed["WK016401"].note == remark


def hengelo_code(hengelo: Hengelo, pk: int) -> str:
    return next(code for code, area in hengelo.wijken.items() if area.pk == pk)
