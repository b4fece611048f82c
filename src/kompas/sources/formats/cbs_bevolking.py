# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``cbs-bevolking``: denominators from CBS — inhabitants, households, dwellings.

Reads
* inhabitants per buurt (``buurt_code, inwoners[, gemeente_code]``, CBS 85984NED): one
  observation ``inwoners`` per buurt for 1 January of the year in the option ``year`` or the file
  name; ``gemeente_code`` must match the buurt code;
* CBS kerncijfers wijken en buurten with kwb variable names (``gwb_code, year, a_inw, a_hh, …``),
  one observation per known variable, area and year; other columns are ignored;
* the national population per month (CBS 83474NED, ``Perioden,
  BevolkingAanHetBeginVanDePeriode_1, …``): one observation ``inwoners`` per year, the stock at
  the start of January (``YYYYMM01``) as the stock on 1 January like every other ``inwoners``
  value; the other months and the year rows (``YYYYJJ00``) are read but not stored, as a rate
  uses one stock per year (``docs/indicators.md`` §9). The area is the option ``area``, by
  default Nederland (``NL00``), the only area of that table;
* the matching boundaries (shapefile, GeoJSON) as areas, exactly as ``cbs-gebieden`` does.

Missing values (``.``, empty) are absent; values are checked to be counts of 0 or more.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.areas import codes
from kompas.areas.levels import AreaLevel
from kompas.observations.periods import PeriodLength
from kompas.sources.formats import cbs_gebieden
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.duplicates import KeyTracker
from kompas.sources.reading.features import open_features
from kompas.sources.reading.numbers import NumberFormat, parse_count, parse_number
from kompas.sources.reading.options import Options
from kompas.sources.reading.periods import parse_period_code, parse_year
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import Table, open_source, open_table
from kompas.sources.records import MeasureRecord, ObservationRecord, ParseError

CBS = "CBS (Kerncijfers wijken en buurten)"
LICENCE = "CC-BY 4.0"
GEO_SUFFIXES = (".shp", ".geojson", ".json", ".topojson")
# The column of 83474NED with the population at the start of each period.
MONTHLY_STOCK = "BevolkingAanHetBeginVanDePeriode_1"


def _measure(code: str, name: str, unit: str = "aantal") -> MeasureRecord:
    return MeasureRecord(code, name, unit, CBS, LICENCE, f"CBS-kerncijfer: {name.lower()} op 1 januari")


# kwb variable → (measure, whether the value is a count).
KWB = {
    "a_inw": (_measure("inwoners", "Inwoners"), True),
    "a_man": (_measure("inwoners_mannen", "Mannen"), True),
    "a_vrouw": (_measure("inwoners_vrouwen", "Vrouwen"), True),
    "a_hh": (_measure("huishoudens", "Huishoudens"), True),
    "a_1p_hh": (_measure("huishoudens_eenpersoons", "Eenpersoonshuishoudens"), True),
    "a_hh_z_k": (_measure("huishoudens_zonder_kinderen", "Huishoudens zonder kinderen"), True),
    "a_hh_m_k": (_measure("huishoudens_met_kinderen", "Huishoudens met kinderen"), True),
    "a_woning": (_measure("woningen", "Woningvoorraad"), True),
    "bev_dich": (_measure("bevolkingsdichtheid", "Bevolkingsdichtheid", "inwoners per km²"), False),
    "a_lan_ha": (_measure("oppervlakte_land", "Oppervlakte land", "ha"), False),
}


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the observations (or, for boundary files, the areas) of ``path``."""
    opts = Options(options, path.name)
    if path.suffix.lower() in GEO_SUFFIXES:
        yield from _boundaries(path, opts)
        return
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    layout = _layout(path)
    table = open_table(source, (layout,))
    if isinstance(table, list):
        yield error_chunk(opts.errors + table, encoding=source.encoding)
        return
    if layout == "gwb_code":
        yield from _kwb(table, opts)
    elif layout == MONTHLY_STOCK:
        yield from _national(table, opts)
    else:
        yield from _buurten(table, opts, path)


def _layout(path: Path) -> str:
    """Return the column that tells the file's layout: kwb, 83474NED or inhabitants per buurt."""
    with path.open("rb") as probe:
        head = probe.read(4096)
    for column in ("gwb_code", MONTHLY_STOCK):
        if column.encode() in head:
            return column
    return "inwoners"


def _boundaries(path: Path, opts: Options) -> Iterator[Chunk]:
    year = opts.parsed("year", parse_year, 0) or cbs_gebieden.year_in_name(path)
    source = open_features(path)
    if isinstance(source, ParseError) or not year or opts.errors:
        problems = opts.errors + ([source] if isinstance(source, ParseError) else [])
        yield error_chunk(problems or [cbs_gebieden.no_year(path)])
        return
    yield from cbs_gebieden.chunks(source, year, opts)


