# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas indicators export``: the stored values with their trend, benchmark index, rank and
target status, one row per indicator × area × period, as CSV or XLSX.

An area in several reference groups gets the index and rank of one group: the group the
definition names (``benchmark_group``), else a reference group before a region before a focus
area, then by code. The target status needs an organisation (targets are tenant data); without
one the column is empty. An indicator without an index says why in ``benchmark_not_compared``
(``docs/indicators.md`` §4). ``demo`` says "ja" where a value rests on fictitious demo figures
(:mod:`kompas.indicators.demo_values`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kompas.formulas import inert_frame
from kompas.indicators.demo_values import demo_years_of
from kompas.indicators.models import (
    ComputedPeriodChoices,
    Indicator,
    IndicatorComparison,
    IndicatorTrend,
    IndicatorValue,
    TargetProgress,
)
from kompas.indicators.queries import comparabilities
from kompas.presentation import xlsx

COLUMNS = [
    "indicator_code",
    "area_code",
    "area_level",
    "period_start",
    "period_length",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "flag",
    "trend_pct_per_year",
    "trend_ci_low",
    "trend_ci_high",
    "trend_p",
    "benchmark_group",
    "benchmark_index",
    "rank",
    "benchmark_not_compared",
    "target_status",
    "demo",
]
XLSX_ROWS = 1_048_575  # Excel's last row minus the header
# Kinds of area group (areas.models.AreaGroupKind) in the order their index is preferred.
GROUP_ORDER = {"referentie": 0, "regio": 1, "aandachtsgebied": 2}
YEAR = re.compile(r"\d{4}")
MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Selection:
    """Which rows to export; empty fields select everything."""

    indicator: str = ""
    level: str = ""
    period: str = ""
    organisation_id: int | None = None


def period_filter(period: str) -> dict[str, object]:
    """Translate ``--period``: a period length, a year (``2015``) or a month (``2015-03``)."""
    if period in ComputedPeriodChoices.values:
        return {"period_length": period}
    if YEAR.fullmatch(period):
        return {"period_start__year": int(period)}
    month = MONTH.fullmatch(period)
    if month:
        return {"period_start": dt.date(int(month[1]), int(month[2]), 1)}
    raise ValueError(
        _("onbekende periode %(period)s; verwacht %(lengths)s, een jaar (2015) of een maand (2015-03)")
        % {"period": period, "lengths": ", ".join(ComputedPeriodChoices.values)}
    )


def _values(selection: Selection) -> QuerySet[IndicatorValue]:
    rows = IndicatorValue.objects.all()
    if selection.indicator:
        rows = rows.filter(indicator__code=selection.indicator)
    if selection.level:
        rows = rows.filter(area_level=selection.level)
    if selection.period:
        rows = rows.filter(**period_filter(selection.period))
    return rows


def table(selection: Selection) -> pd.DataFrame:
    """Return the export as a frame with exactly :data:`COLUMNS`, sorted."""
    fields = ["indicator_id", "area_code", "area_level", "period_start", "period_length"]
    fields += ["value", "ci_low", "ci_high", "n", "flag"]
    values = pd.DataFrame.from_records(list(_values(selection).values_list(*fields)), columns=fields)
    if values.empty:
        return pd.DataFrame(columns=COLUMNS)
    ids = values["indicator_id"].unique().tolist()
    codes = dict(Indicator.objects.filter(pk__in=ids).values_list("pk", "code"))
    values["indicator_code"] = values["indicator_id"].map(codes)
    reasons = {pk: found.reason for pk, found in comparabilities(ids).items()}
    values["benchmark_not_compared"] = values["indicator_id"].map(reasons).fillna("")
    merged = values.merge(_trends(ids), on=["indicator_id", "area_code"], how="left")
    merged = merged.merge(
        _comparisons(ids), on=["indicator_id", "area_code", "period_start", "period_length"], how="left"
    )
    merged = merged.merge(
        _statuses(ids, selection.organisation_id),
        on=["indicator_id", "area_code", "period_start", "period_length"],
        how="left",
    )
    merged["n"] = merged["n"].astype("Int64")
    merged["demo"] = _demo(merged, selection.organisation_id)
    merged = merged.sort_values(
        ["indicator_code", "area_level", "area_code", "period_length", "period_start"]
    )
    return merged.reindex(columns=COLUMNS).reset_index(drop=True)


def _demo(values: pd.DataFrame, organisation_id: int | None) -> pd.Series:
    """Return "ja" for each value that rests on fictitious demo figures, else "nee" (issue 16)."""
    years = demo_years_of(values["indicator_id"].unique().tolist(), organisation_id)
    keys = zip(values["indicator_id"], pd.to_datetime(values["period_start"]).dt.year, strict=True)
    return pd.Series(
        ["ja" if year in years.get(pk, ()) else "nee" for pk, year in keys], index=values.index, dtype=object
    )


def _trends(ids: list[int]) -> pd.DataFrame:
    fields = ["indicator_id", "area_code", "pct_per_year", "ci_low", "ci_high", "p_value"]
    rows = IndicatorTrend.objects.filter(indicator_id__in=ids).values_list(*fields)
    names = ["indicator_id", "area_code", "trend_pct_per_year", "trend_ci_low", "trend_ci_high", "trend_p"]
    return pd.DataFrame.from_records(list(rows), columns=names).drop_duplicates(["indicator_id", "area_code"])


def _comparisons(ids: list[int]) -> pd.DataFrame:
    fields = ["indicator_id", "area_code", "period_start", "period_length", "group__code", "group__kind"]
    fields += ["index", "rank", "indicator__definition__benchmark_group"]
    rows = IndicatorComparison.objects.filter(indicator_id__in=ids).values_list(*fields)
    frame = pd.DataFrame.from_records(list(rows), columns=fields)
    preferred = frame["group__code"] == frame["indicator__definition__benchmark_group"]
    frame["order"] = np.where(preferred, -1, frame["group__kind"].map(GROUP_ORDER).fillna(3))
    frame = frame.sort_values(["order", "group__code"]).drop_duplicates(
        ["indicator_id", "area_code", "period_start", "period_length"]
    )
    renamed = {"group__code": "benchmark_group", "index": "benchmark_index"}
    return frame.rename(columns=renamed)[
        [
            "indicator_id",
            "area_code",
            "period_start",
            "period_length",
            "benchmark_group",
            "benchmark_index",
            "rank",
        ]
    ]


def _statuses(ids: list[int], organisation_id: int | None) -> pd.DataFrame:
    keys = ["indicator_id", "area_code", "period_start", "period_length"]
    if organisation_id is None:
        return pd.DataFrame(columns=[*keys, "target_status"])
    rows = TargetProgress.objects.filter(organisation_id=organisation_id, indicator_id__in=ids)
    frame = pd.DataFrame.from_records(
        list(rows.values_list(*keys, "status")), columns=[*keys, "target_status"]
    )
    return frame.dropna(subset=["period_start"]).drop_duplicates(keys)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return the export as UTF-8 CSV with a dot as decimal separator (machine-readable).

    Text a spreadsheet would run as a formula starts with an apostrophe (:mod:`kompas.formulas`).
    """
    buffer = io.StringIO()
    inert_frame(frame).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """Return the export as a workbook with one sheet ``indicatoren`` and the sources sheet."""
    if len(frame) > XLSX_ROWS:
        raise ValueError(
            _("%(rows)d rijen passen niet in één XLSX-blad; kies --indicator, --level of --period, of CSV")
            % {"rows": len(frame)}
        )
    rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
    sheet = xlsx.Table("indicatoren", COLUMNS, list(rows))
    return xlsx.workbook([sheet], [])
