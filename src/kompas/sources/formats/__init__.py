# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The source formats Kompas reads, registered by name (``kompas import FILE --format NAME``).

Every format module offers ``iter_chunks(path, *, options=None)``, which streams a file of any size
as chunks; :meth:`Format.parse` gathers them into one ``ParseResult`` for files that fit in memory.
Modules whose name starts with ``_`` are parts of formats, not formats. Each format names the
options it reads: an option it does not know is an error with the nearest known name, never
silently ignored (``timzone=`` would otherwise leave the time zone at its default).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources.reading import limits
from kompas.sources.reading.chunks import Chunk, collect
from kompas.sources.records import ParseError, ParseResult

Options = Mapping[str, object] | None


@dataclass(frozen=True)
class Format:
    """A registered format: its name, module and a one-line Dutch description."""

    name: str
    module: str
    description: str
    options: tuple[str, ...] = ()

    def parse(self, path: Path, *, options: Options = None) -> ParseResult:
        """Read ``path`` whole with this format; a file beyond a read limit is that one error."""
        try:
            return collect(path.name, self.name, self._chunks(path, options))
        except limits.LimitExceededError as exceeded:
            return ParseResult(path.name, self.name, errors=(exceeded.error(path.name),), error_count=1)

    def iter_chunks(self, path: Path, *, options: Options = None) -> Iterator[Chunk]:
        """Stream ``path`` with this format; reading stops with an error at a read limit."""
        return limits.guarded(path.name, self._chunks(path, options))

    def _chunks(self, path: Path, options: Options) -> Iterator[Chunk]:
        # Imported on first use, so that naming the formats (the import form, the CLI) loads no reader.
        function: Callable[..., Iterator[Chunk]] = import_module(self.module).iter_chunks
        return function(path, options=options)


_PACKAGE = __name__
# The options of every table read by kompas.sources.reading.tables.open_source.
TABLE = ("encoding", "delimiter", "decimal", "sheet")
GEOMETRY = ("year", "crs", "code_property", "name_property")
FORMATS: dict[str, Format] = {
    entry.name: entry
    for entry in (
        Format(
            "cbs-gebieden",
            f"{_PACKAGE}.cbs_gebieden",
            "CBS-gebiedsgrenzen (GeoJSON, TopoJSON, shapefile)",
            GEOMETRY,
        ),
        Format(
            "cbs-bevolking",
            f"{_PACKAGE}.cbs_bevolking",
            "CBS-bevolking per buurt, kerncijfers per wijk en de bevolking van Nederland (83474NED)",
            (*TABLE, *GEOMETRY, "area"),
        ),
        Format(
            "politie-statline",
            f"{_PACKAGE}.politie_statline",
            "Politiecijfers uit StatLine (47022NED)",
            (*TABLE, "area"),
        ),
        Format(
            "politie-buurt-maand",
            f"{_PACKAGE}.politie_buurt_maand",
            "Misdrijven per buurt, maand en soort",
            TABLE,
        ),
        Format(
            "misdaad-in-kaart",
            f"{_PACKAGE}.misdaad_in_kaart",
            "Woninginbraken per postcode en dag",
            (*TABLE, "date_format"),
        ),
        Format(
            "veiligheidsmonitor", f"{_PACKAGE}.veiligheidsmonitor", "Veiligheidsmonitor met 95%-marges", TABLE
        ),
        Format(
            "meldingen",
            f"{_PACKAGE}.meldingen",
            "Meldingen openbare ruimte (Signalen)",
            (*TABLE, "areas", "period"),
        ),
        Format(
            "incidenten",
            f"{_PACKAGE}.incidenten",
            "Incidenten met tijdstip en coördinaten",
            (*TABLE, "timezone", "crs", "bbox", "area_column", "type_column", "x_column", "y_column"),
        ),
        Format(
            "mapping",
            f"{_PACKAGE}.mapping",
            "Eigen bestand met een importbeschrijving (TOML)",
            (*TABLE, "mapping"),
        ),
    )
}


class UnknownFormatError(KeyError):
    """The format name is not registered."""


def get(name: str) -> Format:
    """Return the format called ``name``; raise :class:`UnknownFormatError` with the known names."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise UnknownFormatError(
            _("Onbekend formaat %(name)s; bekend zijn: %(known)s.") % {"name": name, "known": known}
        ) from None


def unknown_options(reader: Format, given: Mapping[str, object], file: str) -> list[ParseError]:
    """Return an error for every option ``reader`` does not read, with the nearest known name."""
    errors = []
    for name in sorted(set(given) - set(reader.options)):
        errors.append(
            ParseError(
                file,
                0,
                _("optie %(name)s") % {"name": name},
                name,
                _("een van de opties van %(format)s: %(known)s")
                % {"format": reader.name, "known": ", ".join(reader.options) or _("(geen)")},
                unknown(name, reader.options),
            )
        )
    return errors


def unknown(name: str, known: tuple[str, ...] | list[str]) -> str:
    """Return "is onbekend", with "bedoelde u …?" when a known name is close to ``name``."""
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return _("is onbekend; bedoelde u %(name)s?") % {"name": close[0]}
    return _("is onbekend")
