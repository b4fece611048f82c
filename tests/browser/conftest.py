# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Browser fixtures: Debian's Chromium driven by Playwright, with axe-core from npm."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import Browser, Page, sync_playwright

from kompas.config import PROJECT_DIR

CHROMIUM = "/usr/bin/chromium"
AXE = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_DIR / "test-artifacts"
# Flags that keep Chromium off the network: this machine has none, and tests must not need it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The demo as the first browser test loaded it, kept in memory: about 35 s per test saved.
_demo_copy: list[sqlite3.Connection] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Start headless Chromium once per session."""
    # Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
    # between page actions are still sequential, so Django's async guard is lifted for them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in Dutch with a fresh context (no cookies).

    Anything the Content-Security-Policy blocks (an inline script, a foreign style) fails the test.
    """
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    fresh = context.new_page()
    blocked: list[str] = []
    fresh.on("console", lambda message: _note_blocked(message.text, blocked))
    yield fresh
    context.close()
    assert blocked == []


def _note_blocked(text: str, blocked: list[str]) -> None:
    if "Content Security Policy" in text:
        blocked.append(text)


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page; return violations of impact serious or critical."""
    # Evaluated by the browser's debugging protocol: the page's policy forbids inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as a test artefact (not committed)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def load_demo() -> None:
    """Fill the (emptied) test database with the demo, as ``kompas demo --no-serve`` does.

    The first call runs the command; on SQLite it keeps a copy of the result (SQLite's backup API)
    and later calls restore that copy, which is byte for byte what the command wrote. The cache is
    cleared because a previous test may have cached figures of data it changed. On another
    database every call runs the command.
    """
    if connection.vendor != "sqlite":
        call_command("demo", no_serve=True, stdout=StringIO())
        return
    connection.ensure_connection()
    live = connection.connection
    if not _demo_copy:
        call_command("demo", no_serve=True, stdout=StringIO())
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        live.backup(copy)
        _demo_copy.append(copy)
    else:
        _demo_copy[0].backup(live)
    for cache in caches.all():
        cache.clear()
