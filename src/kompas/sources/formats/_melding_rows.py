# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rows of the ``meldingen`` format: one melding to an event, and the totals per period."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from kompas.areas.levels import AreaLevel
from kompas.observations.periods import PeriodLength
from kompas.sources import measures
from kompas.sources.reading import areacodes, geometry
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.chunks import Chunk, ObservationBatch
from kompas.sources.reading.numbers import POINT, parse_number
from kompas.sources.reading.periods import parse_date, start_of
from kompas.sources.records import EventRecord, MeasureRecord, ObservationRecord, ParseError

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
SOURCE = "Signalen (meldingen openbare ruimte)"
TOLERANCE = 0.001  # degrees (about 100 m): bounding boxes are rounded by the exporter


@dataclass(frozen=True)
class Wijk:
    """A wijk of the wijk list: its code and bounding box (west, south, east, north)."""

    code: str
    bbox: tuple[float, float, float, float] | None


def index_wijken(entries: list[dict[str, Any]]) -> dict[str, Wijk]:
    """Return the wijken of a wijk list by name and by code."""
    found: dict[str, Wijk] = {}
    for entry in entries:
        bbox = entry.get("bbox")
        wijk = Wijk(str(entry["code"]), tuple(float(v) for v in bbox) if bbox else None)  # type: ignore[arg-type]  # four numbers, as read
        found[str(entry["name"])] = wijk
        found[wijk.code] = wijk
    return found


class Totals:
    """Counts and days open per category, wijk and period, gathered while reading."""

    def __init__(self, period: PeriodLength) -> None:
        self.period = period
        self.counts: dict[tuple[str, str, date], int] = defaultdict(int)
        self.days_open: dict[tuple[str, str, date], list[float]] = defaultdict(list)
        self.names: dict[str, str] = {}

    def add(self, category: str, name: str, area: str, created: datetime, days_open: float | None) -> None:
        """Count one melding (and its days open, if resolved)."""
        key = (category, area, start_of(created.astimezone(DUTCH_TIME).date(), self.period))
        self.names.setdefault(category, name)
        self.counts[key] += 1
        if days_open is not None:
            self.days_open[key].append(days_open)

    def chunk(self) -> Chunk:
        """Return the observations and measures of the totals."""
        records = [
            ObservationRecord(f"meldingen_{c}", a, s, self.period, float(n))
            for (c, a, s), n in sorted(self.counts.items())
        ]
        records += [
            ObservationRecord(f"meldingen_{c}_afhandeltijd", a, s, self.period, statistics.median(days))
            for (c, a, s), days in sorted(self.days_open.items())
        ]
        return Chunk(observations=ObservationBatch.from_records(records), measures=tuple(self._measures()))

    def _measures(self) -> list[MeasureRecord]:
        found = []
        for category, name in sorted(self.names.items()):
            found.append(
                MeasureRecord(
                    f"meldingen_{category}", _("Meldingen %(name)s") % {"name": name}, "aantal", SOURCE, ""
                )
            )
            found.append(
                MeasureRecord(
                    f"meldingen_{category}_afhandeltijd",
                    _("Afhandeltijd meldingen %(name)s") % {"name": name},
                    _("dagen (mediaan)"),
                    SOURCE,
                    "",
                )
            )
        return found


def parse_row(
    wijken: dict[str, Wijk], totals: Totals, row: Row
) -> tuple[Sequence[EventRecord], Sequence[ParseError]]:
    """Check one melding; count it and return its event, or its errors."""
    check = RowCheck(row)
    created = check.take("created_at", _moment)
    wijk = check.take("wijk", lambda text: _wijk(wijken, text))
    category = row.text("category")
    if not category:
        check.fail("category", "", _("ontbreekt"), _("een categorie"))
    point = _point(check, wijk)
    resolved = (
        check.take("resolved_date", lambda text: parse_date(text) if text else None)
        if "resolved_date" in row.columns
        else None
    )
    days = check.take("days_open", _days) if "days_open" in row.columns else None
    if created and resolved and resolved < created.astimezone(DUTCH_TIME).date():
        check.fail(
            "resolved_date",
            resolved.isoformat(),
            _("ligt vóór de meldingsdatum"),
            _("een datum op of na created_at"),
        )
    if not check.ok or created is None or wijk is None:
        return [], check.errors
    slug = row.text("category_slug").replace("-", "_") if "category_slug" in row.columns else ""
    totals.add(
        slug or measures.slug(category), category, wijk.code, created, days if resolved or days else None
    )
    kind = " / ".join(
        part for part in (category, row.text("subcategory") if "subcategory" in row.columns else "") if part
    )
    x, y = point if point else (None, None)
    return [EventRecord(kind, created, x, y, geometry.WGS84, wijk.code, row.line, resolved)], []


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise Invalid(
            _("is geen geldig tijdstip"), _("een ISO 8601-tijdstip zoals 2026-05-18T09:30:00+00:00")
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=DUTCH_TIME)


def _wijk(wijken: dict[str, Wijk], text: str) -> Wijk:
    if text in wijken:
        return wijken[text]
    try:
        return Wijk(areacodes.check(text, AreaLevel.WIJK), None)
    except Invalid:
        raise Invalid(
            _("is geen bekende wijk"), _("een wijknaam uit de wijkenlijst of een wijkcode zoals WK010602")
        ) from None


def _days(text: str) -> float | None:
    value = parse_number(text, POINT)
    if value is not None and value < 0:
        raise Invalid(_("is negatief"), _("een aantal dagen van 0 of meer"))
    return value


def _point(check: RowCheck, wijk: Wijk | None) -> tuple[float, float] | None:
    if "lat" not in check.row.columns or "lon" not in check.row.columns:
        return None
    lat = check.take("lat", lambda text: parse_number(text, POINT))
    lon = check.take("lon", lambda text: parse_number(text, POINT))
    if lat is None or lon is None:
        return None
    if not geometry.point_inside(lon, lat, geometry.NETHERLANDS_WGS84):
        check.fail(
            "lat",
            f"{lat}, {lon}",
            _("ligt buiten Nederland"),
            _("breedte 50,6–53,8 en lengte 3,0–7,4 (WGS84)"),
        )
        return None
    if wijk and wijk.bbox and not geometry.point_inside(lon, lat, _widen(wijk.bbox)):
        check.fail(
            "lat",
            f"{lat}, {lon}",
            _("ligt buiten wijk %(wijk)s") % {"wijk": wijk.code},
            _("een punt binnen de wijk"),
        )
        return None
    return lon, lat


def _widen(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return bbox[0] - TOLERANCE, bbox[1] - TOLERANCE, bbox[2] + TOLERANCE, bbox[3] + TOLERANCE
