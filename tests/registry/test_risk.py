# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The uniform risk classification (issue 16 §3): the criteria table is data; every class boundary.

The bundled table is an example (the IVP names no criteria): A from score 0, B from 3, C from 6;
visitors score 0 below 2.000, 1 from 2.000, 2 from 10.000, 4 from 50.000. Time budget: 1 s.
"""

from __future__ import annotations

import pytest

from kompas.registry.risk import bundled_table, classify, missing_answers, parse

NONE = {
    "bezoekers": 0,
    "alcohol": False,
    "drugs": False,
    "risicopubliek": False,
    "vuurwerk": False,
    "openbare_weg": False,
    "nacht": False,
}


@pytest.mark.parametrize(
    ("answers", "score", "risk_class"),
    [
        # a neighbourhood barbecue: nothing scores
        ({}, 0, "A"),
        # 1.999 visitors: still no points
        ({"bezoekers": 1999}, 0, "A"),
        # 2.000 visitors with alcohol: 2, the highest A
        ({"bezoekers": 2000, "alcohol": True}, 2, "A"),
        # one more point (on the public road): 3, the lowest B
        ({"bezoekers": 2000, "alcohol": True, "openbare_weg": True}, 3, "B"),
        # 9.999 visitors, alcohol, drugs: 1 + 1 + 2 = 4
        ({"bezoekers": 9999, "alcohol": True, "drugs": True}, 4, "B"),
        # 10.000 visitors, alcohol, drugs: 2 + 1 + 2 = 5, the highest B
        ({"bezoekers": 10000, "alcohol": True, "drugs": True}, 5, "B"),
        # and after 01.00 hours: 6, the lowest C
        ({"bezoekers": 10000, "alcohol": True, "drugs": True, "nacht": True}, 6, "C"),
        # 50.000 visitors with supporters at risk: 4 + 2 = 6, C on two answers
        ({"bezoekers": 50000, "risicopubliek": True}, 6, "C"),
        # 49.999 visitors with supporters at risk: 2 + 2 = 4, B
        ({"bezoekers": 49999, "risicopubliek": True}, 4, "B"),
    ],
)
def test_class_boundaries(answers: dict[str, int | bool], score: int, risk_class: str) -> None:
    result = classify({**NONE, **answers})
    assert (result.score, result.risk_class) == (score, risk_class)


def test_the_table_is_data_and_marked_as_an_example() -> None:
    table = bundled_table()
    assert table.example is True
    assert [code for code, _lowest in table.classes] == ["A", "B", "C"]
    assert missing_answers({"bezoekers": 10}) == [c.code for c in table.criteria if c.code != "bezoekers"]


def test_another_regions_table_changes_the_class_without_code() -> None:
    strict = parse(
        'format = "kompas-risicoclassificatie"\n'
        '[[criterion]]\ncode = "alcohol"\nquestion = "Alcohol?"\nkind = "yes_no"\npoints = 5\n'
        '[[class]]\ncode = "A"\nfrom = 0\n[[class]]\ncode = "C"\nfrom = 5\n'
    )
    assert classify({"alcohol": True}, strict).risk_class == "C"
    assert classify({"alcohol": False}, strict).risk_class == "A"


@pytest.mark.parametrize(
    "text",
    [
        'format = "iets anders"',  # not a criteria table
        'format = "kompas-risicoclassificatie"\n[[class]]\ncode = "B"\nfrom = 3\n',  # no class from 0
        'format = "kompas-risicoclassificatie"\n[[criterion]]\ncode = "x"\nquestion = "?"\nkind = "number"\n'
        '[[class]]\ncode = "A"\nfrom = 0\n',  # a number without steps
    ],
)
def test_a_broken_table_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse(text)
