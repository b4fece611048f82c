# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The upload page never opens a server path a user names, and refuses a body beyond the limit
before reading it.

The attacks: the option ``areas=/etc/passwd`` made the server open that file (a FIFO hung the
request); a large upload was spooled to disk in full before its size was checked.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_scopes import scope
from pytest_django.fixtures import Settings

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.sources import formats
from kompas.sources.codelists import DATA
from kompas.sources.models import ImportRun, ImportStatus
from tests.sources.importing import operator_areas

pytestmark = pytest.mark.django_db
ASSEN = DATA / "assen-meldingen-openbare-ruimte-2026"
MELDINGEN = (
    "created_at,category,wijk,lat,lon,resolved_date\n2026-05-18T09:00:00+00:00,Afval,Centrum,52.99,6.56,\n"
)


@pytest.fixture
def analist(org_a: Organisation, make_user: Callable[..., User], client: Client) -> User:
    user = make_user(Role.ANALIST, org_a)
    client.force_login(user)
    return user


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every path the server opens while the test runs."""
    paths: list[str] = []
    real_open = io.open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        paths.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]  # the arguments of open, passed on

    monkeypatch.setattr("builtins.open", spy)
    monkeypatch.setattr(io, "open", spy)
    yield paths


def _post(client: Client, **fields: object) -> str:
    data = {"file": SimpleUploadedFile("meldingen.csv", MELDINGEN.encode()), "format": "meldingen", **fields}
    return client.post(reverse("sources:import"), data, follow=True).content.decode()


@pytest.mark.parametrize(
    ("options", "field"),
    [
        # a system file
        ("areas=/etc/passwd", "Wijkenlijst (JSON)"),
        # a pipe would hang the request
        ("period=month\nareas=/srv/kompas/fifo", "Wijkenlijst (JSON)"),
        # the mapping description is uploaded too
        ("mapping=/etc/passwd", "Importbeschrijving (TOML)"),
    ],
)
def test_an_option_naming_a_server_path_is_refused_and_nothing_is_opened(
    client: Client, analist: User, opened: list[str], options: str, field: str
) -> None:
    text = _post(client, options=options)
    name = options.splitlines()[-1].partition("=")[0]
    assert (
        f"De optie {name} noemt een bestand op de server; dat kan alleen met de opdracht kompas import. "
        f"Kies het bestand hier in het veld ‘{field}’."
    ) in text
    assert not [path for path in opened if path.startswith(("/etc/", "/srv/kompas/fifo"))]
    with scope(organisation=analist.organisation_id):
        assert not ImportRun.objects.exists()


def test_the_wijken_list_is_uploaded_instead(client: Client, analist: User) -> None:
    # Assen's wijken lie outside the analist's gemeente: the operator has created them (ADR 0011).
    listed = json.loads((ASSEN / "wijken_assen_bbox.json").read_text(encoding="utf-8"))
    operator_areas({wijk["code"]: 2026 for wijk in listed})
    wijken = SimpleUploadedFile("wijken_assen_bbox.json", (ASSEN / "wijken_assen_bbox.json").read_bytes())
    _post(client, areas=wijken, create_areas="on")
    with scope(organisation=analist.organisation_id):
        run = ImportRun.objects.get()
    assert run.status == ImportStatus.LOADED, run.errors
    assert run.rows_loaded > 0


def test_without_the_wijken_list_the_wijk_is_unknown(client: Client, analist: User) -> None:
    text = _post(client)
    assert "is geen bekende wijk" in text


def test_a_body_over_the_limit_is_refused_before_it_is_read(
    client: Client, analist: User, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.KOMPAS_UPLOAD_MAX_BYTES = 1024 * 1024
    read: list[int] = []

    def spy(self: object, *args: object) -> bytes:
        read.append(1)
        return b""

    monkeypatch.setattr("django.http.request.HttpRequest.read", spy)
    response = client.post(
        reverse("sources:import"),
        data=b"x",
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(4 * 1024 * 1024),
    )
    text = response.content.decode()
    assert response.status_code == 413 and read == []
    assert "Dit verzoek is groter dan de grens van 1 MB voor uploads en is niet gelezen" in text
    assert "(instelling IMPORT_MAX_UPLOAD_MB)" in text
    with scope(organisation=analist.organisation_id):
        assert not ImportRun.objects.exists()


def test_a_body_without_a_length_is_refused(client: Client, analist: User) -> None:
    response = client.post(
        reverse("sources:import"),
        data=b"",
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 411
    assert "Kompas neemt alleen verzoeken aan waarvan de lengte vooraf bekend is" in response.content.decode()


def test_a_file_within_the_body_limit_but_over_the_upload_limit_is_a_form_error(
    client: Client, analist: User, settings: Settings
) -> None:
    settings.KOMPAS_UPLOAD_MAX_BYTES = 1024 * 1024
    body = MELDINGEN.encode() + b"x" * (1024 * 1024)
    data = {"file": SimpleUploadedFile("meldingen.csv", body), "format": "meldingen"}
    text = client.post(reverse("sources:import"), data).content.decode()
    assert "Het bestand is groter dan 1 MB; importeer het met de opdracht kompas import." in text


def test_the_command_line_may_still_name_the_wijken_file(org_a: Organisation, tmp_path: Path) -> None:
    path = tmp_path / "meldingen.csv"
    path.write_text(MELDINGEN, encoding="utf-8")
    result = formats.get("meldingen").parse(path, options={"areas": str(ASSEN / "wijken_assen_bbox.json")})
    assert result.errors == () and len(result.events) == 1
