# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The work process of the Platform IVZ (spec §6.6) as one table of transitions.

Request → assignment (bijlage 4) → selection against the five criteria → rejection with
feedback, or staffing → project plan (bijlage 5) → approval *ambtelijk* (Platform) then
*bestuurlijk* (DVO) → execution with half-year progress reports → evaluation (bijlage 6) →
closure. Each transition names the permission it needs, whether only the project's own project
leader may take it, the states it leaves and the state it enters; :func:`advance` checks all of
that, validates the input, writes the audit record in the same transaction and mails the people
involved after commit. The version number refuses a step taken on a stale page.

The source leaves three gaps; the choices made here (docs/cooperation.md):

* **plan rejected** by the Platform or the DVO: back to ``PLANNING`` with feedback, so the
  project leader revises it and submits again (nothing in the source ends a project there);
* **suspended**: the regiocoördinator records a suspension decided by the DVO, with a reason;
  resuming returns the project to the state it was suspended in;
* **change request** during execution: the project goes back to ``PLANNING``, because a change of
  result, planning or money changes the plan both levels adopted, which they adopt again;
* likewise an evaluation the Platform or DVO does not adopt goes back to execution with feedback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.cooperation import steps
from kompas.cooperation.models import Platform, Project, ProjectState
from kompas.cooperation.notify import notify

S = ProjectState
# A project may be suspended while work on it is planned or running, not before it is accepted.
SUSPENDABLE = frozenset(
    {S.PLANNING, S.PLAN_SUBMITTED, S.PLAN_APPROVED_OFFICIAL, S.PLAN_ADOPTED, S.IN_EXECUTION}
)


@dataclass(frozen=True)
class Transition:
    """One step of the work process: who may take it, from where, to where."""

    name: str
    label: Promise
    sources: frozenset[str]
    target: str | None  # None: the state the project was suspended in
    permission: Permission
    project_leader_only: bool = False


def _t(
    name: str,
    label: Promise,
    sources: set[str],
    target: str | None,
    permission: Permission,
    leader: bool = False,
) -> Transition:
    return Transition(name, label, frozenset(sources), target, permission, leader)


COORDINATE = Permission.COORDINATE_PROJECTS
LEAD = Permission.MANAGE_PROJECTS
TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        # Submitting creates the project: DVO, a mayor or a partner, entered by who acts for them.
        _t(
            "submit", gettext_lazy("Projectverzoek indienen"), set(), S.REQUESTED, Permission.REQUEST_PROJECTS
        ),
        # Chair and regiocoördinator turn the request into an assignment; the regiocoördinator records it.
        _t(
            "draft_assignment",
            gettext_lazy("Projectopdracht opstellen"),
            {S.REQUESTED},
            S.ASSIGNMENT_DRAFTED,
            COORDINATE,
        ),
        _t("accept", gettext_lazy("Selecteren"), {S.ASSIGNMENT_DRAFTED}, S.ACCEPTED, COORDINATE),
        _t(
            "reject",
            gettext_lazy("Afwijzen met terugkoppeling"),
            {S.ASSIGNMENT_DRAFTED},
            S.REJECTED,
            COORDINATE,
        ),
        _t(
            "staff",
            gettext_lazy("Portefeuillehouder en projectleider toewijzen"),
            {S.ACCEPTED},
            S.PLANNING,
            COORDINATE,
        ),
        _t("save_plan", gettext_lazy("Projectplan opslaan"), {S.PLANNING}, S.PLANNING, LEAD, True),
        _t("submit_plan", gettext_lazy("Projectplan indienen"), {S.PLANNING}, S.PLAN_SUBMITTED, LEAD, True),
        _t(
            "approve_official",
            gettext_lazy("Ambtelijk vaststellen (Platform)"),
            {S.PLAN_SUBMITTED},
            S.PLAN_APPROVED_OFFICIAL,
            COORDINATE,
        ),
        _t(
            "adopt",
            gettext_lazy("Bestuurlijk vaststellen (DVO)"),
            {S.PLAN_APPROVED_OFFICIAL},
            S.PLAN_ADOPTED,
            COORDINATE,
        ),
        _t(
            "reject_plan",
            gettext_lazy("Plan terugsturen"),
            {S.PLAN_SUBMITTED, S.PLAN_APPROVED_OFFICIAL},
            S.PLANNING,
            COORDINATE,
        ),
        _t("start", gettext_lazy("Uitvoering starten"), {S.PLAN_ADOPTED}, S.IN_EXECUTION, LEAD, True),
        _t(
            "report_progress",
            gettext_lazy("Halfjaarlijkse voortgang rapporteren"),
            {S.IN_EXECUTION},
            S.IN_EXECUTION,
            LEAD,
            True,
        ),
        _t(
            "request_change",
            gettext_lazy("Wijzigingsverzoek indienen"),
            {S.IN_EXECUTION},
            S.PLANNING,
            LEAD,
            True,
        ),
        _t("evaluate", gettext_lazy("Evaluatie indienen"), {S.IN_EXECUTION}, S.EVALUATION, LEAD, True),
        _t(
            "return_evaluation",
            gettext_lazy("Evaluatie terugsturen"),
            {S.EVALUATION},
            S.IN_EXECUTION,
            COORDINATE,
        ),
        _t("close", gettext_lazy("Evaluatie vaststellen en afsluiten"), {S.EVALUATION}, S.CLOSED, COORDINATE),
        _t("suspend", gettext_lazy("Opschorten"), set(SUSPENDABLE), S.SUSPENDED, COORDINATE),
        _t("resume", gettext_lazy("Hervatten"), {S.SUSPENDED}, None, COORDINATE),
    )
}


