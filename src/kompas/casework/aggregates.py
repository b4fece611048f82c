# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Quarterly and yearly counts from casework, without any person: the only figures that leave it.

Each :class:`Cell` counts objects of one organisation in one area (the gemeente, or a wijk)
and one period, and knows how many objects it rests on (``basis``). A cell resting on fewer
than ``CASEWORK_SUPPRESSION_THRESHOLD`` objects (zero included) is *suppressed* for everyone
outside casework, and so are the cells that would give it away through a sum (a year of its
quarters, a gemeente of its wijken): shown as "< 5" or "x" on pages and exports for
non-participants, never written as an observation (:mod:`kompas.casework.publish`). Participants — users of
the keeping organisation who reach its casework — see the exact numbers on the casework pages.

Flows (signals received, weighed, scans requested) count events in the period; stocks (open
cases, active youth groups) count what was open on the period's last day. A year has its own
cells, so a stock is never summed over quarters; wijken have quarters only, which keeps the
table of sums a hierarchy for the complementary suppression.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from kompas.accounts.models import Organisation
from kompas.casework.models import (
    Case,
    CaseList,
    CaseState,
    Frame,
    GroupClass,
    GroupScan,
    Signal,
    SignalCategory,
    TriageLevel,
    WeighingOutcome,
    YouthGroup,
)
from kompas.presentation.complementary import Group, withhold


@dataclass(frozen=True)
class Period:
    """A quarter or a calendar year."""

    start: dt.date
    end: dt.date
    length: str  # "quarter" or "year", as kompas.observations names period lengths

    @property
    def code(self) -> str:
        """Return the StatLine code of the period (``2024KW03``, ``2024JJ00``)."""
        if self.length == "year":
            return f"{self.start.year}JJ00"
        return f"{self.start.year}KW{(self.start.month - 1) // 3 + 1:02d}"

    def holds(self, day: dt.date | None) -> bool:
        """Return whether ``day`` lies in the period."""
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class Cell:
    """One figure: ``value`` of ``measure`` in ``area_code`` over ``period``, resting on ``basis`` objects."""

    measure: str
    area_code: str
    period: Period
    value: float
    basis: int
    suppressed: bool = False


@dataclass(frozen=True)
class MeasureSpec:
    """A figure casework publishes; ``indicator`` names the plan indicator it feeds, if any."""

    code: str
    name: str
    unit: str
    indicator: str = ""


# The counts that feed the plan (Hengelo IVP 2017-2020: T5 youth groups, T7 undermining).
FEEDS = {
    "casework_signalen_doorgeleid": "T7.I1",
    "casework_signalen_lokaal_gestopt": "T7.I2",
    "casework_afgepakt_euro": "T7.I3",
    "casework_jeugdgroepen": "T5.I1",
    "casework_groepsscans": "T5.I3",
}


