# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An own figure of a member municipality and its share with a demo Platform; a theme linked to a
regional project (test set-up)."""

from __future__ import annotations

import datetime as dt

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation, OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.areas.models import Area
from kompas.cooperation.models import FigureShare, Platform, ThemeProject
from kompas.cooperation.platforms import save_platform
from kompas.observations.models import Measure, Observation
from tests.conftest import PASSWORD
from tests.cooperation.factories import make_project
from tests.policy.factories import POLICY_TARGETS

OWN_MEASURE = "vm_onveilig_eigen"


def own_figure(organisation: Organisation, area_code: str, value: float, year: int = 2024) -> Observation:
    """Store an own figure of ``organisation`` for ``OWN_MEASURE`` (its own measure) in ``area_code``."""
    with scopes_disabled():
        measure, _created = Measure.objects.get_or_create(
            code=OWN_MEASURE,
            organisation=organisation,
            defaults={
                "name": "Voelt zich weleens onveilig (eigen meting, demo)",
                "unit": "%",
                "source": "eigen",
            },
        )
        area = Area.objects.filter(code=area_code).first() or Area.objects.create(
            code=area_code, name=area_code, level="gemeente", valid_from=2015
        )
        return Observation.objects.create(
            measure=measure,
            area=area,
            period_start=dt.date(year, 1, 1),
            period_length="year",
            value=value,
            organisation=organisation,
        )


def make_share(organisation: Organisation) -> FigureShare:
    """Return an active share of ``organisation``'s own figures with a demo Platform it belongs to."""
    regio = create_organisation(
        actor=None, code="platform-delen", name="Platform (demo)", kind=OrganisationKind.REGIO, cbs_code=""
    )
    platform: Platform = save_platform(actor=None, organisation=regio, members=[organisation])
    sharer = create_user(
        actor=None, organisation=organisation, username="deler", password=PASSWORD, role=Role.OOV_ADVISEUR
    )
    with scopes_disabled():
        return FigureShare.objects.create(
            organisation=organisation, platform=platform, measure_code=OWN_MEASURE, shared_by=sharer
        )


def make_theme_link(organisation: Organisation) -> ThemeProject:
    """Return a link of one of ``organisation``'s themes to a project of a demo Platform."""
    theme_id = POLICY_TARGETS["theme_id"](organisation)
    project = make_project(organisation)
    with scopes_disabled():
        return ThemeProject.objects.create(
            organisation=organisation, theme_id=theme_id, project=project, created_by=project.submitter
        )
