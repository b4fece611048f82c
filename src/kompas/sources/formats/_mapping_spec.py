# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The import mapping file (TOML): how the columns of an unseen table become observations.

The format is documented in ``docs/import-mapping.md``. Every problem in a mapping file is
reported together, each naming its key (``period.format``), before any data is read. A key
Kompas does not know is an error with the nearest known key: a misspelt ``knd = "count"`` would
otherwise leave the default in force without a word.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.observations.periods import OBSERVED, PeriodLength
from kompas.sources.records import MeasureRecord, ParseError

FORMAT = "kompas-mapping"
PERIOD_FORMATS = ("statline", "date", "year", "year_month")
KEYS = {
    "": ("format", "version", "file", "area", "period", "measure", "value", "measures", "skip"),
    "file": ("encoding", "delimiter", "decimal", "sheet", "missing"),
    "area": ("column", "level", "prefix", "codes"),
    "period": ("format", "column", "year_column", "month_column", "length", "date_format"),
    "measure": ("column", "codes"),
    "value": ("column", "measure", "kind", "margin_column", "sample_size_column"),
    "measures": ("code", "name", "unit", "source", "licence", "definition"),
    "skip": ("area", "where"),
}
# tomllib's messages (Python 3.11), in Dutch; the position is reported as line and column.
TOML_PROBLEMS = {
    "Expected '=' after a key in a key/value pair": gettext_lazy("mist een '=' na de sleutel"),
    "Invalid value": gettext_lazy("heeft een ongeldige waarde (tekst tussen aanhalingstekens?)"),
    "Invalid statement": gettext_lazy("is geen sleutel = waarde en geen [tabel]"),
    "Cannot overwrite a value": gettext_lazy("geeft een sleutel die al een waarde heeft"),
    "Cannot declare": gettext_lazy("declareert een tabel die al bestaat"),
    "Unclosed array": gettext_lazy("heeft een lijst zonder ']'"),
    "Unterminated string": gettext_lazy("heeft een tekst zonder afsluitend aanhalingsteken"),
    "Expected ']' at the end of a table declaration": gettext_lazy("mist ']' aan het eind van een [tabel]"),
    "Expected newline or end of document after a statement": gettext_lazy(
        "heeft meer dan één waarde op de regel"
    ),
    "Invalid initial character for a key part": gettext_lazy(
        "heeft een sleutel die met een ongeldig teken begint"
    ),
    "Illegal character": gettext_lazy("bevat een ongeldig teken"),
}
MEASURE_CODE = re.compile(r"[a-z][a-z0-9_]{0,79}")


@dataclass(frozen=True)
class ValueSpec:
    """One value column: its measure (constant, or from the measure column) and its kind."""

    column: str
    measure: str = ""
    kind: str = "number"
    margin_column: str = ""
    sample_size_column: str = ""


@dataclass(frozen=True)
class MappingSpec:
    """A checked mapping file."""

    file_options: dict[str, object]
    area_column: str
    area_level: str = ""
    area_prefix: str = ""
    area_codes: dict[str, str] = field(default_factory=dict)
    skip_areas: frozenset[str] = frozenset()
    skip_where: dict[str, frozenset[str]] = field(default_factory=dict)
    missing: frozenset[str] = frozenset()
    period_format: str = "statline"
    period_column: str = ""
    year_column: str = ""
    month_column: str = ""
    period_length: PeriodLength = PeriodLength.YEAR
    date_format: str = "iso"
    measure_column: str = ""
    measure_codes: dict[str, str] = field(default_factory=dict)
    values: tuple[ValueSpec, ...] = ()
    measures: dict[str, MeasureRecord] = field(default_factory=dict)


