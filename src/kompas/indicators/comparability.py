# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Whether an indicator may be compared across areas: the rule behind index, rank and colour.

A count grows with the size of its area, so comparing Hengelo's 3.752 registered crimes with a
Twente mean of 1.785,6 says that Hengelo is larger, not that it is safer or less safe; rates,
shares, survey percentages, changes and composite indices are scale-free and may be compared
(``docs/indicators.md`` §4). A definition may depart from its formula's default only with a
written reason (``comparable`` and ``comparable_reason`` in the definition file), and even a
comparable indicator gets an index, rank and colour only with a direction: without one, "above
the mean" is neither better nor worse.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kompas.indicators.vocabulary import Direction, Formula


def comparable_by_default(formula: Formula, denominator: str = "") -> bool:
    """Return whether values of ``formula`` may be compared across areas unless a reason says otherwise.

    A count is not; neither is a moving average without a denominator, which averages a count and
    keeps its scale. Everything else is a rate, a share, a percentage, a change or an index.
    """
    return not (formula is Formula.COUNT or (formula is Formula.MOVING_AVERAGE and not denominator))


@dataclass(frozen=True)
class Comparability:
    """Whether index, rank and colour are computed and shown, and if not, the reason a reader sees."""

    compared: bool
    reason: str = ""


def comparability(direction: Direction, comparable: bool, reason: str = "") -> Comparability:
    """Return whether an indicator is compared across areas, with the reason when it is not.

    ``comparable`` is the definition's own value or its formula's default; ``reason`` the
    definition's own, shown where it gives one.
    """
    if not comparable:
        return Comparability(False, reason or default_reason())
    if direction is Direction.NONE:
        return Comparability(
            False, _("Geen richting: boven of onder het gemiddelde is niet beter of slechter.")
        )
    return Comparability(True)


def default_reason() -> str:
    """Return why an indicator is not compared when its definition gives no reason of its own.

    Only counts (and averages of counts) fall here: a definition that makes any other formula
    incomparable must give its reason.
    """
    return _("Een aantal groeit met de grootte van het gebied; vergelijk per inwoner of per woning.")
