# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The event calendar: the events of a month as weeks of days, or as a list, with filters."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from kompas.registry.models import Event


@dataclass(frozen=True)
class Day:
    """One day of the month grid with the events that run on it."""

    date: dt.date
    in_month: bool
    events: list[Event]


def month_of(text: str, today: dt.date) -> dt.date:
    """Return the first day of the month ``jjjj-mm`` in ``text``, or of ``today``'s month."""
    try:
        year, month = (int(part) for part in text.split("-", 1))
        return dt.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def filtered(area: str, risk_class: str) -> QuerySet[Event]:
    """Return the visible events in ``area`` (a gemeente takes its wijken too) of ``risk_class``."""
    events = Event.objects.all()
    area = area.strip().upper()
    if area.startswith("GM"):
        events = events.filter(Q(area_code=area) | Q(area_code__startswith="WK" + area[2:]))
    elif area:
        events = events.filter(area_code=area)
    if risk_class:
        events = events.filter(Q(final_class=risk_class) | Q(final_class="", computed_class=risk_class))
    return events


def month_grid(events: QuerySet[Event], first: dt.date) -> list[list[Day]]:
    """Return the weeks (Monday first) of ``first``'s month with the events running each day."""
    weeks = cal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1]
    running = list(events.filter(start__lte=end, end__gte=start))
    return [
        [Day(day, day.month == first.month, [e for e in running if e.start <= day <= e.end]) for day in week]
        for week in weeks
    ]
