# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``misdaad-in-kaart``: burglary events per 4-digit postcode and day (politie.nl).

One row (``Postcode, Datum, Soort``) is one event; identical rows are separate burglaries and
are kept. Each event becomes an :class:`~kompas.sources.records.EventRecord` (area ``PC7551``, no
coordinates) and the events are counted per type, postcode and day into observations
``mik_woninginbraak`` and ``mik_poging_woninginbraak``. Days without events have no observation.
Option ``date_format`` (default ``dd-mm-yyyy``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from kompas.observations.periods import PeriodLength
from kompas.sources.reading import areacodes
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk, ObservationBatch, error_chunk
from kompas.sources.reading.options import Options
from kompas.sources.reading.periods import parse_date
from kompas.sources.reading.streaming import stream_rows
from kompas.sources.reading.tables import open_source, open_table
from kompas.sources.records import EventRecord, MeasureRecord, ObservationRecord, ParseError

AMSTERDAM_TIME = ZoneInfo("Europe/Amsterdam")
SOURCE = "Politie, Misdaad in Kaart"
KINDS = {
    "woninginbraak": MeasureRecord(
        "mik_woninginbraak", "Woninginbraken (voltooid)", "aantal", SOURCE, "geen licentie vermeld"
    ),
    "poging tot woninginbraak": MeasureRecord(
        "mik_poging_woninginbraak", "Pogingen tot woninginbraak", "aantal", SOURCE, "geen licentie vermeld"
    ),
}


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the events chunk by chunk, then the counts per type, postcode and day."""
    opts = Options(options, path.name)
    try:
        source = open_source(path, opts)
    except Invalid as invalid:
        yield error_chunk([ParseError(path.name, 1, _("(bestand)"), "", invalid.expected, invalid.problem)])
        return
    table = open_table(source, ("postcode", "datum", "soort"))
    if isinstance(table, list) or opts.errors:
        yield error_chunk(opts.errors + (table if isinstance(table, list) else []), encoding=source.encoding)
        return
    counts: Counter[tuple[str, str, date]] = Counter()
    parse_row = partial(_parse_row, opts.text("date_format", "dd-mm-yyyy"), counts)
    yield from stream_rows(table.rows(), parse_row, encoding=source.encoding)
    yield _counts(counts)


def _parse_row(
    convention: str, counts: Counter[tuple[str, str, date]], row: Row
) -> tuple[Sequence[EventRecord], Sequence[ParseError]]:
    check = RowCheck(row)
    area = check.take("postcode", areacodes.postcode)
    day = check.take("datum", lambda text: parse_date(text, convention))
    kind = check.take("soort", _kind)
    if not check.ok or area is None or day is None or kind is None:
        return [], check.errors
    counts[(kind, area, day)] += 1
    occurred = datetime.combine(day, time(), tzinfo=AMSTERDAM_TIME)
    return [EventRecord(row.text("soort"), occurred, None, None, "", area, row.line)], []


def _kind(text: str) -> str:
    kind = text.strip().casefold()
    if kind not in KINDS:
        raise Invalid(_("is geen bekende soort"), _("Woninginbraak of Poging tot woninginbraak"))
    return kind


def _counts(counts: Counter[tuple[str, str, date]]) -> Chunk:
    records = [
        ObservationRecord(KINDS[kind].code, area, day, PeriodLength.DAY, float(count))
        for (kind, area, day), count in sorted(counts.items())
    ]
    used = {kind for kind, _area, _day in counts}
    return Chunk(
        observations=ObservationBatch.from_records(records),
        measures=tuple(KINDS[kind] for kind in KINDS if kind in used),
    )
