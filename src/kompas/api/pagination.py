# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Paging of every API list: limit and offset in the URL, both capped."""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

from kompas.pathconverters import MAX_ID


class Pages(LimitOffsetPagination):
    """Pages of at most 1.000 rows; a limit or offset beyond what a database stores is capped.

    Uncapped, ``?limit=`` or ``?offset=`` with a number of twenty digits reaches the database
    and overflows its integers (a server error instead of a page); schemathesis found it.
    """

    max_limit = 1000

    def get_offset(self, request: Request) -> int:
        """Return the offset, capped at the largest key a database stores."""
        return min(super().get_offset(request), MAX_ID)
