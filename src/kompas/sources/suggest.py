# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A starting mapping for a table Kompas has never seen: ``kompas import FILE --format mapping --suggest``.

Writing a mapping by hand starts with looking at the file: its encoding, separator, decimal mark,
which column holds the area, how periods are written, what is counted. This module does that
looking, on the header and the first rows (the measure column is read whole, so that every value
to give a measure code is listed), and writes a mapping that says what it found, in comments.
Nothing is guessed silently: each detected setting is written out, and what only a person can
decide (the measure codes) is left empty, which the import refuses until it is filled in.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources.reading.numbers import MISSING
from kompas.sources.reading.options import Options
from kompas.sources.reading.tables import RawRow, detected, open_source

SAMPLE_ROWS = 1000
MAX_CODES = 500
CBS_CODE = re.compile(r"(GM\d{4}|WK\d{6}|BU\d{8})")
LEVELS = {"BU": "buurt", "WK": "wijk", "GM": "gemeente"}
STATLINE_PERIOD = re.compile(r"\d{4}(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))")
DATE_FORMATS = {
    "iso": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "dd-mm-yyyy": re.compile(r"\d{2}-\d{2}-\d{4}"),
    "dd/mm/yyyy": re.compile(r"\d{2}/\d{2}/\d{4}"),
}
YEAR = re.compile(r"(19|20)\d{2}")
INTEGER = re.compile(r"-?\d+")
DECIMAL_COMMA = re.compile(r"-?\d+,\d+")
DECIMAL_POINT = re.compile(r"-?\d+\.\d+")
YEAR_NAMES = ("jaar", "year")
MONTH_NAMES = ("maand", "month")


@dataclass
class _Column:
    """What the sample shows of one column."""

    name: str
    values: list[str] = field(default_factory=list)

    def all(self, pattern: re.Pattern[str]) -> bool:
        return bool(self.values) and all(pattern.fullmatch(value) for value in self.values)

    @property
    def numeric(self) -> bool:
        return bool(self.values) and all(
            INTEGER.fullmatch(v) or DECIMAL_COMMA.fullmatch(v) or DECIMAL_POINT.fullmatch(v)
            for v in self.values
        )


@dataclass
class _Found:
    """The mapping as detected: settings, area, period, measure and value columns."""

    settings: dict[str, str]
    area: str = ""
    level: str = ""
    period: dict[str, str] = field(default_factory=dict)
    measure: str = ""
    codes: list[str] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)  # column, kind


def suggest_mapping(path: Path) -> str:
    """Return a starting mapping (TOML) for ``path``, with what was detected in comments."""
    options = Options({}, path.name)
    settings = {name: value for name, (value, _given) in detected(path, options).items()}
    header, rows = _sample(path, options)
    columns = [_Column(name) for name in header]
    for row in rows:
        for column, text in zip(columns, row.fields, strict=False):
            if text.strip() not in MISSING:
                column.values.append(text.strip())
    found = _Found(settings)
    if "decimal" in settings:
        found.settings["decimal"] = _decimal(columns, settings["decimal"])
    _classify(found, columns)
    if found.measure:
        found.codes = _distinct(path, options, header.index(found.measure), found.measure)
    return _toml(found, path.name)


def _sample(path: Path, options: Options) -> tuple[list[str], list[RawRow]]:
    """Return the header (the first row with the most common number of fields) and the rows below."""
    raw = list(islice(open_source(path, options).rows, SAMPLE_ROWS))
    width = Counter(len(row.fields) for row in raw if len(row.fields) > 1).most_common(1)
    wanted = width[0][0] if width else 1
    start = next((i for i, row in enumerate(raw) if len(row.fields) == wanted), 0)
    header = [name.strip() for name in raw[start].fields] if raw else []
    return header, [row for row in raw[start + 1 :] if len(row.fields) == wanted]


def _decimal(columns: list[_Column], derived: str) -> str:
    cells = [value for column in columns for value in column.values]
    if any(DECIMAL_COMMA.fullmatch(value) for value in cells):
        return ","
    if any(DECIMAL_POINT.fullmatch(value) for value in cells):
        return "."
    return derived


