# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``voortgang``: the yearly progress report of the IVP for the council.

A summary of verdicts and actions per theme; per theme its goals, its indicators with chart and
status against the target, its actions and their state and its costs; then the budget per theme
and the budget table; last the sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _

from kompas.policy import budget_years
from kompas.policy.queries import Budget, Plan, budget
from kompas.presentation.content import (
    Block,
    Bullets,
    Column,
    DataTable,
    Paragraph,
    Report,
    Section,
    Subheading,
)
from kompas.registry.queries import demo_share
from kompas.reports import header, tables
from kompas.reports.selection import Selection
from kompas.reports.theme_progress import ThemeProgress, plan_progress
from kompas.reports.theme_projects import project_table


def build(selection: Selection) -> Report:
    """Return the progress report of the selected plan in the selected year."""
    plan = selection.plan
    if plan is None:  # selection.select always finds a plan for this report
        raise ValueError("voortgang needs a plan")
    progress = plan_progress(
        plan, year=selection.year, area_code=selection.area_code, suppress=selection.suppress
    )
    title = _("Voortgang %(plan)s, %(year)s") % {"plan": plan.title, "year": selection.year}
    report_sources = header.sources(selection)
    plan_budget = budget(plan)
    budget_table = _budget_per_theme(plan, progress, selection.year)
    lines_table = _budget_lines(plan_budget)
    spending_table = _spending_lines(plan, selection.year)
    sections = [
        _summary(selection, progress, budget_table),
        *(_theme_section(item) for item in progress),
        _budget_section(budget_table, lines_table, spending_table),
        Section(_("Bronnen"), [tables.sources_table(report_sources)], new_page=True),
    ]
    sheets = [tables.status_table(progress), tables.indicator_sheet(progress), tables.action_sheet(progress)]
    sheets += [budget_table, lines_table, spending_table]
    return Report(
        header.meta(selection, title, report_sources),
        sections,
        sheets,
        report_sources,
        header.filename("voortgang", selection),
    )


def _period_sentence(selection: Selection) -> str:
    """Return which year the report covers and how it relates to the plan period."""
    plan = selection.plan
    if plan is None:
        return ""
    values = {"year": selection.year, "start": plan.period_start, "end": plan.period_end}
    if plan.period_start <= selection.year <= plan.period_end:
        return _("Verslagperiode: %(year)s, binnen de planperiode %(start)s–%(end)s.") % values
    return (
        _(
            "Verslagperiode: %(year)s. Dat jaar valt buiten de planperiode %(start)s–%(end)s: voor de "
            "jaren van het plan zijn er voor deze gemeente nog geen cijfers."
        )
        % values
    )


def _summary(selection: Selection, progress: Sequence[ThemeProgress], budget_table: DataTable) -> Section:
    lines = [line for item in progress for line in item.lines]
    counted = {status: 0 for status, _l, _n in (progress[0].status_counts() if progress else [])}
    for item in progress:
        for status, _label, number in item.status_counts():
            counted[status] += number
    text = _(
        "Dit verslag beschrijft de voortgang van %(themes)d thema’s met %(targets)d indicatoren in "
        "%(year)s: %(on_track)d op koers, %(at_risk)d met risico, %(off_track)d niet op koers en "
        "%(no_data)d nog zonder gegevens."
    ) % {
        "themes": len(progress),
        "targets": len(lines),
        "year": selection.year,
        "on_track": counted.get("op_koers", 0),
        "at_risk": counted.get("risico", 0),
        "off_track": counted.get("niet_op_koers", 0),
        "no_data": counted.get("geen_data", 0),
    }
    period = Paragraph(_period_sentence(selection))
    blocks: list[Block] = [Paragraph(text), period, tables.status_table(progress), budget_table]
    blocks += _demo_note(selection)
    if selection.suppress:
        blocks.append(
            Paragraph(
                _(
                    "Aantallen onder de 5 zijn onderdrukt (“< 5”); zo ook cijfers die erop rusten "
                    "(“n < 5”) en cijfers waaruit ze via een totaal terug te rekenen zijn (“x”)."
                )
            )
        )
    return Section(_("Samenvatting"), blocks)


def _demo_note(selection: Selection) -> list[Block]:
    """Say so when registry counts of the year include the demo's made-up entries."""
    share = demo_share(selection.organisation.pk, selection.year)
    if not share.entries:
        return []
    text = _(
        "Let op: de cijfers uit de registers van Kompas bevatten demogegevens: %(count)d verzonnen "
        "activiteiten of evenementen in %(year)s, geen echte registraties. Dat geldt voor de "
        "indicatoren die uit de registers tellen: %(codes)s."
    ) % {
        "count": share.entries,
        "year": selection.year,
        "codes": ", ".join(share.indicator_codes) or _("geen"),
    }
    return [Paragraph(text)]


