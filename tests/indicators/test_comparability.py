# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Index, rank and colour only for indicators that may be compared across areas and have a direction.

The Twente figures are the bundled police totals of 2024 (politie-gemeente-totaal-misdrijven-
2022-2024) and the CBS inhabitants of 1 January 2024 summed over each municipality's buurten
(cbs-bevolking-buurt-2024); the indicators are those of the shipped definition sets.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.indicators import definitions
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.indicators.models import IndicatorComparison, IndicatorValue
from kompas.indicators.vocabulary import Direction, Formula
from tests.indicators.factories import COUNT, HEADER, RATE, burglary_panel, define, make_group, observe

pytestmark = pytest.mark.django_db
DATA = Path(definitions.__file__).parents[1] / "fixtures" / "data"
SETS = Path(definitions.__file__).parent / "sets"
YEAR = dt.date(2024, 1, 1)
HENGELO = "GM0164"


def _twente() -> tuple[dict[str, float], dict[str, float]]:
    """Registered crimes 2024 and inhabitants on 1 January 2024 of the 14 Twente municipalities."""
    with (
        DATA / "politie-gemeente-totaal-misdrijven-2022-2024" / "gemeente_totaal_misdrijven_2022_2024.csv"
    ).open(encoding="utf-8") as file:
        crimes = {
            row["gemeente_code"]: float(row["geregistreerde_misdrijven"])
            for row in csv.DictReader(file)
            if row["twente"] == "True" and row["jaar"] == "2024"
        }
    inhabitants: dict[str, float] = defaultdict(float)
    with (DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv").open(
        encoding="utf-8"
    ) as file:
        for row in csv.DictReader(file):
            if row["gemeente_code"] in crimes:
                inhabitants[row["gemeente_code"]] += float(row["inwoners"])
    return crimes, dict(inhabitants)


def _shipped(file: str, code: str) -> definitions.Definition:
    parsed = definitions.parse((SETS / file).read_text(encoding="utf-8"), file)
    return next(d for d in parsed.definitions if d.code == code)


def _compute_twente() -> dict[str, dict[str, IndicatorComparison]]:
    crimes, inhabitants = _twente()
    areas = {
        code: Area.objects.create(code=code, name=code, level="gemeente", valid_from=2024) for code in crimes
    }
    observe("misdrijven_totaal", areas, crimes, [YEAR], "year")
    observe("inwoners", areas, inhabitants, [YEAR], "year")
    make_group("twente", list(crimes))
    chosen = [
        _shipped("hengelo_ivp_2017_2020.toml", "T1.I4"),
        _shipped("standaard_criminaliteit.toml", "misdrijven_totaal_per_1000_inwoners"),
    ]
    with scopes_disabled():
        assert (
            load_definitions(definitions.dumps(chosen), "twente.toml", actor=None, organisation=None).problems
            == ()
        )
    compute(actor=None)
    found: dict[str, dict[str, IndicatorComparison]] = defaultdict(dict)
    with scopes_disabled():
        for row in IndicatorComparison.objects.filter(period_start=YEAR, period_length="year").select_related(
            "indicator"
        ):
            found[row.indicator.code][row.area_code] = row
    return found


def test_a_count_gets_no_index_and_a_rate_gets_one_with_its_direction(db: None) -> None:
    found = _compute_twente()
    # T1.I4 counts crimes: Hengelo 3.752 against a Twente mean of 1.785,6 used to give index 150.
    with scopes_disabled():
        counted = IndicatorValue.objects.get(indicator__code="T1.I4", area_code=HENGELO, period_length="year")
    assert counted.value == 3752  # the count itself is computed, only its comparison is not
    assert "T1.I4" not in found
    rates = found["misdrijven_totaal_per_1000_inwoners"]
    assert len(rates) == 14
    hengelo = rates[HENGELO]
    # By hand: 3.752 / 83.060 × 1.000 = 45,17 per 1.000; the plain mean of the 14 rates is 29,92;
    # lower is better, so Hengelo, above the mean, gets 100 × 29,92 / 45,17 = 66,2.
    assert hengelo.value == pytest.approx(3752 / 83060 * 1000)
    assert hengelo.group_mean == pytest.approx(29.9177, abs=1e-4)
    assert hengelo.index == pytest.approx(100 * 29.9177 / 45.1722, abs=0.01)
    assert hengelo.index < 100 and not hengelo.clipped
    # Tubbergen, 358 / 21.390 × 1.000 = 16,74, the lowest rate in Twente: first place, green.
    assert (rates["GM0183"].rank, rates["GM0183"].colour) == (1.0, "groen")
    assert (rates["GM0153"].rank, rates["GM0153"].colour) == (14.0, "rood")  # Enschede, 59,09


