# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture of Twente from the bundled open data, with numbers computed here by hand.

Figures: the police totals of registered crimes 2022-2024 (politie-gemeente-totaal-misdrijven-
2022-2024) and the CBS inhabitants of 1 January 2024 summed over each municipality's buurten
(cbs-bevolking-buurt-2024); the indicators are those of the shipped definition sets.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.areas.models import Area
from kompas.cooperation.sharing import revoke_share, share_measure
from kompas.indicators import definitions
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.reports.regional import regional_picture
from tests.cooperation.conftest import Setting, make_setting
from tests.cooperation.sharing_factories import OWN_MEASURE, own_figure
from tests.indicators.factories import make_group, observe

pytestmark = pytest.mark.django_db
DATA = Path(definitions.__file__).parents[1] / "fixtures" / "data"
SETS = Path(definitions.__file__).parent / "sets"
YEARS = (2022, 2023, 2024)
HENGELO, ENSCHEDE, TUBBERGEN = "GM0164", "GM0153", "GM0183"
RATE, COUNT = "misdrijven_totaal_per_1000_inwoners", "T1.I4"
# Queries of the regional page: session and user, the group and its members, indicators, values,
# trends, comparisons, definitions, alerts, shares (18 measured on the demo).
PAGE_BUDGET = 25
Twente = tuple[dict[int, dict[str, float]], dict[str, float]]


def _crimes() -> tuple[dict[int, dict[str, float]], dict[str, str]]:
    crimes: dict[int, dict[str, float]] = defaultdict(dict)
    names: dict[str, str] = {}
    path = DATA / "politie-gemeente-totaal-misdrijven-2022-2024" / "gemeente_totaal_misdrijven_2022_2024.csv"
    with path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["twente"] == "True":
                crimes[int(row["jaar"])][row["gemeente_code"]] = float(row["geregistreerde_misdrijven"])
                names[row["gemeente_code"]] = row["regio"]
    return dict(crimes), names


def _inhabitants(codes: set[str]) -> dict[str, float]:
    found: dict[str, float] = defaultdict(float)
    with (DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv").open(
        encoding="utf-8"
    ) as file:
        for row in csv.DictReader(file):
            if row["gemeente_code"] in codes:
                found[row["gemeente_code"]] += float(row["inwoners"])
    return dict(found)


def _shipped(file: str, code: str) -> definitions.Definition:
    parsed = definitions.parse((SETS / file).read_text(encoding="utf-8"), file)
    return next(d for d in parsed.definitions if d.code == code)


@pytest.fixture
def twente(db: None) -> Twente:
    """The 14 Twente municipalities with their open data, the indicators computed."""
    return load_twente()


def load_twente() -> Twente:
    """Store the Twente open data and the group, load two shipped indicators and compute them."""
    crimes, names = _crimes()
    areas = {
        code: Area.objects.create(code=code, name=names[code], level="gemeente", valid_from=2015)
        for code in names
    }
    for year in YEARS:
        observe("misdrijven_totaal", areas, crimes[year], [dt.date(year, 1, 1)], "year")
    inhabitants = _inhabitants(set(names))
    observe("inwoners", areas, inhabitants, [dt.date(2024, 1, 1)], "year")
    make_group("twente", list(names), kind="regio")
    chosen = [
        _shipped("hengelo_ivp_2017_2020.toml", "T1.I4"),
        _shipped("standaard_criminaliteit.toml", "misdrijven_totaal_per_1000_inwoners"),
    ]
    with scopes_disabled():
        loaded = load_definitions(definitions.dumps(chosen), "twente.toml", actor=None, organisation=None)
        assert loaded.problems == ()
    compute(actor=None)
    return crimes, inhabitants


@pytest.fixture
def setting(org_a: Organisation, org_b: Organisation, make_user: Callable[..., User]) -> Setting:
    return make_setting(org_a, org_b, make_user)


def _poisson_pct(counts: list[float]) -> float:
    """The % change per year of a log-linear Poisson fit to three yearly counts, solved by hand.

    With years at −1, 0, 1 the score equations give (y3 − y1) / (y1 + y2 + y3) =
    2 sinh b / (1 + 2 cosh b); b is found by bisection and the change is e^b − 1.
    """
    ratio = (counts[2] - counts[0]) / sum(counts)
    low, high = -1.0, 1.0
    for _step in range(200):
        middle = (low + high) / 2
        if 2 * math.sinh(middle) / (1 + 2 * math.cosh(middle)) < ratio:
            low = middle
        else:
            high = middle
    return 100 * (math.exp(low) - 1)


