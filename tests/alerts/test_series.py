# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading long CSV into a panel: filling missing periods, and exact errors for bad rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kompas.alerts.series import SeriesFileError, read_long_csv, write_long_csv


def _write(tmp_path: Path, text: str, name: str = "reeksen.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path, frequency: int = 12) -> list[str]:
    with pytest.raises(SeriesFileError) as caught:
        read_long_csv(path, frequency)
    return [str(problem) for problem in caught.value.errors]


def test_missing_periods_are_zero_or_missing(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "series,period,count\n"
        "a,2020-01-01,3\n"
        "a,2020-02-01,4\n"
        "b,2020-01-01,7\n"  # b has no row for February: no registrations, so 0
        "b,2020-04-01,\n"  # an empty count is missing
        "a,2020-04-01,1\n",  # March occurs for no series: a gap in the delivery, missing
    )
    panel = read_long_csv(path, 12)
    assert panel.names == ("a", "b")
    assert [str(period) for period in panel.periods] == [
        "2020-01-01",
        "2020-02-01",
        "2020-03-01",
        "2020-04-01",
    ]
    np.testing.assert_array_equal(panel.counts, [[3, 4, np.nan, 1], [7, 0, np.nan, np.nan]])


def test_weekly_periods_are_iso_weeks(tmp_path: Path) -> None:
    path = _write(tmp_path, "series,period,count\nx,2024-03-04,1\nx,2024-03-18,2\n")
    panel = read_long_csv(path, 52)
    assert [str(period) for period in panel.periods] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    np.testing.assert_array_equal(panel.counts, [[1, np.nan, 2]])


def test_write_and_read_back(tmp_path: Path) -> None:
    path = _write(tmp_path, "series,period,count\na,2020-01-01,3\nb,2020-02-01,\na,2020-02-01,5\n")
    panel = read_long_csv(path, 12)
    copy = tmp_path / "kopie.csv"
    write_long_csv(copy, panel)
    assert copy.read_text(encoding="utf-8") == (
        "series,period,count\na,2020-01-01,3\na,2020-02-01,5\nb,2020-01-01,0\nb,2020-02-01,\n"
    )


def test_every_bad_row_is_reported_with_file_line_column_value_and_expectation(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "series,period,count\n"
        "a,2020-01-01,3\n"
        "a,2020-01-15,x\n"
        "b,2020-02-01,-1\n"
        "b,2020-03-01,2.5\n"
        "a,2020-01-01,4\n"
        ",2020-04-01,1\n"
        "c\n"
        "d,maart,1\n",
    )
    assert _problems(path) == [
        'reeksen.csv, regel 3, kolom "period": waarde "2020-01-15" is niet de eerste dag van een maand; '
        "verwacht: de eerste dag van de maand als JJJJ-MM-DD, zoals 2024-03-01.",
        'reeksen.csv, regel 3, kolom "count": waarde "x" is geen getal; '
        "verwacht: een geheel aantal van 0 of meer, of leeg als de waarde ontbreekt.",
        'reeksen.csv, regel 4, kolom "count": waarde "-1" is geen geheel aantal van 0 of meer; '
        "verwacht: een geheel aantal van 0 of meer, of leeg als de waarde ontbreekt.",
        'reeksen.csv, regel 5, kolom "count": waarde "2.5" is geen geheel aantal van 0 of meer; '
        "verwacht: een geheel aantal van 0 of meer, of leeg als de waarde ontbreekt.",
        'reeksen.csv, regel 6, kolom "period": waarde "2020-01-01" komt voor deze reeks al voor op regel 2; '
        "verwacht: één rij per reeks en periode.",
        'reeksen.csv, regel 7, kolom "series": de waarde ontbreekt; verwacht: de naam van de reeks.',
        'reeksen.csv, regel 8, kolom "period": de waarde ontbreekt; '
        "verwacht: drie kolommen: series,period,count.",
        'reeksen.csv, regel 9, kolom "period": waarde "maart" is geen datum; '
        "verwacht: de eerste dag van de maand als JJJJ-MM-DD, zoals 2024-03-01.",
    ]


def test_weekly_period_must_be_a_monday(tmp_path: Path) -> None:
    path = _write(tmp_path, "series,period,count\na,2024-03-05,1\n")
    assert _problems(path, 52) == [
        'reeksen.csv, regel 2, kolom "period": waarde "2024-03-05" is geen maandag; '
        "verwacht: de maandag waarop de ISO-week begint, als JJJJ-MM-DD, zoals 2024-03-04."
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        # a different header
        (
            b"serie,periode,aantal\na,2020-01-01,1\n",
            'reeksen.csv, regel 1: waarde "serie,periode,aantal" is geen geldige kopregel; '
            "verwacht: de kolommen series,period,count.",
        ),
        # an empty file
        (b"", "reeksen.csv, regel 1: de waarde ontbreekt; verwacht: de kolommen series,period,count."),
        # a header without rows
        (
            b"series,period,count\n",
            'reeksen.csv, regel 2, kolom "series": de waarde ontbreekt; '
            "verwacht: minstens één rij met een waarneming na de kopregel.",
        ),
        # Latin-1 instead of UTF-8 on the third line
        (
            b"series,period,count\na,2020-01-01,1\nZw\xe9,2020-01-01,1\n",
            'reeksen.csv, regel 3: waarde "e9" is geen UTF-8; verwacht: tekst in UTF-8.',
        ),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "reeksen.csv"
    path.write_bytes(content)
    assert _problems(path) == [problem]


def test_byte_order_mark_and_extra_columns_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffseries,period,count,bron\r\na,2020-01-01,3,politie\r\n".encode())
    panel = read_long_csv(path, 12)
    np.testing.assert_array_equal(panel.counts, [[3]])
