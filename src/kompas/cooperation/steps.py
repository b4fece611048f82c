# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What each step of the work process requires and changes; :mod:`workflow` decides who and when.

Every function validates the whole input first and raises one ``ValidationError`` with a Dutch
message per field, so nothing is changed by a step that is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.formats import ASSIGNMENT, EVALUATION, JUDGED_CRITERIA, PLAN, FormatField
from kompas.cooperation.models import ProgressReport, Project, SubmitterKind

# The fields whose change the audit record shows (the formats' answers are in their JSON fields).
AUDITED = (
    "state",
    "assignment",
    "criteria",
    "plan",
    "evaluation",
    "portfolio_holder",
    "project_leader_id",
    "start_date",
    "end_date",
    "feedback",
)
Errors = dict[str, list[str]]


def _text(data: Mapping[str, Any], key: str, errors: Errors) -> str:
    value = str(data.get(key) or "").strip()
    if not value:
        errors.setdefault(key, []).append(_("Dit veld is verplicht."))
    return value


def _answers(
    data: Mapping[str, Any], fields: tuple[FormatField, ...], errors: Errors, *, required: bool
) -> dict[str, str]:
    answers = {field.code: str(data.get(field.code) or "").strip() for field in fields}
    if required:
        for field in fields:
            if not answers[field.code]:
                errors.setdefault(field.code, []).append(_("Dit veld is verplicht."))
    return answers


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def municipalities_met(project: Project) -> tuple[int, bool]:
    """Return how many Platform municipalities the request names, and whether criterion 4 is met."""
    count = len(set(project.municipalities) & set(PARTICIPANTS))
    return count, count >= project.platform.min_municipalities


def submit(project: Project, data: Mapping[str, Any]) -> None:
    """Fill a new request: title, what is asked, on whose behalf, and where it plays."""
    errors: Errors = {}
    project.title = _text(data, "title", errors)
    project.request = _text(data, "request", errors)
    project.submitter_kind = str(data.get("submitter_kind") or "")
    if project.submitter_kind not in SubmitterKind.values:
        errors.setdefault("submitter_kind", []).append(_("Kies namens wie het verzoek wordt ingediend."))
    codes = [str(code) for code in data.get("municipalities") or []]
    unknown = sorted(set(codes) - set(PARTICIPANTS))
    if unknown:
        errors.setdefault("municipalities", []).append(
            _("Geen gemeente van het Platform: %(codes)s") % {"codes": ", ".join(unknown)}
        )
    project.municipalities = sorted(set(codes))
    _raise(errors)


def _draft_assignment(project: Project, data: Mapping[str, Any], actor: User) -> None:
    errors: Errors = {}
    answers = _answers(data, ASSIGNMENT, errors, required=True)
    _raise(errors)
    project.assignment = answers


def _accept(project: Project, data: Mapping[str, Any], actor: User) -> None:
    judged = {code: bool(data.get(code)) for code in JUDGED_CRITERIA}
    count, enough = municipalities_met(project)
    errors: Errors = {code: [_("Niet aan dit criterium voldaan.")] for code, met in judged.items() if not met}
    if not enough:
        errors["gemeenten"] = [
            _("Het verzoek noemt %(count)d gemeenten; het Platform vraagt er ten minste %(minimum)d.")
            % {"count": count, "minimum": project.platform.min_municipalities}
        ]
    _raise(errors)
    project.criteria = {
        **judged,
        "gemeenten": enough,
        "gemeenten_aantal": count,
        "gemeenten_minimum": project.platform.min_municipalities,
    }


def _feedback(project: Project, data: Mapping[str, Any], actor: User) -> None:
    errors: Errors = {}
    project.feedback = _text(data, "feedback", errors)
    _raise(errors)


def _reject(project: Project, data: Mapping[str, Any], actor: User) -> None:
    judged = {code: bool(data.get(code)) for code in JUDGED_CRITERIA}
    _feedback(project, data, actor)
    count, enough = municipalities_met(project)
    project.criteria = {
        **judged,
        "gemeenten": enough,
        "gemeenten_aantal": count,
        "gemeenten_minimum": project.platform.min_municipalities,
    }


