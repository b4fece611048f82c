# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A theme of the Hengelo IVP linked to a regional project: the themablad and the voortgang report
print the project with its status (read back with pdftotext); the link is audited and only the
organisation's own themes and its Platforms' projects can be linked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.cooperation.models import ProjectState, ThemeProject
from kompas.cooperation.theme_links import link_project, unlink_project
from kompas.policy.models import Plan
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from tests.cooperation.factories import make_project
from tests.reports.conftest import pdf_pages
from tests.reports.factories import Hengelo

T2_SHEET = ReportOptions(ReportName.THEMABLAD, ReportFormat.PDF, period=2023, theme_code="T2")
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_network")]


def _text(organisation: Organisation, options: ReportOptions, tmp_path: Path) -> str:
    with scope(organisation=organisation.pk):
        return " ".join(pdf_pages(generate(organisation, options, actor=None).body, tmp_path))


def test_the_themablad_and_the_voortgang_show_the_linked_project_and_its_status(
    org_a: Organisation, plan: Plan, hengelo: Hengelo, make_user: Callable[..., User], tmp_path: Path
) -> None:
    project = make_project(org_a)  # "Demo-project 1" of a demo Platform with Hengelo as member
    with scopes_disabled():
        type(project).objects.filter(pk=project.pk).update(state=ProjectState.IN_EXECUTION)
        t2 = plan.themes.get(code="T2")
        themes = plan.themes.count()
    adviser = make_user(Role.OOV_ADVISEUR, org_a)
    with scope(organisation=org_a.pk):
        link = link_project(actor=adviser, theme_id=t2.pk, project_id=project.pk)
    themablad = _text(
        org_a, ReportOptions(ReportName.THEMABLAD, ReportFormat.PDF, period=2023, theme_code="T2"), tmp_path
    )
    assert "Regionale projecten voor T2" in themablad
    assert "Demo-project 1 Platform (demo) In uitvoering" in themablad
    voortgang = _text(org_a, ReportOptions(ReportName.VOORTGANG, ReportFormat.PDF, period=2023), tmp_path)
    assert "Demo-project 1 Platform (demo) In uitvoering" in voortgang
    assert voortgang.count("Geen regionale projecten gekoppeld.") == themes - 1
    with scope(organisation=org_a.pk):
        unlink_project(actor=adviser, link_id=link.pk)
    themablad = _text(
        org_a, ReportOptions(ReportName.THEMABLAD, ReportFormat.PDF, period=2023, theme_code="T2"), tmp_path
    )
    assert "Demo-project 1" not in themablad and "Geen regionale projecten gekoppeld." in themablad
    with scopes_disabled():
        actions = list(
            AuditRecord.objects.filter(action__startswith="cooperation.theme_project.")
            .values_list("action", flat=True)
            .order_by("pk")
        )
    assert actions == ["cooperation.theme_project.linked", "cooperation.theme_project.unlinked"]


def test_only_own_themes_and_own_platforms_projects_are_linked(
    org_a: Organisation, org_b: Organisation, plan: Plan, make_user: Callable[..., User]
) -> None:
    project = make_project(org_a)
    with scopes_disabled():
        t1 = plan.themes.get(code="T1")
    stranger = make_user(Role.OOV_ADVISEUR, org_b, "oov-enschede")
    with scope(organisation=org_b.pk), pytest.raises(ValidationError) as refused:
        link_project(actor=stranger, theme_id=t1.pk, project_id=project.pk)  # Hengelo's theme
    assert refused.value.messages == ["Dit thema bestaat niet of hoort niet bij uw organisatie."]
    with scopes_disabled():
        assert not ThemeProject.objects.exists()


def test_the_adviser_links_on_the_page(
    org_a: Organisation,
    plan: Plan,
    make_user: Callable[..., User],
    client: Client,
    login: Callable[[Client, User], Client],
) -> None:
    project = make_project(org_a)
    with scopes_disabled():
        t3 = plan.themes.get(code="T3")
    login(client, make_user(Role.OOV_ADVISEUR, org_a))
    url = reverse("dashboard:theme_projects", args=[t3.pk])
    assert url in client.get(reverse("dashboard:theme", args=[t3.pk])).content.decode()
    assert "Demo-project 1" in client.get(url).content.decode()
    client.post(url, {"project": str(project.pk)})
    with scopes_disabled():
        assert list(ThemeProject.objects.values_list("theme_id", "project_id")) == [(t3.pk, project.pk)]
