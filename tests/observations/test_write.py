# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The upsert of one import: new rows, unchanged rows, replaced rows with their history.

Runs on SQLite (executemany) and on PostgreSQL (COPY): the same assertions hold on both.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pyarrow as pa
import pytest
from django.db import connection
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas import load
from kompas.areas.queries import version_index
from kompas.observations.models import Observation, ObservationChange
from kompas.observations.stage import ObservationStage
from kompas.observations.write import save_measures, upsert_observations
from kompas.sources.models import ImportRun

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Measure:
    """A measure as a file describes it."""

    code: str
    name: str = "Woninginbraken"
    unit: str = "aantal"
    source: str = "Politie"
    licence: str = "CC-BY 4.0"
    definition: str = ""


def _stage(rows: list[tuple[str, str, dt.date, str, float, float | None, int | None]]) -> ObservationStage:
    stage = ObservationStage()
    columns = list(zip(*rows, strict=True)) if rows else [[]] * 7
    stage.add(
        pa.table(
            {
                "measure_code": pa.array(columns[0], pa.string()),
                "area_code": pa.array(columns[1], pa.string()),
                "period_start": pa.array(columns[2], pa.date32()),
                "period_length": pa.array(columns[3], pa.string()),
                "value": pa.array(columns[4], pa.float64()),
                "margin": pa.array(columns[5], pa.float64()),
                "sample_size": pa.array(columns[6], pa.int64()),
                "line": pa.array(range(2, len(rows) + 2), pa.int64()),
            }
        )
    )
    return stage


def _run(organisation: Organisation) -> int:
    with scopes_disabled():
        return ImportRun.objects.create(
            organisation=organisation, format="test", file_name="x.csv", sha256="0"
        ).pk


def _write(
    organisation: Organisation, rows: list[tuple[str, str, dt.date, str, float, float | None, int | None]]
) -> tuple[int, tuple[int, int, int]]:
    run = _run(organisation)
    stage = _stage(rows)
    ids = save_measures(
        [Measure("woninginbraken"), Measure("veiligheidsgevoel", name="Veiligheidsgevoel", unit="%")],
        stage.measure_codes,
        organisation_id=None,
    )
    result = upsert_observations(stage, measure_ids=ids, areas=version_index(), import_run_id=run)
    return run, (result.loaded, result.changed, result.unchanged)


JAN, FEB = dt.date(2024, 1, 1), dt.date(2024, 2, 1)
ROWS = [
    ("woninginbraken", "BU01640100", JAN, "month", 3.0, None, None),
    ("woninginbraken", "BU01640100", FEB, "month", 0.0, None, None),  # a real zero
    ("woninginbraken", "GM0164", JAN, "month", 0.1, None, None),  # binary fractions survive exactly
    ("veiligheidsgevoel", "GM0164", JAN, "year", 23.4, 1.7, 1203),
]


@pytest.fixture(autouse=True)
def unscoped() -> object:
    """Read every stored row, whoever's it is: these tests are about the writer, not the scope."""
    with scopes_disabled():
        yield


@pytest.fixture
def areas() -> None:
    load.create_areas({"BU01640100": 2014}, names={})


def test_new_then_unchanged_then_changed_with_history(org_a: Organisation, areas: None) -> None:
    _run_id, counts = _write(org_a, ROWS)
    assert counts == (4, 0, 0)
    stored = {
        (o.area.code, o.period_start, o.measure.code): (o.value, o.margin, o.sample_size)
        for o in Observation.objects.all()
    }
    assert stored[("GM0164", JAN, "woninginbraken")] == (0.1, None, None)
    assert stored[("GM0164", JAN, "veiligheidsgevoel")] == (23.4, 1.7, 1203)
    assert _write(org_a, ROWS)[1] == (0, 0, 4)  # the same file again
    corrected = [(*ROWS[0][:4], 4.0, None, None), ROWS[1], ROWS[2], (*ROWS[3][:5], 1.9, 1203)]
    run, counts = _write(org_a, corrected)
    assert counts == (0, 2, 2)
    changes = {
        (c.observation.measure.code, c.old_value, c.new_value, c.old_margin, c.new_margin)
        for c in ObservationChange.objects.filter(import_run_id=run)
    }
    assert changes == {("woninginbraken", 3.0, 4.0, None, None), ("veiligheidsgevoel", 23.4, 23.4, 1.7, 1.9)}
    changed = Observation.objects.get(
        measure__code="woninginbraken", area__code="BU01640100", period_start=JAN
    )
    unchanged = Observation.objects.get(
        measure__code="woninginbraken", area__code="BU01640100", period_start=FEB
    )
    assert changed.import_run_id == run and unchanged.import_run_id != run  # unchanged rows keep their origin


def test_a_code_with_several_versions_resolves_per_year(org_a: Organisation, areas: None) -> None:
    load.create_areas({"GM0164": 2024}, names={})  # already there from 2014: nothing new
    load.save_areas([_Area("GM0164", 2020)])
    rows = [
        ("woninginbraken", "GM0164", dt.date(2019, 1, 1), "year", 1.0, None, None),
        ("woninginbraken", "GM0164", dt.date(2021, 1, 1), "year", 2.0, None, None),
    ]
    _write(org_a, rows)
    assert sorted(Observation.objects.values_list("period_start__year", "area__valid_from")) == [
        (2019, 2014),
        (2021, 2020),
    ]


def test_empty_stage_writes_nothing(org_a: Organisation) -> None:
    assert _write(org_a, [])[1] == (0, 0, 0)


def test_values_round_trip_exactly_through_the_bulk_path(org_a: Organisation, areas: None) -> None:
    values = [1e-300, 123456789.123456, 2**53 - 1.0, math.pi, 0.30000000000000004]
    rows = [
        ("woninginbraken", "GM0164", dt.date(2000 + i, 1, 1), "year", v, None, None)
        for i, v in enumerate(values)
    ]
    _write(org_a, rows)
    stored = list(Observation.objects.order_by("period_start").values_list("value", flat=True))
    assert stored == values, connection.vendor


@dataclass(frozen=True)
class _Area:
    code: str
    valid_from: int
    name: str = "Hengelo"
    level: str = "gemeente"
    parent_code: str | None = None
    geometry: bytes | None = None
