# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reports of the Platform IVZ: jaarplan, jaarverslag, marap (spec §6.6 calendar) and a project sheet.

The three periodic reports share one shape: the projects with their status, dates, milestones
and money as the plans describe them, the half-year reports of the year, and the contribution
table of the year; they differ in title and in the moment the calendar asks for them (jaarplan
and jaarverslag in February/March, the marap in September). Built as a
:class:`~kompas.presentation.content.Report`, so PDF, XLSX and HTML hold the same numbers.
"""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from kompas.cooperation.contributions import ContributionTable, contribution_table, rate_table
from kompas.cooperation.formats import ASSIGNMENT, EVALUATION, PLAN, FormatField
from kompas.cooperation.populations import stored_populations
from kompas.cooperation.queries import Platform, Project, ProjectState, platform_projects, progress_reports
from kompas.presentation.content import Column, DataTable, Paragraph, Report, Section
from kompas.presentation.document import report_meta
from kompas.presentation.formatting import date

KINDS = {
    "jaarplan": gettext_lazy("Jaarplan"),
    "jaarverslag": gettext_lazy("Jaarverslag"),
    "marap": gettext_lazy("Managementrapportage (marap)"),
}


def _projects_table(projects: list[Project], year: int) -> DataTable:
    columns = [
        Column(_("Project")),
        Column(_("Status")),
        Column(_("Start")),
        Column(_("Einde")),
        Column(_("Gemeenten"), "integer"),
        Column(_("Rapportages %(year)d") % {"year": year}, "integer"),
        Column(_("Planning en mijlpalen")),
        Column(_("Financiën")),
        Column(_("Prestatie-indicatoren")),
    ]
    rows = [
        [
            project.title,
            project.get_state_display(),
            date(project.start_date),
            date(project.end_date),
            len(project.municipalities),
            sum(1 for report in progress_reports(project) if report.year == year),
            project.plan.get("planning", ""),
            project.plan.get("financien", ""),
            project.plan.get("indicatoren", ""),
        ]
        for project in projects
    ]
    return DataTable("Projecten", _("Projecten van het Platform"), columns, rows)


def _states_table(projects: list[Project]) -> DataTable:
    counts = Counter(project.state for project in projects)
    rows: list[list[object]] = [
        [str(label), counts[state]] for state, label in ProjectState.choices if counts[state]
    ]
    rows.append([_("Totaal"), len(projects)])
    return DataTable(
        "Status", _("Projecten per status"), [Column(_("Status")), Column(_("Aantal"), "integer")], rows
    )


def _contributions_table(table: ContributionTable) -> DataTable:
    columns = [
        Column(_("Gemeente")),
        Column(_("Inwoners"), "integer"),
        Column(_("Jaar inwoners"), "year"),
        Column(_("Bijdrage per inwoner (€)"), "integer"),
        Column(_("Uren per week"), "integer"),
        Column(_("Waarde uren (€)"), "integer"),
        Column(_("Alternatief (€)"), "integer"),
    ]
    rows = [
        [
            row.population.name,
            row.population.inhabitants,
            row.population.year,
            row.per_inhabitant,
            row.hours,
            row.hours_value,
            row.alternative,
        ]
        for row in table.rows
    ]
    totals = table.totals()
    rows.append(
        [
            _("Totaal"),
            None,
            None,
            totals["per_inhabitant"],
            totals["hours"],
            totals["hours_value"],
            totals["alternative"],
        ]
    )
    notes = " ".join([*table.rates.notes, *(finding.message for finding in table.findings)])
    return DataTable(
        "Bijdragen", _("Bijdragen van de gemeenten"), columns, rows, source=table.rates.source, note=notes
    )


def platform_report(platform: Platform, kind: str, year: int) -> Report:
    """Return the jaarplan, jaarverslag or marap of ``platform`` for ``year``."""
    projects = platform_projects(platform)
    with scopes_disabled():  # open data only: the reads keep to it themselves
        contributions = contribution_table(stored_populations(year), rate_table(year))
    title = f"{KINDS[kind]} {platform} {year}"
    meta = report_meta(str(platform), title, {_("jaar"): str(year)}, [])
    overview, states = _projects_table(projects, year), _states_table(projects)
    money = _contributions_table(contributions)
    sections = [
        Section(_("Projecten"), [states, overview]),
        Section(_("Bijdragen %(year)d") % {"year": year}, [money], new_page=True),
    ]
    return Report(meta, sections, [states, overview, money], [], f"{kind}-{year}")


def _answers_table(
    sheet: str, title: str, fields: tuple[FormatField, ...], answers: dict[str, str]
) -> DataTable:
    rows = [[str(field.label), answers.get(field.code) or "–"] for field in fields]
    return DataTable(sheet, title, [Column(_("Onderdeel")), Column(_("Inhoud"))], rows)


def project_sheet(project: Project) -> Report:
    """Return the sheet of one project: its data, assignment, plan, progress and evaluation."""
    facts = DataTable(
        "Project",
        _("Gegevens"),
        [Column(_("Gegeven")), Column(_("Waarde"))],
        [
            [_("Status"), project.get_state_display()],
            [_("Ingediend namens"), project.get_submitter_kind_display()],
            [_("Gemeenten"), len(project.municipalities)],
            [_("Portefeuillehouder"), project.portfolio_holder or "–"],
            [_("Start"), date(project.start_date)],
            [_("Einde"), date(project.end_date)],
        ],
    )
    reports = DataTable(
        "Voortgang",
        _("Halfjaarlijkse voortgang"),
        [
            Column(_("Jaar"), "year"),
            Column(_("Halfjaar"), "integer"),
            Column(_("Inhoudelijk")),
            Column(_("Procesmatig")),
        ],
        [[report.year, report.half, report.content, report.process] for report in progress_reports(project)],
    )
    assignment = _answers_table("Opdracht", _("Projectopdracht (bijlage 4)"), ASSIGNMENT, project.assignment)
    plan = _answers_table("Plan", _("Projectplan (bijlage 5)"), PLAN, project.plan)
    evaluation = _answers_table("Evaluatie", _("Evaluatie (bijlage 6)"), EVALUATION, project.evaluation)
    meta = report_meta(str(project.platform), project.title, {_("project"): str(project.pk)}, [])
    sections = [
        Section(_("Project"), [Paragraph(project.request), facts]),
        Section(_("Projectopdracht"), [assignment]),
        Section(_("Projectplan"), [plan], new_page=True),
        Section(_("Voortgang"), [reports]),
        Section(_("Evaluatie"), [evaluation]),
    ]
    return Report(meta, sections, [facts, assignment, plan, reports, evaluation], [], f"project-{project.pk}")
