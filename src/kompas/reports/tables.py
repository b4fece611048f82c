# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The tables the plan reports share: indicators with their figures, actions, costs, verdicts, sources.

Each kind comes twice where needed: a compact table to read on paper (values with their year in
one cell) and a sheet with one number per cell for the workbook. Both are made from the same
:class:`~kompas.reports.theme_progress.IndicatorLine`, so they hold the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from kompas.presentation import charts, formatting
from kompas.presentation.content import Column, DataTable, Figure
from kompas.presentation.xlsx import Source
from kompas.reports.benchmark_cell import reasons_note
from kompas.reports.theme_progress import IndicatorLine, ThemeProgress

TEXT = "text"


def _trend_text(line: IndicatorLine) -> str:
    trend = line.figures.trend
    return trend.text if trend is not None else formatting.MISSING


def _current(line: IndicatorLine) -> object:
    value = line.figures.value
    if value is None:
        return _("nog geen gegevens")
    return value


def indicator_table(lines: Sequence[IndicatorLine], title: str) -> DataTable:
    """Return the indicators of one theme as the report prints them."""
    columns = (
        Column(_("Indicator")),
        Column(_("Basiswaarde")),
        Column(_("Streefwaarde")),
        Column(_("Actueel"), "decimal"),
        Column(_("Periode")),
        Column(_("Trend")),
        Column(_("Benchmarkindex"), "decimal"),
        Column(_("Referentiegroep, jaar")),
        Column(_("Status")),
    )
    rows = [
        (
            f"{line.target.indicator.code} {line.target.indicator.name}",
            line.baseline_text,
            line.target_text,
            _current(line),
            line.figures.period,
            _trend_text(line),
            line.figures.benchmark_index,
            line.figures.benchmark.reference,
            line.status_text,
        )
        for line in lines
    ]
    return DataTable(_("Indicatoren"), title, columns, rows, note=index_note(lines))


def index_note(lines: Sequence[IndicatorLine]) -> str:
    """Return what the index means, and why the indicators without one have none."""
    meaning = _(
        "Benchmarkindex: 100 is het gemiddelde van de referentiegroep in dat jaar; boven 100 is beter. "
        "Alleen voor indicatoren die tussen gebieden vergelijkbaar zijn en een richting hebben."
    )
    reasons = reasons_note(
        (f"{line.target.indicator.code} {line.target.indicator.name}", line.figures.benchmark)
        for line in lines
    )
    return f"{meaning} {reasons}".strip()


def indicator_sheet(progress: Sequence[ThemeProgress]) -> DataTable:
    """Return every plan indicator with one number per cell, for the workbook."""
    columns = (
        Column(_("thema")),
        Column(_("code")),
        Column(_("indicator")),
        Column(_("eenheid")),
        Column(_("basiswaarde"), "decimal"),
        Column(_("basisjaar"), "year"),
        Column(_("streefregel")),
        Column(_("streefwaarde"), "decimal"),
        Column(_("streefjaar"), "year"),
        Column(_("actuele waarde"), "decimal"),
        Column(_("periode")),
        Column(_("ondergrens 95 %"), "decimal"),
        Column(_("bovengrens 95 %"), "decimal"),
        Column(_("trend (% per jaar of punten)"), "decimal"),
        Column(_("trend significant")),
        Column(_("benchmarkindex"), "decimal"),
        Column(_("referentiegroep, jaar")),
        Column(_("status")),
        Column(_("bron")),
    )
    rows = [_sheet_row(theme.theme.code, line) for theme in progress for line in theme.lines]
    return DataTable(_("Indicatoren"), _("Indicatoren"), columns, rows)


def _sheet_row(theme_code: str, line: IndicatorLine) -> tuple[object, ...]:
    target, figures, trend = line.target, line.figures, line.figures.trend
    return (
        theme_code,
        target.indicator.code,
        target.indicator.name,
        target.indicator.unit,
        target.baseline_value,
        target.baseline_period,
        str(target.get_rule_display()) if target.rule else "",
        target.target_value,
        target.target_period,
        figures.value,
        figures.period,
        figures.ci_low,
        figures.ci_high,
        trend.change if trend else None,
        (_("ja") if trend.significant else _("nee")) if trend else "",
        figures.benchmark_index,
        figures.benchmark.reference or figures.benchmark.reason,
        line.status_text,
        target.source_ref or target.indicator.source_ref,
    )


def status_table(progress: Sequence[ThemeProgress]) -> DataTable:
    """Return per theme the number of targets with each verdict and of actions in each state."""
    first = progress[0] if progress else None
    status_columns = [Column(label, "integer") for _code, label, _n in first.status_counts()] if first else []
    action_columns = (
        [
            Column(_("acties: %(state)s") % {"state": label.lower()}, "integer")
            for _c, label, _n in first.action_counts()
        ]
        if first
        else []
    )
    rows = [
        (
            f"{item.theme.code} {item.theme.title}",
            *(n for _c, _l, n in item.status_counts()),
            *(n for _c, _l, n in item.action_counts()),
        )
        for item in progress
    ]
    columns = (Column(_("thema")), *status_columns, *action_columns)
    return DataTable(_("Samenvatting"), _("Stand van de streefwaarden en acties per thema"), columns, rows)


def action_table(progress: ThemeProgress) -> DataTable:
    """Return the actions of one theme with their state."""
    columns = (Column(_("Code")), Column(_("Actie")), Column(_("Status")))
    rows = [(a.code, a.title or a.text, str(a.get_state_display())) for a in progress.actions]
    return DataTable(_("Acties"), _("Acties en hun stand"), columns, rows)


def action_sheet(progress: Sequence[ThemeProgress]) -> DataTable:
    """Return every action of the plan with its theme and state."""
    columns = (
        Column(_("thema")),
        Column(_("code")),
        Column(_("actie")),
        Column(_("status")),
        Column(_("bron")),
    )
    rows = [
        (item.theme.code, a.code, a.title or a.text, str(a.get_state_display()), a.source_ref)
        for item in progress
        for a in item.actions
    ]
    return DataTable(_("Acties"), _("Acties"), columns, rows)


def cost_table(progress: ThemeProgress) -> DataTable:
    """Return the costs named on one themablad."""
    columns = (Column(_("Kostenpost")), Column(_("Bedrag (€)"), "integer"), Column(_("Dekking")))
    rows = [
        (cost.text, "PM" if cost.pm else cost.amount, cost.budget_source or formatting.MISSING)
        for cost in progress.costs
    ]
    return DataTable(_("Kosten"), _("Kosten op het themablad"), columns, rows)


def sources_table(sources: Sequence[Source]) -> DataTable:
    """Return the sources with licence, last import and covered period, as the report prints them."""
    columns = (Column(_("Bron")), Column(_("Licentie")), Column(_("Laatste import")), Column(_("Periode")))
    rows = [
        (
            s.name,
            s.licence or formatting.MISSING,
            formatting.date_time(s.last_import) if s.last_import else formatting.MISSING,
            s.period_covered,
        )
        for s in sources
    ]
    return DataTable(_("Bronnen"), _("Herkomst van de cijfers"), columns, rows)


def indicator_figure(line: IndicatorLine) -> Figure:
    """Return the yearly series of a plan indicator with its interval and target line."""
    indicator = line.target.indicator
    target = line.target.target_value if line.target.rule else None
    description = _("Waarde per jaar met 95 %-interval; de stippellijn is de streefwaarde.")
    title = f"{indicator.code} {indicator.name}"
    chart = charts.time_series(
        title, description, line.figures.series, unit=indicator.unit, target=target, yearly=True
    )
    return Figure(chart, indicator.data_source)
