# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``meldingen``: public-space complaints as Signalen exports them (meldingen openbare ruimte).

Columns ``created_at`` (ISO 8601; without offset read as Dutch time), ``category``,
``subcategory``, ``wijk`` (a name from the wijk list, or a WK code), ``lat``/``lon`` (WGS84),
``resolved_date`` and ``days_open``. Each melding becomes an event; they are counted per category,
wijk and period (option ``period``: day, week (default) or month) into ``meldingen_<categorie>``,
and the median days open of the resolved ones into ``meldingen_<categorie>_afhandeltijd``.

The wijk list is the JSON file of the option ``areas``, or a ``*wijken*.json`` beside the file
(``[{"name": …, "code": "WK010602", "bbox": [west, south, east, north]}, …]``); a location
outside its wijk's bounding box, or outside the Netherlands, is an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.observations.periods import PeriodLength
from kompas.sources.formats import _melding_rows
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.chunks import Chunk, error_chunk
from kompas.sources.reading.options import Options
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import open_source, open_table
from kompas.sources.records import ParseError

REQUIRED = ("created_at", "category", "wijk")


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the meldingen as events, then their counts and handling times per period."""
    opts = Options(options, path.name)
    period = opts.parsed("period", _period, PeriodLength.WEEK)
    wijken = _wijken(path, opts)
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    table = open_table(source, REQUIRED)
    if isinstance(table, list) or opts.errors:
        yield error_chunk(opts.errors + (table if isinstance(table, list) else []), encoding=source.encoding)
        return
    totals = _melding_rows.Totals(period)
    yield from stream_rows(
        table.rows(), partial(_melding_rows.parse_row, wijken, totals), encoding=source.encoding
    )
    yield totals.chunk()


def _period(text: str) -> PeriodLength:
    try:
        length = PeriodLength(text.strip().lower())
    except ValueError:
        length = PeriodLength.YEAR
    if length not in (PeriodLength.DAY, PeriodLength.WEEK, PeriodLength.MONTH):
        raise Invalid(_("is geen ondersteunde periode"), _("day, week of month"))
    return length


def _wijken(path: Path, opts: Options) -> dict[str, _melding_rows.Wijk]:
    """Return the wijk list by name and by code (empty when there is none)."""
    if opts.has("areas"):
        candidates = [Path(opts.text("areas"))]
    else:
        candidates = sorted(path.parent.glob("*wijken*.json"))
    for candidate in candidates:
        try:
            if not candidate.is_file():  # a folder, device or pipe would fail or block the read
                raise OSError(candidate.name)
            entries = json.loads(candidate.read_text(encoding="utf-8"))
            return _melding_rows.index_wijken(entries)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            expected = _("een JSON-lijst met name, code en bbox per wijk")
            opts.errors.append(
                ParseError(path.name, 0, _("optie areas"), str(candidate.name), expected, _("is onleesbaar"))
            )
    return {}
