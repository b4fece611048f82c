# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The import mapping file (TOML): how the columns of an unseen table become observations.

The format is documented in ``docs/import-mapping.md``. Every problem in a mapping file is
reported together, each naming its key (``period.format``), before any data is read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from kompas.observations.periods import OBSERVED, PeriodLength
from kompas.sources.records import MeasureRecord, ParseError

FORMAT = "kompas-mapping"
PERIOD_FORMATS = ("statline", "date", "year", "year_month")
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

    def codes(self, table: dict[str, Any], section: str) -> dict[str, str]:
        codes = table.get("codes", {})
        if not isinstance(codes, dict) or not all(isinstance(v, str) for v in codes.values()):
            self.fail(f"{section}.codes", str(codes)[:80], _("een tabel van waarde = code"))
            return {}
        return {str(key): value for key, value in codes.items()}

    def fail(self, key: str, value: str, expected: str) -> None:
        self.errors.append(ParseError(self.file, 0, key, value, expected, _("is ongeldig")))


def load(path: Path) -> MappingSpec | list[ParseError]:
    """Read and check the mapping file at ``path``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
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
        match = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(match.group(1)), _("teken %(n)s") % {"n": match.group(2)}) if match else (0, "")
        return [
            ParseError(
                path.name, line, column, str(error)[:120], _("geldige TOML"), _("maakt de TOML ongeldig")
            )
        ]
    reader = _Reader(path.name, data)
    if data.get("format") != FORMAT:
        reader.fail("format", str(data.get("format", "")), f'"{FORMAT}"')
    spec = _spec(reader)
    return reader.errors or spec


def _spec(reader: _Reader) -> MappingSpec:
    area, period, measure = reader.table("area"), reader.table("period"), reader.table("measure")
    period_format = reader.choice(period, "period", "format", PERIOD_FORMATS, "statline")
    lengths = tuple(length.value for length in OBSERVED)
    return MappingSpec(
        file_options=reader.table("file"),
        area_column=reader.text(area, "area", "column", required=True),
        area_level=reader.text(area, "area", "level"),
        area_prefix=reader.text(area, "area", "prefix"),
        area_codes=reader.codes(area, "area"),
        period_format=period_format,
        period_column=reader.text(period, "period", "column", required=period_format != "year_month"),
        year_column=reader.text(period, "period", "year_column", required=period_format == "year_month"),
        month_column=reader.text(period, "period", "month_column", required=period_format == "year_month"),
        period_length=PeriodLength(reader.choice(period, "period", "length", lengths, "year")),
        date_format=reader.text(period, "period", "date_format", "iso"),
        measure_column=reader.text(measure, "measure", "column"),
        measure_codes=reader.codes(measure, "measure"),
        values=_values(reader, bool(measure.get("column"))),
        measures=_measures(reader),
    )


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
