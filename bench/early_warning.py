# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Early warning, Kompas against R surveillance: same series, same settings, one run (issue 7.5).

Series (from ``../shared/data`` or ``--data``):

* the national monthly series of tables 47022NED and 47024NED (59 offence types and 9 kinds of
  disorder, 2012-2023: 68 series × 144 months);
* the Den Haag panel (2011-2015) summed per wijk × offence type (102 × 12 series × 60 months).
  Five years leave no period with the default ``b = 5`` years of history, so this panel runs
  with ``b = 3`` in both settings.

Settings: R's defaults, and the Noufaily variant (``noPeriods`` 10, ``pastWeeksNotIncluded`` 6,
``thresholdMethod`` nbPlugin). Printed per case and setting: (a) the share of evaluated points
with the same alarm (R's ``NA`` alarm counts as no alarm), (b) the share whose upper bounds
agree within 1 % relative (both missing counts as agreeing), (c) the throughput ratio Kompas / R
in evaluated points per second. R's time is that of ``farringtonFlexible`` alone (measured in
R), Kompas's that of :func:`farrington_flexible` alone (median of ``--repeat`` runs); reading
files and starting either program do not count. Targets: (a) and (b) >= 99 %, (c) >= 200.

Run: ``.venv/bin/python bench/early_warning.py``. Installs Debian's ``r-cran-surveillance``
first when ``Rscript`` or the package is missing. The R runs take about ten minutes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kompas.alerts.farrington import FarringtonControl, farrington_flexible
from kompas.alerts.series import Panel, panel_from_rows, read_long_csv, write_long_csv

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
NATIONAL = "politie-nl-misdrijven-overlast-maand-2012-2023"
DEN_HAAG = "politie-denhaag-buurt-maand-2011-2015"
NOUFAILY: dict[str, Any] = {"no_periods": 10, "past_periods_not_included": 6, "threshold_method": "nbPlugin"}


@dataclass(frozen=True)
class Case:
    """A panel of series and the number of years of history it allows."""

    name: str
    path: Path
    b: int


@dataclass(frozen=True)
class Comparison:
    """The three figures of one case and setting."""

    points: int
    same_alarm: int
    bound_within_1pct: int
    r_seconds: float
    kompas_seconds: float


