# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The casework figures page and its export: counts without persons, small cells suppressed.

Who works in the organisation's casework (``casework.view`` in the keeping organisation) sees
exact counts; everyone else with dashboard access sees cells resting on fewer objects than the
threshold as "< 5" — on the page and in the export alike.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.models import User
from kompas.accounts.roles import Permission
from kompas.casework import access
from kompas.casework.aggregates import Cell, compute, measure_specs, suppress, threshold
from kompas.presentation import formatting, xlsx


def _cells(actor: User) -> tuple[list[Cell], bool]:
    """Return the actor's organisation's cells as the actor may see them, and whether exact."""
    cells = compute(actor.organisation)
    exact = access.may_view(actor)
    return (cells if exact else suppress(cells)), exact


def _shown(cell: Cell) -> str:
    """Return the cell as shown: the number, "< 5" below the threshold, "x" when withheld as a complement."""
    if not cell.suppressed:
        return formatting.number(cell.value)
    return _("< %(n)s") % {"n": threshold()} if cell.basis < threshold() else "x"


def _rows(cells: list[Cell]) -> list[list[str]]:
    names = {spec.code: (spec.name, spec.indicator) for spec in measure_specs()}
    return [
        [
            names[c.measure][0],
            names[c.measure][1],
            c.area_code,
            formatting.period(c.period.start, c.period.length),
            _shown(c),
        ]
        for c in cells
    ]


COLUMNS = [_("Maatstaf"), _("Indicator"), _("Gebied"), _("Periode"), _("Aantal")]


@requires(Permission.VIEW_DASHBOARD)
def figures(request: HttpRequest) -> HttpResponse:
    """Show the quarterly and yearly casework counts of the organisation as a whole."""
    actor = current_user(request)
    cells, exact = _cells(actor)
    gemeente = [c for c in cells if c.area_code == actor.organisation.cbs_code and (c.basis or c.value)]
    audit.record("casework.figures.viewed", actor=actor, changes={"exact": exact})
    context = {"columns": COLUMNS, "rows": _rows(gemeente), "exact": exact, "threshold": threshold()}
    return render(request, "casework/figures.html", context)


@requires(Permission.VIEW_DASHBOARD)
def figures_export(request: HttpRequest) -> HttpResponse:
    """Export every casework cell (gemeente and wijken) as XLSX, suppressed as on the page."""
    actor = current_user(request)
    cells, exact = _cells(actor)
    table = xlsx.Table(_("Casuïstiek"), [str(c) for c in COLUMNS], _rows(cells))
    source = xlsx.Source(_("Kompas casuïstiek (zonder personen)"), "", None, "")
    audit.record("casework.figures.exported", actor=actor, changes={"exact": exact, "cells": len(cells)})
    response = HttpResponse(
        xlsx.workbook([table], [source]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="casuistiek-cijfers.xlsx"'
    return response
