# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.cooperation that other apps may use."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kompas.cooperation.models import Platform, ProgressReport, Project


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
