# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The shareable definition file: the shipped set loads, round-trips, and every problem is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompas.indicators import definitions
from kompas.indicators.vocabulary import Direction, Formula

STANDARD_SET = Path(definitions.__file__).parent / "sets" / "standaard_criminaliteit.toml"
HEADER = 'format = "kompas-indicatoren"\nversion = 1\n'


def _parse(body: str) -> definitions.ParsedFile:
    return definitions.parse(HEADER + body, "set.toml")


def test_standard_crime_set_loads() -> None:
    parsed = definitions.parse(STANDARD_SET.read_text(encoding="utf-8"), STANDARD_SET.name)
    assert parsed.problems == ()
    by_code = {d.code: d for d in parsed.definitions}
    assert set(by_code) == {
        "woninginbraken_per_1000_woningen",
        "woninginbraken_per_1000_huishoudens",
        "geweldsmisdrijven_per_1000_inwoners",
        "verward_gedrag_e33_per_1000_inwoners",
        "misdrijven_totaal_per_1000_inwoners",
    }
    burglary = by_code["woninginbraken_per_1000_woningen"]
    assert (burglary.formula, burglary.denominator, burglary.per) == (Formula.RATE, "woningen", 1000.0)
    # The households proxy says it is one, in its name, unit and definition.
    proxy = by_code["woninginbraken_per_1000_huishoudens"]
    assert (proxy.formula, proxy.denominator, proxy.numerator) == (
        Formula.RATE,
        "huishoudens",
        burglary.numerator,
    )
    assert "benadering" in proxy.name and proxy.unit == "per 1.000 huishoudens"
    assert "benadering" in proxy.description and "niet vergelijken" in proxy.description
    assert all(d.direction is Direction.LOWER_IS_BETTER for d in parsed.definitions)


def test_dump_and_parse_give_the_same_definitions() -> None:
    original = definitions.parse(STANDARD_SET.read_text(encoding="utf-8")).definitions
    composite = definitions.Definition(
        code="veiligheidsindex",
        name="Veiligheidsindex",
        formula=Formula.COMPOSITE,
        direction=Direction.HIGHER_IS_BETTER,
        components=(
            definitions.Component("woninginbraken_per_1000_woningen", 2.0),
            definitions.Component("geweldsmisdrijven_per_1000_inwoners", 1.0),
        ),
    )
    moving = definitions.Definition(
        code="inbraak_3jaar", name="Inbraak, 3-jaarsgemiddelde", formula=Formula.MOVING_AVERAGE,
        numerator="woninginbraken", denominator="woningen", window=3,
    )  # fmt: skip
    everything = (*original, composite, moving)
    assert definitions.parse(definitions.dumps(everything)).definitions == everything


def test_share_is_always_per_100() -> None:
    parsed = _parse('[[indicator]]\ncode = "pogingen"\nname = "Aandeel pogingen"\nformula = "share"\n'
                    'numerator = "pogingen"\ndenominator = "woninginbraken"\n')  # fmt: skip
    assert parsed.definitions[0].per == 100.0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('code = "Inbraak!"\nname = "x"\nformula = "count"\nnumerator = "a"', "code"),  # capitals and !
        ('code = "a"\nname = " "\nformula = "count"\nnumerator = "a"', "name"),  # blank name
        ('code = "a"\nname = "x"\nformula = "ratio"\nnumerator = "a"', "formula"),  # unknown formula
        ('code = "a"\nname = "x"\nformula = "rate"\nnumerator = "a"', "denominator"),  # rate without noemer
        ('code = "a"\nname = "x"\nformula = "count"\nnumerator = "a"\ndenominator = "b"', "denominator"),
        ('code = "a"\nname = "x"\nformula = "rate"\nnumerator = "a"\ndenominator = "b"\nper = 0', "per"),
        ('code = "a"\nname = "x"\nformula = "moving_average"\nnumerator = "a"\nwindow = 1', "window"),
        ('code = "a"\nname = "x"\nformula = "change"\nnumerator = "a"', "baseline_year"),  # no base year
        ('code = "a"\nname = "x"\nformula = "count"\nnumerator = "a"\ndirection = "down"', "direction"),
        (
            'code = "a"\nname = "x"\nformula = "composite"\ncomponents = [{indicator = "b", weight = 1}]',
            "components",
        ),
    ],
)
def test_problems_name_the_field(body: str, field: str) -> None:
    parsed = _parse("[[indicator]]\n" + body + "\n")
    assert parsed.definitions == ()
    assert [p.field for p in parsed.problems] == [field]
    assert parsed.problems[0].location == "set.toml: indicator 1"


def test_all_problems_are_collected_with_a_dutch_message() -> None:
    parsed = definitions.parse(
        'format = "iets"\nversion = 1\n'
        '[[indicator]]\ncode = "a"\nname = "x"\nformula = "rate"\nnumerator = "a"\n'
        '[[indicator]]\ncode = "a"\nname = "y"\nformula = "count"\nnumerator = "b"\n'
        '[[indicator]]\ncode = "a"\nname = "z"\nformula = "count"\nnumerator = "c"\n',
        "set.toml",
    )
    assert [str(p) for p in parsed.problems] == [
        "set.toml, veld 'format': gevonden iets, verwacht \"kompas-indicatoren\"",
        "set.toml: indicator 1, veld 'denominator': gevonden (leeg), verwacht een maatstafcode",
        "set.toml, veld 'code': gevonden a, verwacht unieke codes",
    ]


def test_composite_components_must_be_in_the_file() -> None:
    parsed = _parse(
        '[[indicator]]\ncode = "a"\nname = "A"\nformula = "count"\nnumerator = "m"\n'
        '[[indicator]]\ncode = "idx"\nname = "Index"\nformula = "composite"\n'
        'components = [{indicator = "a", weight = 1}, {indicator = "onbekend", weight = 1}]\n'
    )
    assert [(p.field, p.value) for p in parsed.problems] == [("components", "onbekend")]


def test_invalid_toml_is_one_problem() -> None:
    parsed = definitions.parse("format = ", "kapot.toml")
    assert len(parsed.problems) == 1 and parsed.problems[0].expected == "geldige TOML"


def test_the_example_in_the_documentation_loads() -> None:
    docs = (Path(definitions.__file__).parents[3] / "docs" / "indicators.md").read_text(encoding="utf-8")
    example = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    standard = definitions.parse(STANDARD_SET.read_text(encoding="utf-8")).definitions
    parsed = definitions.parse(example, "docs/indicators.md", known=[d.code for d in standard])
    assert parsed.problems == ()
    assert [d.code for d in parsed.definitions] == ["woninginbraken_per_1000_woningen", "veiligheidsindex"]
