# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Compute and store indicator values, trends, benchmark indices, ranks and target progress.

:func:`compute` is what ``kompas compute``, the task after an import and the tests call. Per
indicator it decides what to redo (:mod:`kompas.indicators.incremental`), reads the
observations, evaluates the definition for every area level and period length
(:mod:`kompas.indicators.engine`), and replaces the affected results in **one transaction per
indicator** together with its fill state, so an interrupted run leaves every indicator either
as it was or fully updated, and the next run continues where it stopped. Composite indices follow
their components; target progress is judged last.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_scopes import scopes_disabled

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.areas import queries as area_queries
from kompas.indicators import (
    area_trends,
    compare,
    engine,
    hierarchy,
    incremental,
    minimum_n,
    progress,
    store,
)
from kompas.indicators import values as value_frames
from kompas.indicators.composite import composite_values
from kompas.indicators.definitions import Definition
from kompas.indicators.incremental import Measures, Mode, Plan
from kompas.indicators.inputs import RunBits, month_index, run_bits, survey_rows
from kompas.indicators.intervals import Minimums
from kompas.indicators.models import (
    ComputeRun,
    Indicator,
    IndicatorComparison,
    IndicatorState,
    IndicatorTrend,
    IndicatorValue,
    TargetProgress,
)
from kompas.indicators.queries import definition_of, definitions, value_frame
from kompas.indicators.targets import targets_to_judge
from kompas.indicators.vocabulary import Formula
from kompas.observations import queries as observation_queries
from kompas.observations.periods import PeriodLength


@dataclass(frozen=True)
class IndicatorReport:
    """What happened to one indicator."""

    code: str
    mode: str
    values: int = 0
    trends: int = 0
    comparisons: int = 0
    seconds: float = 0.0
    problem: str = ""


@dataclass(frozen=True)
class ComputeReport:
    """What a compute run did; ``as_dict`` is the ``--json`` output."""

    run_id: int
    indicators: tuple[IndicatorReport, ...]
    targets: int
    seconds: float
    problems: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        """Return the report as plain data."""
        return asdict(self)


@dataclass(frozen=True)
class Context:
    """What every indicator of one run shares."""

    areas: hierarchy.Areas
    granularities: tuple[PeriodLength, ...]
    minimums: Minimums
    touched: incremental.Touched


def compute(
    *,
    actor: User | None,
    organisation: Organisation | None = None,
    codes: Sequence[str] = (),
    full: bool = False,
    granularities: Sequence[PeriodLength] = engine.ALL_GRANULARITIES,
    minimums: Minimums | None = None,
) -> ComputeReport:
    """Recompute what changed (``full``: everything) for the shared indicators and those of
    ``organisation`` (None: of every organisation), or only ``codes``."""
    began, started_at = time.perf_counter(), timezone.now()
    with scopes_disabled():
        found = entries(organisation, codes)
        latest = observation_queries.latest_import_run()
        context = Context(
            areas(), tuple(granularities), minimums or minimum_n.configured(), incremental.Touched(latest)
        )
        reports: list[IndicatorReport] = []
        for indicator, definition in found:
            reports.append(_one(indicator, definition, context, full, reports))
        targets = _judge_targets(organisation)
        seconds = time.perf_counter() - began
        run = _record(actor, organisation, started_at, reports, seconds)
    problems = tuple(f"{r.code}: {r.problem}" for r in reports if r.problem)
    return ComputeReport(run.pk, tuple(reports), targets, seconds, problems)


def recompute_own(
    *, organisation: Organisation, measure_code: str, actor: User | None = None
) -> ComputeReport | None:
    """Recompute in full the organisation's own indicators that read ``measure_code``.

    An own figure entered by hand has no import run for the incremental plan to find, and
    only the organisation's own indicators read own figures (ADR 0011). None when no own
    indicator reads the measure.
    """
    with scopes_disabled():
        own = definitions().filter(indicator__organisation=organisation)
        codes = [
            entry.indicator.code
            for entry in own
            if (definition := definition_of(entry)).formula is not Formula.COMPOSITE
            and measure_code in incremental.measures_of(definition).all
        ]
    if not codes:
        return None
    return compute(actor=actor, organisation=organisation, codes=codes, full=True)