def _staff(project: Project, data: Mapping[str, Any], actor: User) -> None:
    errors: Errors = {}
    holder = _text(data, "portfolio_holder", errors)
    leader = User.objects.filter(pk=data.get("project_leader") or 0, is_active=True).first()
    platform = project.platform
    inside = leader is not None and (
        leader.organisation_id == platform.organisation_id
        or platform.members.filter(pk=leader.organisation_id).exists()
    )
    if leader is None or not inside or not has_permission(leader.role, Permission.MANAGE_PROJECTS):
        errors["project_leader"] = [_("Kies een projectleider uit een deelnemende organisatie.")]
    _raise(errors)
    project.portfolio_holder, project.project_leader = holder, leader


def _save_plan(project: Project, data: Mapping[str, Any], actor: User) -> None:
    project.plan = _answers(data, PLAN, {}, required=False)


def _submit_plan(project: Project, data: Mapping[str, Any], actor: User) -> None:
    errors: Errors = {}
    answers = _answers(data, PLAN, errors, required=True)
    _raise(errors)
    project.plan = answers


def _approve(project: Project, data: Mapping[str, Any], actor: User) -> None:
    project.feedback = str(data.get("feedback") or "").strip()


def _start(project: Project, data: Mapping[str, Any], actor: User) -> None:
    start, end = data.get("start_date"), data.get("end_date")
    errors: Errors = {}
    if not isinstance(start, dt.date):
        errors["start_date"] = [_("Vul de startdatum in.")]
    if not isinstance(end, dt.date):
        errors["end_date"] = [_("Vul de vooraf vastgestelde einddatum in.")]
    elif isinstance(start, dt.date) and end <= start:
        errors["end_date"] = [_("De einddatum moet na de startdatum liggen.")]
    _raise(errors)
    project.start_date, project.end_date = start, end


def _report_progress(project: Project, data: Mapping[str, Any], actor: User) -> None:
    errors: Errors = {}
    year, half = data.get("year"), data.get("half")
    if not isinstance(year, int) or not isinstance(half, int) or half not in (1, 2):
        errors["half"] = [_("Kies het jaar en het halfjaar.")]
        year, half = 0, 0
    content = _text(data, "content", errors)
    process = _text(data, "process", errors)
    if not errors and ProgressReport.objects.filter(project=project, year=year, half=half).exists():
        errors["half"] = [_("Over dit halfjaar is al gerapporteerd.")]
    _raise(errors)
    ProgressReport.objects.create(
        project=project, year=year, half=half, content=content, process=process, author=actor
    )


def _evaluate(project: Project, data: Mapping[str, Any], actor: User) -> None:
    errors: Errors = {}
    answers = _answers(data, EVALUATION, errors, required=True)
    _raise(errors)
    project.evaluation = answers


def _nothing(project: Project, data: Mapping[str, Any], actor: User) -> None:
    """Record the decision; the transition itself is the change."""


STEPS: dict[str, Callable[[Project, Mapping[str, Any], User], None]] = {
    "draft_assignment": _draft_assignment,
    "accept": _accept,
    "reject": _reject,
    "staff": _staff,
    "save_plan": _save_plan,
    "submit_plan": _submit_plan,
    "approve_official": _approve,
    "adopt": _approve,
    "reject_plan": _feedback,
    "start": _start,
    "report_progress": _report_progress,
    "request_change": _feedback,
    "evaluate": _evaluate,
    "return_evaluation": _feedback,
    "close": _nothing,
    "suspend": _feedback,
    "resume": _nothing,
}


def apply(name: str, project: Project, data: Mapping[str, Any], actor: User) -> None:
    """Validate ``data`` for the step ``name`` and change ``project`` (and its reports) accordingly."""
    STEPS[name](project, data, actor)
