# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The area hotspot page on real data: registered crimes of 2023 per 1.000 inhabitants per buurt
of Hengelo and Enschede, with the CBS buurt boundaries; Gi* cross-checked against esda itself."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled
from esda.getisord import G_Local
from libpysal.weights import W
from openpyxl import load_workbook
from statsmodels.stats.multitest import multipletests

from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.areas.contiguity import queen_neighbours
from kompas.areas.queries import rd_boundaries
from kompas.hotspots.area_maps import MIN_AREAS
from kompas.hotspots.areas import local_statistics, persistent
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.indicators.models import Indicator, IndicatorValue
from tests.hotspots.twente_crimes import CRIMES, GEBIEDEN, RATE, load_twente_crimes
from tests.sources.importing import raw_rows, run_import

pytestmark = pytest.mark.django_db
HENGELO = CRIMES + "misdrijven_buurt_hengelo_2023.csv"


@pytest.fixture
def crimes(org_a: Organisation, tmp_path: Path) -> Indicator:
    load_twente_crimes(org_a, tmp_path)
    with scopes_disabled():
        return Indicator.objects.get(code=RATE, organisation=None)


@pytest.fixture
def twente(db: None) -> Organisation:
    """A regional organisation without a gemeente of its own: it sees every gemeente with values."""
    return create_organisation(actor=None, code="twente", name="Regio Twente", kind=OrganisationKind.REGIO)


def _query(indicator: Indicator, **extra: str) -> dict[str, str]:
    return {
        "indicator": str(indicator.pk),
        "niveau": "buurt",
        "periode": "year",
        "statistiek": "gi",
        "k": "1",
        "n": "3",
        **extra,
    }


