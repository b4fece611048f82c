# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading a whole file before anything is written: its records, its errors, its references.

A file is read once, chunk by chunk; observations wait as compact columns
(:class:`~kompas.observations.stage.ObservationStage`), areas, measures and events as records.
Then every reference is checked against the database: area codes Kompas does not know and
measure codes owned by someone else are errors like any other, each with its line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.areas.queries import AreaIndex
from kompas.observations.stage import ObservationStage
from kompas.observations.write import measures_owned_elsewhere
from kompas.sources.formats import Format, unknown_options
from kompas.sources.reading.chunks import ErrorBuffer
from kompas.sources.records import AreaRecord, EventRecord, MeasureRecord, ParseError

Progress = Callable[[str, int, int | None], None]


@dataclass
class Intake:
    """Everything read from one file, not yet written."""

    file: str
    format: str
    stage: ObservationStage = field(default_factory=ObservationStage)
    areas: list[AreaRecord] = field(default_factory=list)
    measures: dict[str, MeasureRecord] = field(default_factory=dict)
    events: list[EventRecord] = field(default_factory=list)
    errors: ErrorBuffer = field(default_factory=ErrorBuffer)
    warnings: ErrorBuffer = field(default_factory=ErrorBuffer)
    rows_read: int = 0
    encoding: str = ""

    @property
    def values(self) -> int:
        """Return the number of observations and events the file holds."""
        return len(self.stage) + len(self.events)


def read(
    path: Path, source: Format, *, options: Mapping[str, object] | None, progress: Progress | None = None
) -> Intake:
    """Read ``path`` with ``source`` completely; errors are collected, never raised."""
    intake = Intake(path.name, source.name)
    unknown = unknown_options(source, options or {}, path.name)
    if unknown:  # a mistyped option would silently leave its default in force
        intake.errors.extend(unknown)
        return intake
    for chunk in source.iter_chunks(path, options=options):
        intake.stage.add(chunk.observations.table)
        intake.areas.extend(chunk.areas)
        intake.measures.update({measure.code: measure for measure in chunk.measures})
        intake.events.extend(chunk.events)
        intake.errors.extend(chunk.errors)
        intake.errors.count += chunk.error_count - len(chunk.errors)
        intake.warnings.extend(chunk.warnings)
        intake.rows_read += chunk.rows_read
        intake.encoding = intake.encoding or chunk.encoding
        if progress is not None:
            progress("lezen", intake.rows_read, None)
    return intake


def unknown_areas(intake: Intake, index: AreaIndex) -> dict[str, int]:
    """Return the area codes the file refers to that Kompas does not know, with their first line.

    Codes of areas the file itself defines count as known.
    """
    defined = {area.code for area in intake.areas}
    unknown: dict[str, int] = {}
    for code, line in zip(intake.stage.area_codes, intake.stage.area_first_line, strict=True):
        if code not in defined and not index.known(code):
            unknown[code] = line
    for event in intake.events:
        area = event.area_code
        if area and area not in defined and not index.known(area):
            known_line = unknown.get(area, 0)
            unknown[area] = min(known_line, event.line) if known_line else event.line
    return unknown


def unknown_area_errors(file: str, unknown: Mapping[str, int]) -> list[ParseError]:
    """Return one error per unknown area code, in the order of the lines they first appear on."""
    expected = _(
        "een gebied dat Kompas kent: laad eerst de gebiedsgrenzen, of importeer met --create-areas "
        "(op de uploadpagina: ‘ontbrekende gebieden aanmaken’)"
    )
    return [
        ParseError(file, line, _("gebiedscode"), code, expected, _("is een onbekend gebied"))
        for code, line in sorted(unknown.items(), key=lambda item: (item[1], item[0]))
    ]


def area_name_errors(file: str, unknown: Mapping[str, int], column: str) -> list[ParseError]:
    """Return one error per unknown area reference that is no area code at all (a name, say).

    Such a value can never be found or created from its code, so ``--create-areas`` would leave
    every row of it without an area; it is refused instead, naming the column.
    """
    expected = _(
        "in kolom %(column)s een CBS-gebiedscode zoals BU01640100, WK016401 of GM0164: gebiedsnamen "
        "worden niet herkend en --create-areas maakt alleen gebieden uit hun CBS-code; zet de codes "
        "in de kolom, vertaal de namen met [area] codes in een importbeschrijving (--format mapping), "
        "of importeer zonder de optie area_column"
    ) % {"column": column}
    return [
        ParseError(file, line, column, name, expected, _("is geen gebiedscode maar een naam"))
        for name, line in sorted(unknown.items(), key=lambda item: (item[1], item[0]))
    ]


def measure_errors(intake: Intake, organisation_id: int | None) -> list[ParseError]:
    """Return an error per measure of the file that belongs to another organisation.

    An open data measure is no error: an organisation's values of it are its own figures
    (ADR 0011).
    """
    codes = set(intake.stage.measure_codes) | set(intake.measures)
    errors = []
    for code, _owner in sorted(measures_owned_elsewhere(codes, organisation_id).items()):
        problem = _("is al een maatstaf van een andere organisatie")
        expected = _("een eigen maatstafcode (kies in de importbeschrijving een andere code)")
        errors.append(ParseError(intake.file, 0, _("maatstaf"), code, expected, problem))
    return errors


def first_years(intake: Intake, codes: set[str]) -> dict[str, int]:
    """Return the first year any observation or event of the file refers to each of ``codes``."""
    years = intake.stage.first_years(codes)
    for event in intake.events:
        if event.area_code and event.area_code in codes:
            code = event.area_code
            years[code] = min(years.get(code, event.occurred_at.year), event.occurred_at.year)
    return years
