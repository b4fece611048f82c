# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A rule on the indicator that allows an incomplete roll-up, on real data: Zoetermeer 2013-2015.

The Den Haag police panel has residential burglaries (delict 104) for 22 of Zoetermeer's 26
buurten of 2014 (its centre, wijk WK063700, is missing). Without a rule Zoetermeer gets no value,
trend or verdict (``test_coverage.py``). With ``incomplete_allowed`` and its reason the value,
trend and verdict are computed from the 22 buurten, and every value that rests on the partial
sum carries the flag: *onvolledig (22 van 26 buurten)* on the page, ``onvolledig`` in the API and
the export. The rule needs a written reason, and is off by default.
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
from kompas.indicators import definitions, progress
from kompas.indicators.compute import compute
from kompas.indicators.export import Selection, table
from kompas.indicators.models import Indicator, IndicatorDefinition, IndicatorTrend, IndicatorValue
from kompas.indicators.queries import value_frame
from kompas.indicators.status import Status, TargetRule
from kompas.indicators.targets import TargetFigures
from kompas.reports.indicator_figures import indicator_figures
from tests.indicators.factories import define
from tests.sources.importing import raw_rows, run_import

if TYPE_CHECKING:
    from kompas.policy.queries import Target

pytestmark = pytest.mark.django_db
GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
PANEL = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"
LABEL = "onvolledig (22 van 26 buurten)"
REASON = "Het centrum ontbreekt in het politiepanel; de trend van de overige 22 buurten is bruikbaar."
RULE = (
    '[[indicator]]\ncode = "woninginbraak"\nname = "Woninginbraken"\nformula = "count"\n'
    'numerator = "politie_delict_104"\ndirection = "lower_is_better"\n'
)


