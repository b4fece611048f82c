# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Undermining signals: received from a department, weighed at the local table (spec §11.3).

The POB rule (spec §7.6, L3590-3598): a signal is discussed within at most three months and
then has a clear intervention; a signal not weighed three months after it came in is overdue.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.casework import access, crypto
from kompas.casework.access import Identity, Purpose
from kompas.casework.models import Department, Signal, SignalCategory, WeighingOutcome
from kompas.casework.persons import new_person

POB_MONTHS = 3


@dataclass(frozen=True)
class NewSignal:
    """A signal as it comes in; ``summary`` and ``persons`` are stored encrypted."""

    received_from: str
    category: str
    received_on: dt.date
    area_code: str = ""
    summary: str = ""
    persons: tuple[Identity, ...] = field(default_factory=tuple)


def pob_deadline(received_on: dt.date) -> dt.date:
    """Return the last day a signal received on ``received_on`` may wait for its weighing.

    Three calendar months later; a day the month lacks falls on its last day (30 November →
    28 or 29 February).
    """
    months = received_on.month - 1 + POB_MONTHS
    year, month = received_on.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(received_on.day, calendar.monthrange(year, month)[1]))


def is_overdue(signal: Signal, today: dt.date | None = None) -> bool:
    """Return whether ``signal`` is still unweighed after the POB three-month term."""
    return not signal.outcome and (today or timezone.localdate()) > pob_deadline(signal.received_on)


def _check(new: NewSignal) -> dict[str, str]:
    problems = {}
    if new.received_from not in Department.values:
        problems["received_from"] = _("Kies de afdeling waar het signaal vandaan komt.")
    if new.category not in SignalCategory.values:
        problems["category"] = _("Kies een categorie.")
    if new.received_on > timezone.localdate():
        problems["received_on"] = _("Een signaal kan niet in de toekomst zijn ontvangen.")
    return problems


@transaction.atomic
def open_signal(*, actor: User, new: NewSignal, purpose: Purpose = Purpose.WEIGHING) -> Signal:
    """Record a new signal for the actor's organisation; refuse bad input with Dutch messages."""
    if not access.may_open(actor):
        raise PermissionDenied
    problems = _check(new)
    if problems:
        raise ValidationError(problems)
    signal = Signal.objects.create(
        organisation_id=actor.organisation_id,
        received_from=new.received_from,
        category=new.category,
        received_on=new.received_on,
        area_code=new.area_code,
        summary_token=crypto.encrypt(new.summary) if new.summary else "",
    )
    signal.persons.set([new_person(actor, identity) for identity in new.persons])
    changes = {"purpose": str(purpose), "category": new.category, "persons": len(new.persons)}
    access.record_change("casework.signal.opened", actor=actor, target=signal, changes=changes)
    return signal


@dataclass(frozen=True)
class Weighing:
    """The weighing of a signal at the local table, with who was there and what it cost."""

    outcome: str
    weighed_on: dt.date
    present: tuple[str, ...]
    recovered_euros: Decimal = Decimal(0)
    hours_spent: Decimal = Decimal(0)


def _weighing_problems(weighing: Weighing, signal: Signal) -> dict[str, str]:
    problems = {}
    if weighing.outcome not in WeighingOutcome.values:
        problems["outcome"] = _("Kies de uitkomst van de weging.")
    if not weighing.present or any(p not in Department.values for p in weighing.present):
        problems["present"] = _("Noem wie bij de weging aanwezig waren.")
    if weighing.weighed_on < signal.received_on:
        problems["weighed_on"] = _("Een signaal kan niet gewogen zijn voordat het binnenkwam.")
    if weighing.recovered_euros < 0 or weighing.hours_spent < 0:
        problems["recovered_euros"] = _("Bedragen en uren zijn niet negatief.")
    return problems


@transaction.atomic
def weigh_signal(
    *, actor: User, signal_id: int, weighing: Weighing, purpose: Purpose = Purpose.WEIGHING
) -> Signal:
    """Record the weighing of a signal in reach of ``actor``; a weighed signal is closed."""
    signal = access.signal_for_change(actor, signal_id)
    problems = _weighing_problems(weighing, signal)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(signal, ["outcome", "weighed_on", "recovered_euros", "hours_spent"])
    signal.outcome, signal.weighed_on = weighing.outcome, weighing.weighed_on
    signal.present = list(weighing.present)
    signal.recovered_euros, signal.hours_spent = weighing.recovered_euros, weighing.hours_spent
    signal.closed_on = weighing.weighed_on
    signal.save()
    changes = {"purpose": str(purpose), **audit.diff(before, signal)}
    access.record_change("casework.signal.weighed", actor=actor, target=signal, changes=changes)
    return signal
