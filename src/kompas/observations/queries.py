# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.observations that other apps may use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractYear

from kompas.observations.models import Event, Measure, Observation, ObservationChange, visible_observations

COUNT_SERIES_COLUMNS = ["area_code", "area_level", "parent_code", "grandparent_code", "period_start", "value"]


def count_series(measure_code: str, period_length: str, *, since: dt.date | None = None) -> pd.DataFrame:
    """Return every stored value of a measure at one period length, with each area's two parents.

    Columns are :data:`COUNT_SERIES_COLUMNS`; the parents let a caller sum buurten into wijken
    and gemeenten without another query.
    """
    rows = Observation.objects.filter(measure__code=measure_code, period_length=period_length)
    if since is not None:
        rows = rows.filter(period_start__gte=since)
    values = rows.values_list(
        "area__code",
        "area__level",
        "area__parent__code",
        "area__parent__parent__code",
        "period_start",
        "value",
    )
    return pd.DataFrame.from_records(list(values), columns=COUNT_SERIES_COLUMNS)


# Reads for the indicator engine (kompas.indicators.compute).

OBSERVATION_COLUMNS = [
    "measure_code",
    "area_id",
    "period_start",
    "period_length",
    "value",
    "margin",
    "sample_size",
    "import_run_id",
]
_FETCH_ROWS = 250_000


def measure_owners(codes: Iterable[str]) -> dict[str, int | None]:
    """Return measure code → owning organisation id (None for open data), for existing codes."""
    return dict(Measure.objects.filter(code__in=list(codes)).values_list("code", "organisation_id"))


def visible_measure(code: str, organisation_id: int | None) -> bool:
    """Return whether the measure ``code`` exists for ``organisation_id``: open data or its own.

    Another organisation's measure does not exist for it (ADR 0003, 0011).
    """
    mine = Q(organisation__isnull=True) | Q(organisation_id=organisation_id)
    return Measure._base_manager.filter(mine, code=code).exists()


def measure_exists(code: str) -> bool:
    """Return whether a measure ``code`` exists in open data or for any organisation."""
    return Measure._base_manager.filter(code=code).exists()


