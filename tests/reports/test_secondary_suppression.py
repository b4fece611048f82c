# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The attack of issue 11 (M1): a council member recomputes a count under 5 from a wijk total.

Wijk 01 Hengelose Es has 28 registered crimes in 2023, its four buurten 10, 7, 9 and 2 (the
figures of the security test). Before complementary suppression the council member saw 28 beside
10, 7, 9 and "< 5", so the hidden count was 28 − 26 = 2. Now every page, report and export
withholds a second buurt ("x"), the same one everywhere, and no combination gives the 2 away.
Time budget: ~10 s.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Callable

import openpyxl
import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.models import Indicator, IndicatorDefinition, IndicatorValue
from kompas.observations.models import Measure, Observation
from kompas.presentation.suppression import SUPPRESSED_COMPLEMENT, SUPPRESSED_COUNT
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.reports.factories import POLICE, Hengelo

WIJK = "WK016401"
# The buurten of Wijk 01 in the bundled CBS 2014 boundaries, with the counts of the attack.
BUURTEN = {"BU01640100": 10.0, "BU01640101": 7.0, "BU01640102": 9.0, "BU01640103": 2.0}
FILTERS = "periode=2023&maatstaf=misdrijven_totaal"

pytestmark = pytest.mark.django_db


@pytest.fixture
def attack(hengelo: Hengelo) -> Hengelo:
    """Store the attack's counts: total crime in 2023 in Wijk 01 and its buurten."""
    with scopes_disabled():
        measure = Measure.objects.create(
            code="misdrijven_totaal",
            name="Totaal misdrijven",
            unit="aantal",
            source=POLICE,
            licence="CC-BY 4.0",
        )
        counts = {WIJK: 28.0, **BUURTEN}
        areas = {**hengelo.wijken, **hengelo.buurten}
        Observation.objects.bulk_create(
            Observation(
                measure=measure,
                area=areas[code],
                period_start=dt.date(2023, 1, 1),
                period_length="year",
                value=value,
                import_run=hengelo.runs[0],
            )
            for code, value in counts.items()
        )
    return hengelo


def _derivable(total: object, parts: dict[str, object]) -> list[str]:
    """Return the parts a reader recomputes as the shown total minus the shown other parts."""
    hidden = [code for code, shown in parts.items() if not isinstance(shown, int | float)]
    return hidden if isinstance(total, int | float) and len(hidden) == 1 else []


def _map_table(page: str) -> dict[str, str]:
    """Return area code → the value the dashboard's area table shows."""
    cells = re.findall(r'href="/gebied/(\w+)/\?[^"]*">[^<]*</a></td><td class="number">([^<]*)</td>', page)
    return {code: html.unescape(value) for code, value in cells}


def _number(text: str) -> object:
    """Return a Dutch number ("1.234", "10,00") as a float; a mark stays text."""
    found = re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?", text.strip())
    return float(text.replace(".", "").replace(",", ".")) if found else text.strip()


