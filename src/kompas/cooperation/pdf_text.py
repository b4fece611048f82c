# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The text of an uploaded PDF, extracted once at upload so the catalogue can search inside it.

pypdf reads the text layer; a scanned PDF has none, and a damaged or encrypted one cannot be read.
Neither is an error for the upload (the file is still worth keeping), but the catalogue says
for every PDF whether its text is searchable, so a reader who finds nothing knows why. The text
is capped at :data:`TEXT_LIMIT` characters (about 40 pages of prose) to keep the table and the
search small; a longer text is cut and marked as such.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from kompas.cooperation.models import TextState

TEXT_LIMIT = 100_000
logger = logging.getLogger(__name__)


def extract_text(content: bytes) -> tuple[str, TextState]:
    """Return the text of the PDF ``content`` (at most ``TEXT_LIMIT`` characters) and its state."""
    try:
        reader = PdfReader(io.BytesIO(content))
        parts: list[str] = []
        length = 0
        for page in reader.pages:
            part = page.extract_text() or ""
            parts.append(part)
            length += len(part)
            if length > TEXT_LIMIT:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        # only the kind of error: a document's content never goes to the log
        logger.warning("PDF-tekst niet te lezen: %s", type(error).__name__)
        return "", TextState.FAILED
    text = " ".join(" ".join(parts).split())
    if not text:
        return "", TextState.EMPTY
    if len(text) > TEXT_LIMIT:
        return text[:TEXT_LIMIT], TextState.CUT
    return text, TextState.FULL