def quarters(first: dt.date, last: dt.date) -> Iterator[Period]:
    """Yield the quarters from the one holding ``first`` to the one holding ``last``."""
    year, quarter = first.year, (first.month - 1) // 3
    while (year, quarter) <= (last.year, (last.month - 1) // 3):
        start = dt.date(year, quarter * 3 + 1, 1)
        following = dt.date(year + (quarter == 3), (quarter + 1) % 4 * 3 + 1, 1)
        yield Period(start, following - dt.timedelta(days=1), "quarter")
        year, quarter = year + (quarter == 3), (quarter + 1) % 4


def years(first: dt.date, last: dt.date) -> Iterator[Period]:
    """Yield the calendar years from ``first`` to ``last``."""
    for year in range(first.year, last.year + 1):
        yield Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _open_on(opened: dt.date, ended: dt.date | None, day: dt.date) -> bool:
    return opened <= day and (ended is None or ended > day)


@dataclass(frozen=True)
class _Rows:
    """The person-free columns of one organisation's casework, read once."""

    signals: list[Signal]
    cases: list[Case]
    groups: list[YouthGroup]
    scans: list[GroupScan]


def _rows(organisation: Organisation) -> _Rows:
    mine = {"organisation_id": organisation.pk}
    return _Rows(
        list(Signal.objects.filter(**mine).only(*_SIGNAL_FIELDS)),
        list(Case.objects.filter(**mine).only(*_CASE_FIELDS)),
        list(YouthGroup.objects.filter(**mine).only(*_GROUP_FIELDS)),
        list(GroupScan.objects.filter(group__organisation_id=organisation.pk).select_related("group")),
    )


_SIGNAL_FIELDS = ("category", "received_on", "weighed_on", "outcome", "area_code", "recovered_euros")
_CASE_FIELDS = ("list_kind", "level", "frame", "opened_on", "closed_on", "state", "area_code")
_GROUP_FIELDS = ("classification", "started_on", "dissolved_on", "area_code")

Count = Callable[[_Rows, Period, Callable[[str], bool]], tuple[float, int]]


def _signals(match: Callable[[Signal, Period], bool]) -> Count:
    def count(rows: _Rows, period: Period, here: Callable[[str], bool]) -> tuple[float, int]:
        n = sum(1 for s in rows.signals if here(s.area_code) and match(s, period))
        return float(n), n

    return count


def _recovered(rows: _Rows, period: Period, here: Callable[[str], bool]) -> tuple[float, int]:
    chosen = [
        s for s in rows.signals if here(s.area_code) and period.holds(s.weighed_on) and s.recovered_euros
    ]
    return float(sum((s.recovered_euros for s in chosen), Decimal(0))), len(chosen)


def _cases(match: Callable[[Case], bool]) -> Count:
    def count(rows: _Rows, period: Period, here: Callable[[str], bool]) -> tuple[float, int]:
        n = sum(
            1
            for c in rows.cases
            if here(c.area_code)
            and match(c)
            and _open_on(c.opened_on, c.closed_on if c.state == CaseState.CLOSED else None, period.end)
        )
        return float(n), n

    return count


def _groups(match: Callable[[YouthGroup], bool]) -> Count:
    def count(rows: _Rows, period: Period, here: Callable[[str], bool]) -> tuple[float, int]:
        n = sum(
            1
            for g in rows.groups
            if here(g.area_code) and match(g) and _open_on(g.started_on, g.dissolved_on, period.end)
        )
        return float(n), n

    return count


def _scans(rows: _Rows, period: Period, here: Callable[[str], bool]) -> tuple[float, int]:
    n = sum(1 for s in rows.scans if here(s.group.area_code) and period.holds(s.requested_on))
    return float(n), n


def _received_category(category: str) -> Callable[[Signal, Period], bool]:
    return lambda signal, period: period.holds(signal.received_on) and signal.category == category


def _weighed_as(outcome: str) -> Callable[[Signal, Period], bool]:
    return lambda signal, period: period.holds(signal.weighed_on) and signal.outcome == outcome


def _classified(classification: str) -> Callable[[YouthGroup], bool]:
    return lambda group: classification in ("", group.classification)


def _case_with(attribute: str, value: str) -> Callable[[Case], bool]:
    return lambda case: value in ("", getattr(case, attribute))


def _specs() -> list[tuple[MeasureSpec, Count]]:
    """Return every published figure with the function that counts it."""
    specs: list[tuple[MeasureSpec, Count]] = [
        (
            MeasureSpec("casework_signalen_ontvangen", "Signalen van ondermijning ontvangen", "aantal"),
            _signals(_received_category("")),
        ),
        (
            MeasureSpec(
                "casework_signalen_doorgeleid",
                "Signalen doorgeleid naar RIEC-informatieplein en driehoek",
                "aantal",
            ),
            _signals(_weighed_as(WeighingOutcome.FORWARDED)),
        ),
        (
            MeasureSpec(
                "casework_signalen_lokaal_gestopt",
                "Signalen lokaal gestopt met een snelle interventie",
                "aantal",
            ),
            _signals(_weighed_as(WeighingOutcome.LOCAL_INTERVENTION)),
        ),
        (
            MeasureSpec("casework_afgepakt_euro", "Afgepakt vermogen (signalen ondermijning)", "euro"),
            _recovered,
        ),
        (
            MeasureSpec("casework_jeugdgroepen", "Jeugdgroepen in beeld (einde periode)", "aantal"),
            _groups(_classified("")),
        ),
        (MeasureSpec("casework_groepsscans", "Groepsscans aangevraagd", "aantal"), _scans),
        (
            MeasureSpec("casework_casussen_open", "Open persoonsgerichte casussen (einde periode)", "aantal"),
            _cases(_case_with("state", "")),
        ),
    ]
    specs += [
        (
            MeasureSpec(
                f"casework_signalen_ontvangen_{cat.value}", f"Signalen ontvangen: {cat.label}", "aantal"
            ),
            _signals(_received_category(cat)),
        )
        for cat in SignalCategory
    ]
    specs += [
        (
            MeasureSpec(
                f"casework_jeugdgroepen_{kind.value}", f"Jeugdgroepen in beeld: {kind.label}", "aantal"
            ),
            _groups(_classified(kind)),
        )
        for kind in GroupClass
    ]
    dimensions: tuple[tuple[str, type[models.TextChoices], str], ...] = (
        ("lijst", CaseList, "list_kind"),
        ("niveau", TriageLevel, "level"),
        ("kader", Frame, "frame"),
    )
    for name, choices, attribute in dimensions:
        specs += [
            (
                MeasureSpec(
                    f"casework_casussen_{name}_{choice.value}",
                    f"Open casussen, {name}: {choice.label}",
                    "aantal",
                ),
                _cases(_case_with(attribute, choice)),
            )
            for choice in choices
        ]
    return specs


def measure_specs() -> list[MeasureSpec]:
    """Return every measure casework publishes, with the plan indicator it feeds."""
    return [replace(spec, indicator=FEEDS.get(spec.code, "")) for spec, _count in _specs()]


def _first_day(rows: _Rows) -> dt.date | None:
    days = (
        [s.received_on for s in rows.signals]
        + [c.opened_on for c in rows.cases]
        + [g.started_on for g in rows.groups]
    )
    return min(days) if days else None


def _anywhere(code: str) -> bool:
    return True


def _inside(wijk: str) -> Callable[[str], bool]:
    return lambda code: code == wijk


def compute(organisation: Organisation, *, today: dt.date | None = None) -> list[Cell]:
    """Return every cell of ``organisation`` from its first casework day to today, unsuppressed.

    Areas: the gemeente as a whole (its CBS code) and each wijk an object names.
    """
    rows = _rows(organisation)
    first = _first_day(rows)
    if first is None or not organisation.cbs_code:
        return []
    last = today or timezone.localdate()
    named = [s.area_code for s in rows.signals] + [c.area_code for c in rows.cases]
    wijken = sorted({code for code in named + [g.area_code for g in rows.groups] if code})
    areas: list[tuple[str, Callable[[str], bool]]] = [(organisation.cbs_code, _anywhere)]
    areas += [(wijk, _inside(wijk)) for wijk in wijken]
    in_quarters = list(quarters(first, last))
    in_years = [*in_quarters, *years(first, last)]
    cells = []
    for spec, count in _specs():
        for area_code, here in areas:
            # wijken get quarters only, so every quarter of a wijk is part of one sum (_sums)
            for period in in_years if area_code == organisation.cbs_code else in_quarters:
                value, basis = count(rows, period, here)
                cells.append(Cell(spec.code, area_code, period, value, basis))
    return cells


def threshold() -> int:
    """Return the configured suppression threshold (default 5)."""
    return int(settings.CASEWORK_SUPPRESSION_THRESHOLD)


# Counts of what is open at the end of a period; every other measure counts events in it.
STOCK_PREFIXES = ("casework_jeugdgroepen", "casework_casussen")


def _key(cell: Cell) -> tuple[str, str, str]:
    return (cell.measure, cell.area_code, cell.period.code)


def _sums(cells: list[Cell]) -> list[Group[tuple[str, str, str]]]:
    """Return the sums a reader knows: a gemeente's quarter is the sum of its wijken's (objects
    without a wijk make it larger, which only withholds more), and a year of events the sum
    of its quarters. The table stays a hierarchy: wijken have no year cells."""
    gemeente_quarters: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    wijk_quarters: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    totals: dict[tuple[str, str], tuple[str, str, str]] = {}
    for cell in cells:
        if cell.period.length != "quarter":
            continue
        if cell.area_code.startswith("GM"):
            gemeente_quarters.setdefault((cell.measure, str(cell.period.start.year)), []).append(_key(cell))
            totals[(cell.measure, cell.period.code)] = _key(cell)
        else:
            wijk_quarters.setdefault((cell.measure, cell.period.code), []).append(_key(cell))
    groups = [
        Group(totals[quarter], tuple(parts)) for quarter, parts in wijk_quarters.items() if quarter in totals
    ]
    for (measure, year), parts in gemeente_quarters.items():
        if not measure.startswith(STOCK_PREFIXES):
            groups.append(Group((measure, parts[0][1], f"{year}JJ00"), tuple(parts)))
    return groups


def suppress(cells: Iterable[Cell], limit: int | None = None) -> list[Cell]:
    """Return ``cells`` as a non-participant may see them: small cells and their complements withheld.

    A cell resting on fewer than ``limit`` objects (zero included, as everywhere in Kompas: "none"
    tells as much about a wijk as "one") is withheld, and so are as many other cells of the same
    sums as needed to keep it from being recomputed (:func:`kompas.presentation.complementary.withhold`).
    A year of a stock is its last quarter's count, so the two are withheld together.
    """
    bound = threshold() if limit is None else limit
    given = list(cells)
    values = {_key(cell): float(cell.basis) for cell in given}
    withheld = set(withhold(_sums(given), values, threshold=bound).all)
    for cell in given:
        if cell.measure.startswith(STOCK_PREFIXES) and cell.period.length == "year":
            last = (cell.measure, cell.area_code, f"{cell.period.start.year}KW04")
            if last in withheld or _key(cell) in withheld:
                withheld |= {last, _key(cell)}
    return [replace(cell, value=0.0, suppressed=True) if _key(cell) in withheld else cell for cell in given]
