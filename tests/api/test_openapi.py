# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The OpenAPI schema is valid, and every API operation survives generated requests (schemathesis)."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role


def _schema(tmp_path: Path) -> dict[str, Any]:
    target = tmp_path / "openapi.yaml"
    call_command("spectacular", validate=True, fail_on_warn=True, file=str(target), stdout=StringIO())
    return dict(yaml.safe_load(target.read_text(encoding="utf-8")))


def test_schema_validates_without_warnings(tmp_path: Path) -> None:
    schema = _schema(tmp_path)
    assert schema["openapi"].startswith("3.")
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


@pytest.mark.django_db(transaction=True)
def test_every_operation_answers_without_server_errors(
    tmp_path: Path,
    live_server: Any,
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.BEHEERDER, org_a))
    cookies = {"sessionid": client.cookies["sessionid"].value}
    schema = schemathesis.openapi.from_dict(_schema(tmp_path))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations
    for operation in operations:

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(base_url=live_server.url, cookies=cookies)

        check()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/users/99999999999999999999",
        "/api/v1/plans/99999999999999999999",
        "/account/gebruikers/99999999999999999999/",
        "/beleid/thema/99999999999999999999/",
    ],
)
def test_ids_beyond_the_database_range_are_not_found(client: Client, beheerder_a: User, url: str) -> None:
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "query",
    ["limit=14412856428462417641472", "offset=-7459&limit=500669621892449697792", "offset=" + "9" * 25],
)
def test_paging_beyond_the_database_range_is_capped(client: Client, beheerder_a: User, query: str) -> None:
    answer = client.get(f"/api/v1/users?{query}")
    assert answer.status_code == 200
    assert len(answer.json()["results"]) <= 1000
