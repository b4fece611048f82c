# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Fixtures of the indicator tests."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded generator passed into the tests that simulate series (never the global seed)."""
    return np.random.default_rng(20_161_128)
