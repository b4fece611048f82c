# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Indicator engine, Kompas against a plain pandas groupby: same data, same numbers, one run (issue 5.8).

Data: a deterministic national-size panel generated here — 14.500 buurten in about 3.300 wijken
of 342 gemeenten, four regions and a G32-like group of 32 gemeenten; ten count measures per buurt
and month for 120 months (2014-2023) and two stocks (inwoners, woningen) per buurt and year —
stored in a throwaway SQLite database with bulk inserts (17,4 million observations).

Indicators: ten (six rates per 1.000 inwoners, two per 1.000 woningen, two counts), computed for
every level (buurt, wijk, gemeente, groups) and for months and years.

Printed:

1. *compute ratio* — Kompas reading the observations through ``kompas.observations.queries`` and
   evaluating the ten definitions (:func:`kompas.indicators.engine.evaluate`) against the pandas
   baseline reading the same tables with ``pandas.read_sql_query`` and computing the same values
   (sums per level with ``groupby``, stocks by ``merge``, Garwood limits with ``scipy``). Both
   results are compared value by value (same rows; values, limits and counts equal to 1e-12
   relative) before the ratio is printed. Target ≤ 1,0.
2. *full recompute* — ``compute(full=True)`` end to end: reading, evaluating, benchmark and ranks,
   trends, and storing every value (about 24 million rows), for the record.
3. *incremental* — one more month (January 2024) imported as a new run, then ``compute()``: its
   time as a share of the full recompute. Target ≤ 5 %.

Run: ``.venv/bin/python bench/indicators.py`` (about 10 minutes, 6 GB of memory, 5 GB of disk in
the temporary directory). ``--buurten`` and ``--months`` make it smaller for a quick look.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

HERE = Path(__file__).resolve().parent
RATES_PER_1000 = [4.0, 2.5, 1.5, 1.0, 0.6, 0.4, 3.0, 2.0, 5.0, 0.8]  # per 1.000 inwoners per month
PER_WONINGEN = {6, 7}  # measures whose indicator is per 1.000 woningen
COUNTS = {8, 9}  # measures whose indicator is a plain count
FIRST = 2014 * 12


def main() -> None:
    """Generate, store, time and compare."""
    arguments = _arguments()
    with tempfile.TemporaryDirectory(prefix="kompas-bench-") as directory:
        database = Path(directory) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
        import django

        django.setup()
        _run(database, arguments.buurten, arguments.months)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--buurten", type=int, default=14_500)
    parser.add_argument("--months", type=int, default=120)
    return parser.parse_args()


def _run(database: Path, buurten: int, months: int) -> None:
    from django.core.management import call_command

    sys.stdout.write(f"Synthetic panel: {buurten} buurten × 10 measures × {months} months\n")
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        # A throwaway database: no syncing, and a large page cache while the data goes in; the
        # timed work below runs with SQLite's default cache again.
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -2000000")
    began = time.perf_counter()
    panel = Panel.generate(buurten, months, np.random.default_rng(20_240_101))
    with transaction.atomic():
        panel.store()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = -2000")
    sys.stdout.write(
        f"  stored {panel.observation_count():,} observations in {time.perf_counter() - began:.0f} s\n"
    )
    _define()
    kompas_time, kompas_values = _time_kompas_compute()
    pandas_time, pandas_values = _time_pandas(database)
    _assert_identical(kompas_values, pandas_values)
    sys.stdout.write(f"compute: Kompas {kompas_time:.1f} s, pandas groupby {pandas_time:.1f} s, ")
    sys.stdout.write(f"ratio {kompas_time / pandas_time:.2f} (target ≤ 1,0); values identical\n")
    full = _timed_compute(full=True)
    sys.stdout.write(f"full recompute (read, evaluate, compare, trends, store): {full:.1f} s\n")
    with transaction.atomic():
        panel.store_month(FIRST + months)
    incremental = _timed_compute(full=False)
    sys.stdout.write(
        f"incremental after one more month: {incremental:.1f} s = {100 * incremental / full:.1f} % "
    )
    sys.stdout.write("of full (target ≤ 5 %)\n")


