# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The weekly summary judges its recipient at sending time (issue 11, M2).

A subscription made as an analyst outlives a demotion, a deactivation or a move to another
organisation; the mail must follow who the user is now, not who they were when they subscribed.
Time budget: ~3 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core import mail
from django.utils import timezone
from django_scopes import scopes_disabled

from kompas.accounts import roles
from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Permission, Role
from kompas.alerts.digest import send_digests, set_subscription
from kompas.alerts.models import Alert, Method

pytestmark = pytest.mark.django_db

BUURT = "BU01640103"


@pytest.fixture
def subscriber(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An analyst of Hengelo who asked for the weekly summary."""
    user = make_user(Role.ANALIST, org_a)
    user.email = "analist@example.invalid"
    user.save()
    set_subscription(actor=user, subscribed=True)
    return user


@pytest.fixture
def small_alert(org_a: Organisation) -> Alert:
    """A new alert on 3 burglaries in a buurt where 0,8 were expected."""
    with scopes_disabled():
        return Alert.objects.create(
            organisation=org_a,
            measure_code="woninginbraak",
            area_code=BUURT,
            period_start=dt.date(2024, 12, 1),
            period_length="month",
            observed=3,
            expected=0.8,
            upperbound=2.9,
            score=1.4,
            method=Method.FARRINGTON,
            method_settings={"b": 5, "w": 3, "alpha": 0.05},
            series=[],
        )


def _send() -> int:
    return send_digests(timezone.now() + dt.timedelta(seconds=1))


def _change(user: User, **fields: object) -> None:
    """Change the stored user as the beheerder's edit does, leaving every loaded copy stale."""
    with scopes_disabled():
        User.objects.filter(pk=user.pk).update(**fields)


def test_an_analyst_receives_the_small_count(subscriber: User, small_alert: Alert) -> None:
    assert _send() == 1
    assert f"{BUURT}, 1 december 2024: 3 waargenomen, 0,8 verwacht" in mail.outbox[0].body


def test_a_user_demoted_to_council_member_receives_nothing(subscriber: User, small_alert: Alert) -> None:
    _change(subscriber, role=Role.RAADSLID)
    assert _send() == 0
    assert mail.outbox == []


def test_a_deactivated_user_receives_nothing(subscriber: User, small_alert: Alert) -> None:
    _change(subscriber, is_active=False)
    assert _send() == 0
    assert mail.outbox == []


def test_a_user_moved_to_another_organisation_receives_nothing(
    subscriber: User, small_alert: Alert, org_b: Organisation
) -> None:
    _change(subscriber, organisation=org_b)
    assert _send() == 0
    assert mail.outbox == []


def test_a_role_that_reads_alerts_but_not_small_counts_gets_them_suppressed(
    subscriber: User, small_alert: Alert, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no role is like that today; should one be made, the summary follows the publication threshold
    council = roles.ROLE_PERMISSIONS[Role.RAADSLID] | {Permission.TRIAGE_ALERTS}
    monkeypatch.setitem(roles.ROLE_PERMISSIONS, Role.RAADSLID, council)
    _change(subscriber, role=Role.RAADSLID)
    assert _send() == 1
    body = mail.outbox[0].body
    assert f"{BUURT}, 1 december 2024: < 5 waargenomen, n < 5 verwacht" in body
    assert "3 waargenomen" not in body