@pytest.fixture
def council(
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> Client:
    """A council member of Hengelo, logged in."""
    return login(client, make_user(Role.RAADSLID, org_a))


def test_the_dashboard_maps_give_no_small_count_away(attack: Hengelo, council: Client) -> None:
    wijken = _map_table(council.get(f"/?{FILTERS}&niveau=wijk").content.decode())
    buurten = _map_table(council.get(f"/?{FILTERS}&niveau=buurt").content.decode())
    assert wijken[WIJK] == "28"
    shown = {code: _number(buurten[code]) for code in BUURTEN}
    assert shown == {
        "BU01640100": 10.0,
        "BU01640101": SUPPRESSED_COMPLEMENT,  # the smallest shown buurt protects the 2
        "BU01640102": 9.0,
        "BU01640103": SUPPRESSED_COUNT,
    }
    assert _derivable(28.0, shown) == []


def test_the_area_pages_withhold_the_same_buurten(attack: Hengelo, council: Client) -> None:
    wijk = council.get(f"/gebied/{WIJK}/?{FILTERS}").content.decode()
    assert '<td class="number">28</td>' in wijk
    for code, expected in (("BU01640101", SUPPRESSED_COMPLEMENT), ("BU01640103", SUPPRESSED_COUNT)):
        page = council.get(f"/gebied/{code}/?{FILTERS}").content.decode()
        row = re.search(
            r"Totaal misdrijven <small>.*?</small></td>\s*<td class=\"number\">([^<]*)</td>", page
        )
        assert row is not None and html.unescape(row.group(1)) == expected, code
        # neither the figures, the series table nor the map table shows the count elsewhere
        assert f'<td class="number">{int(BUURTEN[code])}</td>' not in page, code
        assert f"<td>{int(BUURTEN[code])}</td>" not in page, code


def test_an_analyst_sees_every_count(
    attack: Hengelo,
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[..., Client],
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    buurten = _map_table(client.get(f"/?{FILTERS}&niveau=buurt").content.decode())
    assert {code: _number(buurten[code]) for code in BUURTEN} == BUURTEN


def _indicator_table(page: str) -> dict[str, object]:
    """Return area code → the value the indicator page's table shows."""
    cells = re.findall(r'<small>(\w+)</small></th>\s*<td class="number">([^<]*)</td>', page)
    return {code: _number(html.unescape(value)) for code, value in cells}


def _report_cells(organisation: Organisation, area_code: str) -> dict[str, object]:
    """Return the "Totaal misdrijven" value of the suppressed veiligheidsbeeld workbook of ``area_code``."""
    options = ReportOptions(
        ReportName.VEILIGHEIDSBEELD, ReportFormat.XLSX, period=2023, area_code=area_code, suppress=True
    )
    with scope(organisation=organisation.pk):
        book = openpyxl.load_workbook(io.BytesIO(generate(organisation, options, actor=None).body))
    rows = list(book["Cijfers"].iter_rows(values_only=True))
    header = rows[0]
    [row] = [dict(zip(header, found, strict=True)) for found in rows[1:] if found[0] == "Totaal misdrijven"]
    return row


def test_the_reports_give_no_small_count_away(attack: Hengelo, org_a: Organisation) -> None:
    wijk = _report_cells(org_a, WIJK)
    assert wijk["waarde"] == 28
    shown = {code: _report_cells(org_a, code) for code in BUURTEN}
    values = {code: row["waarde"] for code, row in shown.items()}
    assert values == {
        "BU01640100": 10,
        "BU01640101": SUPPRESSED_COMPLEMENT,
        "BU01640102": 9,
        "BU01640103": SUPPRESSED_COUNT,
    }
    assert _derivable(28, values) == []
    # a withheld buurt's share of the gemeente is withheld too
    for code in ("BU01640101", "BU01640103"):
        assert not isinstance(shown[code].get("aandeel in gemeente (%)"), int | float)


@pytest.fixture
def counted(attack: Hengelo) -> Indicator:
    """A count indicator on total crime with the attack's values per wijk and buurt."""
    with scopes_disabled():
        indicator = Indicator.objects.create(
            code="misdrijven", name="Misdrijven", kind="effect", unit="aantal"
        )
        IndicatorDefinition.objects.create(
            indicator=indicator, formula="count", numerator="misdrijven_totaal"
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=indicator,
                area_code=code,
                area_level="wijk" if code.startswith("WK") else "buurt",
                period_start=dt.date(2023, 1, 1),
                period_length="year",
                value=value,
                n=int(value),
            )
            for code, value in {WIJK: 28.0, **BUURTEN}.items()
        )
    return indicator


def test_the_indicator_page_gives_no_small_count_away(counted: Indicator, council: Client) -> None:
    url = f"/indicatoren/{counted.pk}/?periode=year&begin=2023-01-01&niveau="
    wijken = _indicator_table(council.get(url + "wijk").content.decode())
    buurten = _indicator_table(council.get(url + "buurt").content.decode())
    assert wijken[WIJK] == 28.0
    shown = {code: buurten[code] for code in BUURTEN}
    assert shown["BU01640103"] == SUPPRESSED_COUNT
    assert shown["BU01640101"] == SUPPRESSED_COMPLEMENT
    assert _derivable(28.0, shown) == []