def ensure_r() -> None:
    """Install R surveillance from Debian when it is missing (this benchmark's own setup step)."""
    probe = [shutil.which("Rscript") or "Rscript", "-e", "library(surveillance)"]
    if shutil.which("Rscript") and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return
    print("R surveillance ontbreekt: installeren met apt-get (r-cran-surveillance) ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "r-cran-surveillance"], check=True)


def national_rows(data: Path) -> list[tuple[str, np.datetime64, float]]:
    """Return the 68 national monthly series as (series, period, count) rows."""
    rows = []
    for name in ("nl_misdrijven_maand_soort.csv", "nl_overlast_maand_soort.csv"):
        with (data / NATIONAL / name).open(encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                rows.append(
                    (
                        record["crime_type_code"],
                        np.datetime64(record["date"], "D"),
                        float(record["frequency"]),
                    )
                )
    return rows


def den_haag_rows(data: Path) -> list[tuple[str, np.datetime64, float]]:
    """Return the Den Haag panel summed per wijk × offence type."""
    totals: dict[tuple[str, str], float] = defaultdict(float)
    with gzip.open(
        data / DEN_HAAG / "misdrijven_buurt_maand_2011_2015.csv.gz", "rt", encoding="utf-8"
    ) as handle:
        for record in csv.DictReader(handle):
            period = f"{record['jaar']}-{int(record['maand']):02d}-01"
            totals[(f"{record['wijk_code']} {record['delict_code']}", period)] += float(record["aantal"])
    return [(series, np.datetime64(period, "D"), count) for (series, period), count in totals.items()]


def run_r(
    case: Case, settings: dict[str, Any], output: Path
) -> tuple[dict[tuple[str, str], tuple[bool, float]], float]:
    """Run farringtonFlexible in R; return alarm and upper bound per (series, period) and its seconds."""
    past = str(settings.get("past_periods_not_included", "default"))
    command = [
        "Rscript",
        str(HERE / "early_warning.R"),
        str(case.path),
        str(output),
        "12",
        str(case.b),
        str(settings.get("no_periods", 1)),
        past,
        str(settings.get("threshold_method", "delta")),
    ]
    seconds = float(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()[-1])
    with output.open(encoding="utf-8") as handle:
        result = {
            (row["series"], row["period"]): (
                row["alarm"] == "TRUE",
                float(row["upperbound"]) if row["upperbound"] else np.nan,
            )
            for row in csv.DictReader(handle)
        }
    return result, seconds


def run_kompas(
    panel: Panel, control: FarringtonControl, repeat: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Run Kompas ``repeat`` times; return evaluated mask, alarms, upper bounds and the median seconds."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        detection = farrington_flexible(panel, control).detection
        timings.append(time.perf_counter() - started)
    return detection.evaluated, detection.alarm, detection.upperbound, statistics.median(timings)


def compare(case: Case, settings: dict[str, Any], workdir: Path, repeat: int) -> Comparison:
    """Run both programs on one case with one setting and compare point by point."""
    panel = read_long_csv(case.path, 12)
    evaluated, alarm, upper, kompas_seconds = run_kompas(
        panel, FarringtonControl(b=case.b, **settings), repeat
    )
    r_result, r_seconds = run_r(case, settings, workdir / "r_output.csv")
    rows = {name: index for index, name in enumerate(panel.names)}
    columns = {str(period): index for index, period in enumerate(panel.periods)}
    same = within = 0
    for (series, period), (r_alarm, r_upper) in r_result.items():
        row, column = rows[series], columns[period]
        same += bool(alarm[row, column]) == r_alarm
        kompas_upper = upper[row, column]
        both_missing = np.isnan(r_upper) and np.isnan(kompas_upper)
        within += bool(both_missing or abs(kompas_upper - r_upper) <= 0.01 * abs(r_upper))
    if int(evaluated.sum()) != len(r_result):
        print(f"  let op: Kompas beoordeelde {int(evaluated.sum())} punten, R {len(r_result)}")
    return Comparison(len(r_result), same, within, r_seconds, kompas_seconds)


def main() -> int:
    """Prepare the data, run every case and setting, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="map met de gedeelde datasets")
    parser.add_argument("--repeat", type=int, default=5, help="herhalingen van de Kompas-run (mediaan)")
    arguments = parser.parse_args()
    ensure_r()
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        cases: list[Case] = []
        for name, rows, b in (
            ("NL maand 47022/47024NED", national_rows(arguments.data), 5),
            ("Den Haag wijk × delict", den_haag_rows(arguments.data), 3),
        ):
            path = workdir / f"{len(cases)}.csv"
            write_long_csv(path, panel_from_rows(rows, 12))
            cases.append(Case(name, path, b))
        report(cases, workdir, arguments.repeat)
    return 0


def report(cases: list[Case], workdir: Path, repeat: int) -> None:
    """Print one line per case and setting and a total per setting."""
    # Negative widths align left.
    widths = [("reeksen", -26), ("instelling", -11), ("punten", 8), ("(a) alarm", 11), ("(b) grens", 11)]
    widths += [("R pt/s", 9), ("Kompas pt/s", 13), ("(c) ratio", 11)]
    print("".join(f"{title:<{-width}}" if width < 0 else f"{title:>{width}}" for title, width in widths))
    default: dict[str, Any] = {}
    for label, settings in (("default", default), ("noufaily", NOUFAILY)):
        results = []
        for case in cases:
            result = compare(case, settings, workdir, repeat)
            results.append(result)
            print(_line(case.name, label, result), flush=True)
        total = Comparison(
            *(sum(getattr(result, field) for result in results) for field in Comparison.__dataclass_fields__)
        )
        print(_line("totaal", label, total), flush=True)


def _line(name: str, label: str, result: Comparison) -> str:
    """Format one line of the report."""
    r_rate, kompas_rate = result.points / result.r_seconds, result.points / result.kompas_seconds
    same, within = 100 * result.same_alarm / result.points, 100 * result.bound_within_1pct / result.points
    return (
        f"{name:<26}{label:<11}{result.points:>8}{same:>10.2f}%{within:>10.2f}%"
        f"{r_rate:>9.0f}{kompas_rate:>13.0f}{kompas_rate / r_rate:>10.0f}×"
    )


if __name__ == "__main__":
    sys.exit(main())