def _csv(client: Client, query: dict[str, str]) -> list[dict[str, str]]:
    response = client.get(reverse("hotspots:areas"), {**query, "formaat": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _esda(codes: list[str]) -> tuple[dict[str, float], dict[str, float], set[str]]:
    """Return z, p and the FDR hot spots of the stored 2023 rates, computed by esda directly."""
    with scopes_disabled():
        stored = dict(
            IndicatorValue.objects.filter(
                indicator__code=RATE, area_level="buurt", period_start="2023-01-01", area_code__in=codes
            ).values_list("area_code", "value")
        )
    shapes = rd_boundaries("buurt", 2023)
    queen = queen_neighbours({code: shapes[code] for code in codes})
    w = W({c: list(queen.neighbours[c]) for c in queen.codes}, id_order=list(queen.codes))
    y = np.array([stored[c] for c in queen.codes])
    gi = G_Local(y, w, transform="B", star=True, permutations=999, seed=1995, n_jobs=1)
    significant = multipletests(gi.p_sim, alpha=0.05, method="fdr_bh")[0]
    hot = {c for c, z, s in zip(queen.codes, gi.Zs, significant, strict=True) if s and z > 0}
    return dict(zip(queen.codes, gi.Zs, strict=True)), dict(zip(queen.codes, gi.p_sim, strict=True)), hot


def _login(
    client: Client,
    role: Role,
    organisation: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> Client:
    return login(client, make_user(role, organisation))


# The buurten of the 2023 file without a 2014 boundary (PROVENANCE of the boundaries: tiny buurten
# collapse in the coarse TopoJSON, or the buurt is newer), and Westermaat-Noordoost with 12 crimes
# and 0 inhabitants on 1 January 2024 (cbs-bevolking-buurt-2024, row BU01640705).
LEFT_OUT = {
    "BU01530609": "geen grens bekend",
    "BU01530900": "geen grens bekend",
    "BU01640900": "geen grens bekend",
    "BU01640705": "geen waarde: de noemer is 0",
}


def test_hengelo_and_enschede_hotspots_equal_esda_with_every_area_accounted_for(
    crimes: Indicator,
    twente: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    _login(client, Role.ANALIST, twente, make_user, login)
    rows = _csv(client, _query(crimes))
    # 132 buurten in the 2023 file: 128 on the map, 4 listed with their reason, none dropped
    assert len(rows) == 132
    shown = {r["gebiedscode"]: r for r in rows if r["z_of_i"]}
    assert len(shown) == 128
    assert {r["gebiedscode"]: r["opmerking"] for r in rows if not r["z_of_i"]} == LEFT_OUT
    z, p, hot = _esda(sorted(shown))
    for code, row in shown.items():
        assert float(row["z_of_i"]) == pytest.approx(z[code], abs=1e-6)
        assert float(row["p"]) == pytest.approx(p[code], abs=1e-6)
    # Hot spots after the FDR at 999 permutations: none, as esda finds (the smallest p is 1/1000,
    # and the highest rates lie in business parks with few inhabitants, among quiet neighbours).
    # Cold spots: three residential buurten of Hengelo's north.
    assert {c for c, r in shown.items() if r["klasse"] == "hot"} == hot == set()
    assert {r["gebied"] for r in shown.values() if r["klasse"] == "cold"} == {
        "Sogtoenhoek",
        "Molendijkhoek",
        "Oosterveld",
    }
    assert all(r["fdr_significant"] == ("ja" if r["klasse"] else "nee") for r in shown.values())
    # one year of values: persistence counts that one, and the page says so
    assert {r["persistent"] for r in shown.values()} == {"nee"}
    page = client.get(reverse("hotspots:areas"), _query(crimes)).content.decode()
    assert "<svg" in page and "Benjamini en Hochberg" in page and "queen" in page
    assert "999 (seed 1995)" in page
    assert "Er zijn maar 1 van de gevraagde 3 perioden met waarden" in page
    assert "Beckum kern" in page and "geen grens bekend" in page


def test_local_moran_classes_and_more_permutations(
    crimes: Indicator,
    twente: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    _login(client, Role.ANALIST, twente, make_user, login)
    shapes = rd_boundaries("buurt", 2023)
    rows = [r for r in _csv(client, _query(crimes, statistiek="moran")) if r["z_of_i"]]
    with scopes_disabled():
        stored = dict(
            IndicatorValue.objects.filter(indicator__code=RATE, area_level="buurt").values_list(
                "area_code", "value"
            )
        )
    ours = {
        s.code: s
        for s in local_statistics(
            {r["gebiedscode"]: stored[r["gebiedscode"]] for r in rows},
            queen_neighbours({r["gebiedscode"]: shapes[r["gebiedscode"]] for r in rows}),
        )
    }
    for row in rows:
        assert float(row["z_of_i"]) == pytest.approx(ours[row["gebiedscode"]].moran_i, abs=1e-6)
        expected = (
            ours[row["gebiedscode"]].moran_quadrant if ours[row["gebiedscode"]].moran_significant else ""
        )
        assert row["klasse"] == expected and row["statistiek"] == "local_moran"
    # 9.999 permutations allow p = 0,0001: Gi* then finds six cold spots, still no hot spot
    more = _csv(client, _query(crimes, permutaties="9999"))
    assert {r["permutaties"] for r in more} == {"9999"}
    assert [r["gebied"] for r in more if r["klasse"] == "hot"] == []
    assert len([r for r in more if r["klasse"] == "cold"]) == 6


def test_a_council_member_gets_the_small_counts_suppressed(
    crimes: Indicator,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    _login(client, Role.RAADSLID, org_a, make_user, login)
    public = {r["gebiedscode"]: r for r in _csv(client, _query(crimes))}
    # a gemeente sees its own buurten only
    assert all(code.startswith("BU0164") for code in public)
    # fewer than 5 crimes in 2023 (misdrijven_buurt_hengelo_2023.csv): the rate gives the count away
    small = {"BU01640503": 4, "BU01640506": 1, "BU01640804": 1, "BU01640901": 4}
    for code in small:
        assert public[code]["waarde"] == "n < 5"
        assert public[code]["z_of_i"] == public[code]["p"] == public[code]["klasse"] == ""
    withheld = {code for code, r in public.items() if r["waarde"] in ("n < 5", "x")}
    assert set(small) <= withheld
    page = client.get(reverse("hotspots:areas"), _query(crimes)).content.decode()
    assert "waarde niet gepubliceerd" in page and "n &lt; 5" in page
    analyst = _login(Client(), Role.ANALIST, org_a, make_user, login)
    full = {r["gebiedscode"]: r for r in _csv(analyst, _query(crimes))}
    # Boeldershoek: 1 crime, 20 inhabitants → 50 per 1.000 for a role with event-level rights
    assert float(full["BU01640506"]["waarde"]) == pytest.approx(50.0)
    assert all(full[code]["z_of_i"] for code in small)
    workbook = load_workbook(
        io.BytesIO(analyst.get(reverse("hotspots:areas"), {**_query(crimes), "formaat": "xlsx"}).content)
    )
    assert workbook["hotspots"].max_row == len(full) + 1


def test_too_few_areas_and_bad_input_say_so_instead_of_a_map(
    crimes: Indicator,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    borne = create_organisation(
        actor=None, code="borne", name="Gemeente Borne", kind=OrganisationKind.GEMEENTE, cbs_code="GM0147"
    )
    _login(client, Role.ANALIST, borne, make_user, login)
    page = client.get(reverse("hotspots:areas"), _query(crimes)).content.decode()
    assert f"Te weinig gebieden met een waarde en een grens (0; minimaal {MIN_AREAS})" in page
    assert "<svg" not in page and "geen waarde in deze periode" in page
    refused = client.get(reverse("hotspots:areas"), _query(crimes, k="4", n="3")).content.decode()
    assert "k kan niet groter zijn dan n" in refused and "<svg" not in refused


@pytest.fixture
def own_counts(org_a: Organisation) -> Indicator:
    """Hengelo's own count indicator: the real 2023 crimes per buurt (47018NED) as its values."""
    for level in ("gemeenten_2015", "wijken_2014", "buurten_2014"):
        run_import(org_a, f"{GEBIEDEN}twente_{level}.geojson", "cbs-gebieden", create_areas=True)
    counts = {row["WijkenEnBuurten"]: int(row["GeregistreerdeMisdrijven_1"]) for row in raw_rows(HENGELO)}
    with scopes_disabled():
        indicator = Indicator.objects.create(
            organisation=org_a, code="misdrijven_hengelo", name="Misdrijven", kind="effect", unit="aantal"
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=indicator,
                organisation=org_a,
                area_code=code,
                area_level="buurt",
                period_start=dt.date(2023, 1, 1),
                period_length="year",
                value=float(count),
                n=count,
            )
            for code, count in counts.items()
        )
    return indicator


def test_an_own_count_indicator_is_suppressed_for_the_council_and_hidden_from_others(
    own_counts: Indicator,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    _login(client, Role.RAADSLID, org_a, make_user, login)
    public = {r["gebiedscode"]: r for r in _csv(client, _query(own_counts))}
    # 62 buurten: 61 with a boundary, Beckum kern listed without one
    assert len(public) == 62 and public["BU01640900"]["opmerking"] == "geen grens bekend"
    # counts below 5 in misdrijven_buurt_hengelo_2023.csv: "< 5", and no z, p or class beside them
    for code in ("BU01640503", "BU01640506", "BU01640804", "BU01640901"):
        assert public[code]["waarde"] == "< 5" and public[code]["z_of_i"] == ""
    assert public["BU01640000"]["waarde"] == "717.0"  # Binnenstad-Centrum
    # the indicator page links to the map of the level and period it shows
    shown = client.get(
        f"/indicatoren/{own_counts.pk}/", {"niveau": "buurt", "periode": "year"}
    ).content.decode()
    link = re.search(r'href="(/hotspots/gebieden/\?[^"]+)"', shown)
    assert link is not None
    followed = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert "<svg" in followed and "waarde niet gepubliceerd" in followed
    borne = create_organisation(
        actor=None, code="borne", name="Gemeente Borne", kind=OrganisationKind.GEMEENTE, cbs_code="GM0147"
    )
    other = _login(Client(), Role.ANALIST, borne, make_user, login)
    refused = other.get(reverse("hotspots:areas"), _query(own_counts)).content.decode()
    assert "Selecteer een geldige keuze" in refused and "<svg" not in refused
    assert "misdrijven_hengelo" not in refused


AMSTERDAM = "cbs-kwb-amsterdam-wijken-2016-2021/"
DENSITY = """format = "kompas-indicatoren"
version = 1

[[indicator]]
code = "bevolkingsdichtheid"
name = "Bevolkingsdichtheid"
formula = "count"
numerator = "bevolkingsdichtheid"
kind = "effect"
unit = "inwoners per km²"
direction = "lower_is_better"
data_source = "CBS kerncijfers wijken en buurten"
"""


@pytest.fixture
def amsterdam(org_a: Organisation) -> Indicator:
    """The population density per Amsterdam wijk, 2016-2021 (CBS kerncijfers, 99 wijken with their
    2021 boundaries): six real periods for persistence."""
    run_import(
        org_a, AMSTERDAM + "amsterdam_wijken.shp", "cbs-bevolking", create_areas=True, options={"year": 2021}
    )
    run_import(org_a, AMSTERDAM + "wijken_info.csv", "cbs-bevolking", create_areas=True)
    with scopes_disabled():
        loaded = load_definitions(DENSITY, "dichtheid.toml", actor=None, organisation=None)
        assert loaded.problems == ()
        compute(actor=None)
        return Indicator.objects.get(code="bevolkingsdichtheid")


def test_persistence_counts_the_hot_spots_of_the_last_n_periods(
    amsterdam: Indicator,
    twente: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    _login(client, Role.ANALIST, twente, make_user, login)
    query = _query(amsterdam, niveau="wijk", k="4", n="5", begin="2021-01-01", permutaties="9999")
    rows = {r["gebiedscode"]: r for r in _csv(client, query) if r["z_of_i"]}
    assert len(rows) >= MIN_AREAS and {r["perioden_bekeken"] for r in rows.values()} == {"5"}
    # by hand: Gi* per year 2017-2021 on the stored values, hot spots after the FDR, counted
    hot_by_year = []
    with scopes_disabled():
        for year in range(2017, 2022):
            stored = {
                code: value
                for code, value in IndicatorValue.objects.filter(
                    indicator=amsterdam,
                    area_level="wijk",
                    period_length="year",
                    period_start=dt.date(year, 1, 1),
                ).values_list("area_code", "value")
                if value is not None
            }
            shapes = rd_boundaries("wijk", year)
            kept = {code: shapes[code] for code in stored if code in shapes}
            found = local_statistics({c: stored[c] for c in kept}, queen_neighbours(kept), permutations=9999)
            hot_by_year.append({s.code for s in found if s.hotspot == "hot"})
    counts = {code: sum(code in hot for hot in hot_by_year) for code in rows}
    assert {code: int(r["hotspot_perioden"]) for code, r in rows.items()} == counts
    persistent_here = {code for code, r in rows.items() if r["persistent"] == "ja"}
    assert persistent_here == persistent(hot_by_year, k=4, n=5)
    assert persistent_here  # density clusters are stable: some wijken stay hot spots
