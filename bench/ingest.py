# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Import speed: ``kompas import`` against a raw bulk insert of the same rows (issue 4.7).

Data: a deterministic national-size file in the ``politie-buurt-maand`` shape, generated here and
written outside the repository (``/tmp/kompas-bench-ingest/``): the 14.422 buurten of the 47022NED
region list × the 58 crime types of 47022NED × 120 months (2014-2023). Each buurt × type has its
own monthly rate (log-normal, so most pairs are rare and a few frequent); counts are Poisson and
zero counts are left out, as police extracts do, which leaves about 10,5 million rows.

Timed, each in its own process on a fresh copy of the same database (areas and measures loaded):

(a) parse only: ``pyarrow.csv.read_csv`` of the whole file;
(b) parse + raw bulk insert of the same rows into the observations table without any validation:
    pyarrow, codes mapped to ids by dictionary, then ``COPY … FROM STDIN`` on PostgreSQL and one
    ``executemany`` in one transaction on SQLite;
(c) the real import: :func:`kompas.sources.load.import_file` as ``kompas import`` runs it (every
    cell checked, duplicates, areas, measures, upsert against what is stored, import run, audit).

Printed per database: seconds, rows/s, (c)/(b) (target ≤ 1,5) and the peak resident memory of
the import process (target ≤ 2 GiB).

Run: ``.venv/bin/python bench/ingest.py`` (SQLite and a throwaway PostgreSQL started with
``scripts/with-postgres.sh``; about half an hour at full size). ``--rows 1000000`` for a quick
look, ``--database sqlite`` or ``postgres`` for one of the two.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = Path("/tmp/kompas-bench-ingest")  # noqa: S108 -- the issue asks for the file outside the repository
MONTHS = 120
FIRST_YEAR = 2014
SEED = 20_240_601
NONZERO_SHARE = 0.105  # share of buurt × type × month cells with at least one registration


def main() -> None:
    """Generate the file, then time (a), (b) and (c) on each database and print the ratios."""
    arguments = _arguments()
    if arguments.phase:
        _phase(arguments)
        return
    WORK.mkdir(parents=True, exist_ok=True)
    if arguments.file:  # the same file, handed on to the run under a throwaway PostgreSQL
        path, rows = arguments.file, int(arguments.file.with_suffix(".rows").read_text())
    else:
        path, rows = generate(arguments.rows)
    print(f"Bestand: {path} — {_dutch(rows)} rijen, {_dutch(path.stat().st_size / 2**20)} MiB")
    databases = ["sqlite", "postgres"] if arguments.database == "both" else [arguments.database]
    for database in databases:
        _measure(database, path, rows)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=0, help="ongeveer zoveel rijen (standaard: landelijk)")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--phase", choices=["setup", "a", "b", "c"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


# -- the file ------------------------------------------------------------------------------------


def _codes() -> tuple[list[str], list[str]]:
    sys.path.insert(0, str(ROOT / "src"))
    from kompas.sources import codelists

    buurten = sorted(key for key, (_title, kind) in codelists.regions().items() if kind == "BU")
    types = sorted(key for key in codelists.crime_types() if key != "0.0.0")
    return buurten, types


