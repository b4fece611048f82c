# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``themablad``: one theme's sheet along the plan's five questions, with the current figures.

The questions are printed with the plan's own headings; the fifth ("Hoe gaan we dat meten?")
adds to each indicator its current value, trend, benchmark index and verdict where they exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.policy import budget_years
from kompas.policy.queries import theme_sheet
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
from kompas.reports import header, tables
from kompas.reports.selection import Selection
from kompas.reports.theme_progress import IndicatorLine, plan_progress
from kompas.reports.theme_projects import project_table
from kompas.reports.voortgang import budget_note

DEFAULT_QUESTIONS = (
    "Waar gaat het om?",
    "Wat willen we bereiken?",
    "Wat en wie hebben we daarvoor nodig?",
    "Wat gaat dat kosten?",
    "Hoe gaan we dat meten?",
)

if TYPE_CHECKING:
    from kompas.policy.queries import Theme


def build(selection: Selection) -> Report:
    """Return the themablad of the selected theme."""
    theme, plan = selection.theme, selection.plan
    if theme is None or plan is None:  # selection.select always finds both for this report
        raise ValueError("themablad needs a plan and a theme")
    progress = plan_progress(
        plan,
        year=selection.year,
        area_code=selection.area_code,
        suppress=selection.suppress,
        only=theme,
    )[0]
    sheet = theme_sheet(theme)
    headings = [*plan.question_headings, *DEFAULT_QUESTIONS[len(plan.question_headings) :]]
    parties = _parties(theme)
    money = _money(theme, selection.year)
    projects = project_table(theme.pk, theme.code)
    sections = [
        Section(headings[0], _paragraphs(theme)),
        Section(headings[1], [Bullets([f"{g.code} {g.text}" for g in sheet.goals] or [_("Geen doelen.")])]),
        Section(headings[2], [tables.action_table(progress), parties, projects]),
        Section(headings[3], [tables.cost_table(progress), money]),
        Section(headings[4], _measuring(progress.lines, theme.code)),
    ]
    report_sources = header.sources(selection)
    sections.append(Section(_("Bronnen"), [tables.sources_table(report_sources)]))
    title = _("Themablad %(code)s %(title)s") % {"code": theme.code, "title": theme.title}
    sheets = [
        tables.indicator_sheet([progress]),
        tables.action_sheet([progress]),
        tables.cost_table(progress),
        money,
        parties,
        projects,
    ]
    return Report(
        header.meta(selection, title, report_sources),
        sections,
        sheets,
        report_sources,
        header.filename("themablad", selection),
    )


def _money(theme: Theme, year: int) -> DataTable:
    """Budget and spending of the theme per year (every entered year and the report's year)."""
    history = {entry.year: entry for entry in budget_years.theme_history(theme)}
    if year not in history:
        history[year] = budget_years.theme_years(theme.plan, [theme], year)[0]
    columns = (
        Column(_("jaar"), "year"),
        Column(_("begrotingsregels (€)"), "integer"),
        Column(_("begroot (€)"), "integer"),
        Column(_("besteed (€)"), "integer"),
        Column(_("besteed van begroot (%)"), "percent"),
    )
    missing = _("niet ingevoerd")
    rows = [
        (
            entry.year,
            entry.lines,
            entry.planned if entry.planned is not None else missing,
            entry.spent if entry.spent is not None else missing,
            entry.spent_share,
        )
        for entry in (history[y] for y in sorted(history))
    ]
    title = _("Begroot en besteed per jaar")
    return DataTable(_("Begroting"), title, columns, rows, note=budget_note())


def _paragraphs(theme: Theme) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in theme.paragraphs.all():
        if paragraph.heading:
            blocks.append(Subheading(paragraph.heading))
        blocks.append(Paragraph(paragraph.text))
    return blocks or [Paragraph(_("Niet ingevuld."))]


def _parties(theme: Theme) -> DataTable:
    columns = (Column(_("Partij")), Column(_("Intern of extern")), Column(_("Rol")), Column(_("Taak")))
    rows = [
        (item.party, str(item.get_kind_display()), str(item.get_role_display()), item.task)
        for item in theme.responsibilities.all()
    ]
    return DataTable(_("Betrokkenen"), _("Betrokken afdelingen en partners"), columns, rows)


def _measuring(lines: list[IndicatorLine], code: str) -> list[Block]:
    title = _("Indicatoren van %(theme)s") % {"theme": code}
    return [
        tables.indicator_table(lines, title),
        *(tables.indicator_figure(line) for line in lines if line.figures.series),
    ]
