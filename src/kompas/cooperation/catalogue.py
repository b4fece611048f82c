# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The *online apothekerskast* (spec §12.1, C9): one catalogue of documents, checked on the way in.

An upload is checked for its type (the extension and the first bytes must agree: a PDF starts
with ``%PDF-``, an Office or OpenDocument file is a ZIP, CSV and text are UTF-8 without NUL
bytes) and its size before anything is stored; a refused upload writes neither a file nor a row.
Files go to the storage under ``MEDIA_ROOT``, which no URL serves: only :func:`open_document`
hands a file out, and only to its audience (the manager's scope). The text of a PDF is
extracted at upload (:mod:`kompas.cooperation.pdf_text`) and searched with the title and the
description; the search runs through the same scoped manager, so a document's text is only
searched for its audience. PDFs stored before the text was extracted get it from migration
0005, which reads them once.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.cooperation.models import Audience, Document, DocumentKind, Platform, TextState
from kompas.cooperation.pdf_text import extract_text

MAX_BYTES = 20 * 1024 * 1024
ZIP = b"PK\x03\x04"
# extension → (media type, the check of the first bytes)
TYPES: Mapping[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ".csv": ("text/csv", None),
    ".txt": ("text/plain", None),
}


def check_upload(name: str, data: bytes) -> str:
    """Return the media type of the upload ``name``; raise ``ValidationError`` with the reason."""
    extension = PurePath(name).suffix.lower()
    if extension not in TYPES:
        allowed = ", ".join(sorted(TYPES))
        raise ValidationError(
            {
                "file": [
                    _("Bestanden van het type %(ext)s worden niet aangenomen; wel: %(allowed)s.")
                    % {"ext": extension or "–", "allowed": allowed}
                ]
            }
        )
    if len(data) > MAX_BYTES:
        raise ValidationError(
            {
                "file": [
                    _("Het bestand is %(size)d MB; het maximum is %(limit)d MB.")
                    % {"size": -(-len(data) // 2**20), "limit": MAX_BYTES // 2**20}
                ]
            }
        )
    media_type, magic = TYPES[extension]
    fits = data.startswith(magic) if magic is not None else _is_text(data)
    if not fits:
        raise ValidationError(
            {"file": [_("De inhoud van het bestand past niet bij de extensie %(ext)s.") % {"ext": extension}]}
        )
    return media_type


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


@transaction.atomic
def add_document(
    *, actor: User, platform: Platform | None, data: Mapping[str, Any], name: str, content: bytes
) -> Document:
    """Check and store an upload with its description; nothing is kept when anything is wrong."""
    errors: dict[str, list[str]] = {}
    for key in ("title", "kind", "audience", "document_date"):
        if not data.get(key):
            errors[key] = [_("Dit veld is verplicht.")]
    if data.get("kind") and data["kind"] not in DocumentKind.values:
        errors["kind"] = [_("Kies een soort document.")]
    if data.get("audience") == Audience.PLATFORM and platform is None:
        errors["audience"] = [_("Uw organisatie neemt aan geen platform deel.")]
    try:
        media_type = check_upload(name, content)
    except ValidationError as error:
        errors.update(error.message_dict)
        media_type = ""
    if errors:
        raise ValidationError(errors)
    text, text_state = extract_text(content) if media_type == "application/pdf" else ("", TextState.NOT_PDF)
    document = Document(
        organisation_id=actor.organisation_id,
        platform=platform if data["audience"] == Audience.PLATFORM else None,
        title=str(data["title"]).strip(),
        description=str(data.get("description") or "").strip(),
        kind=data["kind"],
        theme=str(data.get("theme") or "").strip(),
        audience=data["audience"],
        document_date=data["document_date"],
        file_name=PurePath(name).name[:200],
        content_type=media_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
        text=text,
        text_state=text_state,
    )
    # A random name: the stored path says nothing about the document and cannot be guessed.
    document.stored_as = f"documenten/{actor.organisation_id}/{uuid.uuid4().hex}"
    document.save()
    changes = {"title": [None, document.title], "audience": [None, document.audience]}
    audit.record("cooperation.document.uploaded", actor=actor, target=document, changes=changes)
    # The file last: when writing it fails, the transaction takes the row and its record back.
    default_storage.save(document.stored_as, ContentFile(content))
    return document


def search(query: str) -> QuerySet[Document]:
    """Return the documents the active organisation may see whose title, description or PDF text match.

    Every word must occur in one of the three; the scoped manager keeps other audiences out, so
    a word that only a hidden document's text holds finds nothing.
    """
    found = Document.objects.select_related("organisation").defer("text")
    for word in query.split():
        found = found.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(text__icontains=word)
        )
    return found


def open_document(document_id: int) -> tuple[Document, IO[bytes]] | None:
    """Return a visible document and its opened file, or None (not there, or not for this reader)."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return None
    return document, default_storage.open(document.stored_as, "rb")
