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

from kompas.sources import areacodes, measures
from kompas.sources.cells import Invalid
from kompas.sources.chunks import Chunk, collect, error_chunk
from kompas.sources.formats import survey_rows
from kompas.sources.options import Options
from kompas.sources.records import MeasureRecord, ParseError, ParseResult
from kompas.sources.tables import open_source, open_table

NAME = "veiligheidsmonitor"
SOURCE = "CBS, Veiligheidsmonitor"


def parse(path: Path, *, options: Mapping[str, object] | None = None) -> ParseResult:
    """Read a whole file into one :class:`ParseResult`."""
    return collect(path.name, NAME, iter_chunks(path, options=options))


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
    yield from (survey_rows.wide_chunks(table) if raw else survey_rows.tidy_chunks(table))


def _is_raw(path: Path) -> bool:
    with path.open("rb") as probe:
        return b"Waarde_" in probe.read(65536)


def measure(indicator: str, unit: str) -> MeasureRecord:
    """Return the measure of a survey indicator (hierarchy marks ``|`` removed)."""
    name = indicator.strip().strip("|").strip()
    return MeasureRecord("vm_" + measures.slug(name), name, unit.strip(), SOURCE, measures.CC_BY)


def area(text: str) -> str:
    """Return the area code of a province name, ``Nederland`` or a CBS code."""
    name = text.strip().removesuffix("(PV)").strip()
    if name.casefold() == "nederland":
        return areacodes.NETHERLANDS
    if name in areacodes.PROVINCES:
        return areacodes.PROVINCES[name]
    try:
        return areacodes.check(name)
    except Invalid:
        raise Invalid(
            _("is geen bekende regio"), _("een provincienaam zoals Overijssel, Nederland of een CBS-code")
        ) from None


def check_value(value: float, unit: str) -> float:
    """Return ``value`` when it fits its unit (percentages 0–100, report marks 1–10)."""
    if unit.startswith("%") and not 0 <= value <= 100:
        raise Invalid(_("ligt niet tussen 0 en 100"), _("een percentage van 0 tot en met 100"))
    if unit.casefold() == "rapportcijfer" and not 1 <= value <= 10:
        raise Invalid(_("ligt niet tussen 1 en 10"), _("een rapportcijfer van 1 tot en met 10"))
    return value


def check_margin(value: float) -> float:
    """Return a margin when it is not negative."""
    if value < 0:
        raise Invalid(_("is negatief"), _("een marge van 0 of meer"))
    return value


def check_sample_size(text: str) -> int | None:
    """Return the number of respondents: a whole number of at least 1, or None when empty."""
    if not text.strip():
        return None
    try:
        count = int(text.strip().replace(".", ""))
    except ValueError:
        raise Invalid(_("is geen geheel getal"), _("een aantal respondenten zoals 850")) from None
    if count < 1:
        raise Invalid(_("is kleiner dan 1"), _("een aantal respondenten van 1 of meer"))
    return count
