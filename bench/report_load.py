# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Health check latency while one council member asks for 16 reports at once (issue 11, M6).

Before reports moved to the background, 16 parallel PDF requests by one council member pushed
the health check from 6 ms to 53 s: every request built its PDF inside a server thread.

Data: a fresh ``kompas demo`` SQLite database (or ``--database`` for an existing demo file).
Measured: Kompas runs as in the embedded default (``kompas serve`` on 127.0.0.1, gunicorn 2
workers × 4 threads, reports in the embedded worker pool). First the health check
(``/gezondheid/``, one ``SELECT 1``) is sampled while nothing else happens: the idle baseline.
Then the demo raadslid sends 16 report requests at the same moment (voortgangsrapportage, PDF)
while the health check is sampled again until the accepted reports are made (at most
``--seconds``). Printed: how the 16 requests were answered, how long the accepted reports took,
and p50/p95 of the health check idle and under load, with whether p95 ≤ 100 ms.

Run: ``.venv/bin/python bench/report_load.py`` (about two minutes, most of it ``kompas demo``).
Only the loopback interface is used; every loop is bounded.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/kompas-bench-report")  # noqa: S108 -- data outside the repository
KOMPAS = ROOT / ".venv/bin/kompas"
PYTHON = ROOT / ".venv/bin/python"
PARALLEL = 16
TARGET_MS = 100.0
SAMPLE_PAUSE = 0.05  # seconds between two health checks
BASELINE_SAMPLES = 100
REPORT = {"rapport": "voortgang", "formaat": "pdf"}

