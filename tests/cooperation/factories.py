# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A Platform with the given organisation as member and one project request (demo names)."""

from __future__ import annotations

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation, OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.models import Project, ProjectState
from kompas.cooperation.platforms import save_platform
from tests.conftest import PASSWORD


def make_project(organisation: Organisation) -> Project:
    """Return a request on a demo Platform of which ``organisation`` is a member."""
    regio = create_organisation(
        actor=None, code="platform-demo", name="Platform (demo)", kind=OrganisationKind.REGIO, cbs_code=""
    )
    platform = save_platform(actor=None, organisation=regio, members=[organisation])
    submitter = create_user(
        actor=None, organisation=organisation, username="indiener", password=PASSWORD, role=Role.OOV_ADVISEUR
    )
    with scopes_disabled():
        return Project.objects.create(
            platform=platform,
            title="Demo-project 1",
            request="Demo-verzoek",
            submitter_kind="burgemeester",
            submitter=submitter,
            municipalities=list(PARTICIPANTS)[:8],
            state=ProjectState.REQUESTED,
        )
