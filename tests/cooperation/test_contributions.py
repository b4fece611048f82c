# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The contribution rules of spec §6.10: the printed table, the CBS populations, the current table."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kompas.cooperation.contributions import (
    BANDS_2017,
    PARTICIPANTS,
    PUBLISHED_2017,
    Population,
    band_for,
    contribution_table,
    euros,
    rate_table,
)
from kompas.sources.codelists import DATA

GEMEENTEN_2015 = DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_gemeenten_2015.geojson"
# The populations the printed table implies (extra amount ÷ rate of its band), spec §6.10.
IMPLIED = {
    "GM0141": 72_300,
    "GM0147": 22_113,
    "GM1774": 25_947,
    "GM0153": 158_300,
    "GM0158": 24_313,
    "GM0163": 35_590,
    "GM0164": 81_067,
    "GM1735": 33_425,
    "GM0168": 22_473,
    "GM0173": 32_045,
    "GM1742": 37_845,
    "GM0183": 21_087,
    "GM1700": 33_900,
    "GM0189": 23_853,
}


def cbs_2015() -> list[Population]:
    """Return the bundled CBS kerncijfers 2015 of the 14 municipalities, read from the file itself."""
    features = json.loads(GEMEENTEN_2015.read_text(encoding="utf-8"))["features"]
    found = {f["properties"]["gemeentecode"]: f["properties"]["aantal_inwoners"] for f in features}
    return [
        Population(code, name, found[code], 2015, "CBS kerncijfers 2015")
        for code, name in PARTICIPANTS.items()
    ]


def test_the_printed_table_is_reproduced_to_the_euro_from_the_populations_it_implies() -> None:
    populations = [
        Population(code, name, IMPLIED[code], 2016, "spec §6.10") for code, name in PARTICIPANTS.items()
    ]
    table = contribution_table(populations, rate_table(2017))
    computed = {row.population.code: (row.hours, row.hours_value, row.alternative) for row in table.rows}
    printed = {code: (p.hours, p.hours_value, p.alternative) for code, p in PUBLISHED_2017.items()}
    assert computed == printed
    assert table.findings == ()
    # 6 × 2 + 5 × 4 + 2 × 6 + 1 × 8 hours; the sums of spec §6.10
    assert table.totals()["hours"] == 52
    assert table.totals()["hours_value"] == 101_107
    assert table.totals()["alternative"] == 94_364
    # the base contribution of € 0,15: € 93.500 budget ÷ 0,15 = 623.333 inhabitants (spec §6.10)
    assert table.totals()["per_inhabitant"] == 93_640


def test_cbs_2015_populations_find_the_printed_amounts_that_differ_by_more_than_half_a_percent() -> None:
    table = contribution_table(cbs_2015(), rate_table(2017))
    assert [finding.subject for finding in table.findings] == ["Borne", "Hof van Twente"]
    borne, hof = table.findings
    # Hof van Twente: printed € 6.685, 0,20 × 34.917 = € 6.983 (issue 18)
    assert dict(hof.figures) == {"printed": 6685, "computed": 6983, "deviation": -0.0427}
    assert hof.message == (
        "Hof van Twente: gedrukt € 6.685, berekend € 0,20 × 34.917 inwoners (2015) = € 6.983 (-4,27 %)."
    )
    # Borne: 0,15 × 21.992 = € 3.299 against the printed € 3.317: 0,55 %
    assert dict(borne.figures) == {"printed": 3317, "computed": 3299, "deviation": 0.0055}
    hengelo = next(row for row in table.rows if row.population.name == "Hengelo")
    assert (hengelo.hours, hengelo.hours_value, hengelo.alternative) == (6, 11_667, 12_159)


@pytest.mark.parametrize(
    ("inhabitants", "hours"),
    [
        (25_999, 2),  # "tot 26.000 inwoners is 2 uur"
        (26_000, 4),  # 26.000 itself is no longer "tot 26.000"
        (37_999, 4),
        (38_000, 6),
        (84_999, 6),
        (85_000, 8),  # "hoger dan 85.000 inwoners is 8 uur"
        (158_553, 8),
    ],
)
def test_hour_bands(inhabitants: int, hours: int) -> None:
    band = band_for(inhabitants, BANDS_2017)
    assert band is not None
    assert band.hours == hours


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("3316.95"), 3317),  # 0,15 × 22.113 (Borne as printed)
        (Decimal("3316.5"), 3317),  # half a euro goes up
        (Decimal("3316.49"), 3316),
        (Decimal("0.5"), 1),
    ],
)
def test_amounts_are_whole_euros_rounded_half_up(amount: Decimal, expected: int) -> None:
    assert euros(amount) == expected


def test_rates_per_year() -> None:
    assert rate_table(2011).per_inhabitant == Decimal("0.15")
    assert rate_table(2016).bands == ()  # no hours before the notitie of 2016
    assert rate_table(2017).per_inhabitant == Decimal("0.15")
    later = rate_table(2024)
    assert (later.year, later.per_inhabitant, later.bands) == (2024, Decimal("0.20"), BANDS_2017)
    assert any("voorgesteld vanaf 2018" in note for note in later.notes)
    with pytest.raises(ValueError, match="bestaat sinds 2011"):
        rate_table(2010)


def test_a_municipality_without_inhabitants_gets_no_amounts_and_says_why() -> None:
    populations = [
        *cbs_2015()[:-1],
        Population("GM0189", "Wierden", None, None, "", "geen inwoners opgeslagen"),
    ]
    table = contribution_table(populations, rate_table(2017))
    assert table.rows[-1].alternative is None
    assert table.missing() == ["Wierden"]
    assert table.findings[-1].code == "inhabitants_unknown"


def test_the_table_as_json_keeps_rates_exact(tmp_path: Path) -> None:
    document = contribution_table(cbs_2015(), rate_table(2017)).as_dict()
    assert document["rates"]["per_inhabitant"] == "0.15"
    assert document["rows"][0]["alternative_rate"] == "0.15"
    assert json.loads(json.dumps(document)) == document
