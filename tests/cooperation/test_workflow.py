# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The work process of spec §6.6: every (role, transition) pair, the input each step needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord
from kompas.accounts.roles import Role
from kompas.cooperation.formats import ASSIGNMENT, EVALUATION, PLAN
from kompas.cooperation.models import Project, ProjectState
from kompas.cooperation.workflow import TRANSITIONS, StaleProjectError, advance, available, submit_request
from tests.cooperation.conftest import EIGHT, Setting, answers, project_in

S = ProjectState
COORDINATOR = {Role.REGIOCOORDINATOR}
LEADER = {Role.PROJECTLEIDER}  # only the project's own project leader
# Who may take each step, written from spec §6.6 (not from the code under test).
EXPECTED: dict[str, set[Role]] = {
    "submit": {Role.OOV_ADVISEUR, Role.PARTNER, Role.REGIOCOORDINATOR},  # for a mayor, a partner, the DVO
    "draft_assignment": COORDINATOR,
    "accept": COORDINATOR,
    "reject": COORDINATOR,
    "staff": COORDINATOR,
    "save_plan": LEADER,
    "submit_plan": LEADER,
    "approve_official": COORDINATOR,
    "adopt": COORDINATOR,
    "reject_plan": COORDINATOR,
    "start": LEADER,
    "report_progress": LEADER,
    "request_change": LEADER,
    "evaluate": LEADER,
    "return_evaluation": COORDINATOR,
    "close": COORDINATOR,
    "suspend": COORDINATOR,
    "resume": COORDINATOR,
}
FEEDBACK = {"feedback": "Demo-terugkoppeling"}
CRITERIA = {"openbare_orde": True, "dvo_besluit": True, "urgent": True, "haalbaar": True}


def valid_input(name: str, setting: Setting) -> dict[str, Any]:
    """Return complete input for the step ``name``."""
    leader = setting.users[Role.PROJECTLEIDER]
    return {
        "draft_assignment": answers(ASSIGNMENT),
        "accept": CRITERIA,
        "reject": FEEDBACK,
        "reject_plan": FEEDBACK,
        "staff": {"portfolio_holder": "Portefeuillehouder (demo)", "project_leader": leader.pk},
        "save_plan": answers(PLAN),
        "submit_plan": answers(PLAN),
        "start": {"start_date": dt.date(2027, 1, 1), "end_date": dt.date(2027, 12, 31)},
        "report_progress": {"year": 2027, "half": 1, "content": "Demo", "process": "Demo"},
        "request_change": FEEDBACK,
        "evaluate": answers(EVALUATION),
        "return_evaluation": FEEDBACK,
        "suspend": FEEDBACK,
    }.get(name, {})


def audited(project: Project, name: str) -> int:
    return AuditRecord.objects.filter(action=f"cooperation.project.{name}", object_id=str(project.pk)).count()


def test_the_table_covers_every_transition() -> None:
    assert set(EXPECTED) == set(TRANSITIONS)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", [name for name in TRANSITIONS if name != "submit"])
def test_every_role_and_transition(setting: Setting, role: Role, name: str) -> None:
    transition = TRANSITIONS[name]
    source = sorted(transition.sources)[0]
    extra = {"suspended_from": S.IN_EXECUTION} if source == S.SUSPENDED else {}
    project = project_in(setting, source, **extra)
    actor = setting.users[role]
    mail.outbox.clear()
    with scope(organisation=actor.organisation_id):
        if role in EXPECTED[name]:
            changed = advance(
                actor=actor, project=project, name=name, data=valid_input(name, setting), version=1
            )
            assert changed.state == (transition.target or S.IN_EXECUTION)
            assert changed.version == 2
            assert audited(project, name) == 1
        else:
            with pytest.raises(PermissionDenied):
                advance(actor=actor, project=project, name=name, data=valid_input(name, setting), version=1)
            with scopes_disabled():
                project.refresh_from_db()
            assert (project.state, project.version, audited(project, name)) == (source, 1, 0)


@pytest.mark.django_db(transaction=True)
def test_an_allowed_step_mails_the_people_involved_after_commit(setting: Setting) -> None:
    project = project_in(setting, S.ASSIGNMENT_DRAFTED)
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    with scope(organisation=coordinator.organisation_id):
        advance(actor=coordinator, project=project, name="reject", data=FEEDBACK, version=1)
    (message,) = mail.outbox
    assert message.subject == "[Kompas] Demo-project 1: Afwijzen met terugkoppeling"
    assert message.to == ["oov-adviseur@example.invalid", "projectleider@example.invalid"]
    assert "Terugkoppeling: Demo-terugkoppeling" in message.body


@pytest.mark.parametrize("role", list(Role))
def test_every_role_submitting_a_request(setting: Setting, role: Role) -> None:
    actor = setting.users[role]
    data = {"title": "Demo-verzoek", "request": "Demo", "submitter_kind": "partner", "municipalities": EIGHT}
    with scope(organisation=actor.organisation_id):
        if role in EXPECTED["submit"]:
            project = submit_request(actor=actor, platform=setting.platform, data=data)
            assert (project.state, audited(project, "submit")) == (S.REQUESTED, 1)
        else:
            with pytest.raises(PermissionDenied):
                submit_request(actor=actor, platform=setting.platform, data=data)
            assert not Project.objects.exists()


