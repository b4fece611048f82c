# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A real buurt redivision re-aggregated by representative points: Den Haag and Lisse.

The Den Haag police panel (2011-2015) counts on a newer CBS buurt division than the bundled 2014
boundaries, and gives each buurt only its centroid (``buurten.csv``). Checked with those points
against the 2014 buurten (``scripts/derive_denhaag_buurt_herindeling.py``, PROVENANCE):

* **a split**: the panel's BU05182762 Rivierenbuurt-Zuid and BU05182763 Rivierenbuurt-Noord both
  lie in the 2014 buurt BU05182763 Rivierenbuurt-Noord: CBS split it, one part kept the code;
* **a re-coding**: Lisse's BU05531900 De Engel lies in the 2014 buurt BU05530100 De Loosters,
  a code the panel does not have;
* **re-used codes**: Den Haag Centrum had 4 buurten in 2014 (Kortenbos, Voorhout, Uilebomen,
  Zuidwal) and 6 in the panel; the codes BU05182812-BU05182814 name other buurten, so a code match
  would be wrong (the panel's BU05182814 Pleinkwartier lies in the 2014 Rivierenbuurt-Noord, not
  in the 2014 BU05182814 Zuidwal);
* **a point outside the extract**: the panel's BU05182813 Buurtschap 2005 lies in the 2014 buurt
  Willemspark (wijk WK051823), which the extract does not hold: its counts are reported as not
  allocated, never dropped.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas import crosswalk
from kompas.areas.points import PointsError, read_points
from kompas.observations.crosswalk import Reaggregation, reaggregate_points
from kompas.sources.codelists import DATA
from tests.sources.importing import raw_rows, run_import

pytestmark = pytest.mark.django_db
PANEL = "politie-denhaag-buurt-maand-2011-2015/"
POINTS = DATA / PANEL / "buurten.csv"
BURGLARY = "politie_delict_104"


@pytest.fixture
def redivision(org_a: Organisation) -> None:
    """The 2014 buurten of the affected wijken, and the panel rows of the panel's buurten there."""
    run_import(org_a, "cbs-gebiedsindelingen-2014-2015/denhaag_lisse_buurten_2014.geojson", "cbs-gebieden")
    run_import(
        org_a, PANEL + "misdrijven_buurt_maand_herindeling.csv.gz", "politie-buurt-maand", create_areas=True
    )


def _panel(gemeente: str) -> dict[tuple[str, int], int]:
    """Burglaries (delict 104) per panel buurt and year, read from the file with csv only."""
    found: dict[tuple[str, int], int] = defaultdict(int)
    for row in raw_rows(PANEL + "misdrijven_buurt_maand_herindeling.csv.gz"):
        if row["delict_code"] == "104" and row["buurt_code"].startswith("BU" + gemeente[2:]):
            found[row["buurt_code"], int(row["jaar"])] += int(row["aantal"])
    return found


def _per_year(result: Reaggregation) -> dict[tuple[str, int], float]:
    found: dict[tuple[str, int], float] = defaultdict(float)
    for row in result.rows:
        found[row.area_code, row.period_start.year] += row.value
    return found


def _move(gemeente: str) -> Reaggregation:
    with scopes_disabled():
        return reaggregate_points(
            measure_code=BURGLARY,
            level="buurt",
            parent_code=gemeente,
            points=read_points(POINTS),
            source_label="buurten.csv",
            to_year=2014,
        )


