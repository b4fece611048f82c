# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The source's figures stored as observations reproduce its statements through ``compute``.

Each expected number is written out; a drift in a figure, the loader, the engine or a formula
makes the test fail.
"""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.observations.models import Observation
from kompas.sources.models import ImportRun
from tests.indicators.source_observations import DEFINITIONS, TWENTE, reproduce, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def reproduced(org_a: Organisation) -> dict[str, object]:
    run_ids = store(organisation=org_a, actor=None)
    with scopes_disabled():
        loaded = load_definitions(
            DEFINITIONS.read_text(encoding="utf-8"), DEFINITIONS.name, actor=None, organisation=None
        )
    assert loaded.problems == ()
    compute(actor=None)
    with scopes_disabled():
        return {"statements": reproduce(), "runs": list(ImportRun.objects.filter(pk__in=run_ids))}


def test_figures_are_observations_with_their_lines(reproduced: dict[str, object]) -> None:
    with scopes_disabled():
        stored = dict(
            Observation.objects.filter(area__code=TWENTE, measure__code="ivz_e33_incidenten").values_list(
                "period_start__year", "value"
            )
        )
    assert stored == {2011: 865.0, 2012: 1084.0, 2013: 1104.0, 2014: 1338.0, 2015: 1668.0}
    runs = reproduced["runs"]
    assert isinstance(runs, list)
    notes = [note["message"] for run in runs for note in run.warnings]
    assert (
        "twente_woninginbraken.csv:8 woninginbraak_pogingen 2015: L2016 — “waarvan 409 pogingen (23,4%)”"
        in notes
    )


def test_statements_are_reproduced_from_stored_values(reproduced: dict[str, object]) -> None:
    share, doubling, declines = reproduced["statements"]  # type: ignore[misc]  # three statements, typed loosely
    # 409 / 1.743 = 23,47 %, cut off to 23,4 as the source does (L2016).
    assert (share.computed, share.agrees) == (pytest.approx(23.465, abs=1e-3), True)
    # 1.668 / 865 = 1,93: "verdubbeling in 5 jaar" (L2034-2035), doubling time 4,5 years.
    assert (doubling.computed, doubling.agrees) == (pytest.approx(1.928, abs=1e-3), True)
    # −20 % and −17 % compound to −33,6 %, between −33,0 % (from 2.600) and −35,4 % (from 2.700).
    assert declines.reported == pytest.approx(-33.6)
    assert (declines.computed, declines.agrees) == (pytest.approx(-32.96, abs=1e-2), True)


def test_storing_again_changes_nothing(reproduced: dict[str, object], org_a: Organisation) -> None:
    store(organisation=org_a, actor=None)
    with scopes_disabled():
        latest = ImportRun.objects.order_by("-pk").first()
    assert latest is not None and latest.status == "ongewijzigd"
