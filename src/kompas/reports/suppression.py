# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The publication threshold: counts below 5 are shown as "< 5" to whoever may only see published figures.

Small counts of registered incidents in a wijk or buurt can point at a household or a person, so
a council member (and every export made for one) sees them suppressed, as CBS and the police do
in their open data. A figure *derived* from a small count (a rate, a share) is suppressed too,
marked "n < 5", because the count can be recomputed from it. This module holds the rule; every
page, chart, table and export a suppressed reader gets passes its numbers through
:func:`publishable`.

A small count also shows through a sum: wijk 28 beside buurten 10, 7, 9 and "< 5" gives 2
away. So the counts of a gemeente, its wijken and its buurten are suppressed as one hierarchy
(:func:`complements`, method in :mod:`kompas.reports.complementary`): beside each suppressed
count at least one more figure of its sum is withheld, marked "x", on every page, report and
export alike, so that combining them gives nothing away either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kompas.accounts.roles import Permission, has_permission
from kompas.reports.complementary import Group, withhold

THRESHOLD = 5
SUPPRESSED_COUNT = "< 5"
SUPPRESSED_DERIVED = "n < 5"
# CBS's mark for a figure withheld to protect another ("geheim").
SUPPRESSED_COMPLEMENT = "x"


def suppresses(role: str) -> bool:
    """Return whether a user with ``role`` sees small counts suppressed."""
    return not has_permission(role, Permission.VIEW_SMALL_COUNTS)


def publishable(
    value: float | None,
    *,
    suppress: bool,
    count: float | None = None,
    is_count: bool = True,
    complement: bool = False,
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
    complement
        Whether the count (``value``, or ``count`` behind a derived figure) is withheld to protect
        a small count in the same sum (:func:`complements`).

    Returns
    -------
    The value, ``"< 5"`` for a count below :data:`THRESHOLD`, ``"n < 5"`` for a figure
    derived from such a count, or ``"x"`` for a count withheld as a complement and every figure
    derived from it. Zero is a count below the threshold too: "none" is as telling about a
    small area as "one".
    """
    if not suppress or value is None:
        return value
    if count is not None:
        if count < THRESHOLD:
            return SUPPRESSED_DERIVED
        return SUPPRESSED_COMPLEMENT if complement else value
    if is_count and value < THRESHOLD:
        return SUPPRESSED_COUNT
    return SUPPRESSED_COMPLEMENT if complement else value


def is_suppressed(value: object) -> bool:
    """Return whether ``value`` is one of the suppression marks."""
    return value in (SUPPRESSED_COUNT, SUPPRESSED_DERIVED, SUPPRESSED_COMPLEMENT)


def publishable_indicator_value(
    value: float | None, *, n: float | None, is_count: bool, suppress: bool, complement: bool = False
) -> float | str | None:
    """Return an indicator's ``value`` as a suppressed reader may see it.

    The value of a count indicator is itself the count; any other (a rate, a share, an index)
    rests on its ``n`` events or respondents. ``complement``: that count is withheld to protect
    another (:func:`complements`).
    """
    count = None if is_count else n
    return publishable(value, suppress=suppress, count=count, is_count=is_count, complement=complement)


def area_sums(codes: Iterable[str]) -> list[Group[str]]:
    """Return the sums among the CBS codes ``codes``: a gemeente of its wijken, a wijk of its buurten.

    A buurt belongs to a wijk and a wijk to a gemeente by the CBS code rule (BU01640203 lies in
    WK016402, which lies in GM0164).
    """
    parts: dict[str, list[str]] = {}
    for code in sorted(set(codes)):
        if code.startswith("WK") and len(code) == 8:
            parts.setdefault("GM" + code[2:6], []).append(code)
        elif code.startswith("BU") and len(code) == 10:
            parts.setdefault("WK" + code[2:8], []).append(code)
    return [Group(total, tuple(found)) for total, found in sorted(parts.items())]


def complements(counts: Mapping[str, float]) -> frozenset[str]:
    """Return the area codes whose count is withheld to protect a small count in the same sum.

    ``counts`` holds one count per area code (a measure or indicator in one period) for the
    gemeente, wijken and buurten a reader may see. The counts below :data:`THRESHOLD` are
    withheld by :func:`publishable` already; this returns the others to withhold.
    """
    return withhold(area_sums(counts), counts, threshold=THRESHOLD).complementary
