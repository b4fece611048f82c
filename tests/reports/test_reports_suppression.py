# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The publication threshold: one rule, and a council member's exports never show a count below 5."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
import pytest
from django.test import Client

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Permission, Role, roles_with, suppresses
from kompas.presentation.suppression import SUPPRESSED_COUNT, SUPPRESSED_DERIVED, publishable
from tests.reports.factories import Hengelo
from tests.reports.job_factories import fetch_report


@pytest.mark.parametrize(
    ("value", "count", "is_count", "expected"),
    [
        (3.0, None, True, SUPPRESSED_COUNT),  # three burglaries in a wijk: not published
        (0.0, None, True, SUPPRESSED_COUNT),  # none at all tells as much about a small area
        (4.9, None, True, SUPPRESSED_COUNT),  # a sum of parts just under the threshold
        (5.0, None, True, 5.0),  # the threshold itself is published
        (1743.0, None, True, 1743.0),  # a large count
        (22.0, None, False, 22.0),  # a survey percentage is no count
        (-20.0, 3.0, True, SUPPRESSED_DERIVED),  # a change computed from 3 burglaries
        (26.2, 48.0, True, 26.2),  # a share resting on 48 burglaries
        (None, None, True, None),  # unknown stays unknown
    ],
)
def test_publishable_for_a_suppressed_reader(
    value: float | None, count: float | None, is_count: bool, expected: object
) -> None:
    assert publishable(value, suppress=True, count=count, is_count=is_count) == expected


def test_an_internal_reader_sees_every_count() -> None:
    assert publishable(3.0, suppress=False) == 3.0
    assert publishable(-20.0, suppress=False, count=3.0) == -20.0


def test_of_the_dashboard_readers_only_the_council_member_reads_suppressed_figures() -> None:
    assert [role for role in roles_with(Permission.VIEW_DASHBOARD) if suppresses(role)] == [Role.RAADSLID]


def _numbers_in_count_cells(book: openpyxl.Workbook) -> list[tuple[str, str, object]]:
    """Return (sheet, column, value) of every number in a column that holds counts."""
    found = []
    sheet = book["Cijfers"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2, values_only=True):
        cells = dict(zip(header, row, strict=True))
        if cells["eenheid"] == "aantal":
            found += [
                ("Cijfers", name, cells[name])
                for name in ("waarde", "vorig jaar", "gemeente")
                if name in cells
            ]
    alerts = book["Signaleringen"]
    found += [
        ("Signaleringen", "waargenomen", row[3]) for row in alerts.iter_rows(min_row=2, values_only=True)
    ]
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("area", ["", "WK016409", "WK016408", "WK016407", "WK016402"])
def test_a_council_member_export_holds_no_count_below_the_threshold(
    area: str,
    client: Client,
    org_a: Organisation,
    hengelo: Hengelo,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.RAADSLID, org_a))
    query = {"rapport": "veiligheidsbeeld", "formaat": "xlsx", "periode": "2023", "gebied": area}
    response = fetch_report(client, query)
    assert response.status_code == 200, response.content[:500]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = _numbers_in_count_cells(book)
    assert cells, "het blad Cijfers heeft geen aantallen"
    small = [cell for cell in cells if isinstance(cell[2], int | float) and cell[2] < 5]
    assert small == []
    if area in ("WK016409", "WK016408"):  # 3 and 0 burglaries in 2023
        assert ("Cijfers", "waarde", SUPPRESSED_COUNT) in cells


@pytest.mark.django_db
def test_a_council_member_cannot_ask_for_unsuppressed_figures(
    client: Client,
    org_a: Organisation,
    hengelo: Hengelo,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.RAADSLID, org_a))
    query = {"rapport": "veiligheidsbeeld", "formaat": "html", "periode": "2023", "gebied": "WK016409"}
    page = fetch_report(client, query).content.decode()
    assert "weergave: openbaar, aantallen onder 5 onderdrukt" in page
    assert "&lt; 5" in page


@pytest.mark.django_db
def test_an_analyst_sees_the_small_count(
    client: Client,
    org_a: Organisation,
    hengelo: Hengelo,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    query = {"rapport": "veiligheidsbeeld", "formaat": "xlsx", "periode": "2023", "gebied": "WK016409"}
    book = openpyxl.load_workbook(io.BytesIO(fetch_report(client, query).content))
    assert ("Cijfers", "waarde", 3) in _numbers_in_count_cells(book)
