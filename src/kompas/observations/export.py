# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Observations as a flat table, optionally summed to a coarser area level or period.

Only counts are summed (measures with unit ``aantal`` and no margin): buurten add up to their
wijk and gemeente, months to their quarter and year. Rates, medians and survey values are never
averaged or summed; when a coarser level or period is asked they appear only where the source
itself gave them at that level and period. A value the source gives at the asked level and
period wins over the sum of its parts. Weeks do not nest in months and are only kept as weeks.
A sum covers the values present: absent values are absent, not zero; every sum says how many
of the parent's parts and periods it holds and which share of their inhabitants, and is marked
*onvolledig (57 van 99 wijken)* below full coverage (:mod:`kompas.observations.coverage`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.db.models import Max, Min, Q, QuerySet

from kompas.areas.queries import AreaNode, area_nodes
from kompas.observations import bulk, coverage
from kompas.observations.models import Measure, Observation, visible_observations
from kompas.observations.queries import COUNT_UNIT

COLUMNS = (
    "measure_code",
    "measure_name",
    "area_code",
    "area_level",
    "period_start",
    "period_length",
    "value",
    "margin",
    "sample_size",
    *coverage.COLUMNS,
)
PERIODS = ("month", "quarter", "year")
# Which period lengths sum into which: (from, to).
NESTS = {
    ("day", "month"),
    ("day", "quarter"),
    ("day", "year"),
    ("month", "quarter"),
    ("month", "year"),
    ("quarter", "year"),
}
_FIELDS = ("measure_id", "area_id", "period_start", "period_length", "value", "margin", "sample_size")


@dataclass(frozen=True)
class SourceLine:
    """Where the exported values of one measure come from."""

    measure_code: str
    source: str
    licence: str
    last_import: dt.datetime | None
    first_period: dt.date | None
    last_period: dt.date | None


@dataclass
class Export:
    """The exported table (:data:`COLUMNS`), its sources, and how many values could not be included."""

    frame: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(COLUMNS)))
    sources: list[SourceLine] = field(default_factory=list)
    left_out: int = 0

    @property
    def rows(self) -> list[tuple[object, ...]]:
        """Return the table as tuples; absent margins and sample sizes are ``None``."""
        return [
            tuple(
                None if value is pd.NA or (isinstance(value, float) and np.isnan(value)) else value
                for value in row
            )
            for row in self.frame.itertuples(index=False, name=None)
        ]


def selection(
    *,
    import_run_id: int | None = None,
    measure_code: str | None = None,
    organisation_id: int | None = None,
    all_organisations: bool = False,
) -> QuerySet[Observation]:
    """Return the observations to export: what the organisation sees (ADR 0011), or open data only.

    The organisation sees the shared values, its own measures and its own figures, which
    replace the shared value of the same area and period. ``all_organisations`` (the command
    line of the operator, without ``--organisation``) includes the values of every
    organisation's own measures too, but not their own figures of open measures: those are no
    one's but theirs to compare.
    """
    if all_organisations:
        seen = Q(organisation__isnull=True) | Q(measure__organisation__isnull=False)
    else:
        seen = visible_observations(organisation_id)
    rows = Observation._base_manager.filter(seen)
    if import_run_id is not None:
        rows = rows.filter(import_run_id=import_run_id)
    if measure_code:
        rows = rows.filter(measure__code=measure_code)
    return rows


def export_observations(
    rows: QuerySet[Observation], *, level: str | None = None, period: str | None = None
) -> Export:
    """Return ``rows`` as export rows, summed to ``level`` and ``period`` where asked."""
    frame = _frame(rows)
    result = Export(sources=_sources(rows))
    if frame.empty:
        return result
    measures = {m.pk: m for m in Measure._base_manager.filter(pk__in=frame["measure_id"].unique().tolist())}
    nodes = area_nodes(frame["area_id"].unique().tolist())
    frame["target_area"] = frame["area_id"].map(_targets(nodes, level))
    frame["target_length"] = period or frame["period_length"]
    frame["target_start"] = _period_starts(frame["period_start"], period)
    nests = [
        (length == target) or (length, target) in NESTS
        for length, target in zip(frame["period_length"], frame["target_length"], strict=True)
    ]
    reachable = frame["target_area"].notna() & np.array(nests, dtype=bool)
    native = (
        reachable
        & (frame["target_area"] == frame["area_id"])
        & (frame["period_length"] == frame["target_length"])
    )
    counts = frame["measure_id"].map(lambda pk: measures[pk].unit == COUNT_UNIT) & frame["margin"].isna()
    usable = reachable & (native | counts)
    result.left_out = int((~usable).sum())
    hierarchy = coverage.Hierarchy(area_nodes(), None)
    table = _combine(frame[usable], native[usable], hierarchy)
    result.frame = _output(table, measures, nodes)
    return result