def measure_labels(codes: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Return measure code → (name, source, licence) for existing codes."""
    rows = Measure.objects.filter(code__in=list(codes)).values_list("code", "name", "source", "licence")
    return {code: (name, source, licence) for code, name, source, licence in rows}


def observation_frame(
    codes: Iterable[str],
    *,
    organisation_id: int | None = None,
    period_lengths: Iterable[str] = ("month", "quarter", "year"),
    since: dt.date | None = None,
    until: dt.date | None = None,
    margins: bool = True,
) -> pd.DataFrame:
    """Return the observations of the measures ``codes`` as one frame (:data:`OBSERVATION_COLUMNS`).

    The values are those ``organisation_id`` sees, its own preferred over the shared ones
    (None: the shared values only), whatever scope is active: the indicator engine computes
    shared and own indicators in one run (ADR 0011).

    ``period_start`` is a ``datetime64`` column and ``period_length`` a categorical one;
    ``since``/``until`` bound the start (inclusive). With ``margins=False`` margin and sample
    size are not read (left NaN), for counts. Rows are fetched in blocks straight from the
    database cursor, without model instances, because the indicator engine reads millions of
    them; the date is read as ISO text (one vectorised parse instead of a date object per row).
    """
    measures = dict(Measure._base_manager.filter(code__in=list(codes)).values_list("pk", "code"))
    lengths = list(period_lengths)
    rows = Observation._base_manager.filter(
        visible_observations(organisation_id), measure_id__in=list(measures)
    )
    if since is not None:
        rows = rows.filter(period_start__gte=since)
    if until is not None:
        rows = rows.filter(period_start__lte=until)
    fields = list(_FIELDS) + (list(_MARGIN_FIELDS) if margins else [])
    length_code = Case(
        *(When(period_length=length, then=Value(code)) for code, length in enumerate(lengths)),
        default=Value(-1),
        output_field=IntegerField(),
    )
    frame = _read(rows.filter(period_length__in=lengths).annotate(length_case=length_code), fields)
    frame["period_length"] = pd.Categorical.from_codes(
        frame.pop("length_code").to_numpy(dtype=np.int8), dtype=pd.CategoricalDtype(lengths)
    )
    ids = np.asarray(sorted(measures), dtype=np.int64)
    position = np.searchsorted(ids, frame.pop("measure_id").to_numpy(dtype=np.int64))
    names = pd.CategoricalDtype([measures[int(i)] for i in ids])
    frame["measure_code"] = pd.Categorical.from_codes(position, dtype=names)
    if not margins:
        frame["margin"] = frame["sample_size"] = np.nan
    return frame[OBSERVATION_COLUMNS]


# The columns read, as numpy record fields. Text and NULLs are avoided in the query itself, so
# numpy converts the database rows without Python work per value: the start is ISO text
# (YYYY-MM-DD, also on PostgreSQL), a missing run, margin or sample size is read as −1.
_FIELDS = {
    "length_code": ("i8", F("length_case")),
    "measure_id": ("i8", F("measure_id")),
    "area_id": ("i8", F("area_id")),
    "start_text": ("S10", Cast("period_start", CharField())),
    "value": ("f8", F("value")),
    "run": ("f8", Coalesce("import_run_id", Value(-1), output_field=FloatField())),
}
_MARGIN_FIELDS = {
    "margin_or_none": ("f8", Coalesce("margin", Value(-1.0), output_field=FloatField())),
    "sample_or_none": ("f8", Coalesce("sample_size", Value(-1), output_field=FloatField())),
}


def _read(rows: QuerySet[Observation], fields: list[str]) -> pd.DataFrame:
    """Fetch ``fields`` of ``rows`` into a frame with the columns of :data:`OBSERVATION_COLUMNS`."""
    expressions = {**_FIELDS, **_MARGIN_FIELDS}
    annotated = rows.annotate(**{f"_{name}": expressions[name][1] for name in fields})
    layout = [(name, expressions[name][0]) for name in fields]
    blocks = []
    try:
        sql, params = annotated.values_list(*(f"_{name}" for name in fields)).query.sql_with_params()
    except EmptyResultSet:  # no row can match, e.g. none of the measures exists (yet)
        sql, params = "", ()
    if sql:
        with connections[rows.db].cursor() as cursor:
            cursor.execute(sql, params)
            while records := cursor.fetchmany(_FETCH_ROWS):
                blocks.append(np.array(records, dtype=layout))
    table = np.concatenate(blocks) if blocks else np.zeros(0, dtype=layout)
    frame = pd.DataFrame(
        {
            "measure_id": table["measure_id"],
            "area_id": table["area_id"],
            "period_start": _iso_dates(table["start_text"]),
            "value": table["value"],
            "import_run_id": np.where(table["run"] < 0, np.nan, table["run"]),
            "length_code": table["length_code"],
        }
    )
    if "margin_or_none" in fields:
        frame["margin"] = np.where(table["margin_or_none"] < 0, np.nan, table["margin_or_none"])
        frame["sample_size"] = np.where(table["sample_or_none"] < 0, np.nan, table["sample_or_none"])
    return frame


def _iso_dates(text: np.ndarray) -> np.ndarray:
    """Turn ``YYYY-MM-DD`` byte strings into ``datetime64[ns]`` with digit arithmetic."""
    digits = np.ascontiguousarray(text).view(np.uint8).reshape(-1, 10).astype(np.int64) - ord("0")
    year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
    month = digits[:, 5] * 10 + digits[:, 6]
    day = digits[:, 8] * 10 + digits[:, 9]
    months = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    result: np.ndarray = days.astype("datetime64[ns]")
    return result


def touched_periods(after_run: int) -> pd.DataFrame:
    """Return what import runs after ``after_run`` wrote: one row per measure and period.

    Columns ``measure_code, period_start, period_length, last_run`` (the latest such run). A
    period counts when a run stored an observation in it or changed one there. Only the new
    rows are read (the import run's index), whatever the size of the table.
    """
    columns = ["measure_code", "period_start", "period_length", "last_run"]
    new = (
        Observation.objects.filter(import_run_id__gt=after_run)
        .values_list("measure__code", "period_start", "period_length")
        .annotate(last=Max("import_run_id"))
    )
    changed = (
        ObservationChange.objects.filter(import_run_id__gt=after_run)
        .values_list("observation__measure__code", "observation__period_start", "observation__period_length")
        .annotate(last=Max("import_run_id"))
    )
    rows = pd.DataFrame([*new, *changed], columns=columns)
    touched = rows.groupby(columns[:3], as_index=False, sort=True).agg(last_run=("last_run", "max"))
    touched["period_start"] = pd.to_datetime(touched["period_start"])
    return touched


def latest_import_run() -> int:
    """Return the highest import run id that wrote or changed any observation (0 without any)."""
    runs = [
        Observation.objects.aggregate(last=Max("import_run_id"))["last"],
        ObservationChange.objects.aggregate(last=Max("import_run_id"))["last"],
    ]
    return max((run for run in runs if run is not None), default=0)


COUNT_UNIT = "aantal"
# Period lengths from the one that reaches furthest to the shortest (see _length_rank).
PERIOD_PREFERENCE = ("year", "quarter", "month", "week", "day")


def _visible(organisation_id: int | None) -> Q:
    """Return the condition for observations of open data and of the organisation's own measures."""
    return Q(measure__organisation__isnull=True) | Q(measure__organisation_id=organisation_id)


@dataclass(frozen=True)
class MeasureInfo:
    """What a measure is: its name, unit and source."""

    code: str
    name: str
    unit: str
    source: str
    licence: str

    @property
    def is_count(self) -> bool:
        """Return whether the values are counts of events or people (they add up)."""
        return self.unit == COUNT_UNIT


def measure_info(codes: Iterable[str]) -> dict[str, MeasureInfo]:
    """Return measure code → :class:`MeasureInfo` for the existing codes."""
    rows = Measure.objects.filter(code__in=list(codes)).values_list(
        "code", "name", "unit", "source", "licence"
    )
    return {row[0]: MeasureInfo(*row) for row in rows}


@dataclass(frozen=True)
class SourceCoverage:
    """The periods one source has values for in some areas, and its newest import run."""

    source: str
    licence: str
    first_period: dt.date
    first_period_length: str
    last_period: dt.date
    last_period_length: str
    last_import_run: int | None


def source_coverage(area_ids: Iterable[int], *, organisation_id: int | None) -> list[SourceCoverage]:
    """Return per source (as the measures name it) the periods covered in the areas ``area_ids``."""
    rows = (
        Observation.objects.filter(area_id__in=list(area_ids))
        .filter(_visible(organisation_id))
        .values_list("measure__source", "measure__licence", "period_length")
        .annotate(first=Min("period_start"), last=Max("period_start"), run=Max("import_run_id"))
        .order_by()
    )
    found: dict[tuple[str, str], SourceCoverage] = {}
    for source, licence, length, first, last, run in rows:
        here = SourceCoverage(source, licence, first, length, last, length, run)
        known = found.get((source, licence))
        found[(source, licence)] = here if known is None else _merged(known, here)
    return [found[key] for key in sorted(found)]


def _merged(one: SourceCoverage, other: SourceCoverage) -> SourceCoverage:
    """Return the coverage of both: the earliest start, the latest end, the newest run."""
    first = min(one, other, key=lambda c: (c.first_period, -_length_rank(c.first_period_length)))
    last = max(one, other, key=lambda c: (c.last_period, _length_rank(c.last_period_length)))
    runs = [run for run in (one.last_import_run, other.last_import_run) if run is not None]
    return SourceCoverage(
        one.source,
        one.licence,
        first.first_period,
        first.first_period_length,
        last.last_period,
        last.last_period_length,
        max(runs, default=None),
    )


def _length_rank(length: str) -> int:
    """Return how far a period of ``length`` reaches: a year starting in January ends last."""
    return len(PERIOD_PREFERENCE) - PERIOD_PREFERENCE.index(length) if length in PERIOD_PREFERENCE else 0


@dataclass(frozen=True)
class YearValue:
    """The value of a measure in an area over one calendar year.

    Counts are summed over the stored periods, other units averaged; ``periods`` says how many
    periods of ``period_length`` the value is made of (12 months is a whole year).
    """

    measure_code: str
    area_id: int
    year: int
    value: float
    periods: int
    period_length: str


def yearly_values(
    area_ids: Iterable[int],
    *,
    organisation_id: int | None,
    years: tuple[int, int] | None = None,
    measure_codes: Iterable[str] | None = None,
) -> list[YearValue]:
    """Return the yearly values of the measures in the areas, from years ``years`` (inclusive)."""
    rows = Observation.objects.filter(area_id__in=list(area_ids)).filter(_visible(organisation_id))
    if measure_codes is not None:
        rows = rows.filter(measure__code__in=list(measure_codes))
    if years is not None:
        rows = rows.filter(
            period_start__gte=dt.date(years[0], 1, 1), period_start__lte=dt.date(years[1], 12, 31)
        )
    grouped = (
        rows.annotate(year=ExtractYear("period_start"))
        .values_list("measure__code", "measure__unit", "area_id", "year", "period_length")
        .annotate(total=Sum("value"), mean=Avg("value"), periods=Count("id"))
        .order_by()
    )
    chosen: dict[tuple[str, int, int], YearValue] = {}
    for code, unit, area_id, year, length, total, mean, periods in grouped:
        value = YearValue(code, area_id, year, total if unit == COUNT_UNIT else mean, periods, length)
        key = (code, area_id, year)
        if key not in chosen or _length_rank(length) > _length_rank(chosen[key].period_length):
            chosen[key] = value
    return [chosen[key] for key in sorted(chosen)]


def yearly_values_by_code(
    gemeente_code: str, measure_code: str, *, organisation_id: int | None
) -> dict[int, dict[str, float]]:
    """Return year → area code → the yearly value of one measure in the gemeente, its wijken and buurten.

    One query for every year and area, for a denominator such as inhabitants that a map divides
    by. Keyed by code, not by area version: a map draws the versions of its own year, and the
    inhabitants counted in an earlier year belong to the same code. Values are combined over a
    year as :func:`yearly_values` does.
    """
    number = gemeente_code[2:]
    inside = (
        Q(area__code=gemeente_code)
        | Q(area__code__startswith="WK" + number)
        | Q(area__code__startswith="BU" + number)
    )
    grouped = (
        Observation.objects.filter(inside, measure__code=measure_code)
        .filter(_visible(organisation_id))
        .annotate(year=ExtractYear("period_start"))
        .values_list("area__code", "year", "period_length", "measure__unit")
        .annotate(total=Sum("value"), mean=Avg("value"))
        .order_by()
    )
    chosen: dict[tuple[int, str], tuple[int, float]] = {}
    for code, year, length, unit, total, mean in grouped:
        rank = _length_rank(length)
        if (year, code) not in chosen or rank > chosen[(year, code)][0]:
            chosen[(year, code)] = (rank, total if unit == COUNT_UNIT else mean)
    found: dict[int, dict[str, float]] = {}
    for (year, code), (_rank, value) in sorted(chosen.items()):
        found.setdefault(year, {})[code] = value
    return found


def measure_years(area_ids: Iterable[int], *, organisation_id: int | None) -> dict[str, list[int]]:
    """Return measure code → the years with values in the areas ``area_ids``, ascending."""
    rows = (
        Observation.objects.filter(area_id__in=list(area_ids))
        .filter(_visible(organisation_id))
        .annotate(year=ExtractYear("period_start"))
        .values_list("measure__code", "year")
        .distinct()
        .order_by("measure__code", "year")
    )
    found: dict[str, list[int]] = {}
    for code, year in rows:
        found.setdefault(code, []).append(year)
    return found


def measure_level_years(
    area_ids: Iterable[int], *, organisation_id: int | None
) -> dict[str, dict[str, list[int]]]:
    """Return measure code → area level → the years with values among the areas ``area_ids``."""
    rows = (
        Observation.objects.filter(area_id__in=list(area_ids))
        .filter(_visible(organisation_id))
        .annotate(year=ExtractYear("period_start"))
        .values_list("measure__code", "area__level", "year")
        .distinct()
        .order_by("measure__code", "area__level", "year")
    )
    found: dict[str, dict[str, list[int]]] = {}
    for code, level, year in rows:
        found.setdefault(code, {}).setdefault(level, []).append(year)
    return found


def measure_levels(area_ids: Iterable[int], *, organisation_id: int | None) -> dict[str, list[str]]:
    """Return measure code → the area levels with values among the areas ``area_ids``."""
    rows = (
        Observation.objects.filter(area_id__in=list(area_ids))
        .filter(_visible(organisation_id))
        .values_list("measure__code", "area__level")
        .distinct()
        .order_by("measure__code", "area__level")
    )
    found: dict[str, list[str]] = {}
    for code, level in rows:
        found.setdefault(code, []).append(level)
    return found


@dataclass(frozen=True)
class SeriesSpan:
    """The first and last period of a measure's counts at one period length."""

    measure_code: str
    period_length: str
    first_period: dt.date
    last_period: dt.date


def count_series_spans(
    area_ids: Iterable[int] | None, *, organisation_id: int | None, period_lengths: Iterable[str]
) -> list[SeriesSpan]:
    """Return the span of every count measure stored at ``period_lengths`` in the areas.

    ``area_ids`` None means every area. Only measures the organisation sees count (open data and
    its own).
    """
    rows = Observation.objects.filter(
        _visible(organisation_id), measure__unit=COUNT_UNIT, period_length__in=list(period_lengths)
    )
    if area_ids is not None:
        rows = rows.filter(area_id__in=list(area_ids))
    spans = (
        rows.values_list("measure__code", "period_length")
        .annotate(first=Min("period_start"), last=Max("period_start"))
        .order_by("measure__code", "period_length")
    )
    return [SeriesSpan(code, length, first, last) for code, length, first, last in spans]


@dataclass(frozen=True)
class LocatedEvents:
    """An organisation's located events: UTC moments, x/y in ``crs`` metres, kinds."""

    occurred_at: list[dt.datetime]
    x: np.ndarray
    y: np.ndarray
    kind: np.ndarray
    crs: str
    unlocated: dict[str, int]


def located_events(organisation_id: int) -> LocatedEvents:
    """Return the organisation's events with a location, and per kind the number without one.

    Events of an organisation share one CRS (:mod:`kompas.observations.events`).
    """
    rows = Event.objects.filter(organisation_id=organisation_id)
    located = rows.filter(x__isnull=False, y__isnull=False).order_by("occurred_at")
    values = list(located.values_list("occurred_at", "x", "y", "kind", "crs").iterator(chunk_size=20_000))
    unlocated = dict(
        rows.filter(x__isnull=True).values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
    crs = values[0][4] if values else ""
    return LocatedEvents(
        [row[0] for row in values],
        np.array([row[1] for row in values], dtype=float),
        np.array([row[2] for row in values], dtype=float),
        np.array([row[3] for row in values], dtype=object),
        crs,
        unlocated,
    )


@dataclass(frozen=True)
class OwnFigure:
    """One value an organisation holds itself (not open data), with where and when it applies."""

    measure_code: str
    measure_name: str
    area_code: str
    area_name: str
    period_start: dt.date
    period_length: str
    value: float


def own_measures(organisation_id: int) -> dict[str, str]:
    """Return code → name of the measures the organisation holds own values of."""
    rows = Observation._base_manager.filter(organisation_id=organisation_id)
    found = rows.values_list("measure__code", "measure__name").distinct().order_by("measure__code")
    return dict(found)


def own_figures_of(organisation_id: int, measure_codes: Iterable[str], *, year: int) -> list[OwnFigure]:
    """Return the organisation's own values of the measures in periods starting in ``year``.

    The owner is named explicitly, as the indicator engine does: the caller has established that
    the reader may see them (a share of :mod:`kompas.cooperation.sharing`).
    """
    rows = Observation._base_manager.filter(
        organisation_id=organisation_id,
        measure__code__in=list(measure_codes),
        period_start__year=year,
    ).order_by("measure__code", "area__code", "period_start")
    read = rows.values_list(
        "measure__code", "measure__name", "area__code", "area__name", "period_start", "period_length", "value"
    )
    return [OwnFigure(*row) for row in read]


# Reads for the regional picture's alerts (kompas.alerts.open_data).

OPEN_COUNT_COLUMNS = ["measure_code", "period_length", *COUNT_SERIES_COLUMNS]


def open_count_series(gemeente_codes: Iterable[str], period_lengths: Iterable[str]) -> pd.DataFrame:
    """Return the open-data counts in the gemeenten and their wijken and buurten, in one query.

    Open data only: no organisation's own measure and no organisation's own figure of a shared
    measure, whoever asks (the regional picture compares municipalities on what is public).
    """
    codes = list(gemeente_codes)
    inside = (
        Q(area__code__in=codes) | Q(area__parent__code__in=codes) | Q(area__parent__parent__code__in=codes)
    )
    rows = Observation._base_manager.filter(
        inside,
        organisation__isnull=True,
        measure__organisation__isnull=True,
        measure__unit=COUNT_UNIT,
        period_length__in=list(period_lengths),
    ).values_list(
        "measure__code",
        "period_length",
        "area__code",
        "area__level",
        "area__parent__code",
        "area__parent__parent__code",
        "period_start",
        "value",
    )
    return pd.DataFrame.from_records(list(rows), columns=OPEN_COUNT_COLUMNS)


def demo_years(codes: Iterable[str], organisation_id: int | None) -> dict[str, set[int]]:
    """Return measure code → the years in which an own figure of ``organisation_id`` (of any
    organisation when None) on that measure was counted from fictitious demo entries.

    The demo label of a figure (:attr:`FigureSource.is_demo`) travels this way to every indicator
    value computed from it, so pages and exports can say the value rests on demo data.
    """
    rows = Observation._base_manager.filter(measure__code__in=list(codes), figure_source__is_demo=True)
    if organisation_id is not None:
        rows = rows.filter(organisation_id=organisation_id)
    found: dict[str, set[int]] = {}
    for code, start in rows.values_list("measure__code", "period_start"):
        found.setdefault(code, set()).add(start.year)
    return found
