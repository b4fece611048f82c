# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Fixtures of the source readers: the bundled real data sets (never ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompas.sources.codelists import DATA


@pytest.fixture
def data() -> Path:
    """The folder with the bundled real data sets."""
    return DATA
