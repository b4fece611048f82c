# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Helpers of the import tests: run an import, count what is stored, export and sum."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.observations.models import Event, Measure, Observation, ObservationChange
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportRun


def run_import(organisation: Organisation, source: Path | str, format_name: str, **kwargs: Any) -> ImportRun:
    """Import a bundled file (path relative to the data folder) or any path for ``organisation``."""
    path = DATA / source if isinstance(source, str) else source
    with scope(organisation=organisation.pk):
        return import_file(path, format=format_name, organisation=organisation, actor=None, **kwargs)


def stored() -> tuple[int, ...]:
    """Return the number of rows of every table an import writes."""
    with scopes_disabled():
        return (
            Area.objects.count(),
            Measure.objects.count(),
            Observation.objects.count(),
            ObservationChange.objects.count(),
            Event.objects.count(),
        )


def exported(*arguments: str) -> list[dict[str, str]]:
    """Return the rows ``kompas export observations ARGUMENTS`` writes as CSV."""
    out = io.StringIO()
    call_command("export_observations", *arguments, stdout=out, stderr=io.StringIO())
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def export_total(run: ImportRun, *arguments: str) -> tuple[int, float]:
    """Return the number of exported rows of ``run`` and the sum of their values."""
    rows = exported("--import-run", str(run.pk), *arguments)
    return len(rows), sum(float(row["value"]) for row in rows)


def raw_rows(relative: str, delimiter: str = ",") -> list[dict[str, str]]:
    """Read a bundled CSV (plain or gzip) with the csv module only, as the reference."""
    path = DATA / relative
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:  # type: ignore[operator]
        return list(csv.DictReader(handle, delimiter=delimiter))
