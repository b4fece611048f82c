# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The publication threshold: counts below 5 are shown as "< 5" to whoever may only see published figures.

Small counts of registered incidents in a wijk or buurt can point at a household or a person, so
a council member (and every export made for one) sees them suppressed, as CBS and the police do
in their open data. A figure *derived* from a small count (a rate, a share) is suppressed too,
marked "n < 5", because the count can be recomputed from it. This module holds the rule; every
page, chart, table and export a suppressed reader gets passes its numbers through
:func:`publishable`.
"""

from __future__ import annotations

from kompas.accounts.roles import Permission, has_permission

THRESHOLD = 5
SUPPRESSED_COUNT = "< 5"
SUPPRESSED_DERIVED = "n < 5"


def suppresses(role: str) -> bool:
    """Return whether a user with ``role`` sees small counts suppressed."""
    return not has_permission(role, Permission.VIEW_SMALL_COUNTS)


def publishable(
    value: float | None, *, suppress: bool, count: float | None = None, is_count: bool = True
) -> float | str | None:
    """Return ``value`` as a suppressed reader may see it.

    Parameters
    ----------
    value
        The figure to show; None (unknown) stays None.
    suppress
        Whether the reader sees only published figures (:func:`suppresses`).
    count
        The number of events or people ``value`` is based on, for a derived figure (a rate or a
        share); None when ``value`` is itself that count or has no count behind it.
    is_count
        Whether ``value`` is a count (unit ``aantal``); other values without ``count`` pass.

    Returns
    -------
    The value, ``"< 5"`` for a count below :data:`THRESHOLD`, or ``"n < 5"`` for a figure
    derived from such a count. Zero is a count below the threshold too: "none" is as telling
    about a small area as "one".
    """
    if not suppress or value is None:
        return value
    if count is not None:
        return SUPPRESSED_DERIVED if count < THRESHOLD else value
    if is_count and value < THRESHOLD:
        return SUPPRESSED_COUNT
    return value


def is_suppressed(value: object) -> bool:
    """Return whether ``value`` is one of the suppression marks."""
    return value in (SUPPRESSED_COUNT, SUPPRESSED_DERIVED)


def publishable_indicator_value(
    value: float | None, *, n: float | None, is_count: bool, suppress: bool
) -> float | str | None:
    """Return an indicator's ``value`` as a suppressed reader may see it.

    The value of a count indicator is itself the count; any other (a rate, a share, an index)
    rests on its ``n`` events or respondents.
    """
    return publishable(value, suppress=suppress, count=None if is_count else n, is_count=is_count)
