# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Charts render server-side to SVG with Dutch numbers and months, and keep their data table."""

from __future__ import annotations

import datetime as dt
import re

from kompas.presentation import charts, formatting
from kompas.presentation.maps import MapArea, choropleth, classify, quantile_breaks

# The E33 (verward gedrag) series of the Platform IVZ, 2011-2015 (spec §6.11).
E33 = [(2011, 865), (2012, 1084), (2013, 1104), (2014, 1338), (2015, 1668)]


def test_time_series_svg_uses_dutch_thousands_and_months() -> None:
    points = [charts.SeriesPoint(dt.date(year, 1, 1), value) for year, value in E33]
    chart = charts.time_series(
        "E33-meldingen", "Verward gedrag in Twente", points, unit="aantal", target=1250
    )
    svg = charts.render_svg(chart)
    assert re.search(r">1\.\d00<", svg)  # tick labels such as 1.200 use a thousands point
    assert not re.search(r">1\d00<", svg)
    assert "jan" in svg.lower()
    assert "E33-meldingen" in svg
    assert chart.rows[-1] == (dt.date(2015, 1, 1), 1668, None, None)


def test_bars_use_decimal_commas() -> None:
    chart = charts.bars_by_area("Woninginbraken", "per 1.000 woningen", [("Twente", 3.34)], unit="per 1.000")
    svg = charts.render_svg(chart)
    assert "3,5" in svg or "3,4" in svg
    assert "3.5" not in svg


def test_alert_series_marks_alarms() -> None:
    points = [
        charts.AlertPoint(dt.date(2024, m, 1), observed, 10.0, 15.0, observed > 15)
        for m, observed in [(1, 9), (2, 20)]
    ]
    chart = charts.alert_series("Signalering", "Woninginbraak", points)
    assert "alarm" in charts.render_svg(chart)
    assert chart.rows[1][-1] == "ja"


def test_png_for_spreadsheets() -> None:
    chart = charts.bars_by_area("Test", "Test", [("A", 1.0)], unit="x")
    assert charts.render_png(chart).startswith(b"\x89PNG")


def test_quantile_breaks_and_legend_labels() -> None:
    breaks = quantile_breaks([13.0, 18.0, 21.0, 25.0, 32.0], classes=4, decimals=0)
    # Labels say exactly which values each colour covers, in Dutch notation.
    assert breaks.labels == ("13 – 18", "18 – 21", "21 – 25", "25 – 32")
    assert classify(18.0, breaks) == "13 – 18"  # upper bounds are inclusive
    assert classify(18.5, breaks) == "18 – 21"
    assert classify(None, breaks) == "geen gegevens"


def test_choropleth_in_rd_new_renders_without_tiles() -> None:
    square = {
        "type": "Polygon",
        "coordinates": [[[250000, 475000], [251000, 475000], [251000, 476000], [250000, 475000]]],
    }
    areas = [MapArea("Berflo Es", square, 32.0), MapArea("Noord", square, None)]
    chart = choropleth("Actief in de buurt", "Per wijk", areas, legend="% actief")
    svg = charts.render_svg(chart)
    assert "geen gegevens" in svg
    assert "http" not in svg.replace("http://www.w3.org", "")


def test_formatting() -> None:
    assert formatting.number(1743) == "1.743"
    assert formatting.percent(23.4) == "23,4 %"
    assert formatting.number(None) == "–"
    assert formatting.date(dt.date(2026, 11, 28)) == "28 november 2026"
