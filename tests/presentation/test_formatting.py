# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dutch number format: rounded half up, not cut off (Django's number_format cuts: 82,76 → 82,7)."""

from __future__ import annotations

import pytest

from kompas.presentation import formatting


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (44408 / 53658 * 100, 1, "82,8"),  # T2's spending share in tests/policy/test_budget_years.py
        (2.96, 1, "3,0"),
        (1743.5, 1, "1.743,5"),
        (3752, 0, "3.752"),
        (1.5, 0, "2"),  # half up, as on paper
        (-3.25, 1, "-3,3"),
    ],
)
def test_numbers_are_rounded_half_up(value: float, decimals: int, expected: str) -> None:
    assert formatting.number(value, decimals) == expected


def test_percent_uses_the_same_rounding() -> None:
    assert formatting.percent(82.76119) == "82,8 %"
