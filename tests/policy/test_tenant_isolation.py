# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Enschede cannot see or change Hengelo's plan: not by page, not by id, not by API."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.policy.models import Goal, Plan, Theme
from tests.policy.factories import make_small_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def enschede_oov(
    org_b: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> User:
    user = make_user(Role.OOV_ADVISEUR, org_b, username="oov-enschede")
    login(client, user)
    return user


def _ids(plan: Plan) -> dict[str, int]:
    with scopes_disabled():
        theme = Theme.objects.filter(plan=plan).first()
        goal = Goal.objects.filter(theme__plan=plan).first()
    assert theme is not None and goal is not None
    return {"plan_id": plan.pk, "theme_id": theme.pk, "goal_id": goal.pk}


@pytest.mark.parametrize(
    ("name", "key", "method"),
    [
        ("policy:plan_detail", "plan_id", "get"),
        ("policy:budget", "plan_id", "get"),
        ("policy:capacity", "plan_id", "get"),
        ("policy:check", "plan_id", "get"),
        ("policy:export", "plan_id", "get"),
        ("policy:plan_edit", "plan_id", "post"),
        ("policy:theme_detail", "theme_id", "get"),
        ("policy:theme_edit", "theme_id", "post"),
        ("policy:goal_create", "theme_id", "post"),
        ("policy:goal_detail", "goal_id", "get"),
        ("policy:goal_edit", "goal_id", "post"),
        ("policy:goal_delete", "goal_id", "post"),
        ("api:plan_detail", "plan_id", "get"),
    ],
)
def test_hengelo_plan_answers_like_a_missing_id(
    name: str, key: str, method: str, client: Client, hengelo_plan: Plan, enschede_oov: User
) -> None:
    ids = _ids(hengelo_plan)
    data = {"text": "overgenomen", "code": "T1.G9", "version": 1, "title": "overgenomen"}
    foreign = getattr(client, method)(reverse(name, kwargs={key: ids[key]}), data)
    missing = getattr(client, method)(reverse(name, kwargs={key: 10**6}), data)
    assert foreign.status_code == missing.status_code == 404
    with scope(organisation=hengelo_plan.organisation_id):
        assert Goal.objects.filter(text="overgenomen").count() == 0
        assert Plan.objects.get().title == "Integraal Veiligheidsbeleid Hengelo 2017 - 2020"


def test_enschede_sees_only_its_own_plan(
    client: Client, org_b: Organisation, hengelo_plan: Plan, enschede_oov: User
) -> None:
    own = make_small_plan(org_b, key="enschede")
    response = client.get(reverse("policy:home"))
    assert response["Location"] == reverse("policy:plan_detail", kwargs={"plan_id": own.plan.pk})
    page = client.get(response["Location"]).content.decode()
    assert "Testplan 2025-2028" in page and "Hengelo" not in page


def test_queries_outside_a_scope_fail_loudly(hengelo_plan: Plan) -> None:
    with pytest.raises(ScopeError):
        list(Goal.objects.all())
