# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``politie-buurt-maand``: registered offences per buurt × month × offence type.

The shape of the Den Haag panel (``jaar, maand, wijk_code, buurt_code, delict_code, aantal``) and
of national 47022NED extracts; the period may also be one column ``perioden`` with codes such as
``2020MM01`` (or ``2023JJ00`` for a year). A StatLine download of 47018NED or 47022NED with its
own column names (``WijkenEnBuurten, SoortMisdrijf, Perioden, GeregistreerdeMisdrijven_1``) is
read the same way. Offence codes are those of the Den Haag panel (``104``) or 47022NED keys
(``1.1.1``). Zeros are real zeros (nothing registered); empty and ``.`` cells are absent.

Large files take the fast path (:mod:`kompas.sources.blocks`): pyarrow parses blocks of lines and
every check runs on whole columns; only rows that fail a check are read one by one, to name the
exact error. One file's observations must be unique per offence type, buurt and month.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources import areacodes, codelists, measures
from kompas.sources.cells import Invalid, Row, RowCheck
from kompas.sources.chunks import Chunk, collect, error_chunk
from kompas.sources.duplicates import KeyTracker
from kompas.sources.formats import buurt_maand_fast
from kompas.sources.numbers import NumberFormat, parse_count
from kompas.sources.options import Options
from kompas.sources.periods import Period, check_year, parse_month, parse_period_code
from kompas.sources.records import (
    AreaLevel,
    MeasureRecord,
    ObservationRecord,
    ParseError,
    ParseResult,
    PeriodLength,
)
from kompas.sources.streaming import stream_rows
from kompas.sources.tables import Table, open_source, open_table

NAME = "politie-buurt-maand"
REQUIRED = ("buurt_code", "delict_code", "aantal")
DENHAAG_SOURCE = "Politie eenheid Den Haag (hoeveiligismijnwijk.nl)"
# The columns of a StatLine download (47018NED, 47022NED) and the names this format reads them by.
STATLINE_COLUMNS = {
    "WijkenEnBuurten": "buurt_code",
    "SoortMisdrijf": "delict_code",
    "Perioden": "perioden",
    "GeregistreerdeMisdrijven_1": "aantal",
}


@dataclass(frozen=True)
class Context:
    """What every row of one file is checked against."""

    file: str
    numbers: NumberFormat
    offences: Mapping[str, MeasureRecord]
    monthly_columns: bool
    has_wijk: bool

    @property
    def key_columns(self) -> str:
        """Return the columns that together form an observation's key, as the header names them."""
        period = "jaar, maand" if self.monthly_columns else "perioden"
        return f"delict_code, buurt_code, {period}"


def offence_measures() -> dict[str, MeasureRecord]:
    """Return the measures of every known offence code: Den Haag codes and 47022NED keys."""
    found = {
        code: MeasureRecord(
            f"politie_delict_{code}", name, _("aantal"), DENHAAG_SOURCE, _("geen licentie vermeld")
        )
        for code, name in codelists.denhaag_offences().items()
    }
    return found | {key: measures.crime_measure(key) for key in codelists.crime_types()}


def parse(path: Path, *, options: Mapping[str, object] | None = None) -> ParseResult:
    """Read a whole file into one :class:`ParseResult`."""
    return collect(path.name, NAME, iter_chunks(path, options=options))


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
            table.rows(), lambda row: parse_row(context, row), encoding="xlsx", tracker=tracker
        )
    else:
        chunks = buurt_maand_fast.chunks(path, table, context, tracker)
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


def _context(table: Table) -> Context:
    monthly = table.has("jaar") and table.has("maand")
    return Context(table.file, table.source.numbers, offence_measures(), monthly, table.has("wijk_code"))


def parse_row(context: Context, row: Row) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    """Check one row; return its observation (none when the count is absent) or its errors."""
    check = RowCheck(row)
    period = _period(check, context)
    buurt = check.take("buurt_code", lambda text: areacodes.check(text, AreaLevel.BUURT))
    if context.has_wijk and buurt is not None:
        _check_wijk(check, buurt)
    measure = check.take("delict_code", lambda text: _offence(context, text))
    count = check.take("aantal", lambda text: parse_count(text, context.numbers))
    if not check.ok or count is None or period is None or buurt is None or measure is None:
        return [], check.errors
    record = ObservationRecord(measure.code, buurt, period.start, period.length, float(count), line=row.line)
    return [record], []


def _period(check: RowCheck, context: Context) -> Period | None:
    if not context.monthly_columns:
        return check.take("perioden", parse_period_code)
    year = check.take(
        "jaar", lambda text: check_year(int(text)) if text.isascii() and text.isdigit() else _bad_year()
    )
    month = check.take("maand", parse_month)
    if year is None or month is None:
        return None
    return Period(date(year, month, 1), PeriodLength.MONTH)


def _bad_year() -> int:
    raise Invalid(_("is geen geldig jaar"), _("een jaar van vier cijfers, zoals 2024"))


def _check_wijk(check: RowCheck, buurt: str) -> None:
    wijk = check.row.text("wijk_code")
    expected = "WK" + buurt[2:8]
    if wijk != expected:
        check.fail(
            "wijk_code",
            wijk,
            _("hoort niet bij buurt %(buurt)s") % {"buurt": buurt},
            _("de wijkcode %(wijk)s") % {"wijk": expected},
        )


def _offence(context: Context, text: str) -> MeasureRecord:
    measure = context.offences.get(text)
    if measure is None:
        raise Invalid(
            _("is geen bekende delictcode"),
            _("een code uit delict_codes.csv (100 tot en met 117) of een 47022NED-soort zoals 1.1.1"),
        )
    return measure
