# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Parts of dashboard pages rendered once and served from the cache until the next change.

The figures of a dashboard part are the same for every reader of one organisation with the same
filters, suppression and language; computing and rendering them costs tens of milliseconds,
reading them back well under one. The parts are cached until the next change
(``kompas.accounts.queries.changes``, the newest audit record of a change: imports, computations,
plan, catalogue and organisation edits each write one in their own transaction), looked up anew
at the start of each request, so a committed change shows on the very next request, in every
server process. What changes without an audit record of its own (the state of alerts) stays
outside the cached parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from kompas.accounts.queries import changes

# An upper bound only: a change replaces the key long before.
CACHE_SECONDS = 15 * 60


class CachedParts:
    """The cached parts of one request: the newest change is looked up once for all of them."""

    def __init__(self) -> None:
        # Looked up now, not up to two seconds ago: the page shows a change on the next request.
        changes.refresh()

    def get(self, name: str, key: tuple[Hashable, ...], render: Callable[[], str]) -> SafeString:
        """Return the HTML ``render()`` makes for ``name`` and ``key``, from the cache when current.

        ``key`` must name everything the part depends on besides the data: organisation,
        filters, whether small counts are suppressed.
        """
        identity = repr((name, get_language(), *key))
        part = "deel:" + hashlib.sha256(identity.encode()).hexdigest()
        html = changes.until_next_change(part, render, seconds=CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 -- our own template output, escaped when it was rendered
