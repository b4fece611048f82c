# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The online apothekerskast: uploads checked before anything is stored, documents only for their audience."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord
from kompas.accounts.roles import Role
from kompas.cooperation.catalogue import MAX_BYTES
from kompas.cooperation.models import Document
from kompas.sources.codelists import DATA
from tests.conftest import verified_login
from tests.cooperation.conftest import Setting

# A real bundled file: CBS inhabitants per buurt 2024 (see its PROVENANCE.md), cut to its head.
CSV = b"".join(
    (DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv")
    .read_bytes()
    .splitlines(True)[:50]
)
FORM = {
    "title": "Inwoners per buurt 2024",
    "description": "CBS kerncijfers, bron voor de bijdragen",
    "kind": "dataset",
    "theme": "Bijdragen",
    "document_date": "2024-08-16",
}


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _upload(client: Client, name: str, content: bytes, audience: str = "platform") -> str:
    data = {**FORM, "audience": audience, "file": SimpleUploadedFile(name, content)}
    response = client.post("/samenwerking/documenten/nieuw/", data)
    return response.content.decode() if response.status_code == 200 else response["Location"]


def _stored(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("inwoners.exe", CSV, "Bestanden van het type .exe worden niet aangenomen"),
        (
            "inwoners.pdf",
            CSV,
            "De inhoud van het bestand past niet bij de extensie .pdf.",
        ),  # a CSV dressed as PDF
        ("inwoners.csv", b"a" * (MAX_BYTES + 1), "Het bestand is 21 MB; het maximum is 20 MB."),
        ("inwoners.csv", b"\x00\x01binary", "De inhoud van het bestand past niet bij de extensie .csv."),
    ],
)
def test_a_refused_upload_says_why_and_stores_nothing(
    setting: Setting, client: Client, media: Path, name: str, content: bytes, message: str
) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    page = _upload(client, name, content)
    assert message in page
    with scopes_disabled():
        assert not Document.objects.exists()
    assert _stored(media) == []
    assert not AuditRecord.objects.filter(action="cooperation.document.uploaded").exists()


def test_an_upload_is_stored_outside_the_web_root_and_served_to_its_audience(
    setting: Setting, client: Client, media: Path
) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    assert _upload(client, "inwoners.csv", CSV) == "/samenwerking/documenten/"
    with scopes_disabled():
        document = Document.objects.get()
    (stored,) = _stored(media)
    assert stored.read_bytes() == CSV and stored.name != "inwoners.csv"
    assert (document.size, document.document_date, document.audience) == (
        len(CSV),
        dt.date(2024, 8, 16),
        "platform",
    )
    # a member of the Platform finds it by a word of its description and downloads it
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    assert (
        "Inwoners per buurt 2024"
        in client.get("/samenwerking/documenten/", {"q": "bijdragen"}).content.decode()
    )
    assert (
        "Inwoners per buurt 2024"
        not in client.get("/samenwerking/documenten/", {"q": "hennep"}).content.decode()
    )
    response = client.get(f"/samenwerking/documenten/{document.pk}/")
    assert response.content == CSV and "inwoners.csv" in response["Content-Disposition"]
    # an organisation outside the Platform neither finds nor opens it
    verified_login(client, setting.outsider)
    assert "Inwoners per buurt 2024" not in client.get("/samenwerking/documenten/").content.decode()
    assert client.get(f"/samenwerking/documenten/{document.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("audience", "member_sees", "outsider_sees"),
    [
        ("eigen", False, False),  # only the uploader's own organisation (Hengelo)
        ("platform", True, False),
        ("openbaar", True, True),
    ],
)
def test_audience(
    setting: Setting, client: Client, media: Path, audience: str, member_sees: bool, outsider_sees: bool
) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    _upload(client, "inwoners.csv", CSV, audience)
    coordinator, outsider = setting.users[Role.REGIOCOORDINATOR], setting.outsider
    with scope(organisation=setting.users[Role.PROJECTLEIDER].organisation_id):
        assert Document.objects.count() == 1
    with scope(organisation=coordinator.organisation_id):
        assert Document.objects.exists() == member_sees
    with scope(organisation=outsider.organisation_id):
        assert Document.objects.exists() == outsider_sees