def _frame(rows: QuerySet[Observation]) -> pd.DataFrame:
    batches = [
        pd.DataFrame.from_records(batch, columns=list(_FIELDS)) for batch in bulk.fetch_rows(rows, _FIELDS)
    ]
    if not batches:
        return pd.DataFrame(columns=list(_FIELDS))
    frame = pd.concat(batches, ignore_index=True)
    frame["period_start"] = pd.to_datetime(frame["period_start"].map(bulk.as_date))
    for name in ("value", "margin", "sample_size"):
        frame[name] = frame[name].astype("float64")
    return frame


def _targets(nodes: dict[int, AreaNode], level: str | None) -> dict[int, float]:
    """Return area id → id of the area at ``level`` it lies in (itself when no level is asked)."""
    targets: dict[int, float] = {}
    for pk in nodes:
        current: int | None = pk
        while (
            level is not None and current is not None and current in nodes and nodes[current].level != level
        ):
            current = nodes[current].parent_id
        if current is not None and current not in nodes:
            current = None
        targets[pk] = float(current) if current is not None else np.nan
    return targets


def _period_starts(starts: pd.Series, period: str | None) -> pd.Series:
    if period is None:
        return starts
    code = {"month": "M", "quarter": "Q", "year": "Y"}[period]
    firsts: pd.Series = starts.dt.to_period(code).dt.start_time
    return firsts


def _combine(frame: pd.DataFrame, native: pd.Series, hierarchy: coverage.Hierarchy) -> pd.DataFrame:
    """Keep the native rows and add the sums of the others where no native row has their key.

    Every sum carries its coverage (:mod:`kompas.observations.coverage`); a native row has none.
    """
    keys = ["measure_id", "target_area", "target_start", "target_length"]
    natives = frame[native.to_numpy()].assign(**{name: np.nan for name in coverage.COLUMNS[:-1]}, coverage="")
    parts = frame[~native.to_numpy()]
    sums = (
        parts.groupby(keys, as_index=False)
        .agg(value=("value", "sum"))
        .assign(margin=np.nan, sample_size=np.nan)
    )
    if not parts.empty:
        levels = parts["area_id"].map(lambda pk: hierarchy.nodes[pk].level if pk in hierarchy.nodes else "")
        sums = sums.merge(coverage.coverage(parts.assign(level=levels), keys, hierarchy), on=keys)
    else:
        sums = sums.assign(**{name: np.nan for name in coverage.COLUMNS[:-1]}, coverage="")
    taken = pd.MultiIndex.from_frame(natives[keys])
    sums = sums[~pd.MultiIndex.from_frame(sums[keys]).isin(taken)]
    columns = [*keys, "value", "margin", "sample_size", *coverage.COLUMNS]
    return pd.concat([natives[columns], sums[columns]], ignore_index=True)


def _output(table: pd.DataFrame, measures: dict[int, Measure], nodes: dict[int, AreaNode]) -> pd.DataFrame:
    measure_ids = table["measure_id"].astype("int64")
    area_ids = table["target_area"].astype("int64")
    frame = pd.DataFrame(
        {
            "measure_code": measure_ids.map({pk: m.code for pk, m in measures.items()}),
            "measure_name": measure_ids.map({pk: m.name for pk, m in measures.items()}),
            "area_code": area_ids.map({pk: node.code for pk, node in nodes.items()}),
            "area_level": area_ids.map({pk: node.level for pk, node in nodes.items()}),
            "period_start": table["target_start"].dt.date,
            "period_length": table["target_length"],
            "value": table["value"].astype("float64"),
            "margin": table["margin"].astype("float64"),
            "sample_size": table["sample_size"].astype("Int64"),
            **{name: table[name].astype("Int64") for name in coverage.COLUMNS[:4]},
            "coverage_population_share": table["coverage_population_share"].astype("float64").round(4),
            "coverage": table["coverage"].fillna("").astype(str),
        }
    )
    return frame.sort_values(
        ["measure_code", "area_code", "period_start", "period_length"], ignore_index=True
    )


def _sources(rows: QuerySet[Observation]) -> list[SourceLine]:
    summary = (
        rows.values("measure__code", "measure__source", "measure__licence")
        .annotate(
            last_import=Max("import_run__finished_at"), first=Min("period_start"), last=Max("period_start")
        )
        .order_by("measure__code")
    )
    return [
        SourceLine(
            line["measure__code"],
            line["measure__source"],
            line["measure__licence"],
            line["last_import"],
            line["first"],
            line["last"],
        )
        for line in summary
    ]
