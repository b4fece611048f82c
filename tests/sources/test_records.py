# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The contract: error messages are exact Dutch sentences; results keep the first 1.000 errors."""

from __future__ import annotations

from kompas.observations.periods import OBSERVED
from kompas.sources.reading.chunks import Chunk, collect
from kompas.sources.records import ParseError


def test_period_error_message_is_the_documented_sentence() -> None:
    error = ParseError(
        "Misdrijven_2024.csv",
        12,
        "Perioden",
        "2024XX00",
        "een periodecode zoals 2024JJ00, 2020MM01 of 2016KW03",
        "is geen geldige periode",
    )
    assert error.message == (
        'Misdrijven_2024.csv, regel 12, kolom "Perioden": waarde "2024XX00" is geen geldige periode; '
        "verwacht: een periodecode zoals 2024JJ00, 2020MM01 of 2016KW03."
    )


def test_empty_value_and_large_line_numbers_read_naturally() -> None:
    # A missing count on line 245.521 of the Den Haag panel.
    error = ParseError("panel.csv", 245521, "aantal", "", "een aantal van 0 of meer", "ontbreekt")
    assert (
        error.message == 'panel.csv, regel 245.521, kolom "aantal": de waarde ontbreekt; '
        "verwacht: een aantal van 0 of meer."
    )


def test_file_level_error_has_no_line() -> None:
    error = ParseError("x.shp", 0, "optie year", "", "een jaartal", "ontbreekt")
    assert error.message == 'x.shp, kolom "optie year": de waarde ontbreekt; verwacht: een jaartal.'


def test_collect_keeps_the_first_thousand_errors_and_counts_the_rest() -> None:
    errors = tuple(ParseError("f.csv", line, "a", "x", "y", "z") for line in range(1, 1501))
    result = collect("f.csv", "test", [Chunk(errors=errors[:1000], error_count=1500, rows_read=1500)])
    assert len(result.errors) == 1000
    assert result.error_count == 1500
    assert result.errors_not_listed == 500
    assert not result.ok


def test_period_lengths_are_the_stored_strings() -> None:
    assert [length.value for length in OBSERVED] == ["day", "week", "month", "quarter", "year"]
