# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A parent whose parts are partly present, on real data: Zoetermeer in the Den Haag police panel.

The panel of 2015 has residential burglaries (delict 104) for 22 of Zoetermeer's 26 buurten of
2014; its centre (wijk WK063700, four buurten) is missing. The other seven gemeenten of the unit
have only the buurten of the panel (created from their codes), so they are complete. Zoetermeer
gets no value, no trend and no verdict; export, page and API say *onvolledig (22 van 26 buurten)*.
"""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.indicators import progress
from kompas.indicators.compute import compute
from kompas.indicators.models import Indicator, IndicatorTrend, IndicatorValue
from kompas.indicators.queries import value_frame
from kompas.indicators.status import Status, TargetRule
from kompas.indicators.targets import TargetFigures
from kompas.observations.export import export_observations, selection
from kompas.reports.indicator_figures import indicator_figures
from tests.indicators.factories import define
from tests.sources.importing import raw_rows, run_import

if TYPE_CHECKING:
    from kompas.policy.queries import Target

pytestmark = pytest.mark.django_db
GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
PANEL = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"
POPULATION = "cbs-bevolking-buurt-2024/bevolking_buurt_2024_85984NED.csv"
LABEL = "onvolledig (22 van 26 buurten)"


def _extract(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def burglaries(org_a: Organisation, tmp_path: Path) -> Indicator:
    """The unit's boundaries, Zoetermeer's inhabitants of 2024, the burglaries of 2015, computed."""
    for name in ("denhaag_eenheid_gemeenten_2015", "zoetermeer_wijken_2014", "zoetermeer_buurten_2014"):
        run_import(org_a, GEBIEDEN + name + ".geojson", "cbs-gebieden")
    people = [row for row in raw_rows(POPULATION) if row["gemeente_code"] == "GM0637"]
    run_import(org_a, _extract(tmp_path / "bevolking_2024.csv", people), "cbs-bevolking")
    panel = [row for row in raw_rows(PANEL) if row["jaar"] == "2015" and row["delict_code"] == "104"]
    run_import(org_a, _extract(tmp_path / "panel.csv", panel), "politie-buurt-maand", create_areas=True)
    define(
        '[[indicator]]\ncode = "woninginbraak"\nname = "Woninginbraken"\nformula = "count"\n'
        'numerator = "politie_delict_104"\n'
    )
    compute(actor=None)
    with scopes_disabled():
        return Indicator.objects.get(code="woninginbraak")


def test_no_value_trend_or_verdict_rests_on_the_partial_sum(burglaries: Indicator) -> None:
    with scopes_disabled():
        gemeenten = set(
            IndicatorValue.objects.filter(indicator=burglaries, area_level="gemeente").values_list(
                "area_code", flat=True
            )
        )
        buurten = IndicatorValue.objects.filter(
            indicator=burglaries, area_level="buurt", area_code__startswith="BU0637"
        )
        assert "GM0637" not in gemeenten and {"GM0518", "GM0503"} <= gemeenten
        assert len(set(buurten.values_list("area_code", flat=True))) == 22
        assert not IndicatorTrend.objects.filter(indicator=burglaries, area_code="GM0637").exists()
        target = TargetFigures(1, 1, "GM0637", burglaries.pk, "GM0637", TargetRule.AT_MOST, None, 100.0, 2015)
        verdicts = progress.judge(
            [target], value_frame([burglaries.pk], lengths=list(progress.JUDGED_LENGTHS))
        )
    assert [row.status for row in verdicts] == [Status.NO_DATA.value]


def test_export_page_and_api_say_onvolledig(client: Client, beheerder_a: User, burglaries: Indicator) -> None:
    with scopes_disabled():
        exported = export_observations(
            selection(measure_code="politie_delict_104"), level="gemeente", period="year"
        )
    flags = {row["area_code"]: row["coverage"] for row in exported.frame.to_dict("records")}
    assert flags["GM0637"] == LABEL and flags["GM0518"] == ""

    page = client.get(
        reverse("indicators:indicator_detail", args=[burglaries.pk]),
        {"niveau": "gemeente", "periode": "year", "begin": "2015-01-01"},
    ).content.decode()
    assert "GM0637" in page and LABEL in page and "geen totaal, trend, index of oordeel" in page

    answer = client.get(
        f"/api/v1/indicators/{burglaries.pk}/incomplete", {"level": "gemeente", "period_start": "2015-01-01"}
    ).json()
    assert [
        (r["area_code"], r["coverage_parts"], r["coverage_parts_expected"], r["coverage"])
        for r in answer["results"]
    ] == [("GM0637", 22, 26, LABEL)]
    people = {
        row["buurt_code"]: int(row["inwoners"])
        for row in raw_rows(POPULATION)
        if row["gemeente_code"] == "GM0637"
    }
    centre = ("BU06370001", "BU06370002", "BU06370003", "BU06370004")
    share = 1 - sum(people[code] for code in centre) / sum(people.values())
    assert answer["results"][0]["coverage_population_share"] == pytest.approx(share)


def test_the_api_refuses_a_period_that_is_no_date(
    client: Client, beheerder_a: User, burglaries: Indicator
) -> None:
    answer = client.get(f"/api/v1/indicators/{burglaries.pk}/incomplete", {"period_start": "2015"})
    assert answer.status_code == 400
    assert answer.json() == {"period_start": "Verwacht een datum JJJJ-MM-DD."}


def test_a_report_prints_onvolledig_where_the_gemeente_has_no_value(burglaries: Indicator) -> None:
    # what indicator_figures reads of a plan target: its id, indicator id and indicator
    target = cast("Target", SimpleNamespace(pk=0, indicator_id=burglaries.pk, indicator=burglaries))
    with scopes_disabled():
        zoetermeer = indicator_figures([target], year=2015, area_code="GM0637", suppress=False)
        den_haag = indicator_figures([target], year=2015, area_code="GM0518", suppress=False)
    assert zoetermeer[0].value == LABEL and zoetermeer[0].trend is None and zoetermeer[0].status == ""
    assert isinstance(den_haag[0].value, float)
