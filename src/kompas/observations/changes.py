# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading the history of values: what an import replaced, and what each value was before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from kompas.observations.models import ObservationChange


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One value an import replaced: where it is, what it was and what it became."""

    measure_code: str
    area_code: str
    period_start: dt.date
    period_length: str
    old_value: float
    new_value: float
    old_margin: float | None
    new_margin: float | None

    def as_dict(self) -> dict[str, object]:
        """Return the change as JSON-ready values."""
        return {
            "measure_code": self.measure_code,
            "area_code": self.area_code,
            "period_start": self.period_start.isoformat(),
            "period_length": self.period_length,
            "old_value": self.old_value,
            "new_value": self.new_value,
            "old_margin": self.old_margin,
            "new_margin": self.new_margin,
        }


def _of_run(import_run_id: int) -> QuerySet[ObservationChange]:
    return ObservationChange.objects.filter(import_run_id=import_run_id).order_by(
        "observation__measure__code", "observation__area__code", "observation__period_start", "id"
    )


def changes_of_run(import_run_id: int, *, offset: int = 0, limit: int | None = 1000) -> list[ValueChange]:
    """Return the values an import run replaced, by measure, area and period."""
    rows = _of_run(import_run_id).values_list(
        "observation__measure__code",
        "observation__area__code",
        "observation__period_start",
        "observation__period_length",
        "old_value",
        "new_value",
        "old_margin",
        "new_margin",
    )
    selected = rows[offset : offset + limit] if limit is not None else rows[offset:]
    return [ValueChange(*row) for row in selected]
