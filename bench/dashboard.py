# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dashboard speed under load: 50 concurrent users on PostgreSQL and SQLite, against a trivial view.

Data: the deterministic national-size observations of the import benchmark (``bench/ingest.py``:
14.422 buurten × 58 crime types × 120 months, about 10,5 million rows), bulk-inserted as that
benchmark's (b) does; Hengelo's wijken and buurten get their real 2014 boundaries from the bundled
CBS files; the demo organisations, users and the Hengelo IVP are loaded; one shared indicator gets
a yearly value per buurt, wijk and gemeente (deterministic) for the indicator API.

Measured: Kompas runs as in production (``kompas serve``, gunicorn, 2 workers × 8 threads);
locust (installed by this script into its own virtualenv under ``/tmp``) runs 50 users who each
log in as the demo analyst and then request the dashboard, a wijk page, the indicator API and the
health check (one ``SELECT 1``: the trivial Django view) in random order, one to two seconds apart.
Before the load, every endpoint is requested a few times from eight threads, so that both server
processes have rendered their charts once, as a running server has; the slowest of those cold
requests is printed too. Printed per database and endpoint: requests, p50 and p95 latency, and
the ratio of each to the trivial view's in the same run. Target: dashboard and wijk page
p95 ≤ 100 ms on PostgreSQL.

Also timed: ``kompas report voortgang --format pdf`` for the Hengelo demo (a fresh ``kompas demo``
database), as a reader runs it: the whole command, target ≤ 10 s.

Run: ``.venv/bin/python bench/dashboard.py`` (about 20 minutes at full size); ``--rows 1000000``
for a quick look, ``--database sqlite`` or ``postgres`` for one of the two, ``--seconds`` for the
length of each load run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import ingest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = Path("/tmp/kompas-bench-dashboard")  # noqa: S108 -- data and tools outside the repository
LOCUST_VENV = WORK / "locust-venv"
USERS = 50
WIJK = "WK016402"  # a wijk of Hengelo; the locust users read the same one
SEED = 20_261_129
BOUNDARIES = ROOT / "src/kompas/fixtures/data/cbs-gebiedsindelingen-2014-2015"