def test_someone_outside_the_platform_may_do_nothing(setting: Setting) -> None:
    project = project_in(setting, S.ASSIGNMENT_DRAFTED)
    with scope(organisation=setting.outsider.organisation_id):
        assert not Project.objects.exists()  # not even visible
        with pytest.raises(Project.DoesNotExist):
            advance(actor=setting.outsider, project=project, name="accept", data=CRITERIA, version=1)


def test_another_project_leader_may_not_act_on_the_project(setting: Setting, make_user: Any) -> None:
    other = make_user(
        Role.PROJECTLEIDER, setting.users[Role.OOV_ADVISEUR].organisation, "andere-projectleider"
    )
    project = project_in(setting, S.PLANNING)
    with scope(organisation=other.organisation_id), pytest.raises(PermissionDenied):
        advance(actor=other, project=project, name="submit_plan", data=answers(PLAN), version=1)


def test_criterion_4_is_computed_from_the_municipalities_and_its_threshold(setting: Setting) -> None:
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    six = project_in(setting, S.ASSIGNMENT_DRAFTED, municipalities=EIGHT[:6])
    with scope(organisation=coordinator.organisation_id):
        with pytest.raises(ValidationError) as refused:
            advance(actor=coordinator, project=six, name="accept", data=CRITERIA, version=1)
        assert refused.value.message_dict == {
            "gemeenten": ["Het verzoek noemt 6 gemeenten; het Platform vraagt er ten minste 7."]
        }
        setting.platform.min_municipalities = 6
        setting.platform.save()
        accepted = advance(actor=coordinator, project=six, name="accept", data=CRITERIA, version=1)
    assert accepted.criteria["gemeenten_aantal"] == 6 and accepted.criteria["gemeenten"] is True


def test_incomplete_input_is_refused_per_field_and_nothing_changes(setting: Setting) -> None:
    leader = setting.users[Role.PROJECTLEIDER]
    project = project_in(setting, S.PLANNING, plan={})
    incomplete = {**answers(PLAN), "financien": "", "planning": " "}
    with scope(organisation=leader.organisation_id):
        with pytest.raises(ValidationError) as refused:
            advance(actor=leader, project=project, name="submit_plan", data=incomplete, version=1)
        assert refused.value.message_dict == {
            "planning": ["Dit veld is verplicht."],
            "financien": ["Dit veld is verplicht."],
        }
        project.refresh_from_db()
    assert (project.state, project.plan, project.version, audited(project, "submit_plan")) == (
        S.PLANNING,
        {},
        1,
        0,
    )


def test_a_stale_page_is_refused(setting: Setting) -> None:
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    project = project_in(setting, S.PLAN_SUBMITTED)
    with scope(organisation=coordinator.organisation_id):
        advance(actor=coordinator, project=project, name="approve_official", data={}, version=1)
        with pytest.raises(StaleProjectError):
            advance(actor=coordinator, project=project, name="reject_plan", data=FEEDBACK, version=1)


def test_a_step_from_the_wrong_state_is_refused(setting: Setting) -> None:
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    project = project_in(setting, S.REQUESTED)
    with scope(organisation=coordinator.organisation_id), pytest.raises(ValidationError):
        advance(actor=coordinator, project=project, name="close", data={}, version=1)


def test_a_suspended_project_resumes_where_it_was(setting: Setting) -> None:
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    project = project_in(setting, S.PLAN_ADOPTED)
    with scope(organisation=coordinator.organisation_id):
        suspended = advance(actor=coordinator, project=project, name="suspend", data=FEEDBACK, version=1)
        assert (suspended.state, suspended.suspended_from) == (S.SUSPENDED, S.PLAN_ADOPTED)
        resumed = advance(actor=coordinator, project=project, name="resume", data={}, version=2)
    assert (resumed.state, resumed.suspended_from) == (S.PLAN_ADOPTED, "")


def test_one_progress_report_per_half_year(setting: Setting) -> None:
    leader = setting.users[Role.PROJECTLEIDER]
    project = project_in(setting, S.IN_EXECUTION)
    data = valid_input("report_progress", setting)
    with scope(organisation=leader.organisation_id):
        advance(actor=leader, project=project, name="report_progress", data=data, version=1)
        with pytest.raises(ValidationError, match="al gerapporteerd"):
            advance(actor=leader, project=project, name="report_progress", data=data, version=2)


def test_available_steps_follow_state_and_person(setting: Setting) -> None:
    project = project_in(setting, S.IN_EXECUTION)
    names = [t.name for t in available(setting.users[Role.PROJECTLEIDER], project)]
    assert names == ["report_progress", "request_change", "evaluate"]
    assert [t.name for t in available(setting.users[Role.REGIOCOORDINATOR], project)] == ["suspend"]
    assert available(setting.users[Role.RAADSLID], project) == []