def _theme_section(item: ThemeProgress) -> Section:
    blocks: list[Block] = [Subheading(_("Doelen"))]
    demo = item.demo_goals()
    goals = [
        f"{goal.code} ({label}{', ' + _('demo') if goal.pk in demo else ''}) {goal.text}"
        for goal, _status, label in item.goal_verdicts()
    ]
    blocks.append(Bullets(goals or [_("Geen doelen.")]))
    blocks.append(Subheading(_("Indicatoren en streefwaarden")))
    blocks.append(
        tables.indicator_table(item.lines, _("Indicatoren van %(theme)s") % {"theme": item.theme.code})
    )
    blocks += [tables.indicator_figure(line) for line in item.lines if line.figures.series]
    blocks += [Subheading(_("Acties")), tables.action_table(item)]
    blocks += [Subheading(_("Kosten")), tables.cost_table(item)]
    blocks += [Subheading(_("Regionale projecten")), project_table(item.theme.pk, item.theme.code)]
    return Section(f"{item.theme.code} {item.theme.title}", blocks, new_page=True)


def _budget_per_theme(plan: Plan, progress: Sequence[ThemeProgress], year: int) -> DataTable:
    """The theme's three amounts side by side (``kompas.policy.budget_years``), for ``year``."""
    years = {
        item.theme.pk: item for item in budget_years.theme_years(plan, [i.theme for i in progress], year)
    }
    names = {"year": year}
    columns = (
        Column(_("thema")),
        Column(_("kosten op het themablad (€)"), "integer"),
        Column(_("begrotingsregels (€)"), "integer"),
        Column(_("begroot %(year)s (€)") % names, "integer"),
        Column(_("besteed %(year)s (€)") % names, "integer"),
        Column(_("besteed van begroot (%)"), "percent"),
    )
    rows = []
    for item in progress:
        money = years[item.theme.pk]
        rows.append(
            (
                f"{item.theme.code} {item.theme.title}",
                item.costs_total,
                money.lines,
                _entered(money.planned),
                _entered(money.spent),
                money.spent_share,
            )
        )
    return DataTable(_("Begroting per thema"), _("Begroting per thema"), columns, rows, note=budget_note())


def budget_note() -> str:
    """Return what the money columns mean and why they differ."""
    return _(
        "Kosten op het themablad: wat het themablad zelf noemt onder ‘Wat gaat dat kosten?’ — vaak "
        "eenmalig, per inwoner of gedekt uit een ander budget; PM telt als nul. Begrotingsregels: de "
        "jaarlijkse bedragen uit de begrotingstabel van het plan die aan het thema gekoppeld zijn; een "
        "regel die bij meer thema’s hoort, telt bij elk van die thema’s mee. Beide komen uit "
        "verschillende delen van het plan, meten iets anders en worden niet opgeteld. Begroot en "
        "besteed: het themabudget en de bestedingen per begrotingsregel zoals ingevoerd voor het jaar; "
        "‘niet ingevoerd’ is geen nul."
    )


def _entered(amount: Decimal | None) -> Decimal | str:
    return amount if amount is not None else _("niet ingevoerd")


def _spending_lines(plan: Plan, year: int) -> DataTable:
    """Every budget line against what was spent on it in ``year``."""
    names = {"year": year}
    columns = (
        Column(_("nummer"), "year"),
        Column(_("onderwerp")),
        Column(_("in begroting (€)"), "integer"),
        Column(_("besteed %(year)s (€)") % names, "integer"),
        Column(_("verschil (€)"), "integer"),
        Column(_("toelichting")),
    )
    rows = [
        (
            entry.line.number,
            entry.line.subject,
            entry.line.amount,
            _entered(entry.spent),
            entry.remaining,
            entry.note,
        )
        for entry in budget_years.line_years(plan, year)
    ]
    title = _("Besteding per begrotingsregel, %(year)s") % names
    return DataTable(_("Besteding"), title, columns, rows)


def _budget_lines(found: Budget) -> DataTable:
    columns = (
        Column(_("nummer"), "year"),
        Column(_("onderwerp")),
        Column(_("status")),
        Column(_("bedrag (€)"), "integer"),
        Column(_("thema’s")),
    )
    rows: list[tuple[object, ...]] = [
        (line.number, line.subject, line.status, line.amount, ", ".join(t.code for t in line.themes.all()))
        for line in found.lines
    ]
    rows.append(("", _("som van de regels"), "", found.lines_sum, ""))
    if found.stated_total is not None:
        rows.append(("", _("totaal zoals gedrukt"), "", found.stated_total, ""))
    return DataTable(_("Begrotingsregels"), _("Begroting zoals in het plan"), columns, rows)


def _budget_section(budget_table: DataTable, lines_table: DataTable, spending_table: DataTable) -> Section:
    text = _("Bedragen in euro’s zoals in het plan; “PM” is een nog niet begrote post.")
    blocks: list[Block] = [Paragraph(text), budget_table, lines_table, spending_table]
    return Section(_("Begroting"), blocks, new_page=True)