def entries(
    organisation: Organisation | None, codes: Sequence[str] = ()
) -> list[tuple[Indicator, Definition]]:
    """The definitions to compute, composites after the indicators they combine."""
    stored = definitions()
    if organisation is not None:
        stored = stored.filter(
            Q(indicator__organisation=organisation) | Q(indicator__organisation__isnull=True)
        )
    if codes:
        stored = stored.filter(indicator__code__in=list(codes))
    pairs = [(entry.indicator, definition_of(entry)) for entry in stored]
    return sorted(pairs, key=lambda pair: (pair[1].formula is Formula.COMPOSITE, pair[1].code))


def areas() -> hierarchy.Areas:
    """The hierarchy for the years of the area versions up to next year; a period before the
    first of those years uses that year's versions, as the first version reaches back."""
    versions = area_queries.area_version_frame()
    first = int(versions["valid_from"].min()) if len(versions) else timezone.now().year
    return hierarchy.build(versions, area_queries.group_member_frame(), (first, timezone.now().year + 1))


def _one(
    indicator: Indicator, definition: Definition, context: Context, full: bool, done: list[IndicatorReport]
) -> IndicatorReport:
    began = time.perf_counter()
    if definition.formula is Formula.COMPOSITE:
        return _composite(indicator, definition, context, full, done)
    measures = incremental.measures_of(definition)
    problem = ownership_problem(indicator, measures)
    if problem:
        return IndicatorReport(definition.code, Mode.SKIPPED.value, problem=problem)
    fingerprint = incremental.definition_hash(definition, context.granularities, context.minimums)
    work = incremental.plan(
        indicator,
        definition,
        measures,
        fingerprint,
        full=full,
        touched=context.touched,
        granularities=context.granularities,
    )
    if work.mode is Mode.UNCHANGED:
        IndicatorState.objects.filter(indicator=indicator).update(last_import_run=work.last_run)
        return IndicatorReport(definition.code, work.mode.value)
    context = replace(context, areas=context.areas.visible_to(indicator.organisation_id))
    counted = definition.formula in area_trends.WITH_TREND
    observations = _observations(measures, work, indicator.organisation_id, counted=counted)
    bits = run_bits(observations)
    inputs = engine.Inputs(observations, context.areas, bits)
    values = engine.evaluate(definition, inputs, context.granularities, work.starts, context.minimums)
    compared = (
        compare.comparisons(values, context.areas, definition.direction)
        if definition.comparability.compared
        else compare.NOTHING_COMPARED
    )
    surveyed = engine.is_survey(definition, observations)
    survey = (
        value_frames.withhold_small_samples(
            survey_rows(observations, measures.flows[0], context.areas, bits), context.minimums.survey_n
        )
        if surveyed
        else None
    )
    with transaction.atomic():
        counts = _replace(indicator, definition, work, values, compared, context, bits, survey)
    return IndicatorReport(definition.code, work.mode.value, *counts, seconds=time.perf_counter() - began)


def ownership_problem(indicator: Indicator, measures: Measures) -> str:
    """A shared indicator uses open data only; an organisation's own may use its own measures."""
    owners = observation_queries.measure_owners(measures.all)
    foreign = sorted(
        code for code, owner in owners.items() if owner is not None and owner != indicator.organisation_id
    )
    if foreign:
        return "maatstaven van een organisatie in een indicator die daar niet bij hoort: " + ", ".join(
            foreign
        )
    return ""


def _observations(measures: Measures, work: Plan, owner: int | None, *, counted: bool) -> pd.DataFrame:
    return observations_for(measures, owner, counted=counted, window=work.window)


def observations_for(
    measures: Measures, owner: int | None, *, counted: bool, window: tuple[dt.date, dt.date] | None = None
) -> pd.DataFrame:
    """The flow observations in ``window`` (None: all) and every stock observation; margins and
    sample sizes only when the formula may be a survey percentage (not ``counted``).

    A shared indicator reads the shared values only; an organisation's own indicator also its
    own figures, which replace the shared value of the same area and period (ADR 0011). Also what
    ``kompas figures check`` reads, so its reasons are those of the engine."""
    since, until = window if window else (None, None)
    frame = partial(observation_queries.observation_frame, organisation_id=owner)
    flows = frame(measures.flows, since=since, until=until, margins=not counted)
    if not measures.stocks:
        return flows
    stocks = frame(measures.stocks, period_lengths=("year",), margins=False)
    return pd.concat([flows, stocks], ignore_index=True)


