# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Text encodings of real files: UTF-8, UTF-8 with BOM and cp1252 (Windows/Excel).

The encoding is detected from the first 64 KiB, never guessed per line: a BOM means UTF-8 with
BOM; text that is valid UTF-8 is UTF-8; text that is not, but is valid cp1252, is cp1252 — and the
result says which was used. Bytes that the chosen encoding cannot decode later in the file are
reported as errors on their line.
"""

from __future__ import annotations

import codecs
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from kompas.sources.reading import limits
from kompas.sources.reading.cells import Invalid

BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SAMPLE = 65536
_NAMES = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "cp1252": "cp1252",
    "windows-1252": "cp1252",
    "latin-1": "latin-1",
    "latin1": "latin-1",
    "iso-8859-1": "latin-1",
}


def canonical(name: str) -> str:
    """Return the codec name for a declared encoding; raise :class:`Invalid` for others."""
    codec = _NAMES.get(name.strip().lower())
    if codec is None:
        raise Invalid(_("is geen ondersteunde codering"), _("utf-8, utf-8-sig, cp1252 of latin-1"))
    return codec


def open_binary(path: Path) -> BinaryIO:
    """Open ``path`` for reading bytes; gzip files (by their magic bytes) are decompressed.

    Decompressing stops with :class:`~kompas.sources.reading.limits.LimitExceededError` beyond the
    unpacking limits (:mod:`kompas.sources.reading.limits`).
    """
    with path.open("rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        unpacked = gzip.open(path, "rb")  # noqa: SIM115 # the caller closes the stream returned
        packed = path.stat().st_size
        return limits.capped(unpacked, packed, limits.current())  # type: ignore[arg-type]  # binary stream
    return path.open("rb")


def detect(head: bytes) -> str:
    """Return the codec for a file starting with ``head``; raise :class:`Invalid` for UTF-16."""
    if head.startswith(BOM):
        return "utf-8-sig"
    if head.startswith(UTF16_BOMS):
        raise Invalid(_("is UTF-16, dat niet wordt ondersteund"), _("tekst in UTF-8 of cp1252"))
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return "utf-8"
        return "cp1252"
    return "utf-8"


def decode(raw: bytes, codec: str) -> tuple[str, bytes]:
    """Return the text of ``raw`` and the first undecodable bytes (empty when all decoded)."""
    try:
        return raw.decode(codec), b""
    except UnicodeDecodeError as error:
        return raw.decode(codec, errors="replace"), raw[error.start : error.end]


def iter_lines(stream: BinaryIO, codec: str) -> Iterator[tuple[str, bytes]]:
    """Yield each line of ``stream`` (without line end) as text with its undecodable bytes.

    A line longer than the line limit stops reading (:func:`kompas.sources.reading.limits.read_line`).
    """
    within = limits.current()
    number = 1
    while raw := limits.read_line(stream, within, number):
        if number == 1 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
        number += 1
        yield decode(raw.rstrip(b"\r\n"), "utf-8" if codec == "utf-8-sig" else codec)
