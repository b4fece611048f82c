# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which CBS areas add up to which: a gemeente is the sum of its wijken, a wijk of its buurten.

Complementary suppression (:func:`kompas.presentation.suppression.complements`) needs the sums
of a table of counts per area; this is where the areas say what they are.
"""

from __future__ import annotations

from collections.abc import Iterable


def area_sums(codes: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Return the sums among the CBS codes ``codes``: (gemeente, its wijken), (wijk, its buurten).

    A buurt belongs to a wijk and a wijk to a gemeente by the CBS code rule (BU01640203 lies in
    WK016402, which lies in GM0164). Sorted by total; parts in code order.
    """
    parts: dict[str, list[str]] = {}
    for code in sorted(set(codes)):
        if code.startswith("WK") and len(code) == 8:
            parts.setdefault("GM" + code[2:6], []).append(code)
        elif code.startswith("BU") and len(code) == 10:
            parts.setdefault("WK" + code[2:8], []).append(code)
    return [(total, tuple(found)) for total, found in sorted(parts.items())]
