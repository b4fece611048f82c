# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""PDF and XLSX building blocks: no network, shipped fonts, Dutch formats, read back for real."""

from __future__ import annotations

import datetime as dt
import io
import socket
import subprocess
from pathlib import Path

import openpyxl
import pytest

from kompas.presentation import charts, formatting
from kompas.presentation.pdf import render_pdf
from kompas.presentation.xlsx import Source, Table, sheet_name, workbook

HTML = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<style>@font-face { font-family: "Noto Sans"; src: url(kompas/fonts/noto-sans-latin-400-normal.woff); }
body { font-family: "Noto Sans"; }</style></head>
<body><h1>Voortgang veiligheidsbeleid</h1><p>Woninginbraken: 1.743, waarvan 23,4 % pogingen.</p>
<img src="https://tiles.example.org/0/0/0.png" alt="mag niet geladen worden"></body></html>"""


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_renders_without_any_network_connection(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("netwerkverbinding geprobeerd")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    pdf = render_pdf(HTML)
    text = _text(pdf, tmp_path)
    assert "Woninginbraken: 1.743, waarvan 23,4 % pogingen." in text


def test_pdf_embeds_the_shipped_font(tmp_path: Path) -> None:
    path = tmp_path / "font.pdf"
    path.write_bytes(render_pdf(HTML))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Sans" in fonts


def test_pdf_embeds_an_svg_chart(tmp_path: Path) -> None:
    chart = charts.bars_by_area("Inbraken per wijk", "Test", [("Noord", 1743.0)], unit="aantal")
    html = f"<html lang='nl'><body>{charts.render_svg(chart)}</body></html>"
    assert "Inbraken per wijk" in _text(render_pdf(html), tmp_path)


def test_workbook_reads_back_with_formats_and_sources() -> None:
    table = Table(
        "Indicatoren",
        ("indicator", "waarde"),
        [("T1.I1", 20.0), ("Woninginbraken", 1743)],
        number_formats={"waarde": formatting.XLSX_DECIMAL},
        images=[charts.render_png(charts.bars_by_area("x", "x", [("a", 1.0)], unit="x"))],
    )
    source = Source(
        "Politie, 47022NED", "CC-BY 4.0", dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC), "2012-2023"
    )
    book = openpyxl.load_workbook(io.BytesIO(workbook([table], [source])))
    assert book.sheetnames == ["Indicatoren", "Bronnen"]
    sheet = book["Indicatoren"]
    assert [c.value for c in sheet[3]] == ["Woninginbraken", 1743]
    assert sheet["B2"].number_format == formatting.XLSX_DECIMAL
    assert sheet.freeze_panes == "A2"
    assert len(sheet._images) == 1
    assert [c.value for c in book["Bronnen"][2]][:4] == [
        "Politie, 47022NED",
        "CC-BY 4.0",
        "1 november 2026, 09:30",
        "2012-2023",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Thema 1: Veilige wijken", "Thema 1  Veilige wijken"),  # colons are not allowed in sheet names
        ("x" * 40, "x" * 31),  # Excel allows 31 characters
        ("Bronnen", "Bronnen (2)"),  # the sources sheet keeps its name
    ],
)
def test_sheet_names(name: str, expected: str) -> None:
    assert sheet_name(name, {"bronnen"}) == expected


def test_every_page_repeats_filters_vintage_and_page_numbers(tmp_path: Path) -> None:
    from django.template.loader import render_to_string

    from kompas.presentation.document import Vintage, report_meta

    meta = report_meta(
        "Gemeente Hengelo",
        "Voortgang IVP",
        {"periode": "2024", "gebied": "GM0164"},
        [Vintage("Politie 47022NED", dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC), "2012–2023")],
    )
    body = "".join(f"<h2>Thema {n}</h2>" + "<p>tekst</p>" * 60 for n in range(1, 4))
    html = render_to_string("reports/pdf_base.html", {"meta": meta}).replace("</body>", body + "</body>")
    path = tmp_path / "rapport.pdf"
    path.write_bytes(render_pdf(html))
    pages = _text(path.read_bytes(), tmp_path).split("\f")[:-1]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Gemeente Hengelo · Voortgang IVP" in page
        assert "Filters: periode: 2024 · gebied: GM0164" in page
        assert "Politie 47022NED (import 1 november 2026, 09:30, periode 2012–2023)" in page
        assert f"pagina {number} van {len(pages)}" in page
