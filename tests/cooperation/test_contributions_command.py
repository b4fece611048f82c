# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas contributions`` on stored CBS populations, a populations file and a rates file."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from kompas.cooperation.contributions import PARTICIPANTS
from kompas.sources.codelists import DATA
from tests.cooperation.factories import load_cbs_populations

BEVOLKING_2024 = DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv"


@pytest.fixture
def cbs_populations(db: None) -> None:
    """Import the CBS kerncijfers 2015 and the Twente buurten of 2024 as the operator's open data."""
    load_cbs_populations()


def run(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("contributions", *args, "--json", stdout=out)
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def _row(document: dict[str, Any], name: str) -> dict[str, Any]:
    return next(row for row in document["rows"] if row["name"] == name)


@pytest.mark.usefixtures("cbs_populations")
def test_2017_lists_the_printed_table_and_flags_the_deviations_against_cbs_2015() -> None:
    document = run("--year", "2017")
    hengelo = _row(document, "Hengelo")
    assert hengelo["published"] == {"hours": 6, "hours_value": 11_667, "alternative": 12_160}
    assert (hengelo["inhabitants"], hengelo["population_year"], hengelo["hours"]) == (81_059, 2015, 6)
    assert "inwoners van 1 januari 2015; 2017 is niet opgeslagen" in hengelo["population_note"]
    assert [finding["subject"] for finding in document["findings"]] == ["Borne", "Hof van Twente"]
    assert document["findings"][1]["figures"]["computed"] == 6_983


@pytest.mark.usefixtures("cbs_populations")
def test_the_current_table_from_the_cbs_2024_buurten() -> None:
    document = run("--year", "2024")
    assert document["rates"]["per_inhabitant"] == "0.20"
    hengelo = _row(document, "Hengelo")
    # 83.060 inhabitants on 1 January 2024 (sum of Hengelo's buurten in 85984NED)
    assert (hengelo["inhabitants"], hengelo["population_year"]) == (83_060, 2024)
    assert (hengelo["per_inhabitant"], hengelo["hours"], hengelo["alternative"]) == (16_612, 6, 12_459)
    assert "som van" in hengelo["population_note"]
    # Dinkelland and Rijssen-Holten grew into the next band since 2015
    assert _row(document, "Dinkelland")["hours"] == 4
    assert _row(document, "Rijssen-Holten")["hours"] == 6
    assert document["totals"]["hours"] == 56
    assert document["findings"] == [] and document["missing"] == []


def test_without_stored_inhabitants_every_row_says_why(db: None) -> None:
    document = run("--year", "2017")
    assert document["missing"] == list(PARTICIPANTS.values())
    assert {row["population_note"] for row in document["rows"]} == {
        "geen inwoners opgeslagen op of vóór 1 januari 2017"
    }
    assert {finding["code"] for finding in document["findings"]} == {"inhabitants_unknown"}


def test_text_output_names_the_rules_and_the_findings(cbs_populations: None) -> None:
    out = StringIO()
    call_command("contributions", "--year", "2017", stdout=out)
    text = out.getvalue()
    assert "Bijdragen Platform IVZ Twente 2017 (€ 0,15 per inwoner)" in text
    assert "Hengelo" in text and "11.667" in text
    assert "[published_amount_deviates] Hof van Twente: gedrukt € 6.685" in text


def test_a_populations_file_with_source(tmp_path: Path, db: None) -> None:
    path = tmp_path / "inwoners.csv"
    path.write_text("gemeente_code;inwoners;jaar;bron\nGM0164;81.067;2016;notitie\n", encoding="utf-8")
    document = run("--year", "2017", "--populations", str(path))
    hengelo = _row(document, "Hengelo")
    assert (hengelo["inhabitants"], hengelo["population_source"], hengelo["alternative"]) == (
        81_067,
        "notitie",
        12_160,
    )
    assert _row(document, "Almelo")["population_note"] == "niet in inwoners.csv"


def test_a_bad_populations_file_is_refused_with_every_problem(tmp_path: Path, db: None) -> None:
    path = tmp_path / "inwoners.csv"
    path.write_text(
        "gemeente_code;inwoners;jaar;bron\nGM0363;900.000;2024;CBS\nGM0164;veel;2024;CBS\nGM0153;158.000;2024;\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as refused:
        run("--year", "2024", "--populations", str(path))
    assert str(refused.value).splitlines() == [
        "inwoners.csv regel 2: GM0363 is geen gemeente van het Platform IVZ Twente",
        "inwoners.csv regel 3: is geen geldig getal, verwacht een getal zoals 1.743 of 23,4",
        "inwoners.csv regel 4: inwoners, jaar en bron zijn verplicht",
    ]


def test_a_rates_file_for_a_later_decision(tmp_path: Path, db: None) -> None:
    path = tmp_path / "regels.toml"
    path.write_text(
        'year = 2025\nper_inhabitant = "0,25"\nsource = "Besluit DVO (voorbeeld)"\n'
        '[[band]]\nbelow = 50000\nhours = 4\nhours_value = 8000\nalternative_rate = "0,20"\n'
        '[[band]]\nhours = 8\nhours_value = 16000\nalternative_rate = "0,10"\n',
        encoding="utf-8",
    )
    inhabitants = tmp_path / "inwoners.csv"
    inhabitants.write_text("gemeente_code;inwoners;jaar;bron\nGM0164;80.000;2025;test\n", encoding="utf-8")
    document = run("--year", "2025", "--rates", str(path), "--populations", str(inhabitants))
    hengelo = _row(document, "Hengelo")
    assert (hengelo["per_inhabitant"], hengelo["hours"], hengelo["hours_value"], hengelo["alternative"]) == (
        20_000,
        8,
        16_000,
        8_000,
    )
    assert document["rates"]["source"] == "Besluit DVO (voorbeeld)"


def test_a_bad_rates_file_is_refused(tmp_path: Path, db: None) -> None:
    path = tmp_path / "regels.toml"
    path.write_text(
        'year = 2024\nper_inhabitant = "gratis"\n[[band]]\nhours = 2\n[[band]]\nhours = 4\n', encoding="utf-8"
    )
    with pytest.raises(CommandError) as refused:
        run("--year", "2025", "--rates", str(path))
    problems = str(refused.value).splitlines()
    assert problems[:3] == [
        "regels.toml geldt voor 2024, niet voor 2025",
        "regels.toml noemt geen bron (source)",
        "per_inhabitant: gratis is geen bedrag van 0 of meer",
    ]
    assert "klasse 1: alleen de laatste klasse mag zonder bovengrens (below)" in problems


def test_a_year_before_the_contribution_is_refused(db: None) -> None:
    with pytest.raises(CommandError, match="Geen bijdrageregeling bekend voor 2009"):
        run("--year", "2009")