def test_every_comparable_rate_with_a_direction_gets_an_index(org_a: Organisation) -> None:
    burglary_panel(org_a)
    make_group("buurten", ["BU99990101", "BU99990102", "BU99990201"])
    no_direction = RATE.replace('code = "inbraak_per_1000"', 'code = "zonder_richting"').replace(
        'direction = "lower_is_better"', 'direction = "none"'
    )
    explained = COUNT.replace('code = "inbraak_aantal"', 'code = "uitgelegd"') + (
        'comparable = true\ncomparable_reason = "Vergelijkt met opzet de aantallen zelf."\n'
    )
    define(RATE, COUNT, no_direction, explained)
    compute(actor=None)
    with scopes_disabled():
        compared = set(IndicatorComparison.objects.values_list("indicator__code", flat=True))
    # A rate with a direction and a count with a written reason are compared; a plain count and a
    # rate without a direction are not.
    assert compared == {"inbraak_per_1000", "uitgelegd"}


@pytest.mark.parametrize(
    ("body", "comparable", "compared"),
    [
        ('formula = "count"\nnumerator = "a"\ndirection = "lower_is_better"', False, False),  # a count
        ('formula = "rate"\nnumerator = "a"\ndenominator = "b"\ndirection = "lower_is_better"', True, True),
        ('formula = "rate"\nnumerator = "a"\ndenominator = "b"', True, False),  # rate without direction
        ('formula = "share"\nnumerator = "a"\ndenominator = "b"\ndirection = "none"', True, False),
        ('formula = "survey_percentage"\nnumerator = "a"\ndirection = "higher_is_better"', True, True),
        (
            'formula = "moving_average"\nnumerator = "a"\nwindow = 3\ndirection = "lower_is_better"',
            False,
            False,
        ),
        (  # a moving average of a rate keeps the rate's scale
            'formula = "moving_average"\nnumerator = "a"\ndenominator = "b"\nwindow = 3\n'
            'direction = "lower_is_better"',
            True,
            True,
        ),
        (
            'formula = "change"\nnumerator = "a"\nbaseline_year = 2012\ndirection = "lower_is_better"',
            True,
            True,
        ),
    ],
)
def test_the_default_follows_the_formula(body: str, comparable: bool, compared: bool) -> None:
    parsed = definitions.parse(HEADER + '[[indicator]]\ncode = "x"\nname = "X"\n' + body + "\n")
    definition = parsed.definitions[0]
    assert (definition.is_comparable, definition.comparability.compared) == (comparable, compared)
    assert bool(definition.comparability.reason) is not compared


def test_departing_from_the_default_needs_a_reason() -> None:
    count = HEADER + '[[indicator]]\ncode = "x"\nname = "X"\nformula = "count"\nnumerator = "a"\n'
    parsed = definitions.parse(count + "comparable = true\n", "set.toml")
    assert [str(p) for p in parsed.problems] == [
        "set.toml: indicator 1, veld 'comparable_reason': gevonden (leeg), verwacht een reden waarom "
        "formule count hier wel of niet vergelijkbaar is"
    ]
    assert [p.field for p in definitions.parse(count + 'comparable = "ja"\n').problems] == ["comparable"]
    reason = "Alle gebieden hebben dezelfde omvang."
    explained = definitions.parse(count + f'comparable = true\ncomparable_reason = "{reason}"\n')
    assert explained.definitions[0].is_comparable
    assert definitions.parse(definitions.dumps(explained.definitions)).definitions == explained.definitions


def test_the_reader_sees_why() -> None:
    t1_i4 = _shipped("hengelo_ivp_2017_2020.toml", "T1.I4")
    assert (t1_i4.formula, t1_i4.direction) == (Formula.COUNT, Direction.NONE)
    assert t1_i4.comparability.reason == (
        "Een aantal groeit met de grootte van het gebied; vergelijk per inwoner of per woning."
    )
    share = _shipped("platform_ivz_twente.toml", "ivz_aandeel_pogingen")
    assert share.comparability.reason == (
        "Geen richting: boven of onder het gemiddelde is niet beter of slechter."
    )


@pytest.mark.django_db(transaction=True)
def test_the_migration_removes_the_indices_stored_for_counts_and_indicators_without_direction() -> None:
    before = [("indicators", "0002_indicator_values_trends_comparisons")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    group = apps.get_model("areas", "AreaGroup").objects.create(
        code="twente", name="Twente", kind="referentie"
    )
    made = {
        # code: (formula, direction) as stored before comparability was data
        "T1.I4": ("count", "none"),  # the count that got index 150
        "teller": ("count", "lower_is_better"),
        "aandeel": ("share", "none"),
        "per_1000": ("rate", "lower_is_better"),
    }
    for code, (formula, direction) in made.items():
        entry = apps.get_model("indicators", "Indicator").objects.create(
            code=code, name=code, kind="effect", direction=direction
        )
        apps.get_model("indicators", "IndicatorDefinition").objects.create(indicator=entry, formula=formula)
        apps.get_model("indicators", "IndicatorComparison").objects.create(
            indicator=entry, group=group, area_code=HENGELO, period_start=YEAR, period_length="year",
            value=1.0, group_mean=1.0, index=100.0, group_size=14,
        )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    with scopes_disabled():
        kept = set(IndicatorComparison.objects.values_list("indicator__code", flat=True))
    assert kept == {"per_1000"}