def _replace(
    indicator: Indicator,
    definition: Definition,
    work: Plan,
    values: pd.DataFrame,
    compared: pd.DataFrame,
    context: Context,
    bits: RunBits,
    survey: pd.DataFrame | None,
) -> tuple[int, int, int]:
    """Swap the affected results of ``indicator`` for the new ones and save its fill state."""
    owner = indicator.organisation_id
    labels = store.labels_of(context.areas, owner)
    removed = _delete_periods(IndicatorValue.objects.filter(indicator=indicator), work.starts)
    _delete_periods(IndicatorComparison.objects.filter(indicator=indicator), work.starts)
    written = store.write_values(values, indicator_id=indicator.pk, labels=labels, bits=bits)
    compared_rows = store.write_comparisons(
        compared, indicator_id=indicator.pk, owner=owner, areas=context.areas
    )
    changed = {str(length) for length in values["length"].unique()} | {k for k, n in removed.items() if n}
    trends = _refresh_trends(indicator, definition, work, survey, labels, changed)
    _save_state(indicator, work, bits, written, sum(removed.values()))
    return written, trends, compared_rows


def _delete_periods(rows: QuerySet[Any], starts: dict[PeriodLength, np.ndarray] | None) -> dict[str, int]:
    """Delete all of ``rows``, or those in the given period starts; return the count per length."""
    if starts is None:
        return {"": rows.delete()[0]}
    removed = {}
    for granularity, months in starts.items():
        dates = [store.month_date(int(m)) for m in months]
        chosen = rows.filter(period_length=granularity.value, period_start__in=dates)
        removed[granularity.value] = chosen.delete()[0]
    return removed


def _refresh_trends(
    indicator: Indicator,
    definition: Definition,
    work: Plan,
    survey: pd.DataFrame | None,
    labels: store.Labels,
    changed: set[str],
) -> int:
    """Refit the trends when values of the length they use changed; return the number stored."""
    if survey is not None:
        IndicatorTrend.objects.filter(indicator=indicator).delete()
        return store.write_trends(
            area_trends.survey_trend_rows(survey), indicator_id=indicator.pk, labels=labels
        )
    if definition.formula not in area_trends.WITH_TREND:
        IndicatorTrend.objects.filter(indicator=indicator).delete()
        return 0
    years = IndicatorValue.objects.filter(indicator=indicator, period_length=PeriodLength.YEAR.value)
    length = PeriodLength.YEAR if years.values("period_start").distinct().count() >= 3 else PeriodLength.MONTH
    if work.starts is not None and length.value not in changed:
        return IndicatorTrend.objects.filter(indicator=indicator).count()
    IndicatorTrend.objects.filter(indicator=indicator).delete()
    stored = value_frame([indicator.pk], lengths=[length.value])
    if stored.empty:
        return 0
    trend_labels, index = store.labels_from(stored)
    series = stored.assign(area=index, start=month_index(stored["period_start"]), length=length.value)
    rows = area_trends.count_trend_rows(series, definition.formula)
    return store.write_trends(rows, indicator_id=indicator.pk, labels=trend_labels)


def _save_state(indicator: Indicator, work: Plan, bits: RunBits, written: int, removed: int = 0) -> None:
    """Record what the stored results of ``indicator`` now include."""
    state, created = IndicatorState.objects.get_or_create(
        indicator=indicator,
        defaults={"definition_hash": work.definition_hash, "computed_at": timezone.now()},
    )
    kept = 0 if created or work.mode is Mode.FULL else max(0, state.rows - removed)
    state.rows = kept + written
    state.definition_hash = work.definition_hash
    state.last_import_run = work.last_run
    state.computed_at = timezone.now()
    state.save()
    if work.mode is Mode.FULL:
        state.import_runs.set(bits.ids)
    else:
        state.import_runs.add(*bits.ids)


