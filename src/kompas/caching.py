# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The one way Kompas caches: a value under a key that names everything it depends on.

Values that depend on stored data (figures, the data vintage, rendered dashboard parts) are
cached *until the next change*: their key ends with a counter that grows with every committed
change, so a change replaces them without anyone deleting anything, in every server process.
The counter is given by the app that knows what a change is
(``kompas.accounts.queries.changes``, the newest audit record of a change); this kernel module
only keeps it. Values that depend on nothing stored (an SVG rendered from its specification)
are cached under a key made from their input, with :func:`cached` alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
# An upper bound only: a change replaces the key long before.
UNTIL_NEXT_CHANGE_SECONDS = 3600
# How long one lookup of the counter serves: a change shows within these seconds, and the many
# cached values of one page share one lookup.
COUNTER_SECONDS = 2


def cached(key: str, compute: Callable[[], T], *, seconds: int) -> T:
    """Return the value cached under ``key``, or ``compute()`` it and keep it for ``seconds``.

    ``key`` must name everything the value depends on. A computed None is not kept.
    """
    found: T | None = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found


@dataclass(frozen=True)
class ChangeCounter:
    """A number that grows with every committed change, for the keys of values cached until the next.

    ``lookup`` reads the number from the database; ``key`` is where one lookup is kept for
    :data:`COUNTER_SECONDS`.
    """

    key: str
    lookup: Callable[[], int]

    def current(self) -> int:
        """Return the counter, looked up at most every :data:`COUNTER_SECONDS` seconds."""
        found: int | None = cache.get(self.key)
        return self.refresh() if found is None else found

    def refresh(self) -> int:
        """Look the counter up now; the next :meth:`current` calls share this lookup.

        A page that must show a change on the very next request calls this once at its start.
        """
        found = self.lookup()
        cache.set(self.key, found, COUNTER_SECONDS)
        return found

    def until_next_change(
        self, key: str, compute: Callable[[], T], *, seconds: int = UNTIL_NEXT_CHANGE_SECONDS
    ) -> T:
        """Return ``compute()``, cached under ``key`` until the next change (at most ``seconds``).

        ``key`` must name everything the value depends on besides the stored data: organisation,
        filters, whether small counts are suppressed, language.
        """
        return cached(f"kompas:{key}:{self.current()}", compute, seconds=seconds)
