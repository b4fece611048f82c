# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Locust users for ``bench/dashboard.py``: a logged-in analyst reading the dashboard pages.

Each user takes a session logged in beforehand, then requests, in random order with a pause of
one to two seconds, the dashboard, a wijk page, the indicator API and the health check (the
trivial view every other latency is divided by). ``KOMPAS_BENCH_INDICATOR`` names the indicator
id of the API request, ``KOMPAS_BENCH_SESSIONS`` the session keys, comma-separated.
"""

from __future__ import annotations

import itertools
import os

from locust import HttpUser, between, task

WIJK = "WK016402"  # the same wijk as bench/dashboard.py warms up
SESSIONS = os.environ["KOMPAS_BENCH_SESSIONS"].split(",")
_TAKEN = itertools.count()


class Reader(HttpUser):
    """An analyst of Gemeente Hengelo."""

    wait_time = between(1, 2)

    def on_start(self) -> None:
        """Take one of the sessions the benchmark logged in beforehand.

        Logging in through the form costs a deliberately slow password hash per user, which
        would measure the hasher, not the pages.
        """
        self.client.headers["Cookie"] = f"sessionid={SESSIONS[next(_TAKEN) % len(SESSIONS)]}"

    def _get(self, path: str, name: str) -> None:
        """Request ``path``; anything but 200 (a redirect to the login page too) is a failure."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task
    def dashboard(self) -> None:
        """The dashboard with its default filters."""
        self._get("/", "dashboard")

    @task
    def wijk(self) -> None:
        """The safety picture of one wijk."""
        self._get(f"/gebied/{WIJK}/", "wijkpagina")

    @task
    def indicator_api(self) -> None:
        """The values of one indicator in one wijk."""
        indicator = os.environ["KOMPAS_BENCH_INDICATOR"]
        self._get(f"/api/v1/indicators/{indicator}/values?area_code={WIJK}", "indicator-API")

    @task
    def trivial(self) -> None:
        """The health check: one SELECT 1, the floor of every request."""
        self._get("/gezondheid/", "triviale view")
