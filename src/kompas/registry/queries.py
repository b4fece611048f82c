# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.registry that other apps may use."""

from __future__ import annotations

from dataclasses import dataclass

from django_scopes import scopes_disabled

from kompas.registry.models import EVENT_KIND, Activity, Event, IndicatorLink


@dataclass(frozen=True)
class DemoShare:
    """How many fictitious demo entries an organisation's registry counts hold in a year."""

    entries: int
    indicator_codes: tuple[str, ...]


def demo_share(organisation_id: int, year: int) -> DemoShare:
    """Return the demo activities and events starting in ``year`` and the plan indicators their
    kinds count for, so a report can say its registry figures include made-up entries."""
    with scopes_disabled():
        activities = Activity.objects.filter(organisation_id=organisation_id, is_demo=True, start__year=year)
        events = Event.objects.filter(organisation_id=organisation_id, is_demo=True, start__year=year)
        kinds = set(activities.values_list("kind", flat=True)) | ({EVENT_KIND} if events.exists() else set())
        codes = IndicatorLink.objects.filter(organisation_id=organisation_id, kind__in=kinds)
        return DemoShare(
            activities.count() + events.count(),
            tuple(sorted(set(codes.values_list("indicator_code", flat=True)))),
        )