class StaleProjectError(Exception):
    """Raised when someone else changed the project since the page was loaded."""


def in_platform(user: User, platform: Platform) -> bool:
    """Return whether ``user`` works for the Platform or one of its member organisations."""
    return (
        user.organisation_id == platform.organisation_id
        or platform.members.filter(pk=user.organisation_id).exists()
    )


def may(user: User, transition: Transition, project: Project | None, platform: Platform) -> bool:
    """Return whether ``user`` may take ``transition`` on ``project`` (None: a new request)."""
    if not has_permission(user.role, transition.permission) or not in_platform(user, platform):
        return False
    if transition.project_leader_only:
        return project is not None and project.project_leader_id == user.pk
    return True


def available(user: User, project: Project) -> list[Transition]:
    """Return the transitions ``user`` may take on ``project`` now, in the order of the table."""
    return [
        transition
        for transition in TRANSITIONS.values()
        if project.state in transition.sources and may(user, transition, project, project.platform)
    ]


@transaction.atomic
def submit_request(*, actor: User, platform: Platform, data: Mapping[str, Any]) -> Project:
    """Create a project request on ``platform``; refuse an actor who may not submit one."""
    transition = TRANSITIONS["submit"]
    if not may(actor, transition, None, platform):
        raise PermissionDenied(_("U mag geen projectverzoek indienen bij dit platform."))
    project = Project(platform=platform, submitter=actor, state=S.REQUESTED)
    steps.submit(project, data)
    project.save()
    audit.record(
        "cooperation.project.submit",
        actor=actor,
        target=project,
        changes={"state": [None, project.state], "title": [None, project.title]},
        organisation_id=platform.organisation_id,
    )
    notify(project, transition.label, actor)
    return project


@transaction.atomic
def advance(*, actor: User, project: Project, name: str, data: Mapping[str, Any], version: int) -> Project:
    """Take the transition ``name`` on ``project`` with the input ``data``; return the project.

    Raises ``PermissionDenied`` for an actor who may not take it, ``ValidationError`` for a step
    not possible from the current state or input that is incomplete, :class:`StaleProjectError`
    when the project changed since ``version`` was read.
    """
    transition = TRANSITIONS.get(name)
    current = Project.objects.select_for_update().select_related("platform").get(pk=project.pk)
    if transition is None or name == "submit":
        raise ValidationError(_("Onbekende stap."))
    if not may(actor, transition, current, current.platform):
        raise PermissionDenied(
            _("U mag de stap ‘%(step)s’ bij dit project niet zetten.") % {"step": transition.label}
        )
    if current.version != version:
        raise StaleProjectError
    if current.state not in transition.sources:
        raise ValidationError(_("Deze stap is vanuit de huidige status niet mogelijk."))
    before = audit.snapshot(current, steps.AUDITED)
    target = transition.target or current.suspended_from
    steps.apply(name, current, data, actor)
    current.suspended_from = current.state if name == "suspend" else ""
    current.state = target
    current.version += 1
    current.save()
    changes = audit.diff(before, current)
    audit.record(
        f"cooperation.project.{name}",
        actor=actor,
        target=current,
        changes=changes,
        organisation_id=current.platform.organisation_id,
    )
    notify(current, transition.label, actor)
    return current
