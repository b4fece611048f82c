# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan targets whose progress the indicator engine judges, and who supplies them.

Targets belong to :mod:`kompas.policy`, which sits above indicators, so indicators cannot ask
policy for them. Policy hands the engine a *supplier* when Django starts
(``PolicyConfig.ready``); :func:`kompas.indicators.compute.compute` calls it when it judges
progress. The supplier only reads; the engine writes ``TargetProgress`` itself (ADR 0014).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TargetFigures:
    """What the indicator engine needs of a target to judge its progress (no plan texts)."""

    target_id: int
    organisation_id: int
    organisation_cbs_code: str
    indicator_id: int
    area: str
    rule: str
    baseline_value: float | None
    target_value: float | None
    target_period: int | None


# Given organisation ids (None: every organisation), return their targets with a rule.
TargetSupplier = Callable[[Sequence[int] | None], list[TargetFigures]]
_supplier: TargetSupplier | None = None


def supply_targets(supplier: TargetSupplier) -> None:
    """Let ``supplier`` provide the targets to judge; the app owning targets calls this once."""
    global _supplier  # one supplier per process, set while Django starts
    _supplier = supplier


def targets_to_judge(organisation_ids: Sequence[int] | None) -> list[TargetFigures]:
    """Return the targets with a rule of the given organisations (None: every organisation).

    Without a supplier (no app owning targets is installed) there is nothing to judge.
    """
    return [] if _supplier is None else _supplier(organisation_ids)
