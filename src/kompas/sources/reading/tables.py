# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Tables row by row, from delimited text (plain or gzip) and XLSX alike.

:func:`open_source` yields every physical row with its line number; :func:`open_table` finds the
header below any title lines (StatLine exports start with a few), and :meth:`Table.rows` yields
data rows, skipping blank lines and a footer such as ``Bron: Politie``, and reporting rows that are
short, too long or not decodable.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.sources.reading import csvdialect, encoding, limits
from kompas.sources.reading.cells import Invalid, Row, show_bytes
from kompas.sources.reading.numbers import CONVENTIONS, POINT, NumberFormat, for_delimiter
from kompas.sources.reading.options import Options
from kompas.sources.records import ParseError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_SCAN = 50
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
# A footer line names the source or explains symbols; a "Dimension: value" line has no digit before
# its colon (a data row cut short after a timestamp does).
_FOOTER = re.compile(
    r"(bron|source|©|copyright|centraal bureau|cbs|verklaring|toelichting)\b|[^\d:]+:", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class RawRow:
    """One physical row: first line number, fields, undecodable bytes and a reader problem."""

    line: int
    fields: list[str]
    bad: bytes = b""
    problem: str = ""


@dataclass
class Source:
    """An opened table file: its name, encoding, separator and raw rows."""

    file: str
    encoding: str
    delimiter: str
    numbers: NumberFormat
    rows: Iterator[RawRow]
    spreadsheet: bool = False


def is_spreadsheet(path: Path) -> bool:
    """Return whether ``path`` is an XLSX workbook (by suffix or zip signature)."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return True
    with path.open("rb") as probe:
        return probe.read(4) == b"PK\x03\x04" and zipfile.is_zipfile(path)


def open_source(path: Path, options: Options, numbers: NumberFormat | None = None) -> Source:
    """Open ``path`` for raw rows; ``numbers`` is the format's convention, the option ``decimal``
    overrides it. Raises :class:`Invalid` when the file cannot be read as a table at all."""
    numbers = options.parsed("decimal", _convention, numbers) if options.has("decimal") else numbers
    if is_spreadsheet(path):
        rows = _xlsx_rows(path, options.text("sheet"))
        return Source(path.name, "xlsx", "", POINT, rows, spreadsheet=True)
    codec, delimiter = _dialect(path, options)
    rows = _csv_rows(path, codec, delimiter)
    return Source(path.name, codec, delimiter, numbers or for_delimiter(delimiter), rows)


def _dialect(path: Path, options: Options) -> tuple[str, str]:
    with encoding.open_binary(path) as stream:
        head = stream.read(encoding.SAMPLE)
    codec = options.parsed("encoding", encoding.canonical, "") or encoding.detect(head)
    sample = head.decode(codec, errors="replace").splitlines()[:30]
    delimiter = options.parsed("delimiter", csvdialect.canonical, "") or csvdialect.sniff(sample)
    return codec, delimiter


def detected(path: Path, options: Options) -> dict[str, tuple[str, bool]]:
    """Return how :func:`open_source` reads ``path``: encoding, delimiter and decimal mark, each
    with whether it was given (an option) rather than detected or derived."""
    if is_spreadsheet(path):
        return {}
    try:
        codec, delimiter = _dialect(path, options)
    except (OSError, Invalid):
        return {}
    decimal = options.text("decimal") or for_delimiter(delimiter).decimal
    return {
        "encoding": (codec, options.has("encoding")),
        "delimiter": ("tab" if delimiter == "\t" else delimiter, options.has("delimiter")),
        "decimal": (decimal, options.has("decimal")),
    }


def _convention(text: str) -> NumberFormat:
    convention = CONVENTIONS.get(text.strip().lower())
    if convention is None:
        raise Invalid(_("is geen bekende getalnotatie"), _('"," (23,4 en 1.743) of "." (23.4 en 1743)'))
    return convention


def _csv_rows(path: Path, codec: str, delimiter: str) -> Iterator[RawRow]:
    with encoding.open_binary(path) as stream:
        yield from csv_rows(encoding.iter_lines(stream, codec), delimiter)


def csv_rows(lines: Iterable[tuple[str, bytes]], delimiter: str, first_line: int = 1) -> Iterator[RawRow]:
    """Yield the rows of decoded ``lines`` (text, undecodable bytes), numbered from ``first_line``.

    A quoted field may span lines; a row's number is the line it starts on.
    """
    bad_lines: dict[int, bytes] = {}

    def texts() -> Iterator[str]:
        for number, (text, bad) in enumerate(lines, start=first_line):
            if bad:
                bad_lines[number] = bad
            yield text + "\n"

    reader = csv.reader(texts(), delimiter=delimiter)
    end = first_line - 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            end = first_line - 1 + reader.line_num
            yield RawRow(end, [], problem=str(error))
            continue
        start, end = end + 1, first_line - 1 + reader.line_num
        bad = b"".join(bad_lines.pop(n, b"") for n in range(start, end + 1)) if bad_lines else b""
        yield RawRow(start, fields, bad)


def _xlsx_rows(path: Path, sheet: str) -> Iterator[RawRow]:
    """Yield the rows of a worksheet, within the unpacking and cell limits (:mod:`.limits`)."""
    from openpyxl import load_workbook  # heavy, and needed for spreadsheets only

    within = limits.current()
    try:
        limits.check_zip(path, within)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        yield RawRow(0, [], problem=str(error) or type(error).__name__)
        return
    try:
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        yield from _worksheet_rows(worksheet, within)
    except KeyError:
        yield RawRow(0, [], problem=_("werkblad %(sheet)s bestaat niet") % {"sheet": sheet})
    finally:
        workbook.close()


def _worksheet_rows(worksheet: Worksheet, within: limits.ReadLimits) -> Iterator[RawRow]:
    # Reading pads every row to the size the sheet declares, so a declared size is a cost too.
    declared = (worksheet.max_row or 0) * (worksheet.max_column or 0)
    if declared > within.xlsx_cells:
        dimension = worksheet.calculate_dimension()
        raise limits.too_many_cells(within, worksheet.title, dimension=dimension, declared=declared)
    cells = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells += len(values)
        if cells > within.xlsx_cells:
            raise limits.too_many_cells(within, worksheet.title, row=number)
        yield RawRow(number, [_cell_text(value) for value in values])


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass
class Table:
    """A table with a header: the header's names and position, and the remaining raw rows."""

    source: Source
    header: list[str]
    header_line: int
    columns: dict[str, int] = field(default_factory=dict)
    footer: list[RawRow] = field(default_factory=list)

    @property
    def file(self) -> str:
        """Return the file name used in messages."""
        return self.source.file

    def has(self, column: str) -> bool:
        """Return whether the header has ``column`` (compared without case)."""
        return column.casefold() in self.columns

    def rows(self) -> Iterator[Row | list[ParseError]]:
        """Yield each data row, or the errors that make it unreadable, in file order."""
        pending: list[RawRow] = []
        for raw in self.source.rows:
            if raw.problem:
                yield [self._error(raw.line, _("(hele regel)"), "", raw.problem, _("een leesbare regel"))]
                continue
            filled = [text for text in raw.fields if text.strip()]
            if not filled:
                continue
            if len(filled) == 1 and len(self.columns) > 1 and _FOOTER.match(raw.fields[0].strip()):
                pending.append(raw)
                continue
            for held in pending:
                yield self.check_row(held)  # a footer line followed by data was a short row
            pending.clear()
            yield self.check_row(raw)
        self.footer = pending

    def check_row(self, raw: RawRow) -> Row | list[ParseError]:
        """Return ``raw`` as a Row, or the errors of its shape and encoding."""
        errors = self._shape_errors(raw)
        if raw.bad:
            errors.append(self._bad_bytes(raw))
        return errors or Row(self.file, raw.line, raw.fields, self.columns, self.header)

    def _shape_errors(self, raw: RawRow) -> list[ParseError]:
        width = len(self.header)
        if len(raw.fields) < width:
            missing = self.header[len(raw.fields)]
            expected = _("%(width)s kolommen; de regel heeft er %(count)s") % {
                "width": width,
                "count": len(raw.fields),
            }
            return [self._error(raw.line, missing, "", "", expected)]
        extra = [i for i in range(width, len(raw.fields)) if raw.fields[i].strip()]
        if extra:
            column = _("kolom %(number)s") % {"number": extra[0] + 1}
            expected = _("niet meer dan %(width)s gevulde kolommen") % {"width": width}
            return [self._error(raw.line, column, raw.fields[extra[0]], _("staat buiten de kop"), expected)]
        return []

    def _bad_bytes(self, raw: RawRow) -> ParseError:
        index = next((i for i, text in enumerate(raw.fields) if "\ufffd" in text), 0)
        column = (
            self.header[index] if index < len(self.header) else _("kolom %(number)s") % {"number": index + 1}
        )
        expected = _("tekst in %(encoding)s (geef anders de codering op, bijvoorbeeld cp1252)") % {
            "encoding": self.source.encoding
        }
        return self._error(raw.line, column, show_bytes(raw.bad), _("is geen geldige tekst"), expected)

    def _error(self, line: int, column: str, value: str, problem: str, expected: str) -> ParseError:
        return ParseError(self.file, line, column, value, expected, problem)


def open_table(source: Source, required: Sequence[str]) -> Table | list[ParseError]:
    """Find the header row (the first of the first 50 rows naming every ``required`` column).

    Rows above it are title lines and skipped; trailing empty header cells are dropped.
    """
    wanted = {name.casefold() for name in required}
    first: RawRow | None = None
    for raw in source.rows:
        names = [text.strip().lstrip("\ufeff") for text in raw.fields]
        if raw.problem or not any(names):
            continue
        first = first or raw
        if wanted <= {name.casefold() for name in names}:
            while names and not names[-1]:
                names.pop()
            columns = {name.casefold(): index for index, name in reversed(list(enumerate(names)))}
            return Table(source, names, raw.line, columns)
        if raw.line >= HEADER_SCAN:
            break
    return _missing_header(source, first, required)


def _missing_header(source: Source, first: RawRow | None, required: Sequence[str]) -> list[ParseError]:
    present = {text.strip().casefold() for text in first.fields} if first else set()
    missing = [name for name in required if name.casefold() not in present] or list(required)
    expected = _("een kopregel met de kolommen %(columns)s") % {"columns": ", ".join(required)}
    line = first.line if first else 1
    found = ", ".join(first.fields) if first else ""
    return [ParseError(source.file, line, missing[0], found[:200], expected, _("mist deze kolom"))]
