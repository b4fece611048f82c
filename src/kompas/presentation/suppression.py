# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The publication threshold: counts below 5 are shown as "< 5" to whoever may only see published figures.

Small counts of registered incidents in a wijk or buurt can point at a household or a person, so
a council member (and every export made for one) sees them suppressed, as CBS and the police do
in their open data. A figure *derived* from a small count (a rate, a share) is suppressed too,
marked "n < 5", because the count can be recomputed from it. This module holds the rule; every
page, chart, table and export a suppressed reader gets passes its numbers through
:func:`publishable`. Who is such a reader is a fact of the roles
(:func:`kompas.accounts.roles.suppresses`).

A small count also shows through a sum: wijk 28 beside buurten 10, 7, 9 and "< 5" gives 2
away. So the counts of a gemeente, its wijken and its buurten are suppressed as one hierarchy
(:func:`complements`, method in :mod:`kompas.presentation.complementary`): beside each suppressed
count at least one more figure of its sum is withheld, marked "x", on every page, report and
export alike, so that combining them gives nothing away either. Which counts are sums of which
the caller says (:func:`kompas.areas.sums.area_sums`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kompas.presentation.complementary import Group, withhold

THRESHOLD = 5
SUPPRESSED_COUNT = "< 5"
SUPPRESSED_DERIVED = "n < 5"
# CBS's mark for a figure withheld to protect another ("geheim").
SUPPRESSED_COMPLEMENT = "x"


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


def complements(counts: Mapping[str, float], sums: Iterable[tuple[str, Sequence[str]]]) -> frozenset[str]:
    """Return the cells whose count is withheld to protect a small count in the same sum.

    ``counts`` holds one count per cell (an area code, for a measure or indicator in one period);
    ``sums`` the totals among them with their parts, e.g. a gemeente with its wijken. The counts
    below :data:`THRESHOLD` are withheld by :func:`publishable` already; this returns the others
    to withhold.
    """
    groups = [Group(total, tuple(parts)) for total, parts in sums]
    return withhold(groups, counts, threshold=THRESHOLD).complementary
