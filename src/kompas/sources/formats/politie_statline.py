# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``politie-statline``: police figures as StatLine exports them (tables 47022NED/47024NED).

Two shapes are read:

* the raw StatLine/data.politie.nl CSV export (``Misdrijven_2024.csv``): title lines, fixed
  dimensions such as ``"Soort misdrijf: Totaal misdrijven"``, header rows ``Onderwerp`` /
  ``Perioden`` / ``Regio's`` (the last one names the row dimension and the units), one row per
  region and the footer ``Bron: Politie``. Regions are matched by name to the 47022NED region
  list (``Hengelo (O.)`` → GM0164); police units ``(RE)``, ``Buitenland`` and ``niet in te
  delen`` are no areas and are skipped with a warning;
* the tidy national series (``crime_type_code, date, frequency`` per month or
  ``incident_type_code, year, incident_count`` per year) with 47022NED/47024NED titles.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources.formats import _statline_tidy, _statline_wide
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.options import Options
from kompas.sources.reading.tables import RawRow, Source, open_source
from kompas.sources.records import ParseError

TIDY_MARKERS = ("crime_type_code", "incident_type_code")


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the observations and measures of a StatLine export or a tidy police series."""
    opts = Options(options, path.name)
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    if opts.errors:
        yield error_chunk(opts.errors, encoding=source.encoding)
        return
    preamble, first = _split_preamble(source)
    if first is None:
        yield error_chunk([_empty(source)], encoding=source.encoding)
        return
    if any(text.strip().casefold() in TIDY_MARKERS for text in first.fields):
        yield from _statline_tidy.chunks(source, first, opts)
    else:
        yield from _statline_wide.chunks(source, preamble, first)


def _split_preamble(source: Source) -> tuple[list[RawRow], RawRow | None]:
    """Return the title lines and the first row with more than one field (rows stay in source)."""
    preamble: list[RawRow] = []
    for raw in source.rows:
        if len([text for text in raw.fields if text.strip()]) > 1:
            return preamble, raw
        preamble.append(raw)
    return preamble, None


def _empty(source: Source) -> ParseError:
    expected = _("een StatLine-export (Onderwerp/Perioden/Regio's) of een reeks met crime_type_code")
    return ParseError(source.file, 1, _("(bestand)"), "", expected, _("bevat geen tabel"))
