# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A Platform with two members and one user per role; the project leader is the projectleider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.formats import ASSIGNMENT, EVALUATION, PLAN
from kompas.cooperation.models import Platform, Project, ProjectState
from kompas.cooperation.platforms import save_platform

# A request that plays in 8 of the 14 municipalities: criterion 4 (≥ 7) is met.
EIGHT = list(PARTICIPANTS)[:8]


@dataclass
class Setting:
    """The Platform under test and its people, by role."""

    platform: Platform
    users: dict[Role, User]
    outsider: User


@pytest.fixture
def setting(org_a: Organisation, org_b: Organisation, make_user: Callable[..., User]) -> Setting:
    """Platform IVZ Twente (demo) with Hengelo and a partner as members; Enschede stays outside."""
    return make_setting(org_a, org_b, make_user)


def make_setting(org_a: Organisation, org_b: Organisation, make_user: Callable[..., User]) -> Setting:
    """Return the Platform of :func:`setting` (for tests outside this folder)."""
    regio = create_organisation(
        actor=None,
        code="platform-ivz",
        name="Platform IVZ Twente (demo)",
        kind=OrganisationKind.REGIO,
        cbs_code="",
    )
    partner = create_organisation(
        actor=None,
        code="vh",
        name="Veiligheidshuis (demo)",
        kind=OrganisationKind.VEILIGHEIDSHUIS,
        cbs_code="",
    )
    platform = save_platform(actor=None, organisation=regio, members=[org_a, partner])
    home = {Role.REGIOCOORDINATOR: regio, Role.PARTNER: partner}
    users = {role: make_user(role, home.get(role, org_a)) for role in Role}
    for role, user in users.items():
        User.objects.filter(pk=user.pk).update(email=f"{role.value}@example.invalid")
        user.email = f"{role.value}@example.invalid"
    outsider = make_user(Role.REGIOCOORDINATOR, org_b, "coordinator-elders")
    return Setting(platform, users, outsider)


def answers(fields: tuple[Any, ...]) -> dict[str, str]:
    """Return a (fictitious, labelled) answer for every field of a format."""
    return {field.code: f"Demo-antwoord op {field.code}" for field in fields}


def project_in(setting: Setting, state: str, **fields: Any) -> Project:
    """Create a project directly in ``state``, filled as a project there would be (test set-up)."""
    users = setting.users
    values: dict[str, Any] = {
        "platform": setting.platform,
        "title": "Demo-project 1",
        "request": "Demo-verzoek",
        "submitter_kind": "burgemeester",
        "submitter": users[Role.OOV_ADVISEUR],
        "municipalities": EIGHT,
        "state": state,
        "assignment": answers(ASSIGNMENT),
        "plan": answers(PLAN),
        "evaluation": answers(EVALUATION),
        "portfolio_holder": "Portefeuillehouder (demo)",
        "project_leader": users[Role.PROJECTLEIDER],
    }
    values.update(fields)
    with scopes_disabled():
        return Project.objects.create(**values)


__all__ = ["EIGHT", "ProjectState", "Setting", "answers", "make_setting", "project_in"]
