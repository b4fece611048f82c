# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Full-text search inside catalogue PDFs: extracted at upload, searched only for the audience.

The PDFs are made here with the project's own PDF machinery (WeasyPrint), from sentences of the
source document (spec §6.5, the Platform's own diagnosis), not shipped as binary fixtures.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.test import Client
from django_scopes import scopes_disabled

from kompas.accounts.roles import Role
from kompas.cooperation import pdf_text
from kompas.cooperation.models import Document
from kompas.presentation.pdf import render_pdf
from tests.conftest import verified_login
from tests.cooperation.conftest import Setting
from tests.cooperation.test_catalogue import _upload

# spec §6.5: the Platform "stuurt te weinig op resultaten" and works "te vrijblijvend"
SENTENCES = "Het Platform stuurt te weinig op resultaten en werkt te vrijblijvend."
TITLE = "Inwoners per buurt 2024"  # the title _upload gives; it does not hold the words


def _pdf(body: str) -> bytes:
    return render_pdf(f"<!doctype html><html lang='nl'><body><p>{body}</p></body></html>")


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _found(client: Client, word: str) -> bool:
    page = client.get("/samenwerking/documenten/", {"q": word}).content.decode()
    return TITLE in page


def test_a_word_only_in_the_pdf_text_finds_the_document(
    setting: Setting, client: Client, media: Path
) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    assert _upload(client, "diagnose.pdf", _pdf(SENTENCES), "platform") == "/samenwerking/documenten/"
    with scopes_disabled():
        document = Document.objects.get()
    assert document.text_state == "volledig"
    assert "te vrijblijvend" in document.text
    # the word is in neither title nor description, only in the PDF; two words must both match
    assert _found(client, "vrijblijvend") and _found(client, "vrijblijvend resultaten")
    assert not _found(client, "vrijblijvend hennep")
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])  # a member of the Platform
    assert _found(client, "vrijblijvend")


def test_the_text_of_a_pdf_outside_the_audience_finds_nothing(
    setting: Setting, client: Client, media: Path
) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    _upload(client, "diagnose.pdf", _pdf(SENTENCES), "eigen")  # only for Hengelo itself
    assert _found(client, "vrijblijvend")
    for reader in (setting.users[Role.REGIOCOORDINATOR], setting.outsider):
        verified_login(client, reader)
        page = client.get("/samenwerking/documenten/", {"q": "vrijblijvend"}).content.decode()
        assert TITLE not in page and "Geen documenten gevonden." in page


def test_a_pdf_without_text_says_so_and_is_found_by_its_title_only(
    setting: Setting, client: Client, media: Path
) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    _upload(client, "scan.pdf", _pdf(""), "platform")  # a blank page: no text layer, like a scan
    with scopes_disabled():
        assert Document.objects.get().text_state == "geen_tekst"
    page = client.get("/samenwerking/documenten/", {"q": "buurt"}).content.decode()
    assert TITLE in page
    assert "geen tekst in de PDF (gescand?); alleen titel en omschrijving doorzoekbaar" in page


def test_a_long_text_is_cut_at_the_limit_and_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_text, "TEXT_LIMIT", 20)
    text, state = pdf_text.extract_text(_pdf(SENTENCES))
    assert (text, state) == ("Het Platform stuurt ", "ingekort")
    assert pdf_text.extract_text(b"%PDF-1.7 kapot") == ("", "onleesbaar")


def test_the_migration_reads_the_pdfs_stored_before(setting: Setting, client: Client, media: Path) -> None:
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    _upload(client, "diagnose.pdf", _pdf(SENTENCES), "platform")
    _upload(client, "weg.pdf", _pdf(SENTENCES), "platform")
    with scopes_disabled():
        first, gone = Document.objects.order_by("pk")
        Document.objects.update(text="", text_state="")  # as stored before migration 0005
    default_storage.delete(gone.stored_as)  # a file lost from the storage does not stop it
    migration = importlib.import_module("kompas.cooperation.migrations.0005_document_text")
    migration.extract_stored(apps, None)
    with scopes_disabled():
        first.refresh_from_db()
        gone.refresh_from_db()
    assert (first.text_state, "vrijblijvend" in first.text) == ("volledig", True)
    assert (gone.text_state, gone.text) == ("onleesbaar", "")
