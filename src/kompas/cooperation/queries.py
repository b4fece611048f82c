# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.cooperation that other apps may use."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django_scopes import scopes_disabled

from kompas.cooperation.calendar import Reminder, calendar
from kompas.cooperation.models import Platform, ProgressReport, Project, ProjectState, ThemeProject

__all__ = [
    "Platform",
    "Project",
    "ProjectState",
    "Reminder",
    "ThemeProject",
    "platform_calendar",
    "platform_for",
    "platform_projects",
    "platforms",
    "project",
]


def platform_for(organisation_id: int) -> Platform | None:
    """Return the Platform the organisation is or takes part in (the first, by name), or None."""
    found = Platform.objects.filter(Q(organisation_id=organisation_id) | Q(members=organisation_id))
    return found.select_related("organisation").order_by("organisation__name").first()


def projects() -> QuerySet[Project]:
    """Return the projects of the active organisation's Platforms, most recently changed first."""
    return Project.objects.select_related("platform__organisation", "project_leader")


def project(project_id: int) -> Project | None:
    """Return one project of the active organisation's Platforms, or None."""
    return projects().filter(pk=project_id).first()


def progress_reports(project: Project) -> QuerySet[ProgressReport]:
    """Return the half-year reports of ``project``, oldest first."""
    return ProgressReport.objects.filter(project=project).order_by("year", "half")


def platforms(code: str | None = None) -> list[Platform]:
    """Return every Platform, or the one of the organisation with ``code``."""
    found = Platform.objects.select_related("organisation")
    return list(found.filter(organisation__code=code) if code else found.all())


def platform_projects(platform: Platform) -> list[Project]:
    """Return the projects of ``platform`` by title, for its reports (whoever asks, the Platform's own)."""
    with scopes_disabled():
        return list(Project.objects.filter(platform=platform).order_by("title"))


def platform_calendar(organisation_id: int, today: dt.date) -> list[Reminder]:
    """Return the calendar of the Platform the organisation is or takes part in (empty without one)."""
    platform = platform_for(organisation_id)
    return [] if platform is None else calendar(platform, today)


def theme_projects(theme_ids: list[int]) -> dict[int, list[ThemeProject]]:
    """Return theme id → the active organisation's links to regional projects, by project title.

    Read ``link.project.title`` and ``link.project.get_state_display()`` for the reports.
    """
    links = (
        ThemeProject.objects.filter(theme_id__in=theme_ids)
        .select_related("project")
        .order_by("project__title", "pk")
    )
    found: dict[int, list[ThemeProject]] = {}
    for link in links:
        found.setdefault(link.theme_id, []).append(link)
    return found