def test_the_fourteen_municipalities_side_by_side_with_index_and_rank(
    twente: Twente, setting: Setting
) -> None:
    crimes, inhabitants = twente
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    with scope(organisation=coordinator.organisation_id):
        picture = regional_picture(coordinator.organisation_id)
    assert (picture.year, picture.years) == (2024, [2024, 2023, 2022])
    rates = next(block for block in picture.blocks if block.code == RATE)
    rows = {row.code: row for row in rates.rows}
    assert len(rows) == 14 and rates.comparability.compared
    # By hand: rate = crimes 2024 / inhabitants 1-1-2024 × 1.000; Hengelo 3.752 / 83.060 = 45,17.
    by_hand = {code: crimes[2024][code] / inhabitants[code] * 1000 for code in rows}
    assert inhabitants[HENGELO] == 83060
    assert rows[HENGELO].value == pytest.approx(45.1722, abs=1e-4)
    assert {code: row.value for code, row in rows.items()} == pytest.approx(by_hand)
    # The index is 100 × Twente mean / rate (lower is better); the rank is the place in Twente.
    mean = sum(by_hand.values()) / 14
    assert mean == pytest.approx(29.9177, abs=1e-4)
    assert rates.group_mean == pytest.approx(mean)
    hengelo = rows[HENGELO].comparison
    assert hengelo is not None
    assert hengelo.index == pytest.approx(100 * mean / by_hand[HENGELO])  # 66,2
    order = sorted(by_hand, key=by_hand.__getitem__)
    assert hengelo.rank == order.index(HENGELO) + 1 == 12
    assert rows[TUBBERGEN].comparison.rank == 1  # type: ignore[union-attr]  # 16,74 per 1.000, the lowest
    assert rows[ENSCHEDE].comparison.rank == 14  # type: ignore[union-attr]  # 59,09 per 1.000
    # Tubbergen's index, 100 × 29,92 / 16,74 = 178,7, is capped at 150.
    assert rows[TUBBERGEN].comparison.index == 150  # type: ignore[union-attr]
    # The trend: Hengelo 3.907, 3.676, 3.752 crimes in 2022-2024, about −2,0 % per year. The
    # counts scatter more than Poisson allows (Pearson χ²/df > 1,5), so the engine fits a negative
    # binomial model, whose estimate lies within 0,01 point of the Poisson one solved by hand.
    trend = rows[HENGELO].trend
    assert trend is not None and trend.method == "negative_binomial_glm"
    assert trend.pearson_ratio is not None and trend.pearson_ratio > 1.5
    assert trend.pct_per_year == pytest.approx(_poisson_pct([crimes[y][HENGELO] for y in YEARS]), abs=0.01)
    assert trend.pct_per_year == pytest.approx(-2.02, abs=0.01)


def test_a_count_is_shown_but_not_compared(twente: Twente, setting: Setting) -> None:
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    with scope(organisation=coordinator.organisation_id):
        picture = regional_picture(coordinator.organisation_id, 2023)
    counted = next(block for block in picture.blocks if block.code == COUNT)
    assert not counted.comparability.compared
    assert "groeit met de grootte" in counted.comparability.reason
    rows = {row.code: row for row in counted.rows}
    assert rows[HENGELO].value == 3676 and rows[ENSCHEDE].value == 9082  # 2023, as the police publish
    assert all(row.comparison is None for row in counted.rows)


def test_page_and_export_show_the_same_numbers(
    twente: Twente,
    setting: Setting,
    client: Client,
    login: Callable[[Client, User], Client],
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    login(client, setting.users[Role.REGIOCOORDINATOR])
    with django_assert_max_num_queries(PAGE_BUDGET):  # type: ignore[attr-defined]  # pytest-django's fixture, typed loosely
        page = client.get(reverse("dashboard:regional"), {"indicator": RATE, "jaar": "2024"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hengelo (O.)" in text and "45,2" in text and "12 / 14" in text
    assert "Regiobeeld Twente 2024" in text and '<option value="2023">2023</option>' in text
    counted = client.get(reverse("dashboard:regional"), {"indicator": COUNT, "jaar": "2024"})
    assert "niet vergelijkbaar" in counted.content.decode() and "3.752" in counted.content.decode()
    export = client.get(reverse("dashboard:regional_export"), {"jaar": "2024"})
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = [
        dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    hengelo = next(row for row in rows if row["code"] == RATE and row["gemeentecode"] == HENGELO)
    assert hengelo["waarde"] == pytest.approx(3752 / 83060 * 1000)
    assert (hengelo["rang in Twente"], hengelo["leden met een waarde"]) == (12, 14)
    count_row = next(row for row in rows if row["code"] == COUNT and row["gemeentecode"] == HENGELO)
    assert count_row["waarde"] == 3752 and count_row["benchmarkindex"] is None
    assert "groeit met de grootte" in count_row["niet vergelijkbaar"]


def test_shared_own_figures_appear_only_while_shared(
    twente: Twente, setting: Setting, client: Client, login: Callable[[Client, User], Client]
) -> None:
    adviser, coordinator = setting.users[Role.OOV_ADVISEUR], setting.users[Role.REGIOCOORDINATOR]
    own_figure(adviser.organisation, HENGELO, 23.5)  # a fictitious own survey figure (demo)
    login(client, coordinator)
    assert "23,5" not in client.get(reverse("dashboard:regional")).content.decode()
    with scope(organisation=adviser.organisation_id):
        share = share_measure(actor=adviser, platform=setting.platform, measure_code=OWN_MEASURE)
    assert "23,5" in client.get(reverse("dashboard:regional")).content.decode()
    with scope(organisation=adviser.organisation_id):
        revoke_share(actor=adviser, share_id=share.pk)
    assert "23,5" not in client.get(reverse("dashboard:regional")).content.decode()


def test_only_users_of_a_platform_see_the_regional_picture(
    twente: Twente, setting: Setting, client: Client, login: Callable[[Client, User], Client]
) -> None:
    login(client, setting.outsider)  # a regiocoördinator of Enschede, which is not in the Platform
    assert client.get(reverse("dashboard:regional")).status_code == 404
    assert client.get(reverse("dashboard:regional_export")).status_code == 404


def test_a_reader_of_published_figures_gets_the_threshold_applied(twente: Twente, setting: Setting) -> None:
    partner = setting.users[Role.PARTNER]  # sees published figures only (no dashboard.small_counts)
    with scope(organisation=partner.organisation_id):
        picture = regional_picture(partner.organisation_id, suppress=True)
    assert (
        "Waarden die op minder dan 5 gebeurtenissen rusten, zijn weggelaten (publicatiegrens)."
        in picture.notes
    )
    # Every Twente municipality registered hundreds of crimes (Tubbergen 358, the fewest): nothing is hidden.
    rates = next(block for block in picture.blocks if block.code == RATE)
    assert all(row.value is not None and row.comparison is not None for row in rates.rows)