def _buurten(table: Table, opts: Options, path: Path) -> Iterator[Chunk]:
    year = opts.parsed("year", parse_year, 0) or cbs_gebieden.year_in_name(path)
    if not year or opts.errors or not table.has("buurt_code"):
        missing = [] if table.has("buurt_code") else [_missing(table, "buurt_code")]
        yield error_chunk(opts.errors + missing + ([] if year else [cbs_gebieden.no_year(path)]))
        return
    tracker = KeyTracker(table.file, "buurt_code")
    parse_row = partial(_buurt_row, table.source.numbers, date(year, 1, 1), table.has("gemeente_code"))
    yield from stream_rows(table.rows(), parse_row, encoding=table.source.encoding, tracker=tracker)
    yield Chunk(measures=(KWB["a_inw"][0],))


def _missing(table: Table, column: str) -> ParseError:
    expected = _("een kolom %(column)s") % {"column": column}
    return ParseError(table.file, table.header_line, column, "", expected, _("ontbreekt in de kopregel"))


def _buurt_row(
    numbers: NumberFormat, start: date, with_gemeente: bool, row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    buurt = check.take("buurt_code", lambda text: areacodes.check(text, AreaLevel.BUURT))
    count = check.take("inwoners", lambda text: parse_count(text, numbers))
    if with_gemeente and buurt is not None and row.text("gemeente_code") != "GM" + buurt[2:6]:
        expected = _("de gemeentecode GM%(code)s van de buurt") % {"code": buurt[2:6]}
        check.fail(
            "gemeente_code",
            row.text("gemeente_code"),
            _("hoort niet bij buurt %(buurt)s") % {"buurt": buurt},
            expected,
        )
    if not check.ok or buurt is None or count is None:
        return [], check.errors
    return [ObservationRecord("inwoners", buurt, start, PeriodLength.YEAR, float(count), line=row.line)], []


def _kwb(table: Table, opts: Options) -> Iterator[Chunk]:
    variables = [name for name in KWB if table.has(name)]
    year_in_file = table.has("year") or table.has("jaar")
    year = opts.parsed("year", parse_year, 0)
    if not variables or not (year_in_file or year) or opts.errors:
        column = "a_inw" if not variables else "year"
        yield error_chunk([*opts.errors, _missing(table, column)])
        return
    tracker = KeyTracker(table.file, "gwb_code, year")
    year_column = "year" if table.has("year") else "jaar" if table.has("jaar") else ""
    parse_row = partial(_kwb_row, table.source.numbers, variables, year_column, year)
    yield from stream_rows(table.rows(), parse_row, encoding=table.source.encoding, tracker=tracker)
    yield Chunk(measures=tuple(KWB[name][0] for name in variables))


def _kwb_row(
    numbers: NumberFormat, variables: list[str], year_column: str, year: int, row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    area = check.take("gwb_code", areacodes.check)
    found_year = check.take(year_column, parse_year) if year_column else year
    found: list[ObservationRecord] = []
    for name in variables:
        measure, is_count = KWB[name]
        value = check.take(
            name,
            (lambda text: parse_count(text, numbers))
            if is_count
            else (lambda text: _non_negative(text, numbers)),
        )
        if value is not None and area and found_year:
            found.append(
                ObservationRecord(
                    measure.code, area, date(found_year, 1, 1), PeriodLength.YEAR, float(value), line=row.line
                )
            )
    return (found, []) if check.ok else ([], check.errors)


def _non_negative(text: str, numbers: NumberFormat) -> float | None:
    value = parse_number(text, numbers)
    if value is not None and value < 0:
        raise Invalid(_("is negatief"), _("een getal van 0 of meer"))
    return value


def _national(table: Table, opts: Options) -> Iterator[Chunk]:
    area = opts.parsed("area", areacodes.check, codes.NETHERLANDS)
    if opts.errors or not table.has("Perioden"):
        yield error_chunk(opts.errors + ([] if table.has("Perioden") else [_missing(table, "Perioden")]))
        return
    tracker = KeyTracker(table.file, "Perioden")
    parse_row = partial(_national_row, table.source.numbers, area)
    yield from stream_rows(table.rows(), parse_row, encoding=table.source.encoding, tracker=tracker)
    yield Chunk(measures=(KWB["a_inw"][0],))


def _national_row(
    numbers: NumberFormat, area: str, row: Row
) -> tuple[Sequence[ObservationRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    period = check.take("Perioden", parse_period_code)
    count = check.take(MONTHLY_STOCK, lambda text: parse_count(text, numbers))
    if not check.ok or period is None or count is None:
        return [], check.errors
    if period.length is not PeriodLength.MONTH or period.start.month != 1:
        return [], []
    stock = ObservationRecord("inwoners", area, period.start, PeriodLength.YEAR, float(count), line=row.line)
    return [stock], []
