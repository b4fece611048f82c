# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas hotspots backtest`` and ``forecast`` on the Vancouver incidents, as from a shell."""

from __future__ import annotations

import csv
import gzip
import json
import time
from pathlib import Path

import pytest

from kompas.hotspots.evaluate import COVERAGES
from kompas.hotspots.forecasting import CSV_COLUMNS, MIN_EVENTS
from kompas.site.cli import COMMANDS, main
from kompas.sources.codelists import DATA

VANCOUVER = DATA / "vancouver-vpd-crime-2021-2022" / "vpd_crime_2021_2022.csv.gz"
BURGLARY = "Break and Enter Residential/Other"
FILE = [str(VANCOUVER), "--timezone", "America/Vancouver", "--crs", "EPSG:26910"]


def _kompas(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _at_origin() -> dict[str, int]:
    """Count the rows at X = Y = 0 (the VPD's privacy offset) per type, straight from the file."""
    with gzip.open(VANCOUVER, "rt", encoding="utf-8") as handle:
        counts: dict[str, int] = {}
        for row in csv.DictReader(handle):
            if float(row["X"] or 0) == 0 and float(row["Y"] or 0) == 0:
                counts[row["TYPE"]] = counts.get(row["TYPE"], 0) + 1
    return counts


def test_commands_have_friendly_names() -> None:
    assert {"hotspots backtest", "hotspots forecast"} <= set(COMMANDS)


def test_backtest_of_vancouver_burglary_2022_prints_every_method_within_a_minute(
    capsys: pytest.CaptureFixture[str],
) -> None:
    began = time.perf_counter()
    code, out, err = _kompas(
        capsys, "hotspots", "backtest", *FILE, "--type", BURGLARY, "--from", "2022-01-03",
        "--to", "2022-12-31", "--cell", "150", "--coverage", "0.05", "--horizon", "7d", "--json",
    )  # fmt: skip
    seconds = time.perf_counter() - began
    assert code == 0, err
    result = json.loads(out)
    assert seconds <= 60  # the budget for one type over one year at 150 m
    # whole weeks from Monday 3 January; the 52nd would end on 1 January 2023, after --to
    assert result["crs"] == "EPSG:26910" and len(result["weeks"]) == 51
    assert result["unlocated"]["by_type"] == _at_origin() and result["unlocated"]["total"] > 7000
    methods = {"recent", "longrun", "kde", "prospective", "sepp", "ensemble", "decay"}
    assert {(t["method"], t["coverage"]) for t in result["totals"]} == {
        (m, c) for m in methods for c in COVERAGES
    }
    # the near-repeat test of burglary in 2021: within 200 m and 14 days, with seeded permutations
    knox = result["knox"]
    assert (knox["metres"], knox["days"], knox["permutations"]) == (200.0, 14.0, 99)
    assert knox["close_both"] > 0 and 0 < knox["p_permutation"] <= 1 and 0 <= knox["p_poisson"] <= 1
    for total in result["totals"]:
        assert total["events"] == result["events_evaluated"] > 1000
        assert total["pai"] == pytest.approx(total["hit_rate"] / total["coverage"], rel=0.05)
        assert 0 <= total["pei"] <= 1


def test_backtest_text_is_dutch_and_names_the_guessed_time_zone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _kompas(
        capsys, "hotspots", "backtest", str(VANCOUVER), "--type", BURGLARY, "--from", "2022-06-01",
        "--to", "2022-07-31", "--method", "longrun,kde",
    )  # fmt: skip
    assert code == 0
    assert "Tijdzone niet opgegeven" in out  # a guessed default is said, not hidden
    assert "EPSG:32610" in out  # lon/lat read: the UTM zone that fits Vancouver, not RD New
    assert "incidenten zonder locatie" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--type", "Woninginbraak"], "komt niet voor in het bestand"),  # a type the file lacks
        (["--type", BURGLARY, "--horizon", "week"], "geen horizon in dagen"),
        (["--type", BURGLARY, "--method", "magic"], "onbekende methode magic"),
        (["--type", BURGLARY, "--coverage", "5"], "geen aandeel tussen 0 en 1"),
    ],
)
def test_bad_requests_are_refused_in_dutch(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = _kompas(
        capsys, "hotspots", "backtest", *FILE, "--from", "2022-01-03", "--to", "2022-01-31", *argv
    )
    assert code != 0 and message in err


def test_forecast_writes_geojson_with_its_accuracy_and_suppresses_small_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "inbraak.geojson"
    code, out, err = _kompas(
        capsys, "hotspots", "forecast", *FILE, "--type", "Theft from Vehicle", "--at", "2022-06-06",
        "--method", "kde", "--output", str(target),
    )  # fmt: skip
    assert code == 0, err
    document = json.loads(target.read_text(encoding="utf-8"))
    about = document["kompas"]
    assert about["accuracy"]["weeks"] == 12 and about["accuracy"]["pai"] > 1
    assert document["features"] and all(
        f["properties"]["past_events"] >= MIN_EVENTS for f in document["features"]
    )
    lon, lat = document["features"][0]["geometry"]["coordinates"][0][0]
    assert -123.3 < lon < -123.0 and 49.1 < lat < 49.4  # Vancouver, in WGS84 as RFC 7946 asks
    assert "PAI" in out and "weggelaten" in out


def test_forecast_csv_has_the_documented_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "inbraak.csv"
    code, _, err = _kompas(
        capsys, "hotspots", "forecast", *FILE, "--type", BURGLARY, "--at", "2022-06-06",
        "--method", "prospective", "--output", str(target),
    )  # fmt: skip
    assert code == 0, err
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and tuple(rows[0]) == CSV_COLUMNS
    assert all(int(row["past_events"]) >= MIN_EVENTS for row in rows)


def test_forecast_refuses_an_unknown_output_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _kompas(
        capsys, "hotspots", "forecast", *FILE, "--type", BURGLARY, "--at", "2022-06-06",
        "--output", str(tmp_path / "x.xlsx"),
    )  # fmt: skip
    assert code != 0 and ".geojson of .csv" in err and not (tmp_path / "x.xlsx").exists()