def _composite(
    indicator: Indicator, definition: Definition, context: Context, full: bool, done: list[IndicatorReport]
) -> IndicatorReport:
    """Recompute a composite index when a component changed (always in full)."""
    began = time.perf_counter()
    parts = {c.indicator: c.weight for c in definition.components}
    entries = {i.code: i for i in Indicator.objects.filter(code__in=list(parts), definition__isnull=False)}
    if set(entries) != set(parts):
        return IndicatorReport(definition.code, Mode.SKIPPED.value, problem="onderdeel zonder definitie")
    fingerprint = incremental.definition_hash(definition, context.granularities, context.minimums)
    state = IndicatorState.objects.filter(indicator=indicator).first()
    touched = any(r.code in parts and r.mode in (Mode.FULL, Mode.INCREMENTAL) for r in done)
    if not (full or touched or state is None or state.definition_hash != fingerprint):
        return IndicatorReport(definition.code, Mode.UNCHANGED.value)
    stored = value_frame([e.pk for e in entries.values()])
    weights = {entries[code].pk: weight for code, weight in parts.items()}
    directions = {e.pk: definition_of(e.definition).direction for e in entries.values()}
    combined = composite_values(stored, weights, directions, definition.normalisation)
    work = Plan(Mode.FULL, None, None, 0, fingerprint)
    with transaction.atomic():
        written = _write_composite(indicator, combined, work)
    return IndicatorReport(definition.code, Mode.FULL.value, written, seconds=time.perf_counter() - began)


def _write_composite(indicator: Indicator, combined: pd.DataFrame, work: Plan) -> int:
    IndicatorValue.objects.filter(indicator=indicator).delete()
    if combined.empty:
        _save_state(indicator, work, RunBits(()), 0)
        return 0
    labels, index = store.labels_from(combined)
    frame = pd.DataFrame(
        {
            "area": index,
            "start": month_index(pd.to_datetime(combined["period_start"])),
            "length": combined["period_length"].to_numpy(),
            "value": combined["value"].to_numpy(dtype=np.float64),
            "ci_low": np.nan,
            "ci_high": np.nan,
            "numerator": np.nan,
            "denominator": np.nan,
            "denominator_year": -1,
            "n": np.nan,
            "flag": "",
        }
    )
    written = store.write_values(frame, indicator_id=indicator.pk, labels=labels, bits=None)
    _save_state(indicator, work, RunBits(()), written)
    return written


def _judge_targets(organisation: Organisation | None) -> int:
    """Replace the target progress of ``organisation`` (None: every organisation)."""
    targets = targets_to_judge(None if organisation is None else [organisation.pk])
    if not targets:
        return 0
    indicator_ids = sorted({t.indicator_id for t in targets})
    stored = value_frame(indicator_ids, lengths=list(progress.JUDGED_LENGTHS))
    rows = progress.judge(targets, stored)
    with transaction.atomic():
        old = TargetProgress.objects.all()
        if organisation is not None:
            old = old.filter(organisation=organisation)
        old.delete()
        TargetProgress.objects.bulk_create(
            TargetProgress(**{**asdict(row), "period_start": _date_or_none(row.period_start)}) for row in rows
        )
    return len(rows)


def _date_or_none(value: object) -> dt.date | None:
    if value is None or value is pd.NaT:
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]  # a pandas timestamp or date


@transaction.atomic
def _record(
    actor: User | None,
    organisation: Organisation | None,
    started_at: dt.datetime,
    reports: list[IndicatorReport],
    seconds: float,
) -> ComputeRun:
    """Store the run and its audit record in one transaction."""
    run = ComputeRun.objects.create(
        organisation=organisation,
        started_at=started_at,
        finished_at=timezone.now(),
        duration_seconds=seconds,
        indicators=[asdict(report) for report in reports],
        rows=sum(report.values for report in reports),
        problems=[f"{r.code}: {r.problem}" for r in reports if r.problem],
    )
    audit.record(
        "indicators.values.computed",
        actor=actor,
        target=run,
        changes={"indicators": len(reports), "rows": run.rows},
        organisation_id=organisation.pk if organisation else None,
    )
    return run
