# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The fast path for large delimited files: blocks of whole lines parsed by pyarrow.

A file is cut into blocks of about 4 MiB at line ends outside quotes, so every block starts on a
known line. pyarrow parses a block into string columns only when its rows map one-to-one onto the
block's lines; otherwise (a quoted line break, a short row, an undecodable byte, a footer) the
block is read row by row, which finds and locates every problem exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.csv as pacsv

from kompas.sources.reading import encoding, limits

BLOCK_BYTES = 4 << 20


@dataclass(frozen=True, slots=True)
class Block:
    """Whole lines of a file: the number of the first and the raw bytes."""

    first_line: int
    data: bytes
    last: bool


def skip_lines(stream: BinaryIO, count: int) -> None:
    """Read past the first ``count`` lines of ``stream`` (title lines and the header)."""
    within = limits.current()
    for number in range(1, count + 1):
        limits.read_line(stream, within, number)


def iter_blocks(stream: BinaryIO, first_line: int, size: int = 0) -> Iterator[Block]:
    """Yield the rest of ``stream`` as blocks of whole lines, never cutting a quoted field.

    A line (or quoted field) that runs on past the line limit stops reading
    (:mod:`kompas.sources.reading.limits`): the buffer would otherwise hold the rest of the file.
    """
    within = limits.current()
    buffer, line, previous = b"", first_line, None
    while data := stream.read(size or BLOCK_BYTES):
        buffer += data
        cut = _cut(buffer)
        if cut <= 0:
            if len(buffer) > within.line_bytes + (size or BLOCK_BYTES):
                raise limits.line_too_long(line, buffer, within)
            continue
        if previous is not None:
            yield previous
        previous, buffer = Block(line, buffer[:cut], last=False), buffer[cut:]
        line += previous.data.count(b"\n")
    if buffer.strip():
        if previous is not None:
            yield previous
        yield Block(line, buffer if buffer.endswith(b"\n") else buffer + b"\n", last=True)
    elif previous is not None:
        yield Block(previous.first_line, previous.data, last=True)


def _cut(buffer: bytes) -> int:
    end = buffer.rfind(b"\n")
    while end >= 0 and buffer.count(b'"', 0, end) % 2:
        end = buffer.rfind(b"\n", 0, end)
    return end + 1


def read_block(block: Block, codec: str, width: int, wanted: Sequence[int], delimiter: str) -> Any:
    """Return the ``wanted`` columns (by position) of a block as strings, or ``None`` when the
    block's rows do not map one-to-one onto its lines and must be read row by row."""
    data = block.data
    if codec not in ("utf-8", "utf-8-sig"):
        try:
            data = data.decode(codec).encode("utf-8")
        except UnicodeDecodeError:
            return None
    names = [f"f{index}" for index in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=False, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                include_columns=[names[index] for index in wanted],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return table if table.num_rows == data.count(b"\n") else None


def block_lines(block: Block, codec: str) -> Iterator[tuple[str, bytes]]:
    """Yield the lines of ``block`` decoded (text, undecodable bytes), for row-by-row reading."""
    lines = block.data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    plain = "utf-8" if codec == "utf-8-sig" else codec
    for raw in lines:
        yield encoding.decode(raw.rstrip(b"\r"), plain)
