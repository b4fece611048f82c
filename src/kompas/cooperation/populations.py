# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Inhabitants of the Platform's municipalities: from stored observations or from a file.

The contribution of a year is computed from the inhabitants on 1 January of that year, or of the
latest earlier year that is stored; every row says which year and source it used, and why a
value is missing, so a table is never silently made of guesses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.cooperation.contributions import PARTICIPANTS, Population
from kompas.observations.queries import measure_info, yearly_values_by_code
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.numbers import for_delimiter, parse_count

INHABITANTS = "inwoners"
FILE_COLUMNS = ("gemeente_code", "inwoners", "jaar", "bron")


class PopulationFileError(ValueError):
    """A populations file that cannot be used; ``problems`` lists every problem in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def stored_populations(year: int, participants: Mapping[str, str] = PARTICIPANTS) -> list[Population]:
    """Return the inhabitants of each participant on 1 January of ``year`` or the latest year before.

    Open data only (the operator's CBS figures). A gemeente's own number wins over the sum of its
    buurten; a sum says so, as CBS rounds buurt numbers to fives.
    """
    info = measure_info([INHABITANTS]).get(INHABITANTS)
    source = info.source if info is not None else ""
    return [
        _stored(code, name, year, yearly_values_by_code(code, INHABITANTS, organisation_id=None), source)
        for code, name in participants.items()
    ]


def _stored(
    code: str, name: str, year: int, by_year: Mapping[int, Mapping[str, float]], source: str
) -> Population:
    earlier = sorted((found for found in by_year if found <= year), reverse=True)
    for found in earlier:
        values = by_year[found]
        notes = (
            []
            if found == year
            else [
                _("inwoners van 1 januari %(found)d; %(year)d is niet opgeslagen")
                % {"found": found, "year": year}
            ]
        )
        if code in values:
            return Population(code, name, round(values[code]), found, source, "; ".join(notes))
        buurten = [value for key, value in values.items() if key.startswith("BU")]
        if buurten:
            notes.append(
                _("som van %(count)d buurten (CBS rondt buurtaantallen af op 5)") % {"count": len(buurten)}
            )
            return Population(code, name, round(sum(buurten)), found, source, "; ".join(notes))
    note = _("geen inwoners opgeslagen op of vóór 1 januari %(year)d") % {"year": year}
    return Population(code, name, None, None, source, note)


def file_populations(path: Path, participants: Mapping[str, str] = PARTICIPANTS) -> list[Population]:
    """Return the inhabitants in a CSV file (``gemeente_code;inwoners;jaar;bron``), checked whole.

    Every row is checked before anything is used; a participant missing from the file gets no
    amounts and a note, a code that is not a participant is refused.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PopulationFileError(
            [
                _("%(file)s kan niet worden gelezen als UTF-8-tekst: %(error)s")
                % {"file": path.name, "error": error}
            ]
        ) from error
    delimiter = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = [column for column in FILE_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise PopulationFileError(
            [
                _("%(file)s mist de kolom(men): %(columns)s")
                % {"file": path.name, "columns": ", ".join(missing)}
            ]
        )
    found, problems = _rows(reader, delimiter, participants, path.name)
    if problems:
        raise PopulationFileError(problems)
    absent = _("niet in %(file)s") % {"file": path.name}
    return [
        found.get(code) or Population(code, name, None, None, "", absent)
        for code, name in participants.items()
    ]


def _rows(
    rows: Iterable[dict[str, str]], delimiter: str, participants: Mapping[str, str], file_name: str
) -> tuple[dict[str, Population], list[str]]:
    numbers = for_delimiter(delimiter)
    found: dict[str, Population] = {}
    problems: list[str] = []
    for line, row in enumerate(rows, start=2):
        where = {"file": file_name, "line": line}
        code = (row.get("gemeente_code") or "").strip().upper()
        if code not in participants:
            problems.append(
                _("%(file)s regel %(line)d: %(code)s is geen gemeente van het Platform IVZ Twente")
                % {**where, "code": code or "–"}
            )
        elif code in found:
            problems.append(
                _("%(file)s regel %(line)d: %(code)s staat er al eerder in") % {**where, "code": code}
            )
        try:
            inhabitants = parse_count(row.get("inwoners") or "", numbers)
            year = parse_count(row.get("jaar") or "", numbers)
        except Invalid as error:
            problems.append(
                _("%(file)s regel %(line)d: %(problem)s, verwacht %(expected)s")
                % {**where, "problem": error.problem, "expected": error.expected}
            )
            continue
        source = (row.get("bron") or "").strip()
        if inhabitants is None or year is None or not source:
            problems.append(_("%(file)s regel %(line)d: inwoners, jaar en bron zijn verplicht") % where)
            continue
        if code in participants and code not in found:
            found[code] = Population(code, participants[code], inhabitants, year, source)
    return found, problems