SESSION_SCRIPT = """
import django
django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from kompas.accounts.models import User
user = User.objects.get(username="raadslid")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def main() -> None:
    """Prepare the demo database, serve it, measure idle and under 16 report requests."""
    arguments = _arguments()
    WORK.mkdir(parents=True, exist_ok=True)
    # One key for the session made here and both server processes (embedded mode would make one
    # per process).
    env = dict(
        os.environ,
        KOMPAS_EMBEDDED="true",
        DJANGO_SETTINGS_MODULE="kompas.settings",
        SECRET_KEY="bench-" + secrets.token_urlsafe(32),
    )
    env["DATABASE_URL"] = f"sqlite:///{_database(arguments.database, env)}"
    session = subprocess.run(
        [str(PYTHON), "-c", SESSION_SCRIPT], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    port = _free_port()
    log = (WORK / "serve.log").open("w")
    server = subprocess.Popen(
        [str(KOMPAS), "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    print(f"Server: 127.0.0.1:{port}, log in {WORK / 'serve.log'}", flush=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base)
        _measure(base, session, arguments.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="an existing demo SQLite file (copied, not changed)")
    parser.add_argument("--seconds", type=int, default=120, help="longest wait for the reports")
    return parser.parse_args()


def _database(existing: Path | None, env: dict[str, str]) -> Path:
    database = WORK / "demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    if existing is not None:
        shutil.copyfile(existing, database)
        return database
    env = dict(env, DATABASE_URL=f"sqlite:///{database}")
    print("kompas demo --no-serve …", flush=True)
    subprocess.run([str(KOMPAS), "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
    return database


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str) -> None:
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/gezondheid/", timeout=2).read()  # noqa: S310 -- loopback
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise SystemExit("kompas serve antwoordde niet binnen 60 s")


def _opener(session: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    cookie = http.cookiejar.Cookie(
        0, "sessionid", session, None, False, "127.0.0.1", False, False, "/", True,
        False, None, False, None, None, {},
    )  # fmt: skip
    jar.set_cookie(cookie)
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _health(base: str) -> float:
    started = time.perf_counter()
    urllib.request.urlopen(f"{base}/gezondheid/", timeout=60).read()  # noqa: S310 -- loopback
    return (time.perf_counter() - started) * 1000


def _measure(base: str, session: str, seconds: int) -> None:
    for _ in range(10):  # warm both server processes
        _health(base)
    idle = []
    for _ in range(BASELINE_SAMPLES):
        idle.append(_health(base))
        time.sleep(SAMPLE_PAUSE)

    forms = [_form(base, session) for _ in range(PARALLEL)]
    samples: list[float] = []
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(base, samples, stop))
    sampler.start()
    started = time.perf_counter()
    start = threading.Barrier(PARALLEL)
    with ThreadPoolExecutor(max_workers=PARALLEL) as threads:
        answers = list(threads.map(lambda form: _ask(base, form, start), forms))
    answered = time.perf_counter() - started
    jobs = [location for status, location in answers if status == 302]
    made = _wait_for(base, session, jobs, started + seconds)
    finished = time.perf_counter() - started
    stop.set()
    sampler.join()
    _print(answers, answered, made, finished, idle, samples)


def _form(base: str, session: str) -> tuple[urllib.request.OpenerDirector, str]:
    opener = _opener(session)
    page = opener.open(f"{base}/rapportages/", timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit("geen formulier op /rapportages/ (is de demo-raadslid ingelogd?)")
    return opener, token.group(1)


def _ask(
    base: str, form: tuple[urllib.request.OpenerDirector, str], start: threading.Barrier
) -> tuple[int, str]:
    opener, token = form
    data = urllib.parse.urlencode({**REPORT, "csrfmiddlewaretoken": token}).encode()
    start.wait(timeout=30)
    try:
        response = opener.open(f"{base}/rapportages/maken/", data=data, timeout=120)
        return response.status, ""
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers.get("Location", "")


def _sample(base: str, samples: list[float], stop: threading.Event) -> None:
    while not stop.is_set():
        samples.append(_health(base))
        time.sleep(SAMPLE_PAUSE)


def _wait_for(base: str, session: str, jobs: list[str], deadline: float) -> list[bytes]:
    opener = _opener(session)
    made: list[bytes] = []
    for location in jobs:
        while time.perf_counter() < deadline:
            status = opener.open(f"{base}{location}status/", timeout=60)
            if status.status == 286:  # finished (htmx's stop-polling answer)
                break
            time.sleep(0.5)
        try:
            made.append(opener.open(f"{base}{location}bestand/", timeout=60).read())
        except urllib.error.HTTPError as refused:
            made.append(f"HTTP {refused.code}".encode())
    return made


def _print(
    answers: list[tuple[int, str]],
    answered: float,
    made: list[bytes],
    finished: float,
    idle: list[float],
    loaded: list[float],
) -> None:
    counts = {status: sum(1 for s, _ in answers if s == status) for status in sorted({s for s, _ in answers})}
    pdfs = sum(1 for body in made if body.startswith(b"%PDF"))
    print(f"{PARALLEL} verzoeken tegelijk in {_n(answered, 2)} s beantwoord: " + ", ".join(
        f"{count}× HTTP {status}" for status, count in counts.items()
    ))  # fmt: skip
    print(f"Aanvaarde rapportages gemaakt en opgehaald: {pdfs} PDF van {len(made)}, na {_n(finished, 1)} s")
    p50_idle, p95_idle = _percentiles(idle)
    p50, p95 = _percentiles(loaded)
    print(
        f"Gezondheidscheck in rust   ({len(idle)} metingen): "
        f"p50 {_n(p50_idle, 1)} ms, p95 {_n(p95_idle, 1)} ms"
    )
    print(
        f"Gezondheidscheck onder last ({len(loaded)} metingen): p50 {_n(p50, 1)} ms, p95 {_n(p95, 1)} ms "
        f"(p95 {_n(p95 / p95_idle, 1)}× rust)"
    )
    verdict = "gehaald" if p95 <= TARGET_MS else "NIET gehaald"
    print(f"Doel p95 ≤ {TARGET_MS:.0f} ms onder last: {verdict}")
    if verdict != "gehaald" or pdfs != len(made):
        sys.exit(1)


def _percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[94]


def _n(number: float, digits: int) -> str:
    return f"{number:.{digits}f}".replace(".", ",")


if __name__ == "__main__":
    main()