def _extract(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _panel() -> list[dict[str, str]]:
    years = {"2013", "2014", "2015"}
    return [row for row in raw_rows(PANEL) if row["jaar"] in years and row["delict_code"] == "104"]


def _load(org_a: Organisation, tmp_path: Path, rule: str) -> Indicator:
    for name in ("denhaag_eenheid_gemeenten_2015", "zoetermeer_wijken_2014", "zoetermeer_buurten_2014"):
        run_import(org_a, GEBIEDEN + name + ".geojson", "cbs-gebieden")
    run_import(org_a, _extract(tmp_path / "panel.csv", _panel()), "politie-buurt-maand", create_areas=True)
    define(RULE + rule)
    compute(actor=None)
    with scopes_disabled():
        return Indicator.objects.get(code="woninginbraak")


def _zoetermeer(indicator: Indicator) -> dict[int, IndicatorValue]:
    with scopes_disabled():
        found = IndicatorValue.objects.filter(indicator=indicator, area_code="GM0637", period_length="year")
        return {value.period_start.year: value for value in found}


def _verdicts(indicator: Indicator) -> set[str]:
    """The statuses of a target "at most 1.000 in 2015" for Zoetermeer, one per judged value."""
    target = TargetFigures(1, 1, "GM0637", indicator.pk, "GM0637", TargetRule.AT_MOST, None, 1000.0, 2015)
    with scopes_disabled():
        rows = progress.judge([target], value_frame([indicator.pk], lengths=list(progress.JUDGED_LENGTHS)))
    return {row.status for row in rows}


def test_with_the_rule_value_trend_and_verdict_are_computed_and_flagged(
    org_a: Organisation, tmp_path: Path
) -> None:
    indicator = _load(org_a, tmp_path, f'incomplete_allowed = true\nincomplete_reason = "{REASON}"\n')
    with scopes_disabled():
        stored = IndicatorDefinition.objects.get(indicator=indicator)
        assert (stored.incomplete_allowed, stored.incomplete_reason) == (True, REASON)
    by_hand = {year: 0 for year in (2013, 2014, 2015)}
    for row in _panel():
        if row["buurt_code"].startswith("BU0637"):
            by_hand[int(row["jaar"])] += int(row["aantal"])
    values = _zoetermeer(indicator)
    assert {year: value.value for year, value in values.items()} == by_hand
    assert {value.flag for value in values.values()} == {"onvolledig"}
    with scopes_disabled():
        den_haag = IndicatorValue.objects.get(
            indicator=indicator, area_code="GM0518", period_length="year", period_start="2015-01-01"
        )
        assert den_haag.flag == ""  # complete sums stay unflagged
        assert IndicatorTrend.objects.filter(
            indicator=indicator, area_code="GM0637", period_length="year"
        ).exists()
    # 2015: far below 1.000, so every judged value is on track; none is "geen data"
    assert _verdicts(indicator) == {Status.ON_TRACK.value}


def test_the_flag_is_shown_on_the_page_in_the_api_and_in_the_export(
    client: Client, beheerder_a: User, org_a: Organisation, tmp_path: Path
) -> None:
    indicator = _load(org_a, tmp_path, f'incomplete_allowed = true\nincomplete_reason = "{REASON}"\n')
    value = _zoetermeer(indicator)[2015]
    page = client.get(
        reverse("indicators:indicator_detail", args=[indicator.pk]),
        {"niveau": "gemeente", "periode": "year", "begin": "2015-01-01"},
    ).content.decode()
    row = page[page.index("GM0637") :]
    row = row[: row.index("</tr>")]
    assert LABEL in row and f"{value.value:.0f}" in row
    answer = client.get(
        f"/api/v1/indicators/{indicator.pk}/values", {"area_code": "GM0637", "period_length": "year"}
    ).json()
    flags = {r["period_start"]: r["flag"] for r in answer["results"] if r["area_code"] == "GM0637"}
    assert flags["2015-01-01"] == "onvolledig"
    with scopes_disabled():
        exported = table(Selection(indicator="woninginbraak", level="gemeente", period="year"))
    zoetermeer = exported[exported["area_code"] == "GM0637"]
    assert set(zoetermeer["flag"]) == {"onvolledig"}
    # the plan reports: the value, with the remark beside its period
    target = cast("Target", SimpleNamespace(pk=0, indicator_id=indicator.pk, indicator=indicator))
    with scopes_disabled():
        (figures,) = indicator_figures([target], year=2015, area_code="GM0637", suppress=False).values()
    assert figures.value == value.value and figures.period == f"2015, {LABEL}"
    assert figures.trend is not None


def test_without_the_rule_nothing_is_computed_from_the_partial_sum(
    org_a: Organisation, tmp_path: Path
) -> None:
    indicator = _load(org_a, tmp_path, "")
    assert _zoetermeer(indicator) == {}
    with scopes_disabled():
        assert not IndicatorTrend.objects.filter(indicator=indicator, area_code="GM0637").exists()
        assert IndicatorDefinition.objects.get(indicator=indicator).incomplete_allowed is False
    assert _verdicts(indicator) == {Status.NO_DATA.value}


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ("incomplete_allowed = true\n", "incomplete_reason"),
        ('incomplete_allowed = "ja"\n', "incomplete_allowed"),
        ('incomplete_reason = "zonder regel"\n', "incomplete_reason"),
    ],
)
def test_the_rule_needs_a_boolean_and_a_written_reason(rule: str, field: str) -> None:
    parsed = definitions.parse('format = "kompas-indicatoren"\nversion = 1\n' + RULE + rule, "regel.toml")
    assert [problem.field for problem in parsed.problems] == [field]


def test_the_rule_survives_a_dump_and_parse() -> None:
    text = 'format = "kompas-indicatoren"\nversion = 1\n' + RULE
    text += f'incomplete_allowed = true\nincomplete_reason = "{REASON}"\n'
    (definition,) = definitions.parse(text, "regel.toml").definitions
    (again,) = definitions.parse(definitions.dumps([definition]), "terug.toml").definitions
    assert again == definition and again.incomplete_allowed and again.incomplete_reason == REASON
