# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""How the onboarding commands refuse: one Dutch line on standard error, exit code 1."""

from __future__ import annotations

from typing import NoReturn

from django.core.management.base import OutputWrapper


def refuse(stderr: OutputWrapper, problems: list[str]) -> NoReturn:
    """Write ``problems`` as one line and stop; nothing has been written before this point."""
    stderr.write(" ".join(problems))
    raise SystemExit(1)
