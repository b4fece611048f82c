# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Making a report: from options to the file, recorded in the audit trail.

The command ``kompas report`` and the report page both call :func:`generate`; it must run inside
the organisation's scope.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.presentation import render
from kompas.presentation.content import Report
from kompas.reports import themablad, veiligheidsbeeld, voortgang
from kompas.reports.options import CONTENT_TYPES, ReportFormat, ReportName, ReportOptions
from kompas.reports.plan import plan_output
from kompas.reports.selection import Selection, select

BUILDERS: dict[ReportName, Callable[[Selection], Report]] = {
    ReportName.VOORTGANG: voortgang.build,
    ReportName.THEMABLAD: themablad.build,
    ReportName.VEILIGHEIDSBEELD: veiligheidsbeeld.build,
}


@dataclass(frozen=True)
class Output:
    """A made report: its bytes, media type and file name."""

    body: bytes
    content_type: str
    filename: str


def build(organisation: Organisation, options: ReportOptions) -> Report:
    """Return the report ``options`` ask for as data (not for ``plan``, which is the plan export)."""
    return BUILDERS[options.name](select(organisation, options))


def generate(
    organisation: Organisation,
    options: ReportOptions,
    *,
    actor: User | None,
    on_step: Callable[[str], None] | None = None,
) -> Output:
    """Make the report ``options`` ask for and record that ``actor`` made it.

    ``on_step`` hears the name of each step as it begins ("opbouwen", "opmaken"), so a
    background job can show how far it is. Raises
    :class:`~kompas.reports.options.ReportError` when the options do not fit the
    organisation's plans, areas or years.
    """
    step = on_step or (lambda name: None)
    selection = select(organisation, options)
    kind = options.format
    if options.name == ReportName.PLAN and selection.plan is not None:
        step("opmaken")
        body, stem = plan_output(selection.plan, kind), selection.plan.key
    else:
        step("opbouwen")
        report = BUILDERS[options.name](selection)
        step("opmaken")
        body, stem = _render(report, kind), report.filename
    output = Output(body, CONTENT_TYPES[kind], f"{stem}.{kind.value}")
    record_generated(actor=actor, organisation=organisation, options=options, filename=output.filename)
    return output


def _render(report: Report, kind: ReportFormat) -> bytes:
    if kind == ReportFormat.PDF:
        return render.pdf_bytes(report)
    if kind == ReportFormat.XLSX:
        return render.xlsx_bytes(report)
    return render.html(report).encode()


@transaction.atomic
def record_generated(
    *, actor: User | None, organisation: Organisation, options: ReportOptions, filename: str
) -> None:
    """Write the audit record of a made report: which report, which filters, which file."""
    changes = {
        "report": options.name.value,
        "format": options.format.value,
        "plan": options.plan_id,
        "period": options.period,
        "area": options.area_code,
        "theme": options.theme_code,
        "suppressed": options.suppress,
        "file": filename,
    }
    audit.record("reports.report.generated", actor=actor, changes=changes, organisation_id=organisation.pk)
