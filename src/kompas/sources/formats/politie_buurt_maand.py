# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``politie-buurt-maand``: registered offences per buurt × month × offence type.

The shape of the Den Haag panel (``jaar, maand, wijk_code, buurt_code, delict_code, aantal``) and
of national 47022NED extracts; the period may also be one column ``perioden`` with codes such as
``2020MM01`` (or ``2023JJ00`` for a year). A StatLine download of 47018NED or 47022NED with its
own column names (``WijkenEnBuurten, SoortMisdrijf, Perioden, GeregistreerdeMisdrijven_1``) is
read the same way. Offence codes are those of the Den Haag panel (``104``) or 47022NED keys
(``1.1.1``). Zeros are real zeros (nothing registered); empty and ``.`` cells are absent.

Large files take the fast path (:mod:`kompas.sources.reading.blocks`): pyarrow parses blocks of lines and
every check runs on whole columns; only rows that fail a check are read one by one, to name the
exact error. One file's observations must be unique per offence type, buurt and month.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources import codelists, measures
from kompas.sources.formats import _buurt_maand_fast, _buurt_maand_rows
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.options import Options
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import Table, open_source, open_table
from kompas.sources.records import MeasureRecord, ParseError

REQUIRED = ("buurt_code", "delict_code", "aantal")
DENHAAG_SOURCE = "Politie eenheid Den Haag (hoeveiligismijnwijk.nl)"
# The columns of a StatLine download (47018NED, 47022NED) and the names this format reads them by.
STATLINE_COLUMNS = {
    "WijkenEnBuurten": "buurt_code",
    "SoortMisdrijf": "delict_code",
    "Perioden": "perioden",
    "GeregistreerdeMisdrijven_1": "aantal",
}


def offence_measures() -> dict[str, MeasureRecord]:
    """Return the measures of every known offence code: Den Haag codes and 47022NED keys."""
    found = {
        code: MeasureRecord(
            f"politie_delict_{code}", name, _("aantal"), DENHAAG_SOURCE, _("geen licentie vermeld")
        )
        for code, name in codelists.denhaag_offences().items()
    }
    return found | {key: measures.crime_measure(key) for key in codelists.crime_types()}


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the file as chunks of observations (about 100.000 rows each), then the measures."""
    opts = Options(options, path.name)
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    table = open_table(source, REQUIRED)
    if isinstance(table, list):
        table = _statline_table(path, opts) or table
    if isinstance(table, list):
        yield error_chunk(opts.errors + table, encoding=source.encoding)
        return
    problems = opts.errors + _period_columns_missing(table)
    if problems:
        yield error_chunk(problems, encoding=source.encoding)
        return
    context = _context(table)
    tracker = KeyTracker(path.name, context.key_columns)
    used: set[str] = set()
    if source.spreadsheet:
        chunks = stream_rows(
            table.rows(),
            lambda row: _buurt_maand_rows.parse_row(context, row),
            encoding="xlsx",
            tracker=tracker,
        )
    else:
        chunks = _buurt_maand_fast.chunks(path, table, context, tracker)
    for chunk in chunks:
        used.update(chunk.observations.table.column("measure_code").unique().to_pylist())
        yield chunk
    yield Chunk(measures=tuple(m for m in context.offences.values() if m.code in used))


def _statline_table(path: Path, opts: Options) -> Table | None:
    """Return the table of a StatLine 47018NED/47022NED download with its columns under our names.

    StatLine names the columns ``WijkenEnBuurten``, ``SoortMisdrijf``, ``Perioden`` and
    ``GeregistreerdeMisdrijven_1``; messages keep naming the file's own columns.
    """
    table = open_table(open_source(path, opts), tuple(STATLINE_COLUMNS))
    if isinstance(table, list):
        return None
    for statline, ours in STATLINE_COLUMNS.items():
        table.columns[ours] = table.columns[statline.casefold()]
    return table


def _period_columns_missing(table: Table) -> list[ParseError]:
    if table.has("perioden") or (table.has("jaar") and table.has("maand")):
        return []
    expected = _("de kolommen jaar en maand, of een kolom perioden")
    return [ParseError(table.file, table.header_line, "jaar", "", expected, _("ontbreekt in de kopregel"))]


def _context(table: Table) -> _buurt_maand_rows.Context:
    monthly = table.has("jaar") and table.has("maand")
    return _buurt_maand_rows.Context(
        table.file, table.source.numbers, offence_measures(), monthly, table.has("wijk_code")
    )