class _Reader:
    """Typed reads from the parsed TOML, recording each problem with its key."""

    def __init__(self, file: str, data: dict[str, Any]) -> None:
        self.file = file
        self.data = data
        self.errors: list[ParseError] = []

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            self.fail(key, str(value), _("een tabel [%(key)s]") % {"key": key})
            return {}
        return value

    def known_keys(self, table: dict[str, Any], section: str, kind: str) -> None:
        """Record every key of ``table`` (at ``section``) that a table of ``kind`` does not have."""
        known = KEYS[kind]
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                problem = (
                    _("is een onbekende sleutel; bedoelde u %(key)s?") % {"key": close[0]}
                    if close
                    else _("is een onbekende sleutel")
                )
                name = f"{section}.{key}" if section else key
                expected = _("een van: %(keys)s") % {"keys": ", ".join(known)}
                self.errors.append(ParseError(self.file, 0, name, key, expected, problem))

    def text(
        self, table: dict[str, Any], section: str, key: str, default: str = "", *, required: bool = False
    ) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or (required and not value):
            self.fail(f"{section}.{key}", str(value if value != default else ""), _("een tekst"))
            return default
        return value

    def choice(
        self, table: dict[str, Any], section: str, key: str, options: tuple[str, ...], default: str
    ) -> str:
        value = self.text(table, section, key, default)
        if value not in options:
            self.fail(f"{section}.{key}", value, _("een van: %(options)s") % {"options": ", ".join(options)})
            return default
        return value

    def codes(self, table: dict[str, Any], section: str, *, skippable: bool = False) -> dict[str, str]:
        """Return ``section.codes``; with ``skippable`` a value may be ``false`` (skip the row: "")."""
        codes = table.get("codes", {})
        allowed = (str, bool) if skippable else (str,)
        if not isinstance(codes, dict) or not all(
            isinstance(v, allowed) and v is not True for v in codes.values()
        ):
            expected = _("een tabel van waarde = code (of false: overslaan)") if skippable else None
            self.fail(f"{section}.codes", str(codes)[:80], expected or _("een tabel van waarde = code"))
            return {}
        return {str(key): value or "" for key, value in codes.items()}

    def texts(self, table: dict[str, Any], section: str, key: str) -> frozenset[str]:
        """Return the list of texts at ``section.key`` (empty when absent)."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(f"{section}.{key}", str(value)[:80], _('een lijst van teksten, zoals ["NA", "-"]'))
            return frozenset()
        return frozenset(item.strip() for item in value)

    def where(self, table: dict[str, Any]) -> dict[str, frozenset[str]]:
        """Return ``[skip.where]``: column → the values whose rows are skipped."""
        value = table.get("where", {})
        if not isinstance(value, dict):
            self.fail("skip.where", str(value)[:80], _("een tabel van kolom = lijst van waarden"))
            return {}
        return {str(column): self.texts(value, "skip.where", column) for column in value}

    def fail(self, key: str, value: str, expected: str) -> None:
        self.errors.append(ParseError(self.file, 0, key, value, expected, _("is ongeldig")))


def load(path: Path) -> MappingSpec | list[ParseError]:
    """Read and check the mapping file at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        return [
            ParseError(
                path.name,
                0,
                _("(bestand)"),
                str(error)[:120],
                _("een leesbaar TOML-bestand in UTF-8"),
                _("is onleesbaar"),
            )
        ]
    except tomllib.TOMLDecodeError as error:
        return [_toml_error(path.name, text, str(error))]
    reader = _Reader(path.name, data)
    _check_keys(reader)
    if data.get("format") != FORMAT:
        reader.fail("format", str(data.get("format", "")), f'"{FORMAT}"')
    spec = _spec(reader)
    return reader.errors or spec


def _toml_error(file: str, source: str, text: str) -> ParseError:
    """Return tomllib's error in Dutch, at its line and column ("teken"), showing that line."""
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    line, column = (int(match.group(1)), _("teken %(n)s") % {"n": match.group(2)}) if match else (0, "")
    english = text[: match.start()].strip() if match else text
    problem = next(
        (str(dutch) for start, dutch in TOML_PROBLEMS.items() if english.startswith(start)),
        _("is geen geldige TOML"),
    )
    lines = source.splitlines()
    shown = lines[line - 1].strip()[:80] if 0 < line <= len(lines) else ""
    return ParseError(file, line, column, shown, _("geldige TOML (sleutel = waarde, [tabel])"), problem)