def main() -> None:
    """Prepare data and tools, then measure each database and time the report."""
    arguments = _arguments()
    if arguments.phase == "prepare":
        print(json.dumps(_prepare(arguments.file)))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    if arguments.file:
        path, rows = arguments.file, int(arguments.file.with_suffix(".rows").read_text())
    else:
        ingest.WORK.mkdir(parents=True, exist_ok=True)
        path, rows = ingest.generate(arguments.rows)
    locust = _locust()
    print(
        f"Waarnemingen: {_dutch(rows)} rijen ({path.name}); "
        f"{USERS} gebruikers, {arguments.seconds} s per database"
    )
    for database in ["sqlite", "postgres"] if arguments.database == "both" else [arguments.database]:
        _measure(database, path, locust, arguments.seconds)
    if arguments.database in ("both", "sqlite") and not arguments.file:
        _time_report()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rows", type=int, default=0, help="ongeveer zoveel waarnemingen (standaard: landelijk)"
    )
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=60, help="duur van elke belastingsrun")
    parser.add_argument("--phase", choices=["prepare"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def _locust() -> Path:
    """Install locust into its own virtualenv (once) and return its command."""
    command = LOCUST_VENV / "bin" / "locust"
    if not command.exists():
        subprocess.run([sys.executable, "-m", "venv", str(LOCUST_VENV)], check=True)
        subprocess.run([str(LOCUST_VENV / "bin" / "pip"), "install", "--quiet", "locust"], check=True)
    return command


# -- one database --------------------------------------------------------------------------------


def _measure(database: str, path: Path, locust: Path, seconds: int) -> None:
    if database == "postgres" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # A throwaway server for this run, as `make test-postgres` starts one.
        command = [str(ROOT / "scripts" / "with-postgres.sh"), sys.executable, str(Path(__file__))]
        command += ["--database", "postgres", "--file", str(path), "--seconds", str(seconds)]
        subprocess.run(command, check=True)
        return
    url = os.environ["DATABASE_URL"] if database == "postgres" else _fresh_sqlite(WORK / "dashboard.sqlite3")
    # One key for the process that logs the users in and the server that reads their sessions.
    secret = "bench-dashboard-" + "0" * 40
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="kompas.settings", KOMPAS_EMBEDDED="true")
    env["SECRET_KEY"] = secret
    started = time.perf_counter()
    prepare = [sys.executable, str(Path(__file__)), "--phase", "prepare", "--file", str(path)]
    output = subprocess.run(prepare, env=env, check=True, capture_output=True, text=True).stdout
    prepared = json.loads(output.strip().splitlines()[-1])
    print(
        f"== {database}: {_dutch(prepared['rows'])} waarnemingen geladen "
        f"in {time.perf_counter() - started:.0f} s =="
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/kompas"),
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "8",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/gezondheid/")
        cold = _warm_up(port, prepared)
        stats = _load(locust, port, prepared, database, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    slowest = ", ".join(f"{name} {ms:.0f} ms" for name, ms in cold.items())
    print(f"koud (eerste verzoeken, traagste): {slowest}")
    _report(database, stats)


def _fresh_sqlite(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str) -> None:
    for _ in range(120):
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 -- our own local server
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server antwoordt niet op {url}")


def _warm_up(port: int, prepared: dict[str, Any], rounds: int = 3, threads: int = 8) -> dict[str, float]:
    """Request every endpoint ``rounds`` × ``threads`` times, ``threads`` at once; return the slowest (ms)."""
    paths = {
        "dashboard": "/",
        "wijkpagina": f"/gebied/{WIJK}/",
        "indicator-API": f"/api/v1/indicators/{prepared['indicator']}/values?area_code={WIJK}",
    }
    cookie = f"sessionid={prepared['sessions'][0]}"

    def timed(path: str) -> float:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310 -- our own local server
            answer.read()
        return (time.perf_counter() - started) * 1000

    slowest = {}
    with ThreadPoolExecutor(threads) as pool:
        for name, path in paths.items():
            slowest[name] = max(pool.map(timed, [path] * rounds * threads))
    return slowest


def _load(
    locust: Path, port: int, prepared: dict[str, Any], database: str, seconds: int
) -> dict[str, dict[str, str]]:
    prefix = WORK / f"locust-{database}"
    command = [str(locust), "-f", str(HERE / "locust_dashboard.py"), "--headless", "--users", str(USERS)]
    command += ["--spawn-rate", str(USERS), "--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{port}"]
    command += ["--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    env = dict(
        os.environ,
        KOMPAS_BENCH_INDICATOR=str(prepared["indicator"]),
        KOMPAS_BENCH_SESSIONS=",".join(prepared["sessions"]),
    )
    # Locust exits with 1 when a request failed; the failures are counted in the table instead.
    subprocess.run(command, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def _report(database: str, stats: dict[str, dict[str, str]]) -> None:
    trivial = stats["triviale view"]
    base50, base95 = float(trivial["50%"]), float(trivial["95%"])
    print(
        f"{'':<16}{'verzoeken':>10}{'fouten':>8}{'p50 (ms)':>10}{'p95 (ms)':>10}"
        f"{'p50/triv.':>11}{'p95/triv.':>11}"
    )
    for name in ("dashboard", "wijkpagina", "indicator-API", "triviale view"):
        row = stats[name]
        p50, p95 = float(row["50%"]), float(row["95%"])
        print(
            f"{name:<16}{row['Request Count']:>10}{row['Failure Count']:>8}{p50:>10.0f}{p95:>10.0f}"
            f"{p50 / base50:>11.1f}{p95 / base95:>11.1f}".replace(".", ",")
        )
    if database == "postgres":
        worst = max(float(stats[name]["95%"]) for name in ("dashboard", "wijkpagina"))
        verdict = "gehaald" if worst <= 100 else "NIET gehaald"
        print(f"doel p95 ≤ 100 ms op PostgreSQL (dashboard en wijkpagina): {verdict} ({worst:.0f} ms)")


# -- the data, in its own process ----------------------------------------------------------------


def _prepare(path: Path) -> dict[str, Any]:
    import django

    sys.path.insert(0, str(ROOT / "src"))
    django.setup()
    from kompas.accounts.demo import load_demo_accounts
    from kompas.policy.load import load_demo_plan

    ingest._setup(path)
    inserted = ingest._raw_insert(path)
    load_demo_accounts()
    load_demo_plan()
    _hengelo_boundaries()
    return {"rows": inserted["rows"], "indicator": _indicator_values(), "sessions": _sessions()}


def _sessions() -> list[str]:
    """Log the demo analyst in once per user, as the login form would, and return the session keys."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from kompas.accounts.models import User

    user = User.objects.get(username="analist")
    keys = []
    for _ in range(USERS):
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def _hengelo_boundaries() -> None:
    from kompas.areas.models import Area

    for name in ("twente_wijken_2014.geojson", "twente_buurten_2014.geojson"):
        features = json.loads((BOUNDARIES / name).read_text(encoding="utf-8"))["features"]
        for feature in features:
            code = feature["properties"]["statcode"]
            if code[2:6] == "0164":
                Area.objects.filter(code=code).update(
                    name=feature["properties"]["statnaam"],
                    geometry_simplified=json.dumps(feature["geometry"]),
                )


def _indicator_values() -> int:
    """Store a yearly value of one shared indicator for every buurt, wijk and gemeente; return its id."""
    from django_scopes import scopes_disabled

    from kompas.areas.models import Area
    from kompas.indicators.models import Indicator, IndicatorDefinition, IndicatorValue

    with scopes_disabled():
        indicator, _created = Indicator.objects.get_or_create(
            code="bench_misdrijven",
            organisation=None,
            defaults={"name": "Misdrijven (bench)", "kind": "effect", "unit": "aantal"},
        )
        IndicatorDefinition.objects.get_or_create(
            indicator=indicator, defaults={"formula": "count", "numerator": "misdrijven_1_1_1"}
        )
        IndicatorValue.objects.filter(indicator=indicator).delete()
        areas = list(
            Area.objects.filter(level__in=["buurt", "wijk", "gemeente"]).values_list("code", "level")
        )
        rng = np.random.default_rng(SEED)
        rows = [
            IndicatorValue(
                indicator=indicator, area_code=code, area_level=level, period_start=f"{year}-01-01",
                period_length="year", value=float(value), n=int(value),
            )
            for year in range(ingest.FIRST_YEAR, ingest.FIRST_YEAR + ingest.MONTHS // 12)
            for (code, level), value in zip(areas, rng.poisson(40, len(areas)), strict=True)
        ]  # fmt: skip
        IndicatorValue.objects.bulk_create(rows, batch_size=5000)
    return int(indicator.pk)


# -- the report ----------------------------------------------------------------------------------


def _time_report() -> None:
    database = WORK / "demo.sqlite3"
    env = dict(os.environ, DATABASE_URL=_fresh_sqlite(database), KOMPAS_EMBEDDED="true")
    kompas = str(ROOT / ".venv/bin/kompas")
    subprocess.run([kompas, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
    output = WORK / "voortgang.pdf"
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        command = [kompas, "report", "voortgang", "--format", "pdf", "--output", str(output)]
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        timings.append(time.perf_counter() - started)
    pages = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True, check=True).stdout
    count = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))
    best, worst = min(timings), max(timings)
    verdict = "gehaald" if worst <= 10 else "NIET gehaald"
    print(
        f"kompas report voortgang --format pdf (Hengelo-demo, {count} pagina's): "
        f"{best:.1f}–{worst:.1f} s over 3 runs (doel ≤ 10 s: {verdict})".replace(".", ",")
    )


def _dutch(number: float) -> str:
    return f"{number:,.0f}".replace(",", ".")


if __name__ == "__main__":
    main()
