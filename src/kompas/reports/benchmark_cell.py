# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The benchmark index as pages and reports print it: a number with its reference group and year,
or "niet vergelijkbaar" with the reason (``docs/indicators.md`` §4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.presentation import formatting

if TYPE_CHECKING:
    from kompas.indicators.queries import Comparability, IndicatorComparison


@dataclass(frozen=True)
class Benchmark:
    """One index cell: ``reason`` is set when the indicator is not compared across areas."""

    index: float | None = None
    group: str = ""
    period: str = ""
    reason: str = ""

    @property
    def shown(self) -> float | str | None:
        """Return the index, or "niet vergelijkbaar" for an indicator that is not compared."""
        return not_comparable() if self.reason else self.index

    @property
    def reference(self) -> str:
        """Return the reference group and year of the index (``Twente, 2024``); empty without one."""
        if self.reason or self.index is None:
            return ""
        return _("%(group)s, %(period)s") % {"group": self.group, "period": self.period}


def not_comparable() -> str:
    """Return the words printed instead of an index."""
    return _("niet vergelijkbaar")


def benchmark(comparison: IndicatorComparison | None, comparability: Comparability | None) -> Benchmark:
    """Return the cell of one indicator: its stored comparison, or why it has none."""
    if comparability is not None and not comparability.compared:
        return Benchmark(reason=comparability.reason)
    if comparison is None:
        return Benchmark()
    period = formatting.period(comparison.period_start, comparison.period_length)
    return Benchmark(comparison.index, comparison.group.name, period)


def reasons_note(lines: Iterable[tuple[str, Benchmark]]) -> str:
    """Return "Niet vergelijkbaar: T1.I4 …: reden." for every indicator without an index, in one note."""
    reasons = dict.fromkeys(f"{name}: {cell.reason}" for name, cell in lines if cell.reason)
    if not reasons:
        return ""
    return _("Niet vergelijkbaar: %(reasons)s") % {"reasons": " ".join(reasons)}