def generate(wanted_rows: int = 0) -> tuple[Path, int]:
    """Write the deterministic file (or reuse it) and return its path and number of data rows."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    buurten, types = _codes()
    if wanted_rows:
        count = max(
            1, round(len(buurten) * wanted_rows / (len(buurten) * len(types) * MONTHS * NONZERO_SHARE))
        )
        buurten = buurten[: min(len(buurten), count)]
    path = WORK / f"politie_buurt_maand_{len(buurten)}x{len(types)}x{MONTHS}.csv"
    marker = path.with_suffix(".rows")
    if path.exists() and marker.exists():
        return path, int(marker.read_text())
    rng = np.random.default_rng(SEED)
    rates = _rates(rng, (len(buurten), len(types)))
    wijken = np.array(["WK" + code[2:8] for code in buurten])
    buurt_codes, type_codes = np.array(buurten), np.array(types)
    total = 0
    schema = pa.schema(
        [
            (name, pa.string())
            for name in ("jaar", "maand", "wijk_code", "buurt_code", "delict_code", "aantal")
        ]
    )
    with pacsv.CSVWriter(path, schema, write_options=pacsv.WriteOptions(quoting_style="none")) as writer:
        for month in range(MONTHS):
            counts = rng.poisson(rates)
            buurt, kind = np.nonzero(counts)
            size = len(buurt)
            year, month_of_year = FIRST_YEAR + month // 12, month % 12 + 1
            writer.write_table(
                pa.table(
                    {
                        "jaar": pa.array(np.full(size, str(year))),
                        "maand": pa.array(np.full(size, str(month_of_year))),
                        "wijk_code": pa.array(wijken[buurt]),
                        "buurt_code": pa.array(buurt_codes[buurt]),
                        "delict_code": pa.array(type_codes[kind]),
                        "aantal": pa.array(counts[buurt, kind].astype(str)),
                    },
                    schema=schema,
                )
            )
            total += size
    marker.write_text(str(total))
    return path, total


def _rates(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """Monthly rates per buurt × type, log-normal, scaled so NONZERO_SHARE of the cells are > 0."""
    spread = rng.lognormal(0.0, 1.6, size=shape)
    low, high = 1e-6, 10.0
    for _ in range(60):  # bisection on the scale: the expected share of non-zero cells is monotone
        scale = (low * high) ** 0.5
        share = float(np.mean(1 - np.exp(-spread * scale)))
        low, high = (scale, high) if share < NONZERO_SHARE else (low, scale)
    return spread * (low * high) ** 0.5


# -- orchestration -------------------------------------------------------------------------------


def _child(database: str, phase: str, path: Path, url: str) -> tuple[dict[str, Any], float]:
    """Run one phase in its own process; return what it printed and its peak memory in MiB."""
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="kompas.settings", KOMPAS_EMBEDDED="true")
    command = [
        sys.executable,
        str(Path(__file__)),
        "--phase",
        phase,
        "--file",
        str(path),
        "--database",
        database,
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"fase {phase} op {database} mislukt: {output}")
    return json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def _measure(database: str, path: Path, rows: int) -> None:
    if database == "postgres" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # A throwaway server for this run, as `make test-postgres` starts one.
        script = ROOT / "scripts" / "with-postgres.sh"
        command = [
            str(script),
            sys.executable,
            str(Path(__file__)),
            "--database",
            "postgres",
            "--file",
            str(path),
        ]
        subprocess.run(command, check=True)
        return
    results = _run_phases(database, path)
    _report(database, rows, results)


def _run_phases(database: str, path: Path) -> dict[str, tuple[dict[str, Any], float]]:
    if database == "sqlite":
        template = WORK / "template.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{template}{suffix}").unlink(missing_ok=True)
        setup = _child(database, "setup", path, f"sqlite:///{template}")
        results = {"setup": setup}
        for phase in ("a", "b", "c"):
            copy = WORK / f"{phase}.sqlite3"
            shutil.copy(template, copy)
            results[phase] = _child(database, phase, path, f"sqlite:///{copy}")
            copy.unlink()
        return results
    url = os.environ["DATABASE_URL"]
    results = {"setup": _child(database, "setup", path, url)}
    for phase in ("a", "b", "c"):
        results[phase] = _child(database, phase, path, url)
        _child(database, "setup", path, url)  # empties the observations again
    return results


def _report(database: str, rows: int, results: dict[str, tuple[dict[str, Any], float]]) -> None:
    (a, _ma), (b, _mb), (c, memory) = results["a"], results["b"], results["c"]
    assert b["rows"] == rows and c["rows"] == rows, (b, c)
    print(f"== {database} ({c['vendor']}) — {rows:,} rijen ==".replace(",", "."))
    for name, result in (
        ("(a) alleen lezen (pyarrow)", a),
        ("(b) lezen + ruwe bulk-insert", b),
        ("(c) kompas import", c),
    ):
        seconds = result["seconds"]
        print(f"{name:<32} {seconds:8.1f} s  {rows / seconds:12,.0f} rijen/s".replace(",", "."))
    ratio = c["seconds"] / b["seconds"]
    print(
        f"(c)/(b) = {ratio:.2f}  (doel ≤ 1,50: {'gehaald' if ratio <= 1.5 else 'NIET gehaald'})".replace(
            ".", ","
        )
    )
    verdict = "gehaald" if memory <= 2048 else "NIET gehaald"
    print(f"piekgeheugen import-proces: {_dutch(memory)} MiB (doel ≤ 2.048 MiB: {verdict}); ", end="")
    print(f"importrun: {c['status']}, {_dutch(c['loaded'])} nieuw")


def _dutch(number: float) -> str:
    return f"{number:,.0f}".replace(",", ".")


# -- the phases, each in its own process ------------------------------------------------------


def _phase(arguments: argparse.Namespace) -> None:
    import django

    sys.path.insert(0, str(ROOT / "src"))
    django.setup()
    path = arguments.file
    result = {"setup": _setup, "a": _parse_only, "b": _raw_insert, "c": _import}[arguments.phase](path)
    print(json.dumps(result))


def _setup(path: Path) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection
    from django_scopes import scopes_disabled

    from kompas.accounts.models import Organisation, OrganisationKind
    from kompas.accounts.organisations import create_organisation
    from kompas.areas.load import create_areas
    from kompas.observations.write import save_measures
    from kompas.sources.formats.politie_buurt_maand import offence_measures
    from kompas.sources.models import ImportRun

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE observations_observationchange, observations_observation")
        else:
            cursor.execute("DELETE FROM observations_observationchange")
            cursor.execute("DELETE FROM observations_observation")
    organisation = Organisation.objects.filter(code="bench").first() or create_organisation(
        actor=None, code="bench", name="Benchmark", kind=OrganisationKind.POLITIE, cbs_code=""
    )
    buurten, types = _codes()
    create_areas(dict.fromkeys(buurten, FIRST_YEAR), names={})
    measures = offence_measures()
    save_measures(
        [measures[key] for key in types], [measures[key].code for key in types], organisation_id=None
    )
    with scopes_disabled():
        if not ImportRun.objects.filter(file_name="baseline").exists():
            ImportRun.objects.create(
                organisation=organisation, format="bench", file_name="baseline", sha256="0"
            )
    return {"ok": True}


def _parse_only(path: Path) -> dict[str, Any]:
    import pyarrow.csv as pacsv

    started = time.perf_counter()
    table = pacsv.read_csv(path)
    return {"seconds": time.perf_counter() - started, "rows": table.num_rows}


def _raw_insert(path: Path) -> dict[str, Any]:
    import io

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv
    from django.db import connection, transaction
    from django_scopes import scopes_disabled

    from kompas.areas.models import Area
    from kompas.observations.models import Measure
    from kompas.sources.formats.politie_buurt_maand import offence_measures
    from kompas.sources.models import ImportRun

    areas = dict(Area.objects.filter(level="buurt").values_list("code", "id"))
    measures = {
        key: Measure.objects.get(code=m.code).pk
        for key, m in offence_measures().items()
        if "." in key and key != "0.0.0"
    }
    with scopes_disabled():
        run_id = ImportRun.objects.get(file_name="baseline").pk
    started = time.perf_counter()
    table = pacsv.read_csv(
        path, convert_options=pacsv.ConvertOptions(column_types={"delict_code": pa.string()})
    )
    area_codes, measure_codes = pa.array(list(areas)), pa.array(list(measures))
    months = (table["jaar"].to_numpy() - 1970) * 12 + table["maand"].to_numpy() - 1
    rows = pa.table(
        {
            "measure_id": pc.take(
                pa.array(list(measures.values())), pc.index_in(table["delict_code"], value_set=measure_codes)
            ),
            "area_id": pc.take(
                pa.array(list(areas.values())), pc.index_in(table["buurt_code"], value_set=area_codes)
            ),
            "period_start": pa.array(months.astype("datetime64[M]").astype("datetime64[D]"), pa.date32()),
            "period_length": pa.array(["month"] * table.num_rows),
            "value": pc.cast(table["aantal"], pa.float64()),
            "margin": pa.nulls(table.num_rows, pa.float64()),
            "sample_size": pa.nulls(table.num_rows, pa.int64()),
            "import_run_id": pa.array(np.full(table.num_rows, run_id)),
        }
    )
    columns = ", ".join(rows.column_names)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(
                f"COPY observations_observation ({columns}) FROM STDIN (FORMAT csv)"
            ) as copy:
                for start in range(0, rows.num_rows, 1_000_000):
                    buffer = io.BytesIO()
                    part = rows.slice(start, 1_000_000)
                    pacsv.write_csv(part, buffer, write_options=pacsv.WriteOptions(include_header=False))
                    copy.write(buffer.getbuffer())
        else:
            placeholders = ", ".join(["%s"] * 8)
            sql = f"INSERT INTO observations_observation ({columns}) VALUES ({placeholders})"  # noqa: S608 -- fixed names
            for start in range(0, rows.num_rows, 1_000_000):
                part = rows.slice(start, 1_000_000)
                values = [
                    pc.cast(part[name], pa.string()).to_pylist()
                    if name == "period_start"
                    else part[name].to_pylist()
                    for name in rows.column_names
                ]
                cursor.executemany(sql, list(zip(*values, strict=True)))
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM observations_observation")
        (stored,) = cursor.fetchone()
    return {"seconds": seconds, "rows": stored}


def _import(path: Path) -> dict[str, Any]:
    from django.db import connection
    from django_scopes import scope

    from kompas.accounts.models import Organisation
    from kompas.observations.models import Observation
    from kompas.sources.load import import_file

    organisation = Organisation.objects.get(code="bench")
    started = time.perf_counter()
    with scope(organisation=organisation.pk):
        run = import_file(path, format="politie-buurt-maand", organisation=organisation, actor=None)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rows": Observation.objects.count(),
        "status": run.status,
        "loaded": run.rows_loaded,
        "errors": run.errors[:3],
        "vendor": connection.vendor,
    }


if __name__ == "__main__":
    main()