def test_den_haag_counts_are_conserved_and_the_split_lands_on_its_2014_buurt(redivision: None) -> None:
    panel = _panel("GM0518")
    result = _move("GM0518")
    moved = _per_year(result)
    unplaced: dict[int, float] = defaultdict(float)
    for code, start, value in result.unallocated:
        assert code == "BU05182813"  # Buurtschap 2005: its point lies in Willemspark, not in the extract
        unplaced[start.year] += value
    for year in range(2011, 2016):
        total = sum(count for (_code, found_year), count in panel.items() if found_year == year)
        placed = sum(value for (_code, found_year), value in moved.items() if found_year == year)
        assert placed + unplaced[year] == total, year  # to the unit
        assert unplaced[year] == panel["BU05182813", year]
        # the split: both halves (and Pleinkwartier, whose point lies there too) on the old buurt
        assert moved["BU05182763", year] == (
            panel["BU05182762", year] + panel["BU05182763", year] + panel["BU05182814", year]
        )
        # the re-used code BU05182814 (2014 Zuidwal) gets Oude Centrum, not Pleinkwartier
        assert moved["BU05182814", year] == panel["BU05182816", year]
        assert moved["BU05182812", year] == panel["BU05182812", year] + panel["BU05182815", year]
        assert moved["BU05182811", year] == panel["BU05182811", year]
        assert moved["BU05182718", year] == panel["BU05182718", year]
    # 2011-2015 together: 1.156 burglaries in the nine panel buurten
    assert sum(panel.values()) == 1156
    assert result.source_total == 1156
    assert sum(moved.values()) + sum(unplaced.values()) == 1156
    by_target: dict[str, set[str]] = defaultdict(set)
    for row in result.rows:
        by_target[row.area_code].update(row.sources)
    assert by_target["BU05182763"] == {"BU05182762", "BU05182763", "BU05182814"}
    assert by_target["BU05182814"] == {"BU05182816"}
    assert {row.flag for row in result.rows} == {
        "herverdeeld van indeling buurten.csv naar 2014 (punt in gebied)"
    }
    assert result.crosswalk.weighting is crosswalk.Weighting.POINT
    warnings = result.warnings()
    assert "BU05182813: het punt ligt in geen gebied van de nieuwe indeling." in warnings
    # points near an edge of the generalised 2014 map are named: Rivierenbuurt-Zuid lies 53 m inside
    assert result.crosswalk.near_edge["BU05182762"] == pytest.approx(53, abs=1)
    assert "BU05182763" not in result.crosswalk.near_edge  # 366 m inside its own old buurt
    assert any(w.startswith("BU05182762: het punt ligt 53 m van de rand van BU05182763") for w in warnings)


def test_lisse_recoded_buurt_moves_onto_its_2014_code(redivision: None) -> None:
    panel = _panel("GM0553")
    result = _move("GM0553")
    assert result.unallocated == [] and result.no_point == ()
    moved = _per_year(result)
    for year in range(2011, 2016):
        assert moved["BU05530100", year] == panel["BU05531900", year]
    assert sum(moved.values()) == sum(panel.values()) == 4
    assert {row.sources for row in result.rows if row.value} == {("BU05531900",)}


def test_an_area_without_a_point_is_reported_with_its_count(redivision: None, tmp_path: Path) -> None:
    points = {code: point for code, point in read_points(POINTS).items() if code != "BU05182718"}
    with scopes_disabled():
        result = reaggregate_points(
            measure_code=BURGLARY,
            level="buurt",
            parent_code="GM0518",
            points=points,
            source_label="buurten.csv",
            to_year=2014,
        )
    missing = sum(value for code, _start, value in result.unallocated if code == "BU05182718")
    assert missing == sum(v for (code, _y), v in _panel("GM0518").items() if code == "BU05182718") == 250
    assert result.no_point == ("BU05182718",)
    assert "BU05182718: geen punt in het puntenbestand; de aantallen zijn niet verdeeld." in result.warnings()


def test_command_writes_flagged_rows_and_reports_the_unplaced(
    redivision: None, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command(
        "observations_reaggregate",
        "--measure", BURGLARY, "--level", "buurt", "--gemeente", "GM0518",
        "--from-points", str(POINTS), "--to-year", "2014",
    )  # fmt: skip
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["flag"] for row in rows} == {
        "herverdeeld van indeling buurten.csv naar 2014 (punt in gebied)"
    }
    assert sum(float(row["value"]) for row in rows) == 1156 - sum(
        v for (code, _y), v in _panel("GM0518").items() if code == "BU05182813"
    )
    assert "BU05182813: het punt ligt in geen gebied van de nieuwe indeling." in err
    assert "totaal 1.156" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--from-year", "2011", "--from-points", str(POINTS)],
            "Geef precies één van --from-year en --from-points.",
        ),
        (["--from-points", str(POINTS), "--weights", "inwoners"], "--weights past niet"),
    ],
)
def test_command_refuses_conflicting_options(
    redivision: None, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    with pytest.raises(SystemExit):
        call_command(
            "observations_reaggregate",
            "--measure", BURGLARY, "--level", "buurt", "--gemeente", "GM0518", "--to-year", "2014",
            *arguments,
        )  # fmt: skip
    assert message in capsys.readouterr().err


def test_a_points_file_with_a_bad_row_is_refused_whole(tmp_path: Path) -> None:
    bad = tmp_path / "punten.csv"
    bad.write_text("buurt_code,lat,lon\nBU05182762,52.07,4.33\nBU05182763,noord,4.33\n", encoding="utf-8")
    with pytest.raises(PointsError, match=r"Regel 3: lat en lon moeten getallen zijn\."):
        read_points(bad)
    bad.write_text("naam,lat,lon\nx,52,4\n", encoding="utf-8")
    with pytest.raises(PointsError, match="mist een kolom code"):
        read_points(bad)
