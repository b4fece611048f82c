# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Path converters shared by every app's URLs."""

from __future__ import annotations

from django.urls import register_converter

# 18 digits stay below 2**63 - 1, the largest key SQLite and PostgreSQL store; a longer number
# cannot name a row, so it does not match and the answer is 404 instead of an overflow.
MAX_ID = 999_999_999_999_999_999


class DatabaseIdConverter:
    """Match a primary key: 1 to 18 digits."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def register() -> None:
    """Make ``<id:name>`` available in URL patterns."""
    register_converter(DatabaseIdConverter, "id")
