# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""DVO meeting dates: entered per year by the regiocoördinator, shown where a step waits for them.

The DVO (the bestuurlijk overleg of the mayors, spec §6) adopts project plans *bestuurlijk* and
hears the evaluations; a project in those states waits for its next meeting. The coordinator
enters a year's dates at once (one line or comma per date, ``dd-mm-jjjj``); a date outside the
year or a date that cannot be read refuses the whole list with one Dutch message and nothing is
written. Without dates a waiting step says that no meeting is planned, rather than nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.cooperation.models import DvoMeeting, Platform, Project, ProjectState
from kompas.presentation.formatting import date as date_text

# States in which the next step is the DVO's: bestuurlijk adopting the plan, hearing the evaluation.
WAITING_FOR_DVO = {
    ProjectState.PLAN_APPROVED_OFFICIAL: gettext_lazy("bestuurlijke vaststelling van het projectplan"),
    ProjectState.EVALUATION: gettext_lazy("vaststelling van de evaluatie"),
}


def parse_dates(text: str, year: int) -> list[dt.date]:
    """Return the dates of ``text`` (``dd-mm-jjjj`` or ``jjjj-mm-dd``, one per line or comma), sorted."""
    found: set[dt.date] = set()
    for part in (piece.strip() for piece in re.split(r"[,;\n]", text)):
        if not part:
            continue
        day = _read(part)
        if day is None:
            raise ValidationError(
                _("‘%(text)s’ is geen datum; schrijf bijvoorbeeld 12-02-%(year)d.")
                % {"text": part, "year": year}
            )
        if day.year != year:
            raise ValidationError(
                _("%(date)s valt niet in %(year)d; voer de data per jaar in.")
                % {"date": date_text(day), "year": year}
            )
        found.add(day)
    return sorted(found)


def _read(text: str) -> dt.date | None:
    dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    try:
        if dutch:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:  # 31-02-2027 and the like
        return None


@transaction.atomic
def set_year(*, actor: User, platform: Platform, year: int, text: str) -> list[DvoMeeting]:
    """Make ``text``'s dates the DVO meetings of ``year``; audited with the old and the new dates."""
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Kies een jaar tussen 2000 en 2100."))
    dates = parse_dates(text, year)
    current = DvoMeeting.objects.filter(platform=platform, date__year=year)
    old = sorted(meeting.date for meeting in current)
    current.exclude(date__in=dates).delete()
    for day in set(dates) - set(old):
        DvoMeeting.objects.create(platform=platform, date=day, created_by=actor)
    changes = {"jaar": [year, year], "data": [[d.isoformat() for d in old], [d.isoformat() for d in dates]]}
    audit.record("cooperation.dvo_meetings.set", actor=actor, target=platform, changes=changes)
    return list(DvoMeeting.objects.filter(platform=platform, date__year=year))


@transaction.atomic
def remove_meeting(*, actor: User, meeting_id: int) -> None:
    """Remove one DVO meeting of the active organisation's Platform (others: not found), audited."""
    meeting = DvoMeeting.objects.select_related("platform").filter(pk=meeting_id).first()
    if meeting is None:
        raise ValidationError(_("Deze DVO-vergadering bestaat niet (meer)."))
    changes = {"datum": [meeting.date.isoformat(), None]}
    audit.record("cooperation.dvo_meeting.removed", actor=actor, target=meeting.platform, changes=changes)
    meeting.delete()


def meetings_from(platform: Platform, today: dt.date) -> list[dt.date]:
    """Return the Platform's meeting dates from ``today`` on (for members too: dates are not secret)."""
    rows = DvoMeeting._base_manager.filter(platform=platform, date__gte=today).order_by("date")
    return list(rows.values_list("date", flat=True))


def meetings_of_year(platform: Platform, year: int) -> list[DvoMeeting]:
    """Return the Platform's meetings of ``year`` by date."""
    return list(DvoMeeting._base_manager.filter(platform=platform, date__year=year).order_by("date"))


def dvo_wait(project: Project, today: dt.date) -> str | None:
    """Return what ``project`` waits for at the DVO and when, or None when it waits for nothing there."""
    step = WAITING_FOR_DVO.get(ProjectState(project.state))
    if step is None:
        return None
    upcoming = meetings_from(project.platform, today)
    if not upcoming:
        return _(
            "Wacht op de DVO (%(step)s), maar er is geen DVO-vergadering ingepland; de regiocoördinator "
            "voert de vergaderdata in."
        ) % {"step": step}
    return _("Wacht op de DVO (%(step)s): volgende vergadering %(date)s.") % {
        "step": step,
        "date": date_text(upcoming[0]),
    }
