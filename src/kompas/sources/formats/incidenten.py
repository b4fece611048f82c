# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``incidenten``: geocoded incidents with a type and a time, kept as events.

The coordinate system is declared, never guessed: with the option ``crs`` (for example
``EPSG:26910`` for Vancouver's UTM coordinates or ``EPSG:28992`` for RD New) the columns ``X``/``Y``
(or ``x_column``/``y_column``) are read; without it, ``lon``/``lat`` columns are read as WGS84.
Coordinates 0/0 (a privacy offset) and empty coordinates mean: no location. A location that does
not transform to a real place on earth, or lies outside the option ``bbox`` (west,south,east,north
in WGS84), is an error.

Time: ``YEAR, MONTH, DAY, HOUR, MINUTE`` columns or one ``datetime`` column (ISO 8601), local time
of the option ``timezone``, which is required: a zone is never guessed. Type: column ``TYPE`` (option
``type_column``). Option ``area_column`` names a column with the area of each incident.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import gettext as _

from kompas.sources.formats import _incident_rows
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.options import Options
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import Table, open_source, open_table
from kompas.sources.records import ParseError


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the incidents as events, 50.000 per chunk."""
    opts = Options(options, path.name)
    zone = opts.parsed("timezone", _zone, ZoneInfo("UTC"))
    if not opts.has("timezone"):  # a guessed zone moves every incident by hours, silently
        opts.errors.append(
            ParseError(
                path.name,
                0,
                _("optie timezone"),
                "",
                _(
                    "de tijdzone van de tijdstippen in het bestand, zoals --option "
                    "timezone=Europe/Amsterdam, of een standaard van de organisatie (kompas import configure)"
                ),
            )
        )
    bbox = opts.parsed("bbox", _bbox, None)
    type_column = opts.text("type_column", "TYPE")
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    table = open_table(source, (type_column,))
    if isinstance(table, list) or opts.errors:
        yield error_chunk(opts.errors + (table if isinstance(table, list) else []), encoding=source.encoding)
        return
    layout = _layout(table, opts, type_column, zone, bbox)
    if isinstance(layout, ParseError):
        yield error_chunk([layout], encoding=source.encoding)
        return
    yield from stream_rows(table.rows(), partial(_incident_rows.parse_row, layout), encoding=source.encoding)


def _layout(
    table: Table,
    opts: Options,
    type_column: str,
    zone: ZoneInfo,
    bbox: tuple[float, float, float, float] | None,
) -> _incident_rows.Layout | ParseError:
    crs = opts.text("crs")
    x, y = (opts.text("x_column", "X"), opts.text("y_column", "Y")) if crs else ("lon", "lat")
    time_columns = (
        _incident_rows.TIME_PARTS if all(table.has(c) for c in _incident_rows.TIME_PARTS) else ("datetime",)
    )
    needed = [x, y, *time_columns] + ([opts.text("area_column")] if opts.has("area_column") else [])
    missing = [column for column in needed if not table.has(column)]
    if missing:
        expected = _("de kolommen %(columns)s, of de optie crs met X/Y-kolommen") % {
            "columns": ", ".join(needed)
        }
        return ParseError(
            table.file, table.header_line, missing[0], "", expected, _("ontbreekt in de kopregel")
        )
    try:
        transform = _incident_rows.Projection(crs or _incident_rows.WGS84, bbox)
    except Invalid as invalid:
        return ParseError(table.file, 0, _("optie crs"), crs, invalid.expected, invalid.problem)
    return _incident_rows.Layout(type_column, x, y, time_columns, zone, opts.text("area_column"), transform)


def _zone(text: str) -> ZoneInfo:
    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(_("is geen bekende tijdzone"), _("een IANA-tijdzone zoals Europe/Amsterdam")) from None


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise Invalid(
            _("is geen geldig kader"), _("west,zuid,oost,noord in graden, zoals 4.7,52.3,5.1,52.5")
        ) from None
    return west, south, east, north
