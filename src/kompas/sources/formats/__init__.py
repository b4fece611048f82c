# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The source formats Kompas reads, registered by name (``kompas import FILE --format NAME``).

Every format module offers ``iter_chunks(path, *, options=None)``, which streams a file of any size
as chunks; :meth:`Format.parse` gathers them into one ``ParseResult`` for files that fit in memory.
Modules whose name starts with ``_`` are parts of formats, not formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources.reading import limits
from kompas.sources.reading.chunks import Chunk, collect
from kompas.sources.records import ParseResult

Options = Mapping[str, object] | None


@dataclass(frozen=True)
class Format:
    """A registered format: its name, module and a one-line Dutch description."""

    name: str
    module: str
    description: str

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
FORMATS: dict[str, Format] = {
    entry.name: entry
    for entry in (
        Format(
            "cbs-gebieden", f"{_PACKAGE}.cbs_gebieden", "CBS-gebiedsgrenzen (GeoJSON, TopoJSON, shapefile)"
        ),
        Format(
            "cbs-bevolking",
            f"{_PACKAGE}.cbs_bevolking",
            "CBS-bevolking per buurt, kerncijfers per wijk en de bevolking van Nederland (83474NED)",
        ),
        Format("politie-statline", f"{_PACKAGE}.politie_statline", "Politiecijfers uit StatLine (47022NED)"),
        Format(
            "politie-buurt-maand", f"{_PACKAGE}.politie_buurt_maand", "Misdrijven per buurt, maand en soort"
        ),
        Format("misdaad-in-kaart", f"{_PACKAGE}.misdaad_in_kaart", "Woninginbraken per postcode en dag"),
        Format("veiligheidsmonitor", f"{_PACKAGE}.veiligheidsmonitor", "Veiligheidsmonitor met 95%-marges"),
        Format("meldingen", f"{_PACKAGE}.meldingen", "Meldingen openbare ruimte (Signalen)"),
        Format("incidenten", f"{_PACKAGE}.incidenten", "Incidenten met tijdstip en coördinaten"),
        Format("mapping", f"{_PACKAGE}.mapping", "Eigen bestand met een importbeschrijving (TOML)"),
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
