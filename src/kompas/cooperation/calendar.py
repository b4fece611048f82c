# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The reporting calendar of the Platform (spec §6.6) and what is overdue in it.

Fixed moments: jaarplan and jaarverslag in February/March (due 31 March), the marap in September
(due 30 September). Per project in execution: a progress report twice a year (bijlage 7); a
half-year's report is due at the end of the month after the half-year (31 July, 31 January), a
choice, as the source says only "twice a year". A project still in execution after its pre-set
end date owes its evaluation. Kompas does not record whether a jaarplan, jaarverslag or marap was
adopted, so those are shown as dates to keep, never as overdue. The DVO meetings the
regiocoördinator entered (:mod:`kompas.cooperation.meetings`) are dates of the calendar too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kompas.cooperation.meetings import meetings_from
from kompas.cooperation.models import Platform, ProgressReport, Project, ProjectState


@dataclass(frozen=True)
class Reminder:
    """One item of the calendar: what, when it is due, for which project, whether it is overdue."""

    what: str
    due: dt.date
    overdue: bool
    project_id: int | None = None
    meeting: bool = False  # a DVO meeting: a date on which, not a deadline by which


def _half_years(start: dt.date, today: dt.date) -> list[tuple[int, int, dt.date]]:
    """Return (year, half, due date) of every half-year from ``start`` that ended before ``today``."""
    found: list[tuple[int, int, dt.date]] = []
    year, half = start.year, 1 if start.month <= 6 else 2
    while True:
        due = dt.date(year, 7, 31) if half == 1 else dt.date(year + 1, 1, 31)
        ended = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
        if ended >= today:
            return found
        found.append((year, half, due))
        year, half = (year, 2) if half == 1 else (year + 1, 1)


def project_reminders(project: Project, reported: set[tuple[int, int]], today: dt.date) -> list[Reminder]:
    """Return the half-year reports and the evaluation ``project`` owes on ``today``."""
    if project.state != ProjectState.IN_EXECUTION or project.start_date is None:
        return []
    items = [
        Reminder(
            _("Voortgangsrapportage %(half)s %(year)d van %(title)s")
            % {"half": "H1" if half == 1 else "H2", "year": year, "title": project.title},
            due,
            due < today,
            project.pk,
        )
        for year, half, due in _half_years(project.start_date, today)
        if (year, half) not in reported
    ]
    if project.end_date is not None and project.end_date < today:
        items.append(
            Reminder(
                _("Evaluatie van %(title)s") % {"title": project.title}, project.end_date, True, project.pk
            )
        )
    return items


def yearly_dates(year: int) -> list[Reminder]:
    """Return the fixed moments of ``year`` (never overdue: adoption is not recorded)."""
    return [
        Reminder(_("Jaarplan en jaarverslag naar DVO en driehoeken"), dt.date(year, 3, 31), False),
        Reminder(_("Managementrapportage (marap) naar DVO en driehoeken"), dt.date(year, 9, 30), False),
    ]


def calendar(platform: Platform, today: dt.date) -> list[Reminder]:
    """Return the Platform's calendar on ``today``: overdue items first, then the dates of the year."""
    projects = Project.objects.filter(platform=platform, state=ProjectState.IN_EXECUTION)
    reported: dict[int, set[tuple[int, int]]] = {}
    for project_id, year, half in ProgressReport.objects.filter(project__in=projects).values_list(
        "project_id", "year", "half"
    ):
        reported.setdefault(project_id, set()).add((year, half))
    items = [
        item
        for project in projects
        for item in project_reminders(project, reported.get(project.pk, set()), today)
    ]
    items += [item for item in yearly_dates(today.year) if item.due >= today]
    items += [
        Reminder(_("DVO-vergadering"), day, False, meeting=True) for day in meetings_from(platform, today)
    ]
    return sorted(items, key=lambda item: (not item.overdue, item.due, item.what))
