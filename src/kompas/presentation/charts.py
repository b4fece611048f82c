# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Charts as Vega-Lite specifications, rendered server-side to SVG with Dutch number formats.

The same :class:`Chart` is shown on screen, embedded in PDF and placed in XLSX, and carries its
data table as the text alternative ("toon tabel").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import vl_convert

from kompas.caching import cached

VEGA_LITE_VERSION = "v6_1"
LOCALE = "nl-NL"
FONT = "Noto Sans, DejaVu Sans, sans-serif"
PRIMARY = "#154273"
BAND = "#9fb6d1"
TARGET = "#8a4b00"
ALARM = "#b00020"
SVG_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Chart:
    """A chart: Vega-Lite spec plus title, description and the data table behind it."""

    title: str
    description: str
    spec: dict[str, Any]
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    # Decimals of the numbers in the table; None: whole numbers bare, others with up to two.
    decimals: int | None = None


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a time series with its 95 % interval (None when unknown)."""

    period: dt.date
    value: float | None
    ci_low: float | None = None
    ci_high: float | None = None


@dataclass(frozen=True)
class AlertPoint:
    """One evaluated period of an early-warning series."""

    period: dt.date
    observed: float
    expected: float | None
    upperbound: float | None
    alarm: bool


def _base(title: str, description: str, data: list[dict[str, Any]], width: int = 560) -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.1.0.json",
        "title": title,
        "description": description,
        "width": width,
        "height": 240,
        "data": {"values": data},
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 11, "titleFontSize": 12},
            "view": {"stroke": None},
        },
    }


def _period_axis(time_format: str = "%b %Y") -> dict[str, Any]:
    axis: dict[str, Any] = {"format": time_format}
    if time_format == "%Y":
        axis["tickCount"] = {"interval": "year", "step": 1}
    return {"field": "periode", "type": "temporal", "title": "Periode", "axis": axis}


def _quantity(field: str, title: str | None = None) -> dict[str, Any]:
    return {"field": field, "type": "quantitative", "title": title, "axis": {"format": ",.4~f"}}


def _layer(mark: dict[str, Any], **encoding: Any) -> dict[str, Any]:
    return {"mark": mark, "encoding": encoding}


def _rule(channel: str, value: float) -> dict[str, Any]:
    mark = {"type": "rule", "color": TARGET, "strokeDash": [6, 4], "strokeWidth": 2}
    return _layer(mark, **{channel: {"datum": value}})


def time_series(
    title: str,
    description: str,
    points: Sequence[SeriesPoint],
    *,
    unit: str,
    target: float | None = None,
    yearly: bool = False,
) -> Chart:
    """Line with its uncertainty band and, if given, the target as a dashed rule.

    ``yearly`` labels the time axis with years only (one point per calendar year).
    """
    axis = _period_axis("%Y" if yearly else "%b %Y")
    data = [
        {"periode": p.period.isoformat(), "waarde": p.value, "laag": p.ci_low, "hoog": p.ci_high}
        for p in points
    ]
    band = _layer(
        {"type": "area", "color": BAND, "opacity": 0.6},
        x=axis,
        y=_quantity("laag", unit),
        y2={"field": "hoog"},
    )
    line = _layer({"type": "line", "color": PRIMARY, "point": True}, x=axis, y=_quantity("waarde", unit))
    layers = [band, line] + ([_rule("y", target)] if target is not None else [])
    spec = {**_base(title, description, data), "layer": layers}
    rows = tuple((p.period, p.value, p.ci_low, p.ci_high) for p in points)
    return Chart(title, description, spec, ("periode", "waarde", "95%-ondergrens", "95%-bovengrens"), rows)


def bars_by_area(
    title: str,
    description: str,
    values: Sequence[tuple[str, float]],
    *,
    unit: str,
    benchmark: float | None = None,
) -> Chart:
    """Horizontal bars per area, sorted, with the benchmark (e.g. the group mean) as a rule."""
    data = [{"gebied": name, "waarde": value} for name, value in values]
    bars = _layer(
        {"type": "bar", "color": PRIMARY},
        y={"field": "gebied", "type": "nominal", "sort": "-x", "title": None},
        x=_quantity("waarde", unit),
    )
    layers = [bars] + ([_rule("x", benchmark)] if benchmark is not None else [])
    spec = {**_base(title, description, data), "height": {"step": 18}, "layer": layers}
    return Chart(title, description, spec, ("gebied", "waarde"), tuple((n, v) for n, v in values))


def alert_series(title: str, description: str, points: Sequence[AlertPoint]) -> Chart:
    """Observed counts with the expected value, the threshold band and alarms marked."""
    data = [
        {
            "periode": p.period.isoformat(),
            "waargenomen": p.observed,
            "verwacht": p.expected,
            "bovengrens": p.upperbound,
            "alarm": "alarm" if p.alarm else "geen alarm",
        }
        for p in points
    ]
    alarm_scale = {"domain": ["alarm", "geen alarm"], "range": [ALARM, PRIMARY]}
    layers = [
        _layer(
            {"type": "area", "color": BAND, "opacity": 0.5},
            x=_period_axis(),
            y=_quantity("verwacht", "Aantal"),
            y2={"field": "bovengrens"},
        ),
        _layer({"type": "line", "color": PRIMARY}, x=_period_axis(), y=_quantity("waargenomen")),
        _layer(
            {"type": "point", "filled": True, "size": 60},
            x=_period_axis(),
            y=_quantity("waargenomen"),
            # Colour and shape share field, title and domain, so Vega-Lite draws one legend.
            color={"field": "alarm", "type": "nominal", "title": "Signalering", "scale": alarm_scale},
            shape={
                "field": "alarm",
                "type": "nominal",
                "title": "Signalering",
                "scale": {"domain": alarm_scale["domain"], "range": ["triangle-up", "circle"]},
            },
        ),
    ]
    spec = {**_base(title, description, data), "layer": layers}
    rows = tuple((p.period, p.observed, p.expected, p.upperbound, "ja" if p.alarm else "nee") for p in points)
    return Chart(
        title, description, spec, ("periode", "waargenomen", "verwacht", "bovengrens", "alarm"), rows
    )


def _convert_options() -> dict[str, Any]:
    # allowed_base_urls=[] forbids vl-convert from loading any data or image URL.
    return {
        "vl_version": VEGA_LITE_VERSION,
        "format_locale": LOCALE,
        "time_format_locale": LOCALE,
        "allowed_base_urls": [],
    }


def render_svg(chart: Chart) -> str:
    """Render ``chart`` to SVG with Dutch number and month formats; loads nothing from a network.

    The SVG is cached under a hash of the specification: pages show the same chart to many
    readers, and rendering takes longer than the rest of a page. The specification holds the
    data, so a change of the data makes another key; the SVG need not wait for the next change.
    """
    key = (
        "kompas:svg:"
        + hashlib.sha256(json.dumps(chart.spec, sort_keys=True, default=str).encode()).hexdigest()
    )
    return cached(
        key,
        lambda: str(vl_convert.vegalite_to_svg(chart.spec, **_convert_options())),
        seconds=SVG_CACHE_SECONDS,
    )


def render_png(chart: Chart, scale: float = 2.0) -> bytes:
    """Render ``chart`` to PNG (for XLSX, which cannot hold SVG)."""
    png: bytes = vl_convert.vegalite_to_png(chart.spec, scale=scale, **_convert_options())
    return png
