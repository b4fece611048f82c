# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Limits that hold while a file is read, so that a small hostile file cannot take a server down.

The size limit of an upload applies to the bytes sent; a gzip file or an XLSX workbook (a zip of
XML) may unpack to a thousand times that. So every reader stops, as soon as a limit is passed:

- the unpacked size of a file (``IMPORT_MAX_UNPACKED_MB``) and its unpacking ratio
  (``IMPORT_MAX_EXPANSION``: unpacked bytes per packed byte, for gzip and for XLSX);
- the length of one line of text (``IMPORT_MAX_LINE_KB``): a line is held in memory whole;
- the number of cells of a worksheet (``IMPORT_MAX_XLSX_CELLS``), both the size the sheet declares
  (reading pads every row to it) and the cells actually read.

A limit that is passed raises :class:`LimitExceeded`; :func:`guarded` turns it into one error of
the file, so the import is refused like any file with errors and nothing is written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.records import ParseError, dutch_int

MB = 1024 * 1024
# Below this many unpacked bytes the ratio is not checked: tiny files compress very well.
RATIO_FLOOR = 16 * MB


@dataclass(frozen=True)
class ReadLimits:
    """The limits in force, in bytes and cells."""

    unpacked_bytes: int
    expansion: int
    line_bytes: int
    xlsx_cells: int


def current() -> ReadLimits:
    """Return the limits from the settings (``KOMPAS_IMPORT_*``)."""
    return ReadLimits(
        unpacked_bytes=settings.KOMPAS_IMPORT_MAX_UNPACKED_BYTES,
        expansion=settings.KOMPAS_IMPORT_MAX_EXPANSION,
        line_bytes=settings.KOMPAS_IMPORT_MAX_LINE_BYTES,
        xlsx_cells=settings.KOMPAS_IMPORT_MAX_XLSX_CELLS,
    )


class LimitExceededError(Exception):
    """Reading stopped because a file passed a limit; ``expected`` names the limit's setting.

    ``value`` is what was found (the start of the line, the compressed size, the sheet's stated
    size), ``problem`` completes the sentence "waarde "…" ___" of :class:`ParseError`.
    """

    def __init__(self, value: str, problem: str, expected: str, line: int = 0) -> None:
        super().__init__(problem)
        self.value, self.problem, self.expected, self.line = value, problem, expected, line

    def error(self, file: str) -> ParseError:
        """Return the limit as an error of ``file``."""
        return ParseError(file, self.line, _("(bestand)"), self.value, self.expected, self.problem)


def guarded(file: str, chunks: Iterable[Chunk]) -> Iterator[Chunk]:
    """Yield ``chunks``; when reading passes a limit, yield that error and stop."""
    try:
        yield from chunks
    except LimitExceededError as exceeded:
        yield error_chunk([exceeded.error(file)])


def _megabytes(count: int) -> str:
    return str(max(1, round(count / MB)))


def too_large(limits: ReadLimits) -> LimitExceededError:
    """Return the error for a file that unpacks to more than ``unpacked_bytes``."""
    limit = _megabytes(limits.unpacked_bytes)
    return LimitExceededError(
        _("uitgepakte inhoud"),
        _("is groter dan %(limit)s MB en is niet verder gelezen") % {"limit": limit},
        _("een bestand dat uitgepakt hoogstens %(limit)s MB is (instelling IMPORT_MAX_UNPACKED_MB)")
        % {"limit": limit},
    )


def too_packed(packed: int, limits: ReadLimits) -> LimitExceededError:
    """Return the error for a file that unpacks to more than ``expansion`` times its size."""
    return LimitExceededError(
        _("%(packed)s bytes gecomprimeerd") % {"packed": dutch_int(packed)},
        _("pakt uit tot meer dan %(ratio)s keer die grootte en is niet verder gelezen")
        % {"ratio": limits.expansion},
        _(
            "een gecomprimeerd bestand dat hoogstens %(ratio)s keer zo groot uitpakt "
            "(instelling IMPORT_MAX_EXPANSION)"
        )
        % {"ratio": limits.expansion},
    )


