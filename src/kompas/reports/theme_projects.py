# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional projects that serve a theme, with their status, for the themablad and voortgang."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kompas.cooperation.queries import theme_projects
from kompas.presentation import formatting
from kompas.presentation.content import Column, DataTable


def project_table(theme_id: int, theme_code: str) -> DataTable:
    """Return the table of the regional projects linked to the theme (a row saying none when none)."""
    links = theme_projects([theme_id]).get(theme_id, [])
    columns = [Column(_("Project")), Column(_("Platform")), Column(_("Status")), Column(_("Looptijd"))]
    rows = [
        [
            link.project.title,
            str(link.project.platform),
            link.project.get_state_display(),
            _("%(start)s tot %(end)s")
            % {
                "start": formatting.date(link.project.start_date),
                "end": formatting.date(link.project.end_date),
            },
        ]
        for link in links
    ] or [[_("Geen regionale projecten gekoppeld."), "", "", ""]]
    title = _("Regionale projecten voor %(theme)s") % {"theme": theme_code}
    return DataTable(_("Regionale projecten"), title, columns, rows)