def _check_keys(reader: _Reader) -> None:
    data = reader.data
    reader.known_keys(data, "", "")
    for kind in ("file", "area", "period", "measure", "skip"):
        if isinstance(data.get(kind), dict):
            reader.known_keys(data[kind], kind, kind)
    for kind in ("value", "measures"):
        entries = data.get(kind)
        for number, entry in enumerate(entries if isinstance(entries, list) else [], start=1):
            if isinstance(entry, dict):
                reader.known_keys(entry, f"{kind}[{number}]", kind)


def _spec(reader: _Reader) -> MappingSpec:
    area, period, measure = reader.table("area"), reader.table("period"), reader.table("measure")
    skip, file = reader.table("skip"), reader.table("file")
    period_format = reader.choice(period, "period", "format", PERIOD_FORMATS, "statline")
    lengths = tuple(length.value for length in OBSERVED)
    return MappingSpec(
        file_options={key: value for key, value in file.items() if key != "missing"},
        area_column=reader.text(area, "area", "column", required=True),
        area_level=reader.text(area, "area", "level"),
        area_prefix=reader.text(area, "area", "prefix"),
        area_codes=reader.codes(area, "area", skippable=True),
        skip_areas=reader.texts(skip, "skip", "area"),
        skip_where=reader.where(skip),
        missing=reader.texts(file, "file", "missing"),
        period_format=period_format,
        period_column=reader.text(period, "period", "column", required=period_format != "year_month"),
        year_column=reader.text(period, "period", "year_column", required=period_format == "year_month"),
        month_column=reader.text(period, "period", "month_column", required=period_format == "year_month"),
        period_length=PeriodLength(reader.choice(period, "period", "length", lengths, "year")),
        date_format=reader.text(period, "period", "date_format", "iso"),
        measure_column=reader.text(measure, "measure", "column"),
        measure_codes=_measure_codes(reader, measure),
        values=_values(reader, bool(measure.get("column"))),
        measures=_measures(reader),
    )


def _measure_codes(reader: _Reader, measure: dict[str, Any]) -> dict[str, str]:
    codes = reader.codes(measure, "measure")
    for label, code in codes.items():
        if not MEASURE_CODE.fullmatch(code):  # an empty code is one a suggested mapping left to fill in
            expected = _("een maatstafcode van kleine letters, cijfers en _")
            reader.fail(f"measure.codes.{label}", code, expected)
    return codes


def _values(reader: _Reader, has_measure_column: bool) -> tuple[ValueSpec, ...]:
    entries = reader.data.get("value", [])
    if not isinstance(entries, list) or not entries:
        reader.fail("value", "", _("ten minste één [[value]] met een column"))
        return ()
    found = []
    for number, entry in enumerate(entries, start=1):
        section = f"value[{number}]"
        spec = ValueSpec(
            column=reader.text(entry, section, "column", required=True),
            measure=reader.text(entry, section, "measure"),
            kind=reader.choice(entry, section, "kind", ("count", "number"), "number"),
            margin_column=reader.text(entry, section, "margin_column"),
            sample_size_column=reader.text(entry, section, "sample_size_column"),
        )
        if not spec.measure and not has_measure_column:
            reader.fail(f"{section}.measure", "", _("een maatstafcode, of een [measure] met column"))
        if spec.measure and not MEASURE_CODE.fullmatch(spec.measure):
            reader.fail(f"{section}.measure", spec.measure, _("een code van kleine letters, cijfers en _"))
        found.append(spec)
    return tuple(found)


def _measures(reader: _Reader) -> dict[str, MeasureRecord]:
    entries = reader.data.get("measures", [])
    found = {}
    for number, entry in enumerate(entries if isinstance(entries, list) else [], start=1):
        section = f"measures[{number}]"
        code = reader.text(entry, section, "code", required=True)
        found[code] = MeasureRecord(
            code,
            reader.text(entry, section, "name", code),
            reader.text(entry, section, "unit", "aantal"),
            reader.text(entry, section, "source"),
            reader.text(entry, section, "licence"),
            reader.text(entry, section, "definition"),
        )
    return found
