# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas early-warning run`` and ``kompas early-warning backtest`` on CSV files, without a database.

Commands run through :func:`kompas.site.cli.main`, as from a shell; one test starts the installed
``kompas`` script to prove that bad input ends without a traceback.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kompas.alerts.early_warning_csv import OUTPUT_COLUMNS
from kompas.alerts.farrington import farrington_flexible
from kompas.alerts.series import read_long_csv
from kompas.site.cli import COMMANDS, main

REFERENCE = Path(__file__).parent / "reference"
MONTHLY = REFERENCE / "monthly_series.csv"
WEEKLY = REFERENCE / "weekly_series.csv"
KOMPAS = str(Path(sys.executable).with_name("kompas"))


def _kompas(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_commands_have_friendly_names() -> None:
    assert "early-warning run" in COMMANDS
    assert "early-warning backtest" in COMMANDS


def test_output_has_the_documented_columns_and_r_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "signalen.csv"
    code, out, err = _kompas(capsys, "early-warning", "run", str(MONTHLY), "--output", str(output))
    assert (code, err) == (0, "")
    assert re.fullmatch(
        r"567 perioden beoordeeld in 7 reeksen \(2017-04-01 t/m 2023-12-01\): \d+ signalen\. "
        rf"Geschreven: {re.escape(str(output))} \(\d+,\d s\)\n",  # Dutch decimal comma
        out,
    )
    with output.open(encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == list(OUTPUT_COLUMNS)
    rows = _rows(output)
    assert len(rows) == 567
    panel = read_long_csv(MONTHLY, 12)
    expected = farrington_flexible(panel).detection
    row_of = {name: index for index, name in enumerate(panel.names)}
    column_of = {str(period): index for index, period in enumerate(panel.periods)}
    for row in rows:
        i, j = row_of[row["series"]], column_of[row["period"]]
        assert row["observed"] == f"{panel.counts[i, j]:.0f}"
        assert row["alarm"] == str(int(expected.alarm[i, j]))
        for column, values in (("upperbound", expected.upperbound), ("expected", expected.expected)):
            # Shortest exact text; empty where there is no value (limit54 not met).
            assert row[column] == ("" if np.isnan(values[i, j]) else repr(float(values[i, j])))


def test_noufaily_settings_reproduce_r(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "noufaily.csv"
    settings = ["--no-periods", "10", "--past-periods-not-included", "6", "--threshold-method", "nbPlugin"]
    code, _, err = _kompas(capsys, "early-warning", "run", str(MONTHLY), "--output", str(output), *settings)
    assert (code, err) == (0, "")
    found = {(row["series"], row["period"]): row for row in _rows(output)}
    reference = [
        row for row in _rows(REFERENCE / "farrington_expected.csv") if row["setting"] == "month noufaily"
    ]
    assert len(found) == len(reference)
    for row in reference:
        ours = found[(row["series"], row["period"])]
        assert ours["alarm"] == ("1" if row["alarm"] == "TRUE" else "0")
        if row["upperbound"]:
            assert float(ours["upperbound"]) == pytest.approx(float(row["upperbound"]), rel=1e-6)
        else:
            assert ours["upperbound"] == ""


@pytest.mark.parametrize("method", ["ears-c1", "ears-c2", "ears-c3", "cusum"])
def test_other_methods_on_weekly_data(
    method: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / f"{method}.csv"
    code, _, err = _kompas(
        capsys,
        "early-warning",
        "run",
        str(WEEKLY),
        "--output",
        str(output),
        "--method",
        method,
        "--frequency",
        "week",
    )
    assert (code, err) == (0, "")
    rows = _rows(output)
    assert rows
    assert {row["alarm"] for row in rows} <= {"0", "1"}
    assert all(row["expected"] for row in rows)


def test_evaluate_from_and_min_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything, narrowed = tmp_path / "alles.csv", tmp_path / "vanaf.csv"
    _kompas(capsys, "early-warning", "run", str(MONTHLY), "--output", str(everything))
    code, out, _ = _kompas(
        capsys,
        "early-warning",
        "run",
        str(MONTHLY),
        "--output",
        str(narrowed),
        "--evaluate-from",
        "2023-01-01",
        "--min-count",
        "1000",
    )
    assert code == 0
    assert "(2023-01-01 t/m 2023-12-01)" in out
    rows = _rows(narrowed)
    assert {row["period"][:4] for row in rows} == {"2023"}
    later = {(row["series"], row["period"]): row for row in _rows(everything) if row["period"] >= "2023"}
    assert len(rows) == len(later)
    for row in rows:
        full = later[(row["series"], row["period"])]
        assert row["alarm"] == ("1" if full["alarm"] == "1" and int(row["observed"]) >= 1000 else "0")


def test_short_series_give_a_header_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, output = tmp_path / "kort.csv", tmp_path / "uit.csv"
    source.write_text("series,period,count\na,2024-01-01,3\na,2024-02-01,5\n", encoding="utf-8")
    code, out, _ = _kompas(capsys, "early-warning", "run", str(source), "--output", str(output))
    assert code == 0
    assert out.startswith("0 perioden beoordeeld in 1 reeksen (- t/m -): 0 signalen.")
    assert output.read_text(encoding="utf-8") == ",".join(OUTPUT_COLUMNS) + "\n"


def test_bad_input_lists_every_problem_in_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "fout.csv"
    source.write_text(
        "series,period,count\na,2020-01-01,3\na,2020-01-15,x\nb,2020-02-01,-1\na,2020-01-01,4\n",
        encoding="utf-8",
    )
    output = tmp_path / "uit.csv"
    code, out, err = _kompas(capsys, "early-warning", "run", str(source), "--output", str(output))
    assert code == 1
    assert out == ""
    assert err == (
        "CommandError: Het invoerbestand is niet bruikbaar (4 problemen):\n"
        'fout.csv, regel 3, kolom "period": waarde "2020-01-15" is niet de eerste dag van een maand; '
        "verwacht: de eerste dag van de maand als JJJJ-MM-DD, zoals 2024-03-01.\n"
        'fout.csv, regel 3, kolom "count": waarde "x" is geen getal; '
        "verwacht: een geheel aantal van 0 of meer, of leeg als de waarde ontbreekt.\n"
        'fout.csv, regel 4, kolom "count": waarde "-1" is geen geheel aantal van 0 of meer; '
        "verwacht: een geheel aantal van 0 of meer, of leeg als de waarde ontbreekt.\n"
        'fout.csv, regel 5, kolom "period": waarde "2020-01-01" komt voor deze reeks al voor op regel 2; '
        "verwacht: één rij per reeks en periode.\n"
    )
    assert not output.exists()


def test_many_problems_are_counted_beyond_the_first_hundred(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "week.csv"
    # 150 series with a Tuesday where a month is expected: one problem each.
    rows = "".join(f"s{index},2024-03-05,1\n" for index in range(150))
    source.write_text("series,period,count\n" + rows, encoding="utf-8")
    code, _, err = _kompas(capsys, "early-warning", "run", str(source), "--output", str(tmp_path / "uit.csv"))
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == "CommandError: Het invoerbestand is niet bruikbaar (150 problemen):"
    assert len(lines) == 102
    assert lines[-1] == "… en nog 50 problemen."


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        # no such file
        (["ontbreekt.csv"], "CommandError: Bestand niet gevonden: ontbreekt.csv\n"),
        # a setting of another method
        (
            [str(MONTHLY), "--method", "cusum", "--b", "3"],
            "CommandError: --b geldt niet voor methode cusum\n",
        ),
        # a setting R rejects
        ([str(MONTHLY), "--b", "0"], "CommandError: b moet minstens 1 zijn\n"),
    ],
)
def test_unusable_requests(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _kompas(capsys, "early-warning", "run", *arguments, "--output", str(tmp_path / "uit.csv"))
    assert (code, err) == (1, message)


def test_malformed_option_is_refused_by_the_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _kompas(
        capsys,
        "early-warning",
        "run",
        str(MONTHLY),
        "--output",
        str(tmp_path / "u.csv"),
        "--evaluate-from",
        "2023-13-01",
    )
    assert code == 2
    assert err.endswith("error: argument --evaluate-from: geen datum (JJJJ-MM-DD): 2023-13-01\n")


def test_installed_script_fails_without_traceback(tmp_path: Path) -> None:
    source = tmp_path / "fout.csv"
    source.write_text("series,period,count\na,2020-01-01,veel\n", encoding="utf-8")
    result = subprocess.run(
        [KOMPAS, "early-warning", "run", str(source), "--output", str(tmp_path / "uit.csv")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert 'fout.csv, regel 2, kolom "count": waarde "veel" is geen getal;' in result.stderr


def test_backtest_json(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["early-warning", "backtest", str(MONTHLY), "--json", "--outbreaks", "5", "--sizes", "2,10"]
    code, out, err = _kompas(capsys, *arguments)
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["method"] == "farrington-flexible"
    assert (report["series"], report["seed"], report["settings"]) == (7, 2013, {})
    assert report["evaluated"] == 567
    assert report["false_positive_rate"] == pytest.approx(report["alarms"] / 567)
    assert [size["size"] for size in report["by_size"]] == [2.0, 10.0]
    small, large = report["by_size"]
    assert large["probability_of_detection"] >= small["probability_of_detection"]
    # The same seed gives the same figures.
    assert _kompas(capsys, *arguments)[1] == out


def test_backtest_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _kompas(
        capsys,
        "early-warning",
        "backtest",
        str(MONTHLY),
        "--method",
        "ears-c2",
        "--outbreaks",
        "3",
        "--sizes",
        "5",
    )
    assert code == 0
    lines = out.splitlines()
    assert re.fullmatch(
        r"Methode ears-c2: \d+ signalen in 945 beoordeelde perioden \(vals-alarmpercentage \d+,\d %\)\.",
        lines[0],
    )
    outbreaks = r"Uitbraak van 5 standaardafwijkingen: \d+ van \d+ gedetecteerd \(\d+ %\)\."  # Dutch: "61 %"
    assert re.fullmatch(outbreaks, lines[1])


def test_backtest_json_has_null_where_nothing_was_simulated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A series without variation gets no outbreaks: no probability of detection (null, not NaN).
    source = tmp_path / "vlak.csv"
    rows = "".join(f"a,{2015 + month // 12}-{month % 12 + 1:02d}-01,4\n" for month in range(96))
    source.write_text("series,period,count\n" + rows, encoding="utf-8")
    code, out, _ = _kompas(capsys, "early-warning", "backtest", str(source), "--json", "--method", "ears-c1")
    assert code == 0
    report = json.loads(out)
    assert all(size["probability_of_detection"] is None for size in report["by_size"])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--sizes", "2,groot"],
            "argument --sizes: geen lijst van positieve getallen, zoals 2,3,5,10: 2,groot",
        ),
        (["--outbreaks", "0"], "argument --outbreaks: geen geheel getal van 1 of meer: 0"),
    ],
)
def test_backtest_refuses_a_malformed_design(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _kompas(capsys, "early-warning", "backtest", str(MONTHLY), *arguments)
    assert code == 2
    assert err.rstrip().endswith(message)