def line_too_long(line: int, start: bytes, limits: ReadLimits) -> LimitExceededError:
    """Return the error for line ``line``, starting with ``start``, longer than ``line_bytes``."""
    kilobytes = max(1, limits.line_bytes // 1024)
    return LimitExceededError(
        start[:30].decode("utf-8", errors="replace") + "…",
        _("is langer dan %(limit)s kB en is niet verder gelezen") % {"limit": kilobytes},
        _("regels van hoogstens %(limit)s kB (instelling IMPORT_MAX_LINE_KB)") % {"limit": kilobytes},
        line,
    )


def too_many_cells(
    limits: ReadLimits, sheet: str, *, dimension: str = "", declared: int = 0, row: int = 0
) -> LimitExceededError:
    """Return the error for worksheet ``sheet`` of more than ``xlsx_cells`` cells.

    ``declared`` is the size the sheet states for itself (its ``dimension``, such as A1:C40);
    else reading passed the limit at ``row``.
    """
    expected = _("een werkblad van hoogstens %(limit)s cellen (instelling IMPORT_MAX_XLSX_CELLS)") % {
        "limit": dutch_int(limits.xlsx_cells)
    }
    if declared:
        problem = _("geeft werkblad %(sheet)s op als %(cells)s cellen; het is niet gelezen") % {
            "sheet": sheet,
            "cells": dutch_int(declared),
        }
        return LimitExceededError(dimension, problem, expected)
    problem = _("heeft meer dan %(limit)s cellen en is niet verder gelezen") % {
        "limit": dutch_int(limits.xlsx_cells)
    }
    return LimitExceededError(sheet, problem, expected, row)


class CappedReader(io.RawIOBase):
    """A byte stream that raises :class:`LimitExceededError` once more than ``cap`` bytes are read."""

    def __init__(self, inner: BinaryIO, cap: int, error: LimitExceededError) -> None:
        super().__init__()
        self._inner, self._cap, self._error, self.count = inner, cap, error, 0

    def readable(self) -> bool:
        """Return True: this stream is read, never written."""
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]  # the buffer protocol
        """Read into ``buffer``; raise when the total passes the cap."""
        data = self._inner.read(len(buffer))
        self.count += len(data)
        if self.count > self._cap:
            raise self._error
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        """Close the stream underneath too."""
        self._inner.close()
        super().close()


def capped(inner: BinaryIO, packed: int | None, limits: ReadLimits) -> BinaryIO:
    """Return ``inner`` (unpacked data) as a buffered stream within the unpacking limits.

    ``packed`` is the size of the compressed file, or None when ``inner`` is not compressed
    (then only the unpacked size limit holds, which a plain file cannot pass by itself).
    """
    cap, error = limits.unpacked_bytes, too_large(limits)
    if packed is not None:
        by_ratio = max(RATIO_FLOOR, packed * limits.expansion)
        if by_ratio < cap:
            cap, error = by_ratio, too_packed(packed, limits)
    return io.BufferedReader(CappedReader(inner, cap, error))


def check_zip(path: Path, limits: ReadLimits) -> None:
    """Refuse a zip (XLSX) whose members unpack beyond the limits, before anything is unpacked.

    The sizes are those the zip declares; Python's zipfile never unpacks a member beyond its
    declared size, so they bound what reading can cost.
    """
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    packed = path.stat().st_size
    if unpacked > limits.unpacked_bytes:
        raise too_large(limits)
    if unpacked > RATIO_FLOOR and unpacked > packed * limits.expansion:
        raise too_packed(packed, limits)


def read_line(stream: BinaryIO, limits: ReadLimits, number: int) -> bytes:
    """Return the next line of ``stream`` (b"" at the end); raise when it passes the line limit."""
    raw = stream.readline(limits.line_bytes + 1)
    if len(raw) > limits.line_bytes and not raw.endswith(b"\n"):
        raise line_too_long(number, raw, limits)
    return raw
