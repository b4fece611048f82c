# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Boundary crosswalks on a real CBS redivision: Amsterdam's 8 wijken of 2014 and its 99 of 2016-2021.

CBS re-used the codes WK036300-WK036307 (the stadsdelen in 2014) for eight of the 99 wijken
from 2016 on. The kwb files of 2016-2021 (``wijken_info.csv``) use the 99 codes every year; the
only bundled map of that division is the one of 2021, so it is loaded as the division valid from
2016. The 2014 wijken are the extract ``amsterdam_wijken_2014.geojson`` (PROVENANCE).
"""

from __future__ import annotations

import csv
import io
import re

import pytest
import shapely
from django.core.management import call_command
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas import crosswalk
from kompas.areas.queries import division
from kompas.observations.crosswalk import CrosswalkError, reaggregate
from tests.sources.importing import raw_rows, run_import

pytestmark = pytest.mark.django_db
AMSTERDAM = "cbs-kwb-amsterdam-wijken-2016-2021/"


@pytest.fixture
def amsterdam(org_a: Organisation) -> None:
    """Both divisions with their boundaries, and the inhabitants 2016-2021 of the 99 wijken."""
    run_import(org_a, "cbs-gebiedsindelingen-2014-2015/amsterdam_wijken_2014.geojson", "cbs-gebieden")
    run_import(org_a, AMSTERDAM + "amsterdam_wijken.shp", "cbs-bevolking", options={"year": 2016})
    run_import(org_a, AMSTERDAM + "wijken_info.csv", "cbs-bevolking")


def _inhabitants(year: int) -> dict[str, int]:
    return {
        row["gwb_code"]: int(row["a_inw"])
        for row in raw_rows(AMSTERDAM + "wijken_info.csv")
        if row["year"] == str(year)
    }


# Hamilton's method: the whole parts first, the units left to the largest remainders.
SPLITS = [
    (7, [1 / 3, 1 / 3, 1 / 3], [3.0, 2.0, 2.0]),  # ties go to the first target
    (10, [0.55, 0.45], [6.0, 4.0]),  # 5,5 and 4,5: the 0,5 remainders tie, the first wins
    (1, [0.2, 0.3, 0.5], [0.0, 0.0, 1.0]),  # one unit goes to the largest quota
    (0, [0.5, 0.5], [0.0, 0.0]),
    (2.5, [0.5, 0.5], [1.25, 1.25]),  # a count with a fraction is shared proportionally
]


@pytest.mark.parametrize(("count", "shares", "expected"), SPLITS)
def test_a_whole_count_is_split_into_whole_parts_that_add_up(
    count: float, shares: list[float], expected: list[float]
) -> None:
    walk = crosswalk.Crosswalk(
        crosswalk.Weighting.AREA,
        tuple(crosswalk.Piece("A", f"T{i}", share) for i, share in enumerate(shares)),
    )
    moved = crosswalk.allocate(walk, {"A": count})
    assert [moved.values[f"T{i}"] for i in range(len(shares))] == expected
    assert moved.total == count


def test_the_2021_wijken_merge_onto_the_2014_division_with_every_inhabitant_counted(amsterdam: None) -> None:
    with scopes_disabled():
        result = reaggregate(
            measure_code="inwoners", level="wijk", parent_code="GM0363", from_year=2021, to_year=2014
        )
    for year in range(2016, 2022):
        source = _inhabitants(year)
        rows = [row for row in result.rows if row.period_start.year == year]
        left = [value for _code, start, value in result.unallocated if start.year == year]
        assert len(source) == 99
        assert sum(row.value for row in rows) + sum(left) == sum(source.values())  # to the unit
        assert all(row.value.is_integer() for row in rows)
        assert sorted(row.area_code for row in rows) == [f"WK03630{i}" for i in range(8)]
        assert {row.flag for row in rows} == {"herverdeeld van indeling 2021 naar 2014 (oppervlakte)"}


def test_a_wijk_outside_the_old_division_is_reported_not_spread(amsterdam: None) -> None:
    with scopes_disabled():
        result = reaggregate(
            measure_code="inwoners", level="wijk", parent_code="GM0363", from_year=2021, to_year=2014
        )
    assert result.crosswalk.unmatched == ("WK036350",)
    left_2021 = {code: value for code, start, value in result.unallocated if start.year == 2021}
    assert left_2021 == {"WK036350": _inhabitants(2021)["WK036350"]}
    assert any(w.startswith("WK036350 2021-01-01:") for w in result.warnings())


def test_a_stadsdeel_of_2014_splits_over_the_99_wijken_by_their_inhabitants(amsterdam: None) -> None:
    with scopes_disabled():
        old = {code: shapely.from_wkb(a.geometry_rd) for code, a in division("wijk", 2014, "GM0363").items()}
        new = {code: shapely.from_wkb(a.geometry_rd) for code, a in division("wijk", 2021, "GM0363").items()}
    assert (len(old), len(new)) == (8, 99)
    inhabitants = _inhabitants(2021)
    by_area = crosswalk.overlap(old, new)
    by_people = crosswalk.overlap(old, new, population={c: float(v) for c, v in inhabitants.items()})
    # the 2014 totals of the eight stadsdelen, as the merge above gives them
    totals = crosswalk.allocate(crosswalk.overlap(new, old), inhabitants).values
    for walk in (by_area, by_people):
        moved = crosswalk.allocate(walk, totals)
        assert moved.unallocated == {}
        assert sum(moved.values.values()) == sum(totals.values())
        assert all(value.is_integer() for value in moved.values.values())
        for source, pieces in walk.shares().items():
            assert sum(piece.share for piece in pieces) == pytest.approx(1.0, abs=1e-12), source
    assert by_people.weighting is crosswalk.Weighting.POPULATION
    assert by_people.area_fallback == ()


def test_the_command_writes_flagged_rows_and_its_warnings(amsterdam: None) -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "observations_reaggregate",
        *("--measure", "inwoners", "--level", "wijk", "--gemeente", "GM0363"),
        *("--from-year", "2021", "--to-year", "2014"),
        stdout=out,
        stderr=err,
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 6 * 8
    total_2021 = sum(int(row["value"]) for row in rows if row["period_start"] == "2021-01-01")
    assert total_2021 + _inhabitants(2021)["WK036350"] == sum(_inhabitants(2021).values())
    assert "WK036350 2021-01-01:" in err.getvalue()
    assert "niet verdeeld" in err.getvalue()
    summary = err.getvalue().splitlines()[-1]  # Amsterdam's inhabitants, with Dutch thousands points
    assert re.fullmatch(
        r"48 rijen herverdeeld; totaal \d{1,3}(\.\d{3})+, waarvan \d{1,3}(\.\d{3})* niet verdeeld\.", summary
    )


def test_a_rate_is_refused_with_one_message(amsterdam: None) -> None:
    with scopes_disabled(), pytest.raises(CrosswalkError, match="Alleen aantallen kunnen worden herverdeeld"):
        reaggregate(
            measure_code="bevolkingsdichtheid",
            level="wijk",
            parent_code="GM0363",
            from_year=2021,
            to_year=2014,
        )


def test_without_inhabitants_in_the_new_division_it_weighs_by_area_and_says_so(amsterdam: None) -> None:
    with scopes_disabled():
        result = reaggregate(
            measure_code="inwoners",
            level="wijk",
            parent_code="GM0363",
            from_year=2021,
            to_year=2014,
            weighting=crosswalk.Weighting.POPULATION,
        )
    # the eight wijken of 2014 have no inhabitants stored: every wijk of 2021 that overlaps them
    matched = sorted(set(_inhabitants(2021)) - {"WK036350"})
    assert list(result.crosswalk.area_fallback) == matched
    assert (
        "WK036300: geen inwoners bekend in de nieuwe gebieden; naar oppervlakte verdeeld."
        in result.warnings()
    )
    rows_2021 = [row for row in result.rows if row.period_start.year == 2021]
    assert {row.flag for row in rows_2021} == {
        "herverdeeld van indeling 2021 naar 2014 (inwoners, deels oppervlakte)"
    }
    assert sum(row.value for row in rows_2021) + _inhabitants(2021)["WK036350"] == sum(
        _inhabitants(2021).values()
    )