class Panel:
    """The synthetic national panel: hierarchy, stocks and monthly counts, all from one generator."""

    def __init__(self, gemeente_of_wijk: np.ndarray, wijk_of_buurt: np.ndarray, inwoners: np.ndarray,
                 months: int, rng: np.random.Generator) -> None:  # fmt: skip
        self.gemeente_of_wijk = gemeente_of_wijk
        self.wijk_of_buurt = wijk_of_buurt
        self.inwoners = inwoners
        self.months = months
        self.rng = rng
        self.area_ids: dict[str, int] = {}

    @classmethod
    def generate(cls, buurten: int, months: int, rng: np.random.Generator) -> Panel:
        """Draw wijken per gemeente, buurten per wijk and inhabitants per buurt."""
        wijken = max(1, round(buurten / 4.4))
        gemeenten = min(342, wijken)
        gemeente_of_wijk = np.sort(
            np.r_[np.arange(gemeenten), rng.integers(0, gemeenten, wijken - gemeenten)]
        )
        wijk_of_buurt = np.sort(np.r_[np.arange(wijken), rng.integers(0, wijken, buurten - wijken)])
        inwoners = np.round(rng.lognormal(np.log(1_000), 0.6, buurten))
        return cls(gemeente_of_wijk, wijk_of_buurt, inwoners, months, rng)

    def codes(self) -> tuple[list[str], list[str], list[str]]:
        """Return the gemeente, wijk and buurt codes."""
        gemeenten = [f"GM{g:04d}" for g in range(int(self.gemeente_of_wijk.max()) + 1)]
        wijken = [f"WK{g:04d}{w % 100:02d}" for w, g in enumerate(self.gemeente_of_wijk)]
        buurten = [f"BU{wijken[w][2:]}{b % 100:02d}" for b, w in enumerate(self.wijk_of_buurt)]
        return gemeenten, wijken, buurten

    def store(self) -> None:
        """Store areas, groups, measures, stocks and every month in one import run."""
        from kompas.areas.models import Area, AreaGroup, AreaGroupMember
        from kompas.observations.models import Measure

        gemeenten, wijken, buurten = self.codes()
        Area.objects.bulk_create(Area(code=c, name=c, level="gemeente", valid_from=2014) for c in gemeenten)
        ids = dict(Area.objects.values_list("code", "pk"))
        Area.objects.bulk_create(
            Area(code=c, name=c, level="wijk", parent_id=ids[gemeenten[g]], valid_from=2014)
            for c, g in zip(wijken, self.gemeente_of_wijk, strict=True)
        )
        ids = dict(Area.objects.values_list("code", "pk"))
        Area.objects.bulk_create(
            (Area(code=c, name=c, level="buurt", parent_id=ids[wijken[w]], valid_from=2014)
             for c, w in zip(buurten, self.wijk_of_buurt, strict=True)),
            batch_size=2_000,
        )  # fmt: skip
        self.area_ids = dict(Area.objects.values_list("code", "pk"))
        groups = {f"regio_{r}": gemeenten[r::4] for r in range(4)} | {
            "g32": gemeenten[:: max(1, len(gemeenten) // 32)][:32]
        }
        for code, members in groups.items():
            group = AreaGroup.objects.create(
                code=code, name=code, kind="referentie" if code == "g32" else "regio"
            )
            AreaGroupMember.objects.bulk_create(AreaGroupMember(group=group, area_code=m) for m in members)
        Measure.objects.bulk_create(
            Measure(code=code, name=code, unit="aantal", source="bench")
            for code in [*_measures(), "inwoners", "woningen"]
        )
        run = _run_id("basis.csv")
        self._stocks(buurten, run)
        area = np.asarray([self.area_ids[c] for c in buurten])
        months = np.arange(FIRST, FIRST + self.months)
        season = 1 + 0.1 * np.sin(2 * np.pi * (months % 12) / 12)
        starts = [dt.date(m // 12, m % 12 + 1, 1).isoformat() for m in months]
        for index, code in enumerate(_measures()):
            # Buurt by buurt, so the rows arrive in the order of the table's unique index.
            counts = self.rng.poisson(RATES_PER_1000[index] * np.outer(self.inwoners / 1000, season))
            _insert_matrix(code, area, starts, counts.astype(float), run)

    def _stocks(self, buurten: list[str], run: int) -> None:
        area = np.asarray([self.area_ids[c] for c in buurten])
        for code, factor in (("inwoners", 1.0), ("woningen", 1 / 2.2)):
            rows = []
            for year in range(2014, 2014 + (self.months + 11) // 12 + 1):
                growth = 1 + 0.005 * (year - 2014)
                rows.append((area, np.round(self.inwoners * factor * growth), dt.date(year, 1, 1)))
            _insert(code, rows, "year", run)

    def store_month(self, month: int, run: int | None = None) -> None:
        """Store one month of all ten measures (a new import run when ``run`` is None)."""
        buurten = self.codes()[2]
        area = np.asarray([self.area_ids[c] for c in buurten])
        start = dt.date(month // 12, month % 12 + 1, 1)
        run_id = run if run is not None else _run_id(f"maand-{start:%Y-%m}.csv")
        season = 1 + 0.1 * np.sin(2 * np.pi * (month % 12) / 12)
        for index, code in enumerate(_measures()):
            counts = self.rng.poisson(RATES_PER_1000[index] * season * self.inwoners / 1000)
            _insert(code, [(area, counts.astype(float), start)], "month", run_id)

    def observation_count(self) -> int:
        """Return the number of stored observations."""
        from kompas.observations.models import Observation

        return Observation.objects.count()


def _measures() -> list[str]:
    return [f"misdrijven_bench_{i}" for i in range(10)]


def _run_id(name: str) -> int:
    from django_scopes import scopes_disabled

    from kompas.accounts.models import Organisation
    from kompas.sources.models import ImportRun

    organisation, _created = Organisation.objects.get_or_create(
        code="bench", defaults={"name": "Bench", "kind": "regio"}
    )
    with scopes_disabled():
        return int(
            ImportRun.objects.create(
                organisation=organisation, format="bench", file_name=name, sha256="0" * 64
            ).pk
        )


def _insert(code: str, blocks: list[tuple[np.ndarray, np.ndarray, dt.date]], length: str, run: int) -> None:
    from kompas.indicators.store import insert
    from kompas.observations.models import Measure, Observation

    measure = Measure.objects.get(code=code).pk
    fields = ("measure_id", "area_id", "period_start", "period_length", "value", "import_run_id")
    rows = (
        (measure, area, start.isoformat(), length, value, run)
        for areas, values, start in blocks
        for area, value in zip(areas.tolist(), values.tolist(), strict=True)
    )
    insert(Observation, fields, rows)


def _insert_matrix(code: str, areas: np.ndarray, starts: list[str], counts: np.ndarray, run: int) -> None:
    """Insert a buurt × month matrix of one measure, buurt by buurt."""
    from kompas.indicators.store import insert
    from kompas.observations.models import Measure, Observation

    measure = Measure.objects.get(code=code).pk
    fields = ("measure_id", "area_id", "period_start", "period_length", "value", "import_run_id")
    rows = (
        (measure, area, start, "month", value, run)
        for area, row in zip(areas.tolist(), counts.tolist(), strict=True)
        for start, value in zip(starts, row, strict=True)
    )
    insert(Observation, fields, rows)


def _define() -> None:
    from django_scopes import scopes_disabled

    from kompas.indicators.load import load_definitions

    entries = []
    for index, code in enumerate(_measures()):
        if index in COUNTS:
            entries.append(
                f'[[indicator]]\ncode = "bench_{index}"\nname = "b{index}"\nformula = "count"\n'
                f'numerator = "{code}"\n'
            )
        else:
            stock = "woningen" if index in PER_WONINGEN else "inwoners"
            entries.append(
                f'[[indicator]]\ncode = "bench_{index}"\nname = "b{index}"\nformula = "rate"\n'
                f'numerator = "{code}"\n'
                f'denominator = "{stock}"\ndirection = "lower_is_better"\n'
            )
    text = 'format = "kompas-indicatoren"\nversion = 1\n' + "".join(entries)
    with scopes_disabled():
        assert not load_definitions(text, "bench.toml", actor=None, organisation=None).problems


def _granularities() -> list[object]:
    from kompas.observations.periods import PeriodLength

    return [PeriodLength.MONTH, PeriodLength.YEAR]


def _time_kompas_compute() -> tuple[float, pd.DataFrame]:
    """Read and evaluate every indicator as ``compute`` does, without storing."""
    from django_scopes import scopes_disabled

    from kompas.indicators import engine, incremental
    from kompas.indicators.compute import _areas
    from kompas.indicators.inputs import run_bits
    from kompas.indicators.queries import definition_of, definitions
    from kompas.observations.queries import observation_frame

    began = time.perf_counter()
    results = []
    with scopes_disabled():
        areas = _areas()
        for stored in definitions():
            definition = definition_of(stored)
            measures = incremental.measures_of(definition)
            observations = observation_frame(measures.flows, margins=False)
            if measures.stocks:
                stocks = observation_frame(measures.stocks, period_lengths=("year",), margins=False)
                observations = pd.concat([observations, stocks], ignore_index=True)
            inputs = engine.Inputs(observations, areas, run_bits(observations))
            results.append((definition.code, engine.evaluate(definition, inputs, _granularities())))
    seconds = time.perf_counter() - began
    return seconds, pd.concat([_comparable(v, areas.codes, code) for code, v in results], ignore_index=True)


def _comparable(values: pd.DataFrame, codes: np.ndarray, indicator: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator": indicator,
            "area": codes[values["area"].to_numpy()],
            "start": values["start"].to_numpy(),
            "length": values["length"].to_numpy(),
            "value": values["value"].to_numpy(),
            "ci_low": values["ci_low"].to_numpy(),
            "ci_high": values["ci_high"].to_numpy(),
            "n": values["n"].to_numpy(),
        }
    )


def _time_pandas(database: Path) -> tuple[float, pd.DataFrame]:
    """The same numbers with plain pandas: read, merge the hierarchy, groupby per level."""
    began = time.perf_counter()
    with sqlite3.connect(database) as connection:
        areas = pd.read_sql_query(
            "SELECT a.id, a.code, a.level, p.code AS parent FROM areas_area a "
            "LEFT JOIN areas_area p ON a.parent_id = p.id",
            connection,
        )
        members = pd.read_sql_query(
            "SELECT g.code AS grp, m.area_code FROM areas_areagroupmember m "
            "JOIN areas_areagroup g ON m.group_id = g.id",
            connection,
        )
        observations = pd.read_sql_query(
            "SELECT m.code AS measure, o.area_id, o.period_start, o.period_length, o.value "
            "FROM observations_observation o "
            "JOIN observations_measure m ON o.measure_id = m.id",
            connection,
        )
    frames = []
    sums = _pandas_sums(observations, areas, members)
    for index, code in enumerate(_measures()):
        frames.append(_pandas_values(sums, index, code))
    return time.perf_counter() - began, pd.concat(frames, ignore_index=True)


def _pandas_sums(observations: pd.DataFrame, areas: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Sum every measure per area of every level and group, for months, years and stocks."""
    buurten = areas[areas["level"] == "buurt"].rename(columns={"parent": "wijk"})
    wijken = areas[areas["level"] == "wijk"][["code", "parent"]].rename(
        columns={"code": "wijk", "parent": "gemeente"}
    )
    frame = observations.merge(buurten[["id", "code", "wijk"]], left_on="area_id", right_on="id").merge(
        wijken, on="wijk"
    )
    starts = pd.to_datetime(frame["period_start"])
    frame["start"] = starts.dt.year * 12 + starts.dt.month - 1
    months = frame[frame["period_length"] == "month"]
    stocks = frame[frame["period_length"] == "year"].assign(year=lambda f: f["start"] // 12)
    years = months.assign(start=months["start"] // 12 * 12)
    parts = []
    for length, rows in (("month", months), ("year", years)):
        for key in ("code", "wijk", "gemeente"):
            summed = rows.groupby(["measure", key, "start"], as_index=False)["value"].sum()
            parts.append(summed.rename(columns={key: "area"}).assign(length=length))
    levels = pd.concat(parts, ignore_index=True)
    grouped = levels[levels["area"].str.startswith("GM")].merge(members, left_on="area", right_on="area_code")
    groups = grouped.groupby(["measure", "grp", "start", "length"], as_index=False)["value"].sum()
    levels = pd.concat([levels, groups.rename(columns={"grp": "area"})], ignore_index=True)
    stock_parts = []
    for key in ("code", "wijk", "gemeente"):
        summed = stocks.groupby(["measure", key, "year"], as_index=False)["value"].sum()
        stock_parts.append(summed.rename(columns={key: "area"}))
    stock = pd.concat(stock_parts, ignore_index=True)
    stock_groups = stock[stock["area"].str.startswith("GM")].merge(
        members, left_on="area", right_on="area_code"
    )
    stock = pd.concat(
        [
            stock,
            stock_groups.groupby(["measure", "grp", "year"], as_index=False)["value"]
            .sum()
            .rename(columns={"grp": "area"}),
        ],
        ignore_index=True,
    )
    return pd.concat([levels, stock.assign(length="stock", start=stock["year"] * 12)], ignore_index=True)


def _pandas_values(sums: pd.DataFrame, index: int, code: str) -> pd.DataFrame:
    counts = sums[(sums["measure"] == code) & (sums["length"] != "stock")]
    low = np.where(counts["value"] > 0, stats.chi2.ppf(0.025, 2 * counts["value"]) / 2, 0.0)
    high = stats.chi2.ppf(0.975, 2 * counts["value"] + 2) / 2
    result = pd.DataFrame(
        {
            "indicator": f"bench_{index}",
            "area": counts["area"],
            "start": counts["start"],
            "length": counts["length"],
            "value": counts["value"],
            "ci_low": low,
            "ci_high": high,
            "n": counts["value"],
        }
    )
    if index in COUNTS:
        return result
    stock_code = "woningen" if index in PER_WONINGEN else "inwoners"
    stock = sums[(sums["measure"] == stock_code) & (sums["length"] == "stock")][["area", "year", "value"]]
    result["year"] = result["start"] // 12
    merged = result.merge(stock.rename(columns={"value": "den"}), on=["area", "year"], how="left")
    scale = 1000.0 / merged["den"]
    merged["value"] = 1000.0 * merged["n"] / merged["den"]
    merged["ci_low"] = merged["ci_low"] * scale
    merged["ci_high"] = merged["ci_high"] * scale
    return merged.drop(columns=["year", "den"])


def _assert_identical(kompas: pd.DataFrame, baseline: pd.DataFrame) -> None:
    keys = ["indicator", "area", "start", "length"]
    left = kompas.sort_values(keys).reset_index(drop=True)
    right = baseline.sort_values(keys).reset_index(drop=True)
    assert len(left) == len(right), (len(left), len(right))
    assert left[keys].astype(str).equals(right[keys].astype(str)), "different rows"
    for column in ("value", "ci_low", "ci_high", "n"):
        a, b = left[column].to_numpy(dtype=float), right[column].to_numpy(dtype=float)
        assert np.allclose(a, b, rtol=1e-12, atol=0.0, equal_nan=True), column
    sys.stdout.write(f"  compared {len(left):,} values × 4 numbers: identical\n")


def _timed_compute(*, full: bool) -> float:
    from kompas.indicators.compute import compute

    began = time.perf_counter()
    report = compute(actor=None, full=full, granularities=_granularities())  # type: ignore[arg-type]  # period lengths, imported late
    seconds = time.perf_counter() - began
    modes = sorted({r.mode for r in report.indicators})
    sys.stdout.write(f"  ({sum(r.values for r in report.indicators):,} values written; {', '.join(modes)})\n")
    return seconds


if __name__ == "__main__":
    main()
