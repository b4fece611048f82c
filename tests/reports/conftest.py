# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Hengelo (organisation A) with its IVP, its areas and two years of counts, and report helpers."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django_scopes import scope

from kompas.accounts.models import Organisation
from kompas.policy.load import load_plan
from kompas.policy.models import Plan
from tests.reports.factories import Hengelo, make_hengelo


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Start every test with an empty cache: ids repeat between tests, cached figures must not."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def plan(org_a: Organisation) -> Plan:
    """The Hengelo IVP 2017-2020, loaded for organisation A."""
    with scope(organisation=org_a.pk):
        return load_plan(actor=None, organisation=org_a).plan


@pytest.fixture
def hengelo(org_a: Organisation) -> Hengelo:
    """Hengelo's areas, measures and observations."""
    return make_hengelo(org_a)


@pytest.fixture
def in_scope(org_a: Organisation) -> Iterator[None]:
    """Run the test inside organisation A's scope, as a request or command does."""
    with scope(organisation=org_a.pk):
        yield


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every attempt to open a network connection fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("netwerkverbinding geprobeerd")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """Return the text of each page of ``pdf`` (pdftotext), whitespace collapsed to single spaces."""
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]
