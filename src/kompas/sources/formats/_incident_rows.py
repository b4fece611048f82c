# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Rows of the ``incidenten`` format: one incident to one event in its declared CRS."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from pyproj.exceptions import CRSError

from kompas.sources.reading import geometry
from kompas.sources.reading.cells import Invalid, Row, RowCheck
from kompas.sources.reading.numbers import POINT, parse_number
from kompas.sources.records import EventRecord, ParseError

WGS84 = geometry.WGS84
TIME_PARTS = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE")


class Projection:
    """Checks that coordinates in ``crs`` are a real place (inside ``bbox`` when given)."""

    def __init__(self, crs: str, bbox: tuple[float, float, float, float] | None) -> None:
        self.crs = crs.strip().upper()
        self.bbox = bbox or (-180.0, -90.0, 180.0, 90.0)
        try:
            self.transformer = None if self.crs == WGS84 else geometry.transformer(self.crs)
        except CRSError:
            raise Invalid(
                _("is geen bekend coördinatenstelsel"), _("een EPSG-code zoals EPSG:28992 of EPSG:26910")
            ) from None

    def check(self, x: float, y: float) -> None:
        """Raise :class:`Invalid` when (x, y) is no place on earth or lies outside the bbox."""
        lon, lat = (x, y) if self.transformer is None else self.transformer.transform(x, y)
        if not (math.isfinite(lon) and math.isfinite(lat) and geometry.point_inside(lon, lat, self.bbox)):
            west, south, east, north = self.bbox
            expected = _("coördinaten in %(crs)s binnen lengte %(w)s–%(e)s en breedte %(s)s–%(n)s") % {
                "crs": self.crs,
                "w": west,
                "e": east,
                "s": south,
                "n": north,
            }
            raise Invalid(_("ligt buiten het gebied"), expected)


@dataclass(frozen=True)
class Layout:
    """Which columns hold what, and how to read them."""

    type_column: str
    x_column: str
    y_column: str
    time_columns: tuple[str, ...]
    zone: ZoneInfo
    area_column: str
    projection: Projection


def parse_row(layout: Layout, row: Row) -> tuple[Sequence[EventRecord], Sequence[ParseError]]:
    """Check one incident; return its event or its errors."""
    check = RowCheck(row)
    kind = row.text(layout.type_column)
    if not kind:
        check.fail(layout.type_column, "", _("ontbreekt"), _("een soort incident"))
    moment = _moment(check, layout)
    x, y = _location(check, layout)
    if not check.ok or moment is None:
        return [], check.errors
    area = row.text(layout.area_column) or None if layout.area_column else None
    return [EventRecord(kind, moment, x, y, layout.projection.crs, area, row.line)], []


def _moment(check: RowCheck, layout: Layout) -> datetime | None:
    if layout.time_columns == ("datetime",):
        return check.take("datetime", lambda text: _iso(text, layout.zone))
    parts = [check.take(column, _whole) for column in TIME_PARTS]
    if any(part is None for part in parts):
        return None
    year, month, day, hour, minute = (int(part or 0) for part in parts)
    try:
        return datetime(year, month, day, hour, minute, tzinfo=layout.zone)
    except ValueError:
        value = f"{year}-{month}-{day} {hour}:{minute}"
        check.fail("DAY", value, _("is geen bestaand tijdstip"), _("een bestaande datum en tijd"))
        return None


def _whole(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise Invalid(_("is geen geheel getal"), _("een geheel getal van 0 of meer"))
    return int(text)


def _iso(text: str, zone: ZoneInfo) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid(
            _("is geen geldig tijdstip"), _("een ISO 8601-tijdstip zoals 2022-03-01T14:05")
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _location(check: RowCheck, layout: Layout) -> tuple[float | None, float | None]:
    x = check.take(layout.x_column, lambda text: parse_number(text, POINT))
    y = check.take(layout.y_column, lambda text: parse_number(text, POINT))
    x_text, y_text = check.row.text(layout.x_column), check.row.text(layout.y_column)
    if bool(x_text) != bool(y_text):
        check.fail(
            layout.y_column if x_text else layout.x_column,
            "",
            _("ontbreekt"),
            _("beide coördinaten, of geen van beide"),
        )
        return None, None
    if x is None or y is None or (x == 0 and y == 0):
        return None, None
    try:
        layout.projection.check(x, y)
    except Invalid as invalid:
        check.fail(layout.x_column, f"{x}, {y}", invalid.problem, invalid.expected)
        return None, None
    return x, y
