# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The Platform's reporting calendar: half-year reports, overdue evaluations, the fixed dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django_scopes import scopes_disabled

from kompas.accounts.roles import Role
from kompas.cooperation.calendar import calendar
from kompas.cooperation.models import ProgressReport, ProjectState
from kompas.cooperation.reminders import send_reminders
from tests.conftest import verified_login
from tests.cooperation.conftest import Setting, project_in

START = dt.date(2027, 2, 1)


@pytest.mark.parametrize(
    ("today", "reported", "expected"),
    [
        # H1 2027 ends 30 June; its report is due 31 July
        (dt.date(2027, 6, 30), set(), []),
        (
            dt.date(2027, 7, 1),
            set(),
            [("Voortgangsrapportage H1 2027 van Demo-project 1", dt.date(2027, 7, 31), False)],
        ),
        (
            dt.date(2027, 8, 1),
            set(),
            [("Voortgangsrapportage H1 2027 van Demo-project 1", dt.date(2027, 7, 31), True)],
        ),
        (dt.date(2027, 8, 1), {(2027, 1)}, []),
        # H2 2027 is due 31 January 2028
        (
            dt.date(2028, 2, 1),
            {(2027, 1)},
            [("Voortgangsrapportage H2 2027 van Demo-project 1", dt.date(2028, 1, 31), True)],
        ),
    ],
)
def test_half_year_reports(
    setting: Setting, today: dt.date, reported: set[tuple[int, int]], expected: list[object]
) -> None:
    project = project_in(setting, ProjectState.IN_EXECUTION, start_date=START, end_date=dt.date(2029, 1, 1))
    with scopes_disabled():
        for year, half in reported:
            ProgressReport.objects.create(
                project=project, year=year, half=half, content="D", process="D", author=project.project_leader
            )
        items = calendar(setting.platform, today)
    found = [(item.what, item.due, item.overdue) for item in items if item.project_id]
    assert found == expected


def test_an_evaluation_past_the_end_date_is_overdue_and_fixed_dates_are_listed(setting: Setting) -> None:
    project_in(
        setting, ProjectState.IN_EXECUTION, start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 6, 1)
    )
    with scopes_disabled():
        items = calendar(setting.platform, dt.date(2027, 6, 15))
    assert [(item.what, item.overdue) for item in items] == [
        ("Evaluatie van Demo-project 1", True),
        ("Managementrapportage (marap) naar DVO en driehoeken", False),
    ]


def test_the_coordinators_start_page_shows_what_is_overdue(setting: Setting, client: Client) -> None:
    project_in(
        setting, ProjectState.IN_EXECUTION, start_date=dt.date(2020, 1, 1), end_date=dt.date(2020, 6, 1)
    )
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    page = client.get("/").content.decode()
    assert "Achterstallig" in page and "Evaluatie van Demo-project 1" in page
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    assert "Achterstallig" not in client.get("/").content.decode()


def test_the_weekly_reminder_mails_the_coordinators_what_is_overdue(setting: Setting) -> None:
    project_in(
        setting, ProjectState.IN_EXECUTION, start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 6, 1)
    )
    mail.outbox.clear()
    assert send_reminders(dt.date(2027, 8, 15)) == 1
    (message,) = mail.outbox
    assert message.to == ["regiocoordinator@example.invalid"]
    assert message.subject == "[Kompas] 2 achterstallige punten bij Platform IVZ Twente (demo)"
    assert message.body.splitlines() == [
        "- Evaluatie van Demo-project 1 (uiterlijk 1 juni 2027)",
        "- Voortgangsrapportage H1 2027 van Demo-project 1 (uiterlijk 31 juli 2027)",
    ]
    assert send_reminders(dt.date(2027, 6, 1)) == 0  # nothing overdue yet: no mail
