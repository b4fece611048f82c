# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The contract between the source readers and the loader: normalised records and exact errors.

Every format in :mod:`kompas.sources.formats` turns a file into these records. Nothing here touches
the database; the loader (a later step) writes them in one transaction, or nothing when
:attr:`ParseResult.errors` is not empty. Values that are absent in the source are absent here too
(no record), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from kompas.areas.levels import AreaLevel
from kompas.observations.periods import PeriodLength

MAX_ERRORS = 1000


@dataclass(frozen=True, slots=True)
class AreaRecord:
    """One area version: CBS code, name, level, parent code and boundary from ``valid_from`` on.

    ``geometry`` is the boundary as WKB in WGS84 (EPSG:4326, longitude/latitude), already made
    valid; ``None`` when the source has no usable boundary (a warning says so).
    """

    code: str
    name: str
    level: AreaLevel
    parent_code: str | None
    geometry: bytes | None
    valid_from: int
    line: int


@dataclass(frozen=True, slots=True)
class MeasureRecord:
    """What an observation measures: a stable code, a Dutch name and where it comes from."""

    code: str
    name: str
    unit: str
    source: str
    licence: str
    definition: str = ""


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    """One value of a measure for an area and period; ``margin`` is the 95 % margin if known."""

    measure_code: str
    area_code: str
    period_start: date
    period_length: PeriodLength
    value: float
    margin: float | None = None
    sample_size: int | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One dated event (an incident, a melding) with its location in the declared ``crs``.

    ``x`` and ``y`` are ``None`` when the source gives no usable location; ``crs`` is an EPSG code
    such as ``"EPSG:4326"`` (x = longitude, y = latitude) or ``"EPSG:28992"`` (RD New).
    """

    kind: str
    occurred_at: datetime
    x: float | None
    y: float | None
    crs: str
    area_code: str | None
    line: int
    resolved_at: date | None = None


@dataclass(frozen=True, slots=True)
class ParseError:
    """One problem in a source file: where it is, what was found and what was expected.

    ``line`` is the physical line (1-based) for text files, the row number for spreadsheets and the
    feature number for GeoJSON/TopoJSON (then ``row_label`` is ``"object"``); 0 means the problem
    concerns the file or an option as a whole. ``problem`` completes the sentence
    "waarde "…" ___", for example ``"is geen geldige periode"``.
    """

    file: str
    line: int
    column: str
    value: str
    expected: str
    problem: str = ""
    row_label: str = "regel"

    @property
    def location(self) -> str:
        """Return "file, regel 12, kolom "Perioden"" (the parts that are known)."""
        parts = [self.file]
        if self.line:
            parts.append(
                _("%(label)s %(line)s") % {"label": _row_label(self.row_label), "line": dutch_int(self.line)}
            )
        if self.column:
            parts.append(_('kolom "%(column)s"') % {"column": self.column})
        return ", ".join(parts)

    @property
    def message(self) -> str:
        """Render the error as one Dutch sentence naming file, line, column, value and expectation."""
        problem = self.problem or _("is ongeldig")
        if self.value:
            found = _('waarde "%(value)s" %(problem)s') % {"value": self.value, "problem": problem}
        else:
            found = _("de waarde ontbreekt")
        if not self.expected:  # a warning that reports what was read, not what was wrong
            return _("%(location)s: %(found)s.") % {"location": self.location, "found": found}
        return _("%(location)s: %(found)s; verwacht: %(expected)s.") % {
            "location": self.location,
            "found": found,
            "expected": self.expected.rstrip("."),
        }

    def __str__(self) -> str:
        return self.message


def dutch_int(number: int) -> str:
    """Format an integer with Dutch thousands points: ``245520`` → ``"245.520"``."""
    return f"{number:,}".replace(",", ".")


def _row_label(label: str) -> str:
    labels = {"regel": _("regel"), "object": _("object"), "rij": _("rij")}
    return labels.get(label, label)


@dataclass(frozen=True)
class ParseResult:
    """Everything one file yielded: records by kind, the first 1.000 errors and their total count.

    ``warnings`` report what was read but deserves attention (a repaired polygon, a skipped
    footer, a row that is not an area); they do not stop an import. ``rows_read`` counts data rows
    (header, title and footer lines excluded).
    """

    file: str
    format: str
    areas: tuple[AreaRecord, ...] = ()
    measures: tuple[MeasureRecord, ...] = ()
    observations: tuple[ObservationRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    errors: tuple[ParseError, ...] = ()
    error_count: int = 0
    warnings: tuple[ParseError, ...] = ()
    rows_read: int = 0
    encoding: str = ""

    @property
    def ok(self) -> bool:
        """Return whether the file can be loaded: it has no errors."""
        return self.error_count == 0

    @property
    def errors_not_listed(self) -> int:
        """Return how many errors exist beyond the first :data:`MAX_ERRORS` that are listed."""
        return self.error_count - len(self.errors)
