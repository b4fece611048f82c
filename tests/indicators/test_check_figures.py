# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas figures check`` (or ``check figures``): every indicator without values, with the
reason the engine gives.

The panel is the test gemeente of the factories (monthly burglaries 2014-2015 and dwellings per
buurt); each further indicator lacks its values for exactly one reason.
"""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.indicators.compute import compute
from kompas.indicators.management.commands.figures_check import Command as FiguresCheck
from kompas.observations.models import Observation
from kompas.site.cli import command_name, renamed
from tests.indicators.factories import COUNT, RATE, burglary_panel, define, measure, observe

pytestmark = pytest.mark.django_db


def _indicator(code: str, formula: str, numerator: str, denominator: str = "") -> str:
    body = (
        f'[[indicator]]\ncode = "{code}"\nname = "{code}"\nformula = "{formula}"\nnumerator = "{numerator}"\n'
    )
    return (
        body + (f'denominator = "{denominator}"\n' if denominator else "") + 'direction = "lower_is_better"\n'
    )


def _check(*args: str) -> dict[str, object]:
    out = StringIO()
    call_command("check_figures", *args, "--json", stdout=out)
    document: dict[str, object] = json.loads(out.getvalue())
    return document


def test_each_missing_indicator_has_the_engines_reason(org_a: Organisation) -> None:
    areas = burglary_panel(org_a)
    # a survey measured only on 24 respondents (below the default minimum n of 30)
    with scopes_disabled():
        Observation.objects.create(
            measure=measure("onveilig_pct"),
            area=areas["WK999901"],
            period_start=dt.date(2015, 1, 1),
            period_length="year",
            value=22.0,
            margin=16.6,
            sample_size=24,
        )
        other = Area.objects.create(code="GM9998", name="Andere gemeente", level="gemeente", valid_from=2014)
    # households only in another gemeente: a denominator, but not where the burglaries are
    observe("huishoudens", {"GM9998": other}, {"GM9998": 800.0}, [dt.date(2014, 1, 1)], "year")
    define(
        RATE,
        COUNT,
        _indicator("inbraak_per_1000_inwoners", "rate", "inbraak", "inwoners"),
        _indicator("geweld_aantal", "count", "geweld"),
        _indicator("onveilig", "survey_percentage", "onveilig_pct"),
        _indicator("inbraak_per_1000_huishoudens", "rate", "inbraak", "huishoudens"),
        _indicator("later_aantal", "count", "later"),
    )
    compute(actor=None)
    # figures that arrive after the last computation
    observe("later", {"GM9999": areas["GM9999"]}, {"GM9999": 4.0}, [dt.date(2015, 1, 1)], "year")

    document = _check("--organisation", "hengelo")
    (report,) = document["organisations"]  # type: ignore[misc]  # parsed JSON
    reasons = {found["code"]: (found["reason"], found["measures"]) for found in report["without_values"]}
    assert reasons == {
        "inbraak_per_1000_inwoners": ("geen_noemer", ["inwoners"]),
        "geweld_aantal": ("geen_tellergegevens", ["geweld"]),
        "onveilig": ("te_weinig_waarnemingen", []),
        "inbraak_per_1000_huishoudens": ("noemer_past_niet_bij_teller", ["huishoudens"]),
        "later_aantal": ("nog_niet_berekend", []),
    }
    explained = {found["code"]: found["explanation"] for found in report["without_values"]}
    assert explained["onveilig"] == "Elke meting heeft minder dan 30 respondenten (grootste n: 24)."
    # a missing denominator also names the rate with the same numerator that does have values
    assert explained["inbraak_per_1000_inwoners"] == (
        "Geen waarnemingen van de noemer inwoners. Dezelfde teller met een andere noemer heeft wel "
        "waarden: inbraak_per_1000 (Woninginbraken per 1.000 woningen)."
    )
    # the count has values but no index, and says why
    assert [item["code"] for item in report["not_compared"]] == ["inbraak_aantal"]
    assert report["not_compared"][0]["reason"].startswith("Een aantal groeit met de grootte")
    assert report["indicators"] == 7

    # after compute the late figures have values and leave the list; the rest stays (full: the
    # factory stores them without an import run, which an incremental run would look for)
    compute(actor=None, full=True)
    (report,) = _check("--organisation", "hengelo")["organisations"]  # type: ignore[misc]  # parsed JSON
    assert {found["code"] for found in report["without_values"]} == set(reasons) - {"later_aantal"}


def test_both_word_orders_name_the_command() -> None:
    # the house order is noun-verb (kompas figures check); the order runs the same command
    known = set(get_commands())
    assert command_name(["figures", "check", "--json"], known) == ("figures_check", ["--json"])
    assert command_name(["check", "figures", "--json"], known) == ("check_figures", ["--json"])
    assert renamed(["check", "figures"]) is None  # no renaming notice
    assert issubclass(load_command_class("kompas.indicators", "check_figures").__class__, FiguresCheck)


def test_text_output_names_the_organisation_and_reasons(org_a: Organisation) -> None:
    burglary_panel(org_a)
    define(_indicator("geweld_aantal", "count", "geweld"))
    compute(actor=None)
    out = StringIO()
    call_command("figures_check", stdout=out)
    text = out.getvalue()
    assert "Gemeente Hengelo (hengelo): 1 van 1 indicatoren zonder waarden" in text
    assert (
        "- geweld_aantal geweld_aantal: [geen_tellergegevens] Geen waarnemingen van de teller: geweld."
        in text
    )
