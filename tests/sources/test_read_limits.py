# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A small hostile file is refused early, by a named limit, without the server's memory growing.

The attack: a 0,6 MB gzip upload grew a worker to 3,5 GB and a 0,2 MB XLSX added 0,5 GB, because
the 200 MB limit applied to the compressed size. Each bomb below starts with the real bundled
file, so it is read by the real format up to the point where the bomb begins.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import re
import resource
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_scopes import scope
from openpyxl import Workbook
from pytest_django.fixtures import Settings

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.sources import formats, intake
from kompas.sources.codelists import DATA
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.records import ParseError, dutch_int

MB = 1 << 20
STATLINE = DATA / "politie-gemeente-totaal-misdrijven-2022-2024" / "Misdrijven_2024.csv"
BUURT_MAAND = DATA / "politie-denhaag-buurt-maand-2011-2015" / "misdrijven_buurt_maand_2011_2015.csv.gz"
# Peak memory may grow this much while a bomb is read (it grew by gigabytes before).
MEMORY_BUDGET_MB = 300


def _gzip_bomb(path: Path, head: bytes, filler: bytes, unpacked: int) -> Path:
    """Write ``head`` then ``filler`` repeated to ``unpacked`` bytes as gzip (one member per MiB)."""
    member = gzip.compress(filler * (MB // len(filler)), 9)
    with path.open("wb") as stream:
        stream.write(gzip.compress(head))
        for _ in range(unpacked // MB):
            stream.write(member)
    return path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _read(path: Path, format_name: str) -> tuple[intake.Intake, float]:
    """Read ``path`` as the import does; return what was read and the growth of peak memory."""
    before = _peak_mb()
    found = intake.read(path, formats.get(format_name), options=None)
    return found, _peak_mb() - before


def _only_error(found: intake.Intake) -> ParseError:
    [error] = found.errors.kept
    return error


def test_a_gzip_bomb_without_line_ends_stops_at_the_line_limit(tmp_path: Path) -> None:
    bomb = _gzip_bomb(tmp_path / "misdrijven.csv.gz", STATLINE.read_bytes(), b"A", 600 * MB)
    found, growth = _read(bomb, "politie-statline")
    error = _only_error(found)
    assert bomb.stat().st_size < 0.7 * MB and growth < MEMORY_BUDGET_MB
    assert error.message == (
        'misdrijven.csv.gz, regel 364, kolom "(bestand)": waarde "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…" is '
        "langer dan 1024 kB en is niet verder gelezen; verwacht: regels van hoogstens 1024 kB "
        "(instelling IMPORT_MAX_LINE_KB)."
    )


def test_a_gzip_bomb_of_empty_rows_stops_at_the_unpacking_ratio(tmp_path: Path) -> None:
    # Rows of separators only are skipped as blank, so only the unpacked size can stop them.
    bomb = _gzip_bomb(tmp_path / "misdrijven.csv.gz", STATLINE.read_bytes(), b";" * 1023 + b"\n", 120 * MB)
    found, growth = _read(bomb, "politie-statline")
    error = _only_error(found)
    assert growth < MEMORY_BUDGET_MB
    assert error.message == (
        f'misdrijven.csv.gz, kolom "(bestand)": waarde "{dutch_int(bomb.stat().st_size)} bytes '
        'gecomprimeerd" pakt uit tot meer dan 100 keer die grootte en is niet verder gelezen; verwacht: '
        "een gecomprimeerd bestand dat hoogstens 100 keer zo groot uitpakt (instelling IMPORT_MAX_EXPANSION)."
    )


def test_the_fast_block_reader_stops_at_the_line_limit_too(tmp_path: Path) -> None:
    head = gzip.decompress(BUURT_MAAND.read_bytes())[: 2 * MB]
    head = head[: head.rindex(b"\n") + 1]
    bomb = _gzip_bomb(tmp_path / "buurt_maand.csv.gz", head, b"7", 600 * MB)
    found, growth = _read(bomb, "politie-buurt-maand")
    error = _only_error(found)
    assert growth < MEMORY_BUDGET_MB
    assert error.line == head.count(b"\n") + 1
    assert "(instelling IMPORT_MAX_LINE_KB)" in error.expected


def test_the_unpacked_size_limit_holds_for_a_well_compressed_file(tmp_path: Path, settings: Settings) -> None:
    settings.KOMPAS_IMPORT_MAX_UNPACKED_BYTES = 4 * MB
    bomb = _gzip_bomb(tmp_path / "misdrijven.csv.gz", STATLINE.read_bytes(), b";" * 1023 + b"\n", 8 * MB)
    error = _only_error(_read(bomb, "politie-statline")[0])
    assert error.message == (
        'misdrijven.csv.gz, kolom "(bestand)": waarde "uitgepakte inhoud" is groter dan 4 MB en is niet '
        "verder gelezen; verwacht: een bestand dat uitgepakt hoogstens 4 MB is (instelling "
        "IMPORT_MAX_UNPACKED_MB)."
    )


def test_an_honest_gzip_file_reads_as_the_plain_file(tmp_path: Path) -> None:
    packed = tmp_path / "Misdrijven_2024.csv.gz"
    packed.write_bytes(gzip.compress(STATLINE.read_bytes()))
    plain, zipped = _read(STATLINE, "politie-statline")[0], _read(packed, "politie-statline")[0]
    assert zipped.errors.count == plain.errors.count == 0
    assert len(zipped.stage) == len(plain.stage) > 300


def _workbook(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)  # type: ignore[union-attr]  # a new workbook has an active sheet
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite_sheet(body: bytes, path: Path, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(io.BytesIO(body)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return path


def _statline_rows() -> Iterator[list[str]]:
    """The bundled StatLine file as spreadsheet rows (title lines, header lines, data)."""
    yield from csv.reader(io.StringIO(STATLINE.read_text(encoding="utf-8")), delimiter=";")


def test_a_small_xlsx_declaring_a_huge_sheet_is_refused_before_reading(tmp_path: Path) -> None:
    body = _workbook(list(_statline_rows()))
    bomb = _rewrite_sheet(
        body,
        tmp_path / "misdrijven.xlsx",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml),
    )
    found, growth = _read(bomb, "politie-statline")
    error = _only_error(found)
    assert bomb.stat().st_size < 0.2 * MB and growth < MEMORY_BUDGET_MB
    assert error.message == (
        'misdrijven.xlsx, kolom "(bestand)": waarde "A1:XFD1048576" geeft werkblad Sheet op als '
        "17.179.869.184 cellen; het is niet gelezen; verwacht: een werkblad van hoogstens 20.000.000 "
        "cellen (instelling IMPORT_MAX_XLSX_CELLS)."
    )


def test_cells_are_counted_while_reading(tmp_path: Path, settings: Settings) -> None:
    settings.KOMPAS_IMPORT_MAX_XLSX_CELLS = 100
    rows = list(_statline_rows())
    # The sheet states no size, so only counting the cells read can stop it.
    path = _rewrite_sheet(
        _workbook(rows), tmp_path / "misdrijven.xlsx", lambda xml: re.sub(rb"<dimension[^>]*>", b"", xml)
    )
    error = _only_error(_read(path, "politie-statline")[0])
    assert error.problem == "heeft meer dan 100 cellen en is niet verder gelezen"
    assert error.value == "Sheet"
    totals = itertools.accumulate(len(row) for row in rows)
    assert error.line == next(number for number, total in enumerate(totals, start=1) if total > 100)


def test_an_xlsx_that_unpacks_a_thousandfold_is_refused_before_unpacking(tmp_path: Path) -> None:
    padding = b" " * (32 * MB)  # XML allows white space between elements
    bomb = _rewrite_sheet(
        _workbook(list(_statline_rows())),
        tmp_path / "misdrijven.xlsx",
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + padding, 1),
    )
    found, growth = _read(bomb, "politie-statline")
    error = _only_error(found)
    assert growth < MEMORY_BUDGET_MB
    assert error.problem == "pakt uit tot meer dan 100 keer die grootte en is niet verder gelezen"


@pytest.fixture
def analist(org_a: Organisation, make_user: Callable[..., User], client: Client) -> User:
    user = make_user(Role.ANALIST, org_a)
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_the_upload_page_rejects_a_gzip_bomb_and_stores_nothing(
    client: Client, analist: User, tmp_path: Path
) -> None:
    head = b"jaar,maand,wijk_code,buurt_code,delict_code,aantal\n2011,1,WK048402,BU04840201,104,3\n"
    bomb = _gzip_bomb(tmp_path / "panel.csv.gz", head, b"A", 600 * MB)
    before = _peak_mb()
    upload = SimpleUploadedFile("panel.csv.gz", bomb.read_bytes())
    data = {"file": upload, "format": "politie-buurt-maand", "create_areas": "on"}
    text = client.post(reverse("sources:import"), data, follow=True).content.decode()
    with scope(organisation=analist.organisation_id):
        run = ImportRun.objects.get()
    assert _peak_mb() - before < MEMORY_BUDGET_MB
    assert (run.status, run.rows_loaded) == (ImportStatus.REJECTED, 0)
    assert (
        "panel.csv.gz, regel 3, kolom &quot;(bestand)&quot;: waarde "
        "&quot;AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…&quot; is langer dan 1024 kB en is niet verder gelezen"
    ) in text
