# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``veiligheidsmonitor``: survey indicators with their 95 % margin (CBS Veiligheidsmonitor).

Two shapes: the tidy file (``indicator, eenheid, provincie, jaar, marge, waarde``; instead of
``provincie`` a ``regio`` or ``gebiedscode`` column with CBS codes such as GM0164 or WK016401 for
a municipality's own results, and optionally ``n``, the number of respondents) and the raw
StatLine export (``Onderwerp, Perioden`` — which holds the unit —, then ``Waarde_<regio>_<jaar>``
and ``Marges_<regio>_<jaar>`` columns with decimal commas). Each indicator becomes a measure
``vm_<indicator>``; regions are provinces (by name or PV code), ``Nederland`` or CBS codes.
Percentages must lie in 0–100, report marks in 1–10, margins must not be negative.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources.formats import _survey_rows
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.options import Options
from kompas.sources.reading.tables import open_source, open_table
from kompas.sources.records import ParseError


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the survey observations of a tidy or raw Veiligheidsmonitor file, then the measures."""
    opts = Options(options, path.name)
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    raw = _is_raw(path)
    table = open_table(source, ("onderwerp", "perioden") if raw else ("indicator", "eenheid", "waarde"))
    if isinstance(table, list) or opts.errors:
        yield error_chunk(opts.errors + (table if isinstance(table, list) else []), encoding=source.encoding)
        return
    yield from (_survey_rows.wide_chunks(table) if raw else _survey_rows.tidy_chunks(table))


def _is_raw(path: Path) -> bool:
    with path.open("rb") as probe:
        return b"Waarde_" in probe.read(65536)
