# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One boundary feature to an area record (and its kerncijfers), for ``cbs-gebieden`` and
``cbs-bevolking``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import shapely
from django.utils.translation import gettext as _

from kompas.areas import codes
from kompas.observations.periods import PeriodLength
from kompas.sources.reading import areacodes, geometry
from kompas.sources.reading.cells import Invalid
from kompas.sources.reading.features import Feature, FeatureSource
from kompas.sources.reading.options import Options
from kompas.sources.records import AreaRecord, MeasureRecord, ObservationRecord, ParseError

CODE_PROPERTIES = (
    "statcode",
    "gemeentecode",
    "GM_CODE",
    "WK_CODE",
    "BU_CODE",
    "wijk_code",
    "buurt_code",
    "code",
)
NAME_PROPERTIES = (
    "statnaam",
    "gemeentenaam",
    "GM_NAAM",
    "WK_NAAM",
    "BU_NAAM",
    "wijk_naam",
    "buurt_naam",
    "naam",
    "name",
)
CBS = "CBS (Kerncijfers wijken en buurten)"
KERNCIJFERS = {
    "aantal_inwoners": MeasureRecord(
        "inwoners", "Inwoners", "aantal", CBS, "CC-BY 4.0", "Inwoners op 1 januari"
    ),
    "aantal_huishoudens": MeasureRecord(
        "huishoudens", "Huishoudens", "aantal", CBS, "CC-BY 4.0", "Particuliere huishoudens op 1 januari"
    ),
}


@dataclass
class Parsed:
    """What one feature yielded."""

    area: AreaRecord | None = None
    observations: list[ObservationRecord] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    warnings: list[ParseError] = field(default_factory=list)


class Reader:
    """Turn features of one file into areas valid from ``year``, rejecting repeated codes."""

    def __init__(self, source: FeatureSource, year: int, options: Options) -> None:
        self.file = source.file
        self.year = year
        self.crs = options.text("crs") or source.crs
        self.code_property = options.text("code_property")
        self.name_property = options.text("name_property")
        self.seen: dict[str, int] = {}
        self.used: set[str] = set()

    def read(self, feature: Feature) -> Parsed:
        """Return the area of ``feature``, its kerncijfers, errors and warnings."""
        parsed = Parsed()
        if str(feature.properties.get("water", "")).upper() == "JA":
            return parsed
        code_key = self._key(feature.properties, self.code_property, CODE_PROPERTIES)
        code = self._code(feature, code_key, parsed)
        name = str(
            feature.properties.get(self._key(feature.properties, self.name_property, NAME_PROPERTIES)) or ""
        ).strip()
        polygon = self._boundary(feature, parsed)
        if code is None or polygon is False:
            return parsed
        wkb = None if polygon is None else shapely.to_wkb(polygon)
        level = areacodes.level_of(code)
        parsed.area = AreaRecord(
            code, name or code, level, codes.parent_of(code), wkb, self.year, feature.number
        )
        parsed.observations = self._kerncijfers(feature, code)
        return parsed

    @staticmethod
    def _key(properties: dict[str, Any], chosen: str, candidates: tuple[str, ...]) -> str:
        if chosen:
            return chosen
        return next((key for key in candidates if properties.get(key) not in (None, "")), candidates[0])

    def _code(self, feature: Feature, key: str, parsed: Parsed) -> str | None:
        text = str(feature.properties.get(key) or "").strip()
        try:
            code = areacodes.check(text)
        except Invalid as invalid:
            parsed.errors.append(self._error(feature, key, text, invalid.problem, invalid.expected))
            return None
        if code in self.seen:
            first = self.seen[code]
            problem = _("komt dubbel voor (ook in object %(number)s)") % {"number": first}
            parsed.errors.append(self._error(feature, key, code, problem, _("één object per gebiedscode")))
            return None
        self.seen[code] = feature.number
        return code

    def _boundary(self, feature: Feature, parsed: Parsed) -> Any:
        try:
            found = geometry.boundary(feature.geometry, self.crs)
        except Invalid as invalid:
            kind = str((feature.geometry or {}).get("type", ""))
            parsed.errors.append(self._error(feature, "geometry", kind, invalid.problem, invalid.expected))
            return False
        keep = _("een polygoon; het gebied wordt zonder grens opgenomen")
        if found.polygon is None and found.repaired:
            kind = str((feature.geometry or {}).get("type", ""))
            parsed.warnings.append(self._error(feature, "geometry", kind, _("heeft geen oppervlakte"), keep))
        elif found.polygon is None:
            parsed.warnings.append(self._error(feature, "geometry", "null", _("heeft geen grens"), keep))
        elif found.repaired:
            parsed.warnings.append(
                self._error(
                    feature,
                    "geometry",
                    found.polygon.geom_type,
                    _("was ongeldig en is hersteld met make_valid"),
                    _("een geldige polygoon"),
                )
            )
        return found.polygon

    def _kerncijfers(self, feature: Feature, code: str) -> list[ObservationRecord]:
        found = []
        for key, measure in KERNCIJFERS.items():
            value = feature.properties.get(key)
            # CBS writes secret or unknown kerncijfers as large negative numbers: absent, not zero.
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                self.used.add(key)
                found.append(
                    ObservationRecord(
                        measure.code,
                        code,
                        date(self.year, 1, 1),
                        PeriodLength.YEAR,
                        float(value),
                        line=feature.number,
                    )
                )
        return found

    def measures_used(self) -> tuple[MeasureRecord, ...]:
        """Return the measures of the kerncijfers that were found."""
        return tuple(KERNCIJFERS[key] for key in KERNCIJFERS if key in self.used)

    def _error(self, feature: Feature, column: str, value: str, problem: str, expected: str) -> ParseError:
        return ParseError(self.file, feature.number, column, value, expected, problem, row_label="object")
