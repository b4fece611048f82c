# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""DVO meeting dates: entered per year by the regiocoördinator, audited, in the calendar, on the start
page and on the projects that wait for the DVO. The dates are fictitious (demo), in next year."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord
from kompas.accounts.roles import Role
from kompas.cooperation.calendar import calendar
from kompas.cooperation.models import DvoMeeting, ProjectState
from kompas.presentation.formatting import date
from tests.conftest import verified_login
from tests.cooperation.conftest import Setting, project_in

pytestmark = pytest.mark.django_db
URL = "/samenwerking/dvo/"
YEAR = timezone.localdate().year + 1
FIRST, SECOND, THIRD = dt.date(YEAR, 2, 10), dt.date(YEAR, 4, 14), dt.date(YEAR, 6, 16)


def _dates() -> list[dt.date]:
    with scopes_disabled():
        return list(DvoMeeting.objects.order_by("date").values_list("date", flat=True))


def _enter(client: Client, text: str, year: int = YEAR) -> str:
    response = client.post(URL, {"jaar": str(year), "data": text}, follow=True)
    return response.content.decode()


def test_the_coordinator_enters_a_years_dates_audited(setting: Setting, client: Client) -> None:
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    page = _enter(client, f"10-02-{YEAR}\n14-04-{YEAR}, {YEAR}-06-16")
    assert _dates() == [FIRST, SECOND, THIRD]
    assert f"De DVO-vergaderdata van {YEAR} zijn opgeslagen." in page
    assert date(FIRST) in page and f"3 vergaderingen in {YEAR}" in page
    record = AuditRecord.objects.get(action="cooperation.dvo_meetings.set")
    assert record.changes["data"] == [[], [FIRST.isoformat(), SECOND.isoformat(), THIRD.isoformat()]]
    # entering the year again replaces its dates: 14 April dropped, 8 December added
    _enter(client, f"10-02-{YEAR}\n16-06-{YEAR}\n08-12-{YEAR}")
    assert _dates() == [FIRST, THIRD, dt.date(YEAR, 12, 8)]
    assert AuditRecord.objects.filter(action="cooperation.dvo_meetings.set").count() == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"10-02-{YEAR}\n31-02-{YEAR}", f"‘31-02-{YEAR}’ is geen datum; schrijf bijvoorbeeld 12-02-{YEAR}."),
        (f"10-02-{YEAR}\nvolgende week", "‘volgende week’ is geen datum"),
        (
            f"10-02-{YEAR}\n10-02-{YEAR + 1}",
            f"10 februari {YEAR + 1} valt niet in {YEAR}; voer de data per jaar in.",
        ),
    ],
)
def test_a_bad_date_refuses_the_list_with_one_message_and_writes_nothing(
    setting: Setting, client: Client, text: str, message: str
) -> None:
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    _enter(client, f"14-04-{YEAR}")
    response = client.post(URL, {"jaar": str(YEAR), "data": text})
    assert response.status_code == 400 and message in response.content.decode()
    assert _dates() == [SECOND]  # the year's earlier dates stand
    assert AuditRecord.objects.filter(action="cooperation.dvo_meetings.set").count() == 1


def test_meetings_are_in_the_calendar_and_on_the_coordinators_start_page(
    setting: Setting, client: Client
) -> None:
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    _enter(client, f"10-02-{YEAR}\n14-04-{YEAR}")
    with scopes_disabled():
        items = calendar(setting.platform, dt.date(YEAR, 3, 1))
    meetings = [(item.what, item.due) for item in items if item.meeting]
    assert meetings == [("DVO-vergadering", SECOND)]  # from the day on, not the past one
    start = client.get("/").content.decode()
    assert f"DVO-vergadering — op {date(FIRST)}" in start  # the next one only
    assert date(SECOND) not in start
    listing = client.get("/samenwerking/").content.decode()
    assert f"DVO-vergadering — op {date(SECOND)}" in listing and "DVO-vergaderdata invoeren" in listing


def test_a_project_waiting_for_the_dvo_shows_the_next_meeting_or_that_none_is_planned(
    setting: Setting, client: Client
) -> None:
    project = project_in(setting, ProjectState.PLAN_APPROVED_OFFICIAL)
    leader = setting.users[Role.PROJECTLEIDER]  # of Hengelo, a member of the Platform
    verified_login(client, leader)
    page = client.get(f"/samenwerking/{project.pk}/").content.decode()
    assert (
        "Wacht op de DVO (bestuurlijke vaststelling van het projectplan), maar er is geen DVO-vergadering "
        "ingepland; de regiocoördinator voert de vergaderdata in." in page
    )
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    _enter(client, f"10-02-{YEAR}\n14-04-{YEAR}")
    verified_login(client, leader)
    page = client.get(f"/samenwerking/{project.pk}/").content.decode()
    assert (
        "Wacht op de DVO (bestuurlijke vaststelling van het projectplan): "
        f"volgende vergadering {date(FIRST)}." in page
    )
    evaluated = project_in(setting, ProjectState.EVALUATION, title="Demo-project 2")
    assert (
        "vaststelling van de evaluatie): volgende vergadering"
        in client.get(f"/samenwerking/{evaluated.pk}/").content.decode()
    )
    in_execution = project_in(setting, ProjectState.IN_EXECUTION, title="Demo-project 3")
    assert "Wacht op de DVO" not in client.get(f"/samenwerking/{in_execution.pk}/").content.decode()


def test_only_the_platforms_coordinator_keeps_the_dates(setting: Setting, client: Client) -> None:
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    _enter(client, f"10-02-{YEAR}")
    with scopes_disabled():
        meeting = DvoMeeting.objects.get()
    verified_login(client, setting.outsider)  # a coordinator of a municipality outside any Platform
    assert client.get(URL).status_code == 404
    assert client.post(f"{URL}{meeting.pk}/verwijderen/").status_code == 404
    verified_login(client, setting.users[Role.PROJECTLEIDER])
    assert client.get(URL).status_code == 403
    assert _dates() == [FIRST]
    verified_login(client, setting.users[Role.REGIOCOORDINATOR])
    client.post(f"{URL}{meeting.pk}/verwijderen/")
    assert _dates() == []
    record = AuditRecord.objects.get(action="cooperation.dvo_meeting.removed")
    assert record.changes == {"datum": [FIRST.isoformat(), None]}
