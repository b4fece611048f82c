# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every response carries the Content-Security-Policy: scripts only from Kompas, never inline."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR
from kompas.http_security import POLICY

pytestmark = pytest.mark.django_db


def _directives(header: str) -> dict[str, str]:
    return dict(part.strip().partition(" ")[::2] for part in header.split(";"))


def test_the_policy_allows_no_inline_or_foreign_script() -> None:
    directives = _directives(POLICY)
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'" and directives["form-action"] == "'self'"
    # Inline styles only: the HTML report carries its print stylesheet inline.
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert "unsafe-eval" not in POLICY


@pytest.mark.parametrize(
    "url",
    [
        "/",  # a redirect to the login page
        "/account/inloggen/",  # a page
        "/bestaat-niet/",  # a 404
        "/static/kompas/css/kompas.css",  # a static file
    ],
)
def test_anonymous_responses_carry_the_policy(client: Client, url: str) -> None:
    assert client.get(url)["Content-Security-Policy"] == POLICY


def test_pages_and_downloads_of_a_signed_in_user_carry_the_policy(
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.BEHEERDER, org_a))
    for url in (reverse("dashboard:home"), reverse("sources:import"), reverse("accounts:audit_export")):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Security-Policy"] == POLICY


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    offenders = []
    for path in (PROJECT_DIR / "src" / "kompas").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        offenders += [
            f"{path.name}: {tag}" for tag in re.findall(r"<script\b[^>]*>", text) if "src=" not in tag
        ]
        offenders += [f"{path.name}: {name}" for name in re.findall(r"\s(on[a-z]+|hx-on[:a-z-]*)=", text)]
    assert offenders == []
