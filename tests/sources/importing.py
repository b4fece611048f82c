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
from django.db import transaction
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.load import create_areas
from kompas.areas.models import Area
from kompas.observations.models import Event, Measure, Observation, ObservationChange
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportRun
from kompas.sources.ownership import OPEN_DATA_FORMATS


def run_import(
    organisation: Organisation, source: Path | str, format_name: str, *, own: bool = False, **kwargs: Any
) -> ImportRun:
    """Import a bundled file (path relative to the data folder) or any path for ``organisation``.

    Open data formats are imported by the operator as shared data (ADR 0011), unless ``own``
    asks for the organisation's own figures.
    """
    path = DATA / source if isinstance(source, str) else source
    importer = organisation if own or format_name not in OPEN_DATA_FORMATS else None
    with scope(organisation=importer.pk if importer else None):
        return import_file(path, format=format_name, organisation=importer, actor=None, **kwargs)


def operator_areas(codes: dict[str, int]) -> list[str]:
    """Create areas from their CBS codes as the operator does (code → first year); return them."""
    with scopes_disabled(), transaction.atomic():
        return create_areas(codes, names={})


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
    call_command("observations_export", *arguments, stdout=out, stderr=io.StringIO())
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def export_total(run: ImportRun, *arguments: str) -> tuple[int, float]:
    """Return the number of exported rows of ``run`` and the sum of their values."""
    rows = exported("--import-run", str(run.pk), *arguments)
    return len(rows), sum(float(row["value"]) for row in rows)


def raw_rows(relative: str, delimiter: str = ",") -> list[dict[str, str]]:
    """Read a bundled CSV (plain or gzip) with the csv module only, as the reference."""
    path = DATA / relative
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:  # type: ignore[operator]  # gzip.open or open, both take text mode
        return list(csv.DictReader(handle, delimiter=delimiter))
