# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The source's own figures as stored observations, and its statements recomputed from them.

:mod:`tests.indicators.source_series` reads the figures of the Platform IVZ Twente's note and
checks its statements on the numbers in the file. Here the same figures become observations of
the area Twente (veiligheidsregio VR05), one import run per series file whose notes keep every
figure's line references, and the statements are recomputed from what ``kompas compute`` stored
for the indicators of ``sets/platform_ivz_twente.toml`` — the whole path a municipality's own
data takes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from django.db import transaction

from kompas import indicators
from kompas.accounts.models import Organisation, User
from kompas.areas import load as areas_load
from kompas.areas.queries import version_index
from kompas.indicators.models import IndicatorTrend, IndicatorValue
from kompas.observations.stage import ObservationStage
from kompas.observations.write import save_measures, upsert_observations
from kompas.sources import runs
from tests.indicators import source_series
from tests.indicators.source_series import RUIM_WIDTH, Reproduction, SourceFigure

TWENTE = "VR05"
TWENTE_NAME = "Twente"
MEASURE_PREFIX = "ivz_"
SOURCE = "Platform IVZ Twente, notitie in IVP Hengelo 2017-2020 bijlage 1"
DEFINITIONS = Path(indicators.__file__).resolve().parent / "sets" / "platform_ivz_twente.toml"
# Series whose figures are counts per year of Twente: the ones the statements rest on.
STORED = ("twente_woninginbraken", "twente_verward_gedrag_e33", "twente_hennep")


@dataclass(frozen=True)
class _Area:
    """Twente as an area version (what :func:`kompas.areas.load.save_areas` takes)."""

    code: str = TWENTE
    name: str = TWENTE_NAME
    level: str = "regio"
    parent_code: str | None = None
    geometry: bytes | None = None
    valid_from: int = 2007


@dataclass(frozen=True)
class _Measure:
    code: str
    name: str
    unit: str = "aantal"
    source: str = SOURCE
    licence: str = ""
    definition: str = ""


def countable(figures: tuple[SourceFigure, ...]) -> list[tuple[int, SourceFigure]]:
    """The figures that are counts of Twente in a stated year, with their line in the file."""
    return [
        (line, f)
        for line, f in enumerate(figures, start=2)
        if f.unit == "count" and f.area == TWENTE_NAME and f.period_start
    ]


def store(*, organisation: Organisation, actor: User | None) -> list[int]:
    """Store the figures of every series file as observations; return the import run ids.

    Storing the same files again changes nothing (the importer's upsert keeps equal values).
    """
    return [_store_file(name, organisation, actor) for name in STORED]


def _store_file(name: str, organisation: Organisation, actor: User | None) -> int:
    path = source_series.SOURCE_SERIES / f"{name}.csv"
    content = path.read_bytes()
    started = time.perf_counter()
    run = runs.start(
        organisation=organisation,
        actor=actor,
        format_name="bronreeks",
        file_name=path.name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    figures = countable(source_series.load(name))
    with transaction.atomic():
        areas_load.save_areas([_Area()])
        counts = _write(figures, run.pk)
        notes = [
            runs.note(f"{path.name}:{line} {f.measure} {f.period_start:%Y}: {f.lines} — “{f.quote}”")
            for line, f in figures
        ]
        runs.finish(run, counts, warnings=notes, dry_run=False, started=started, actor=actor)
    return int(run.pk)


def _write(numbered: list[tuple[int, SourceFigure]], run_id: int) -> runs.Counts:
    figures = [figure for _line, figure in numbered]
    stage = ObservationStage()
    stage.add(
        pa.table(
            {
                "measure_code": [MEASURE_PREFIX + f.measure for f in figures],
                "area_code": [TWENTE] * len(figures),
                "period_start": pa.array([f.period_start for f in figures], pa.date32()),
                "period_length": [f.period_length for f in figures],
                "value": pa.array([f.value for f in figures], pa.float64()),
                "margin": pa.array([None] * len(figures), pa.float64()),
                "sample_size": pa.array([None] * len(figures), pa.float64()),
                "line": pa.array([line for line, _figure in numbered], pa.int64()),
            }
        )
    )
    described = {
        MEASURE_PREFIX + f.measure: _Measure(MEASURE_PREFIX + f.measure, f.measure, definition=f.note)
        for f in figures
    }
    ids = save_measures(described.values(), described, organisation_id=None)
    result = upsert_observations(stage, measure_ids=ids, areas=version_index([TWENTE]), import_run_id=run_id)
    return runs.Counts(
        rows_read=len(figures), loaded=result.loaded, changed=result.changed, unchanged=result.unchanged
    )


def _value(code: str, year: int) -> float:
    row = IndicatorValue.objects.get(
        indicator__code=code, area_code=TWENTE, period_start=dt.date(year, 1, 1), period_length="year"
    )
    if row.value is None:
        raise LookupError(f"{code} {year} has no value")
    return float(row.value)


def reproduce() -> tuple[Reproduction, ...]:
    """Recompute the source's statements from the stored indicator values (after ``compute``)."""
    share = _value("ivz_aandeel_pogingen", 2015)
    first, last = _value("ivz_e33_incidenten", 2011), _value("ivz_e33_incidenten", 2015)
    trend = IndicatorTrend.objects.get(indicator__code="ivz_e33_incidenten", area_code=TWENTE)
    from_ruim = _value("ivz_woninginbraken_t_o_v_2012", 2015)
    ruim, latest = _value("ivz_woninginbraken", 2012), _value("ivz_woninginbraken", 2015)
    from_high = 100 * (latest - (ruim + RUIM_WIDTH)) / (ruim + RUIM_WIDTH)
    figures = source_series.load("twente_woninginbraken")
    declines = [source_series.figure(figures, "woninginbraken", y, "pct_change").value for y in (2014, 2015)]
    compound = 100 * (math.prod(1 + change / 100 for change in declines) - 1)
    doubling = source_series.doubling_time(trend.pct_per_year or 0.0)
    return (
        Reproduction(
            "1.743 inbraken waarvan 409 pogingen (23,4%)", "L2016", 23.4, share,
            math.floor(share * 10) / 10 == 23.4, "share of the stored 2015 values, truncated to one decimal",
        ),
        Reproduction(
            "een verdubbeling van het aantal incidenten in een periode van 5 jaar", "L2034-2035", 2.0,
            last / first, round(last / first) == 2 and doubling < 5,
            "ratio 2015 / 2011 of the stored counts; doubling time of the stored trend below five years",
        ),
        Reproduction(
            "in 2014 een daling van 20% en in 2015 nog eens een daling van 17%", "L2014-2016", compound,
            from_ruim, from_high <= compound <= from_ruim,
            "compound of both declines within the stored change from 'ruim 2.600' (2012) to 2015",
        ),
    )  # fmt: skip
