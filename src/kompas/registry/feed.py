# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The registry's counts as observations, so the plan's indicators get values and verdicts.

Every kind of activity has two documented measures, ``register_<kind>_activiteiten`` and
``register_<kind>_deelnemers``, and events ``register_evenement_activiteiten`` and
``register_evenement_incidenten`` (shared descriptions, like open data measures; the values are
always the organisation's own, ADR 0011). After each change the counts of the touched year are
written for the gemeente (all activities of that kind that start in the year) and for the wijk
the activity took place in, through :func:`kompas.observations.own_figures.record_own_figure`:
its source text says "Kompas-register" (the provenance), it keeps the old value as history, it
is audited, and after commit it hands the organisation's indicators on the measure to
recomputation. A count that drops to zero is written as 0: the register is kept, so zero is a
real count, not a missing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation, User
from kompas.observations.own_figures import OwnFigure, record_own_figure
from kompas.observations.write import save_measures
from kompas.registry.models import EVENT_KIND, LINKED_KINDS, Activity, CountedAs, Event

SOURCE = "Kompas-register"
UNIT = "aantal"


@dataclass(frozen=True)
class RegistryMeasure:
    """The description of one registry measure, as :func:`save_measures` takes it."""

    code: str
    name: str
    unit: str = UNIT
    source: str = SOURCE
    licence: str = ""
    definition: str = ""


def measure_code(kind: str, counted: str) -> str:
    """Return the code of the measure counting ``counted`` of activities of ``kind``."""
    return f"register_{kind}_{counted}"


def measure_of(kind: str, counted: str) -> RegistryMeasure:
    """Return the documented measure counting ``counted`` of ``kind`` (an activity kind or events)."""
    label = str(dict(LINKED_KINDS)[kind]).lower()
    what = str(CountedAs(counted).label)
    return RegistryMeasure(
        code=measure_code(kind, counted),
        name=f"{what}: {label}",
        definition=_(
            "Geteld in het register van Kompas: activiteiten die in het jaar beginnen, per gemeente en wijk."
        ),
    )


def counted_of(kind: str) -> tuple[str, ...]:
    """Return what is counted of ``kind``: activities and participants, or events and incidents."""
    if kind == EVENT_KIND:
        return (CountedAs.ACTIVITIES, CountedAs.INCIDENTS)
    return (CountedAs.ACTIVITIES, CountedAs.PARTICIPANTS)


def all_measures() -> list[RegistryMeasure]:
    """Return every registry measure: two per kind of activity and two for events."""
    return [measure_of(kind, counted) for kind, _label in LINKED_KINDS for counted in counted_of(kind)]


def ensure_measures(kinds: Iterable[str]) -> None:
    """Create (or keep) the measures of ``kinds``; they carry no values of their own."""
    records = [measure_of(kind, counted) for kind in kinds for counted in counted_of(kind)]
    save_measures(records, [record.code for record in records], organisation_id=None)


def refresh(*, actor: User, organisation: Organisation, touched: Iterable[tuple[str, int, str]]) -> None:
    """Write the counts of every (kind, year, area code) in ``touched`` and of its gemeente.

    Runs inside the caller's transaction; each figure's recomputation follows after commit.
    """
    touched = list(touched)
    wanted = {(kind, year, organisation.cbs_code) for kind, year, _area in touched}
    wanted |= {(kind, year, area) for kind, year, area in touched if area != organisation.cbs_code}
    ensure_measures({kind for kind, _year, _area in wanted})
    for kind, year, area in sorted(wanted):
        rows = _rows(organisation, kind, year, None if area == organisation.cbs_code else area)
        is_demo = _demo_only(rows, kind, year)
        for counted, value in _counts(rows, kind).items():
            figure = OwnFigure(
                measure_code=measure_code(kind, counted),
                area_code=area,
                year=year,
                value=float(value),
                source_text=f"{SOURCE}: {measure_of(kind, counted).name}",
                is_demo=is_demo,
            )
            record_own_figure(actor=actor, figure=figure)


def _rows(
    organisation: Organisation, kind: str, year: int, area: str | None
) -> QuerySet[Activity] | QuerySet[Event]:
    """Return the activities of ``kind`` (or the events) that start in ``year``, in ``area`` or all."""
    if kind == EVENT_KIND:
        events = Event.objects.filter(organisation=organisation, start__year=year)
        return events.filter(area_code=area) if area else events
    rows = Activity.objects.filter(organisation=organisation, kind=kind, start__year=year)
    return rows.filter(area_code=area) if area else rows


def _demo_only(rows: QuerySet[Activity] | QuerySet[Event], kind: str, year: int) -> bool:
    """Return whether the counted entries are all demo entries; refuse a mix of demo and real ones.

    A figure is either real or demo, never a sum of both: the caller's transaction rolls back and
    the user reads why (remove the demo entries of that year, or record the entry as demo).
    """
    flags = set(rows.values_list("is_demo", flat=True))
    if flags == {True, False}:
        message = _(
            "In %(year)s staan al demogegevens van deze soort (%(kind)s); echte en verzonnen "
            "registraties worden nooit bij elkaar opgeteld. Verwijder eerst de demogegevens."
        ) % {"year": year, "kind": str(dict(LINKED_KINDS)[kind]).lower()}
        raise ValidationError({NON_FIELD_ERRORS: message})
    return flags == {True}


def _counts(rows: QuerySet[Activity] | QuerySet[Event], kind: str) -> dict[str, int]:
    """Count the entries of ``rows``: activities and participants, or events and incidents."""
    if kind == EVENT_KIND:
        totals = rows.aggregate(number=Count("pk"), incidents=Sum("incidents"))
        return {CountedAs.ACTIVITIES: totals["number"] or 0, CountedAs.INCIDENTS: totals["incidents"] or 0}
    totals = rows.aggregate(number=Count("pk"), participants=Sum("participant_count"))
    return {CountedAs.ACTIVITIES: totals["number"] or 0, CountedAs.PARTICIPANTS: totals["participants"] or 0}
