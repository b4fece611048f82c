# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Malformed variants of every format's real file: never an exception, always a located error.

Each case starts from the first rows of a bundled real file and applies one damage: a cell that
cannot be valid (wrong type, negative count, impossible date, unknown code, coordinates outside
the area), a truncated line, undecodable bytes, a duplicated row, or random text. Damage that
must be rejected must give an error on the damaged line; every error names a line (0 only for
file-level problems) and a column. 1.000 variants per format; time budget about 30 s in total.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas.sources.codelists import DATA
from kompas.sources.formats import FORMATS
from kompas.sources.records import ParseResult

EXAMPLES = settings(
    max_examples=1000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@dataclass(frozen=True)
class Case:
    """A seed table of one format and the cell values that must be rejected per column."""

    format: str
    rows: list[list[str]]
    first_data: int
    invalid: dict[int, list[str]]
    unique_keys: bool
    delimiter: str = ","
    quote_all: bool = False
    options: Mapping[str, object] = field(default_factory=dict)
    companions: tuple[Path, ...] = ()


def _seed(relative: str, count: int, delimiter: str = ",", skip: int = 0) -> list[list[str]]:
    path = DATA / relative
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read(200_000)
    else:
        text = path.read_text(encoding="utf-8-sig")[:200_000]
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return rows[: skip + 1] + rows[skip + 1 : skip + 1 + count]


def _statline_rows() -> list[list[str]]:
    rows = _seed("politie-gemeente-totaal-misdrijven-2022-2024/Misdrijven_2024.csv", 12, ";", skip=5)
    return [*rows, ["Bron: Politie"]]


CASES = {
    "politie-buurt-maand": Case(
        "politie-buurt-maand",
        _seed("politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz", 8),
        1,
        {
            0: ["20x1", "1899", ""],
            1: ["13", "0", "maart"],
            3: ["BU123", "XX04840201", ""],
            4: ["999", "1.1.9"],
            5: ["-1", "drie", "1.5"],
        },
        True,
    ),
    "politie-statline": Case(
        "politie-statline", _statline_rows(), 6, {0: ["Atlantis", ""], 1: ["veel", "1,2,3"]}, True, ";", True
    ),
    "politie-statline-tidy": Case(
        "politie-statline",
        _seed("politie-nl-misdrijven-overlast-maand-2012-2023/nl_misdrijven_maand_soort.csv", 8),
        1,
        {0: ["9.9.9 Onbekend", ""], 1: ["2012-02-30", "2012-01-15", "gisteren"], 2: ["-5", "veel", "2.5"]},
        True,
    ),
    "cbs-bevolking": Case(
        "cbs-bevolking",
        _seed("cbs-bevolking-buurt-2024/bevolking_buurt_2024_85984NED.csv", 8),
        1,
        {0: ["BU12", "GM0164", ""], 1: ["-3", "veel", "3.5"], 2: ["GM9999"]},
        True,
        options={"year": 2024},
    ),
    "misdaad-in-kaart": Case(
        "misdaad-in-kaart",
        _seed("politie-misdaad-in-kaart-woninginbraak-pc4/MiK-Nederland-PC4.csv", 8),
        1,
        {0: ["123", "0999", "abcd", ""], 1: ["31-02-2024", "2024-01-01", "32-01-2024"], 2: ["Diefstal", ""]},
        False,
    ),
    "veiligheidsmonitor": Case(
        "veiligheidsmonitor",
        _seed("cbs-veiligheidsmonitor-provincie-2015-2017/veiligheidsmonitor_provincie_tidy.csv", 8),
        1,
        {2: ["Atlantis"], 3: ["15", "twintig"], 4: ["-0.5", "x1"], 5: ["101", "-1", "veel"]},
        True,
    ),
    "meldingen": Case(
        "meldingen",
        _seed("assen-meldingen-openbare-ruimte-2026/meldingen_assen.csv", 8),
        1,
        {
            1: ["gisteren", "2026-02-30T10:00:00"],
            2: [""],
            6: ["Atlantis"],
            7: ["10.5", "noord"],
            8: ["106.5"],
            9: ["2020-01-01"],
            10: ["-4"],
        },
        False,
        companions=(DATA / "assen-meldingen-openbare-ruimte-2026" / "wijken_assen_bbox.json",),
    ),
    "incidenten": Case(
        "incidenten",
        _seed("vancouver-vpd-crime-2021-2022/vpd_crime_2021_2022.csv.gz", 8),
        1,
        {0: [""], 2: ["13", "maand"], 3: ["32", "-1"], 4: ["25"], 10: ["-223.1", "oost"], 11: ["99.5"]},
        False,
        options={"timezone": "America/Vancouver"},
    ),
    "mapping": Case(
        "mapping",
        [
            ["Gebied", "Periode", "Soort", "Aantal"],
            ["BU04840201", "2011MM01", "Inbraak", "3"],
            ["BU04840201", "2011MM02", "Inbraak", "1.743"],
            ["GM0164", "2011JJ00", "Fiets", "2,5"],
        ],
        1,
        {0: ["Hengelo", "BU1"], 1: ["2011MM13", "2011XX01"], 2: ["Moord"], 3: ["veel", "1,2,3", "1.2.3"]},
        True,
        delimiter=";",
        options={"mapping": "MAPPING"},
    ),
}
MAPPING_TOML = """format = "kompas-mapping"
[file]
delimiter = ";"
decimal = ","
[area]
column = "Gebied"
[period]
column = "Periode"
[measure]
column = "Soort"
[measure.codes]
Inbraak = "woninginbraken"
Fiets = "fietsdiefstallen"
[[value]]
column = "Aantal"
kind = "number"
"""


def _serialise(case: Case, rows: list[list[str]]) -> list[bytes]:
    lines = []
    for row in rows:
        buffer = io.StringIO()
        csv.writer(
            buffer,
            delimiter=case.delimiter,
            quoting=csv.QUOTE_ALL if case.quote_all else csv.QUOTE_MINIMAL,
            lineterminator="",
        ).writerow(row)
        lines.append(buffer.getvalue().encode("utf-8"))
    return lines


@st.composite
def variants(draw: st.DrawFn, case: Case) -> tuple[bytes, int, bool]:
    """Return a damaged file, the line that must carry an error, and whether it must."""
    rows = [list(row) for row in case.rows]
    last = len(rows) - 2 if case.rows[-1] == ["Bron: Politie"] else len(rows) - 1
    index = draw(st.integers(case.first_data, last))
    kind = draw(st.sampled_from(["cell", "cell", "truncate", "bytes", "duplicate", "noise"]))
    must_fail, line = True, index + 1
    if kind == "cell":
        column = draw(st.sampled_from(sorted(case.invalid)))
        rows[index][column] = draw(st.sampled_from(case.invalid[column]))
    elif kind == "truncate":
        rows[index] = rows[index][: draw(st.integers(1, len(rows[index]) - 1))]
    elif kind == "duplicate":
        rows.insert(index + 1, list(rows[index]))
        must_fail, line = case.unique_keys, index + 2
    elif kind == "noise":
        column = draw(st.integers(0, len(rows[index]) - 1))
        rows[index][column] = draw(st.text(max_size=12))
        must_fail = False
    lines = _serialise(case, rows)
    if kind == "bytes":
        position = draw(st.integers(0, len(lines[index])))
        damage = draw(st.sampled_from([b"\x81", b"\x8d\x90", b"\xc3"]))
        lines[index] = lines[index][:position] + damage + lines[index][position:]
        # \xc3 alone makes the file valid cp1252 (detected and reported as such), so it may be valid text.
        must_fail = damage != b"\xc3"
    return b"\n".join(lines) + b"\n", line, must_fail


def _check(content: bytes, result: ParseResult, line: int, must_fail: bool) -> None:
    for error in result.errors:
        assert error.column, error
        assert error.line >= 0, error
        assert error.message
    if must_fail:
        assert any(error.line == line for error in result.errors), (
            line,
            [e.message for e in result.errors],
            content,
        )


def _run(case: Case, folder: Path, content: bytes) -> ParseResult:
    for companion in case.companions:
        shutil.copy(companion, folder)
    options = dict(case.options)
    if options.get("mapping") == "MAPPING":
        (folder / "mapping.toml").write_text(MAPPING_TOML, encoding="utf-8")
        options["mapping"] = str(folder / "mapping.toml")
    path = folder / "bestand.csv"
    path.write_bytes(content)
    return FORMATS[case.format].parse(path, options=options)


@pytest.mark.parametrize("name", sorted(CASES))
def test_seed_is_valid(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    result = _run(case, tmp_path, b"\n".join(_serialise(case, case.rows)) + b"\n")
    assert result.ok, [error.message for error in result.errors]
    assert result.observations or result.events


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_variants(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    case = CASES[name]
    folder = tmp_path_factory.mktemp(name)

    @EXAMPLES
    @given(variants(case))
    def check(variant: tuple[bytes, int, bool]) -> None:
        content, line, must_fail = variant
        _check(content, _run(case, folder, content), line, must_fail)

    check()


def _feature(code: object, geometry: object) -> dict[str, object]:
    return {"type": "Feature", "properties": {"statcode": code, "statnaam": "x"}, "geometry": geometry}


SQUARE = {"type": "Polygon", "coordinates": [[[6.7, 52.2], [6.8, 52.2], [6.8, 52.3], [6.7, 52.2]]]}
GEOMETRIES = st.one_of(
    st.just(SQUARE),
    st.none(),
    st.just(
        {"type": "Polygon", "coordinates": [[[106.7, 52.2], [106.8, 52.2], [106.8, 52.3], [106.7, 52.2]]]}
    ),
    st.just({"type": "Point", "coordinates": [6.7, 52.2]}),
    st.just({"type": "Polygon", "coordinates": "kapot"}),
    st.just(
        {
            "type": "Polygon",
            "coordinates": [[[6.7, 52.2], [6.8, 52.3], [6.8, 52.2], [6.7, 52.3], [6.7, 52.2]]],
        }
    ),
    st.builds(
        lambda x: {"type": "Polygon", "coordinates": [[[x, 52.2], [6.8, 52.2], [6.8, 52.3], [x, 52.2]]]},
        st.floats(allow_nan=True),
    ),
)
CODES = st.one_of(
    st.sampled_from(["GM0164", "WK016401", "BU01640100", "GM0153"]),
    st.text(max_size=10),
    st.integers(),
    st.none(),
)


@EXAMPLES
@given(
    features=st.lists(st.tuples(CODES, GEOMETRIES), min_size=1, max_size=5),
    cut=st.integers(0, 2000) | st.none(),
)
def test_malformed_boundaries(
    features: list[tuple[object, object]], cut: int | None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = json.dumps(
        {"type": "FeatureCollection", "features": [_feature(c, g) for c, g in features]}, indent=1
    )
    path = tmp_path_factory.mktemp("gebieden") / "gebieden_2014.geojson"
    path.write_text(text if cut is None else text[:cut], encoding="utf-8")
    result = FORMATS["cbs-gebieden"].parse(path)
    for error in result.errors:
        assert error.column and error.line >= 0 and error.message
    if cut is not None and cut < len(text):
        assert result.errors  # truncated JSON
    elif sum(1 for code, _geometry in features if code == "GM0164") > 1:
        assert result.errors  # the code repeats
