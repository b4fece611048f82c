# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture (spec §6.5, issue 18 point 5): the Platform's municipalities side by side.

Open data only: the shared (standard) indicators the engine stored for the municipalities of a
region group (Twente) in one year, with the stored trend, benchmark index and rank within that
group, and per municipality the early-warning alarms of its open-data series
(:mod:`kompas.alerts.open_data`; never anyone's own figures). An indicator that may not be compared
across areas (a count, an indicator without direction) gets no index or rank but the reason
(:mod:`kompas.indicators.comparability`). A member's own figures appear only while that member
shares them with the reader's Platform (:mod:`kompas.cooperation.sharing`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.alerts.open_data import SETTINGS_TEXT, OpenDataAlarms, open_data_alarms
from kompas.areas.queries import group_members
from kompas.cooperation.sharing import SharedFigure, shared_figures
from kompas.indicators.queries import (
    Comparability,
    Indicator,
    IndicatorComparison,
    IndicatorTrend,
    IndicatorValue,
    comparabilities,
    comparisons_for,
    computable_indicators,
    trends_for,
    values_for,
)
from kompas.presentation.suppression import THRESHOLD

REGION_GROUP = "twente"
YEAR = "year"


@dataclass(frozen=True)
class MunicipalityRow:
    """One municipality's line for one indicator: value, trend, index and rank, open-data alarms."""

    code: str
    name: str
    value: float | None
    numerator: float | None
    denominator: float | None
    trend: IndicatorTrend | None
    comparison: IndicatorComparison | None
    alerts: int | None  # None: the municipality has no monthly or weekly open-data series


@dataclass(frozen=True)
class IndicatorBlock:
    """One indicator across the region: its rows and whether it is compared (and why not)."""

    code: str
    name: str
    unit: str
    comparability: Comparability
    rows: list[MunicipalityRow]

    @property
    def group_mean(self) -> float | None:
        """Return the group mean the index was computed against (the same on every ranked row)."""
        return next((row.comparison.group_mean for row in self.rows if row.comparison), None)


@dataclass(frozen=True)
class RegionalPicture:
    """Everything the regional page and its export show for one year."""

    year: int | None
    years: list[int]
    members: list[tuple[str, str]]
    blocks: list[IndicatorBlock]
    shared: list[SharedFigure]
    notes: list[str]
    alarms: dict[str, OpenDataAlarms] | None = None

    @property
    def alarm_rows(self) -> list[tuple[str, OpenDataAlarms]]:
        """Return (municipality name, its open-data alarms) in the members' order."""
        alarms = self.alarms or {}
        return [(name, alarms[code]) for code, name in self.members if code in alarms]

    @property
    def alarm_note(self) -> str:
        """Return what the alarm column counts."""
        return _(
            "Signaleringen: de alarmen van de vroegsignalering op de maand- en weekreeksen uit open data "
            "van elke gemeente (met haar wijken en buurten), in de laatste perioden, met de "
            "standaardinstellingen (%(settings)s). Eigen cijfers en uw eigen signaleringen tellen "
            "hier niet mee."
        ) % {"settings": SETTINGS_TEXT}


def regional_picture(
    reader_organisation_id: int, year: int | None = None, *, suppress: bool = False
) -> RegionalPicture:
    """Return the regional picture of ``year`` (default: the latest year with values) for the reader.

    Runs in the reader's scope: the indicators and values read are the shared ones only, the
    alarms come from open data only, the own figures are those shared with the reader's Platforms. With
    ``suppress`` (a reader who sees published figures only) a value resting on fewer than five
    events is left out, and a note says so.
    """
    notes: list[str] = []
    members_year = year or timezone.localdate().year
    members = [(area.code, area.name) for area in group_members(REGION_GROUP, members_year)]
    if not members:
        notes.append(_("De regio Twente (gebiedsgroep ‘twente’) is niet ingelezen; er is niets te tonen."))
        return RegionalPicture(None, [], [], [], [], notes)
    codes = [code for code, _name in members]
    indicators = {i.pk: i for i in computable_indicators().filter(organisation__isnull=True)}
    values = [
        v
        for v in values_for(indicators, codes, lengths=[YEAR], until=dt.date(9999, 12, 31))
        if v.organisation_id is None
    ]
    years = sorted({v.period_start.year for v in values}, reverse=True)
    chosen = year if year in years else (years[0] if years else None)
    if chosen is None:
        notes.append(_("Er zijn nog geen jaarcijfers van de indicatoren voor deze gemeenten berekend."))
        return RegionalPicture(None, [], members, [], [], notes)
    if year is not None and year != chosen:
        notes.append(
            _("Voor %(asked)d zijn er geen cijfers; getoond wordt %(shown)d.")
            % {"asked": year, "shown": chosen}
        )
    alarms = open_data_alarms(codes)
    blocks = _blocks(
        indicators, [v for v in values if v.period_start.year == chosen], members, chosen, alarms
    )
    if suppress:
        blocks = [_suppressed(block) for block in blocks]
        notes.append(
            _("Waarden die op minder dan 5 gebeurtenissen rusten, zijn weggelaten (publicatiegrens).")
        )
    shared = shared_figures(reader_organisation_id, year=chosen)
    return RegionalPicture(chosen, years, members, blocks, shared, notes, alarms)


def _blocks(
    indicators: dict[int, Indicator],
    values: list[IndicatorValue],
    members: list[tuple[str, str]],
    year: int,
    alarms: dict[str, OpenDataAlarms],
) -> list[IndicatorBlock]:
    codes = [code for code, _name in members]
    start = dt.date(year, 1, 1)
    by_indicator: dict[int, dict[str, IndicatorValue]] = {}
    for value in values:
        by_indicator.setdefault(value.indicator_id, {})[value.area_code] = value
    trends = {
        (t.indicator_id, t.area_code): t
        for t in trends_for(by_indicator, codes)
        if t.organisation_id is None and t.period_length == YEAR
    }
    compared = {
        (c.indicator_id, c.area_code): c
        for c in comparisons_for(by_indicator, codes, until=start)
        if c.organisation_id is None
        and c.group.code == REGION_GROUP
        and c.period_start == start
        and c.period_length == YEAR
    }
    judged = comparabilities(by_indicator)
    blocks = []
    for pk, found in by_indicator.items():
        indicator = indicators[pk]
        rows = [
            MunicipalityRow(
                code,
                name,
                found[code].value if code in found else None,
                found[code].numerator if code in found else None,
                found[code].denominator if code in found else None,
                trends.get((pk, code)),
                compared.get((pk, code)),
                alarms[code].count,
            )
            for code, name in members
        ]
        blocks.append(
            IndicatorBlock(
                indicator.code,
                indicator.name,
                indicator.unit,
                judged[pk],
                rows,
            )
        )
    return sorted(blocks, key=lambda block: (not block.comparability.compared, block.name))


def _suppressed(block: IndicatorBlock) -> IndicatorBlock:
    small = [row.numerator is not None and row.numerator < THRESHOLD for row in block.rows]
    rows = [
        replace(row, value=None, numerator=None, comparison=None) if hide else row
        for row, hide in zip(block.rows, small, strict=True)
    ]
    return replace(block, rows=rows)
