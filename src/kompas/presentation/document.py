# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What every report page prints: organisation, title, active filters, data vintage, generation time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils import timezone

from kompas.presentation import formatting


@dataclass(frozen=True)
class Vintage:
    """How current one source is: its last import and the period it covers."""

    source: str
    last_import: dt.datetime | None
    period_covered: str


@dataclass(frozen=True)
class ReportMeta:
    """The header and footer lines every page of a report repeats."""

    organisation: str
    title: str
    filters: Mapping[str, str]
    vintages: Sequence[Vintage]
    generated_at: dt.datetime

    @property
    def filter_line(self) -> str:
        """Return the active filters as one line, e.g. ``periode: 2024 · gebied: GM0164``."""
        return " · ".join(f"{name}: {value}" for name, value in self.filters.items()) or "geen"

    @property
    def vintage_line(self) -> str:
        """Return the data vintage per source as one line."""
        parts = [
            f"{v.source} (import {formatting.date_time(v.last_import) if v.last_import else '–'}, "
            f"periode {v.period_covered})"
            for v in self.vintages
        ]
        return "; ".join(parts) or "geen geïmporteerde gegevens"

    @property
    def generated_line(self) -> str:
        """Return the generation moment in Dutch local time."""
        return formatting.date_time(self.generated_at)


def report_meta(
    organisation: str, title: str, filters: Mapping[str, str], vintages: Sequence[Vintage]
) -> ReportMeta:
    """Return the metadata of a report generated now."""
    return ReportMeta(organisation, title, dict(filters), tuple(vintages), timezone.now())