def _classify(found: _Found, columns: list[_Column]) -> None:
    areas = [column for column in columns if column.all(CBS_CODE)]
    finest = sorted(areas, key=lambda column: list(LEVELS).index(column.values[0][:2]))
    if finest:
        found.area = finest[0].name
        prefixes = {value[:2] for value in finest[0].values}
        found.level = LEVELS[prefixes.pop()] if len(prefixes) == 1 else ""
    used = {column.name for column in areas}
    found.period = _period(columns, used)
    used |= set(found.period.values())
    for column in columns:
        if column.name in used or not column.name:
            continue
        if column.numeric and "code" not in column.name.casefold():
            kind = (
                "count"
                if all(INTEGER.fullmatch(v) and not v.startswith("-") for v in column.values)
                else "number"
            )
            found.values.append((column.name, kind))
        elif not found.measure and column.values:
            found.measure = column.name


def _period(columns: list[_Column], used: set[str]) -> dict[str, str]:
    free = [column for column in columns if column.name not in used]
    year = next((c for c in free if c.name.casefold() in YEAR_NAMES and c.all(YEAR)), None)
    month = next((c for c in free if c.name.casefold() in MONTH_NAMES and _months(c)), None)
    if year and month:
        return {"format": "year_month", "year_column": year.name, "month_column": month.name}
    statline = next((c for c in free if c.all(STATLINE_PERIOD)), None)
    if statline:
        return {"format": "statline", "column": statline.name}
    for column in free:
        for name, pattern in DATE_FORMATS.items():
            if column.all(pattern):
                firsts = all(_day(value, name) == "01" for value in column.values)
                return {
                    "format": "date",
                    "column": column.name,
                    "date_format": name,
                    "length": "month" if firsts else "day",
                }
    if year:
        return {"format": "year", "column": year.name}
    return {}


def _months(column: _Column) -> bool:
    return column.all(INTEGER) and all(1 <= int(value) <= 12 for value in column.values)


def _day(value: str, date_format: str) -> str:
    return value[8:10] if date_format == "iso" else value[:2]


def _distinct(path: Path, options: Options, index: int, name: str) -> list[str]:
    """Return every value of column ``index`` (named ``name``) below the header, in order of appearance."""
    seen: dict[str, None] = {}
    rows: Iterator[RawRow] = open_source(path, options).rows
    header_passed = False
    for row in rows:
        if index >= len(row.fields):
            continue
        text = row.fields[index].strip()
        if not header_passed:
            header_passed = text == name
            continue
        if text not in MISSING:
            seen.setdefault(text, None)
        if len(seen) > MAX_CODES:
            break
    return list(seen)


def _toml(found: _Found, file: str) -> str:
    lines = [
        "# "
        + _("Importbeschrijving voorgesteld door kompas import --suggest voor %(file)s.") % {"file": file},
        "# " + _("Controleer elke regel; vul de lege maatstafcodes in (kleine letters, cijfers en _)."),
        'format = "kompas-mapping"',
        "version = 1",
        "",
        "[file]  # " + _("herkend in het bestand"),
    ]
    lines += [f"{name} = {_quoted(value)}" for name, value in found.settings.items()]
    lines += ["", "[area]", f"column = {_quoted(found.area)}"]
    if found.level:
        lines.append(f"level = {_quoted(found.level)}")
    lines += ["", "[period]"] + [f"{name} = {_quoted(value)}" for name, value in found.period.items()]
    if found.measure:
        lines += ["", "[measure]", f"column = {_quoted(found.measure)}", "", "[measure.codes]"]
        lines += [f'{_quoted(code)} = ""' for code in found.codes]
    for column, kind in found.values:
        lines += ["", "[[value]]", f"column = {_quoted(column)}", f"kind = {_quoted(kind)}"]
        if not found.measure:
            lines.append('measure = ""')
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """Return ``text`` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)
