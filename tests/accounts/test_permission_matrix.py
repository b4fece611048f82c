# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every URL pattern × every role (and anonymous): allowed or denied as the matrix says.

A URL without an entry here fails ``test_every_url_has_a_matrix_entry``: new pages must state
who may reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.accounts.urlpermissions import url_permissions
from kompas.accounts.users import create_user
from tests.alerts.factories import make_alert, make_setting
from tests.casework.factories import CASEWORK, CASEWORK_OPENERS, CASEWORK_TARGETS
from tests.conftest import PASSWORD
from tests.cooperation.factories import make_document, make_dvo_meeting, make_project
from tests.cooperation.sharing_factories import make_share, make_theme_link
from tests.policy.factories import POLICY_TARGETS
from tests.registry.factories import REGISTRY_TARGETS
from tests.reports.factories import make_wijk
from tests.reports.job_factories import make_report_job
from tests.sources.factories import make_import_run

ANON = "anonymous"
ALL_ROLES = frozenset(Role)
EVERYONE = ALL_ROLES | {ANON}
BEHEERDER = frozenset({Role.BEHEERDER})
API_ROLES = frozenset(
    {Role.BEHEERDER, Role.OOV_ADVISEUR, Role.ANALIST, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR}
)


@dataclass(frozen=True)
class Entry:
    """Who may reach a URL and how to call it; ``target`` names the URL parameter to fill with
    an object of the caller's own organisation (see TARGETS)."""

    allowed: frozenset[object]
    method: str = "get"
    target: str = ""
    data: dict[str, str] = field(default_factory=dict)


def _user_id(organisation: Organisation) -> object:
    return create_user(
        actor=None, organisation=organisation, username="doelwit", password=PASSWORD, role=Role.ANALIST
    ).pk


TARGETS: dict[str, Callable[[Organisation], object]] = {
    "user_id": _user_id,
    "alert_id": lambda organisation: make_alert(organisation).pk,
    "measure_code": lambda organisation: make_setting(organisation).measure_code,
    "run_id": lambda organisation: make_import_run(organisation).pk,
    "job_id": lambda organisation: make_report_job(organisation).pk,
    "area_code": make_wijk,
    **POLICY_TARGETS,
    # --- casework ---
    **CASEWORK_TARGETS,
    # --- cooperation ---
    "project_id": lambda organisation: make_project(organisation).pk,
    "document_id": lambda organisation: make_document(organisation).pk,
    # --- registry ---
    **REGISTRY_TARGETS,  # --- cooperation (regional picture, sharing) ---
    "share_id": lambda organisation: make_share(organisation).pk,
    "theme_link_id": lambda organisation: make_theme_link(organisation).pk,
    # --- cooperation (issue 18: DVO meetings) ---
    "meeting_id": lambda organisation: make_dvo_meeting(organisation).pk,
}
TRIAGE = frozenset({Role.OOV_ADVISEUR, Role.ANALIST})
READERS = ALL_ROLES - {Role.PARTNER}
POLICY_EDIT = frozenset({Role.OOV_ADVISEUR})
IMPORTERS = frozenset({Role.BEHEERDER, Role.OOV_ADVISEUR, Role.ANALIST})


MATRIX: dict[str, Entry] = {
    # Login, language switch and health check are open to everyone.
    "accounts:login": Entry(EVERYONE),
    "set_language": Entry(EVERYONE, method="post", data={"language": "en"}),
    "dashboard:health": Entry(EVERYONE),
    # Every logged-in user has a start page, a second-factor step and logout.
    "dashboard:home": Entry(ALL_ROLES),
    "accounts:two_factor": Entry(ALL_ROLES),
    "accounts:logout": Entry(ALL_ROLES, method="post"),
    "accounts:password_change": Entry(ALL_ROLES),
    # User management and the audit trail: beheerder only.
    "accounts:user_list": Entry(BEHEERDER),
    "accounts:user_create": Entry(BEHEERDER),
    "accounts:user_detail": Entry(BEHEERDER, target="user_id"),
    "accounts:user_edit": Entry(BEHEERDER, target="user_id"),
    "accounts:user_delete": Entry(BEHEERDER, method="post", target="user_id"),
    "accounts:user_password_reset": Entry(BEHEERDER, method="post", target="user_id"),
    "accounts:user_two_factor_reset": Entry(BEHEERDER, method="post", target="user_id"),
    "accounts:audit_list": Entry(BEHEERDER),
    "accounts:audit_export": Entry(BEHEERDER),
    # API: roles with api.use; users only for the beheerder.
    "api:schema": Entry(API_ROLES),
    "api:me": Entry(API_ROLES),
    "api:user_list": Entry(BEHEERDER),
    "api:user_detail": Entry(BEHEERDER, target="user_id"),
    # Alerts: triage for OOV-advisers and analysts, settings for analysts.
    "alerts:alert_list": Entry(TRIAGE),
    "alerts:alert_detail": Entry(TRIAGE, target="alert_id"),
    "alerts:setting_list": Entry(frozenset({Role.ANALIST})),
    "alerts:setting_create": Entry(frozenset({Role.ANALIST})),
    "alerts:setting_edit": Entry(frozenset({Role.ANALIST}), target="measure_code"),
    "alerts:setting_cost": Entry(
        frozenset({Role.ANALIST}),
        data={"measure_code": "woninginbraak", "method": "ears-c1", "alpha": "0.05", "min_count": "5"},
    ),
    "alerts:digest": Entry(TRIAGE, method="post", data={"subscribed": "1"}),
    # Dashboard pages and reports: everyone with dashboard access (raadslid with suppressed counts).
    "dashboard:theme": Entry(READERS, target="theme_id"),
    "dashboard:area": Entry(READERS, target="area_code"),
    "reports:home": Entry(READERS),
    "reports:generate": Entry(
        READERS, method="post", data={"rapport": "veiligheidsbeeld", "formaat": "html"}
    ),
    # A report job: only its requester reaches it; everyone else with dashboard access gets 404.
    "reports:job": Entry(READERS, target="job_id"),
    "reports:job_status": Entry(READERS, target="job_id"),
    "reports:job_download": Entry(READERS, target="job_id"),
    # The safety plan: everyone with dashboard access reads (raadslid too), the OOV-adviser edits.
    "api:plan_detail": Entry(API_ROLES, target="plan_id"),
    "api:indicator_list": Entry(API_ROLES),
    "api:indicator_detail": Entry(API_ROLES, target="indicator_id"),
    "api:indicator_values": Entry(API_ROLES, target="indicator_id"),
    # Indicators: everyone with dashboard access reads them.
    "indicators:indicator_list": Entry(READERS),
    "indicators:indicator_detail": Entry(READERS, target="indicator_id"),
    "indicators:own_figure": Entry(POLICY_EDIT, target="indicator_id"),
    "policy:home": Entry(READERS),
    "policy:plan_detail": Entry(READERS, target="plan_id"),
    "policy:plan_edit": Entry(POLICY_EDIT, target="plan_id"),
    "policy:budget": Entry(READERS, target="plan_id"),
    "policy:capacity": Entry(READERS, target="plan_id"),
    "policy:check": Entry(READERS, target="plan_id"),
    "policy:export": Entry(READERS, target="plan_id"),
    "policy:theme_create": Entry(POLICY_EDIT, target="plan_id"),
    "policy:theme_detail": Entry(READERS, target="theme_id"),
    "policy:theme_edit": Entry(POLICY_EDIT, target="theme_id"),
    "policy:theme_delete": Entry(POLICY_EDIT, method="post", target="theme_id"),
    "policy:indicator_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:indicator_edit": Entry(POLICY_EDIT, target="indicator_id"),
    "policy:capacity_detail": Entry(READERS, target="capacity_id"),
    "policy:capacity_edit": Entry(POLICY_EDIT, target="capacity_id"),
    "policy:paragraph_detail": Entry(READERS, target="paragraph_id"),
    "policy:paragraph_edit": Entry(POLICY_EDIT, target="paragraph_id"),
    "policy:paragraph_delete": Entry(POLICY_EDIT, method="post", target="paragraph_id"),
    "policy:paragraph_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:goal_detail": Entry(READERS, target="goal_id"),
    "policy:goal_edit": Entry(POLICY_EDIT, target="goal_id"),
    "policy:goal_delete": Entry(POLICY_EDIT, method="post", target="goal_id"),
    "policy:goal_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:target_detail": Entry(READERS, target="target_id"),
    "policy:target_edit": Entry(POLICY_EDIT, target="target_id"),
    "policy:target_delete": Entry(POLICY_EDIT, method="post", target="target_id"),
    "policy:target_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:action_detail": Entry(READERS, target="action_id"),
    "policy:action_edit": Entry(POLICY_EDIT, target="action_id"),
    "policy:action_delete": Entry(POLICY_EDIT, method="post", target="action_id"),
    "policy:action_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:responsibility_detail": Entry(READERS, target="responsibility_id"),
    "policy:responsibility_edit": Entry(POLICY_EDIT, target="responsibility_id"),
    "policy:responsibility_delete": Entry(POLICY_EDIT, method="post", target="responsibility_id"),
    "policy:responsibility_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:cost_detail": Entry(READERS, target="cost_id"),
    "policy:cost_edit": Entry(POLICY_EDIT, target="cost_id"),
    "policy:cost_delete": Entry(POLICY_EDIT, method="post", target="cost_id"),
    "policy:cost_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:budget_line_detail": Entry(READERS, target="budget_line_id"),
    "policy:budget_line_edit": Entry(POLICY_EDIT, target="budget_line_id"),
    "policy:budget_line_delete": Entry(POLICY_EDIT, method="post", target="budget_line_id"),
    "policy:budget_line_create": Entry(POLICY_EDIT, target="plan_id"),
    "policy:scenario_detail": Entry(READERS, target="scenario_id"),
    "policy:scenario_edit": Entry(POLICY_EDIT, target="scenario_id"),
    "policy:scenario_delete": Entry(POLICY_EDIT, method="post", target="scenario_id"),
    "policy:scenario_create": Entry(POLICY_EDIT, target="plan_id"),
    # Data import: upload, history and one run for the roles with sources.import.
    "sources:run_list": Entry(IMPORTERS),
    "sources:import": Entry(IMPORTERS),
    "sources:run_detail": Entry(IMPORTERS, target="run_id"),
    # --- policy: budget over time (issue 14 §6) ---
    "policy:theme_budget_detail": Entry(READERS, target="theme_budget_id"),
    "policy:theme_budget_edit": Entry(POLICY_EDIT, target="theme_budget_id"),
    "policy:theme_budget_delete": Entry(POLICY_EDIT, method="post", target="theme_budget_id"),
    "policy:theme_budget_create": Entry(POLICY_EDIT, target="theme_id"),
    "policy:spending_detail": Entry(READERS, target="spending_id"),
    "policy:spending_edit": Entry(POLICY_EDIT, target="spending_id"),
    "policy:spending_delete": Entry(POLICY_EDIT, method="post", target="spending_id"),
    "policy:spending_create": Entry(POLICY_EDIT, target="plan_id"),
    # --- coverage of sums (issue 14.4) ---
    "api:indicator_incomplete": Entry(API_ROLES, target="indicator_id"),
    # --- hotspots ---
    # Forecasts from event-level data: the roles with hotspots.forecast only.
    "hotspots:forecast": Entry(frozenset({Role.OOV_ADVISEUR, Role.ANALIST})),
    # --- casework ---
    # Pages with personal data: casework.view, and only for objects of the own organisation or
    # one it takes part in (tests/casework/test_access.py covers every organisation).
    "casework:home": Entry(CASEWORK),
    "casework:signal_detail": Entry(CASEWORK, target="signal_id"),
    "casework:case_detail": Entry(CASEWORK, target="case_id"),
    "casework:case_escalate": Entry(CASEWORK, method="post", target="case_id"),
    "casework:group_detail": Entry(CASEWORK, target="group_id"),
    # Figures without persons: everyone with dashboard access (small cells suppressed).
    "casework:figures": Entry(READERS),
    "casework:figures_export": Entry(READERS),
    # Forms (issue 17b): opening and the keeper's changes need casework.open; plan and scans are
    # carried out by every participant (tests/casework/test_access.py: every organisation).
    "casework:signal_open": Entry(CASEWORK_OPENERS),
    "casework:case_open": Entry(CASEWORK_OPENERS),
    "casework:group_open": Entry(CASEWORK_OPENERS),
    "casework:signal_participant_add": Entry(CASEWORK_OPENERS, method="post", target="signal_id"),
    "casework:case_participant_add": Entry(CASEWORK_OPENERS, method="post", target="case_id"),
    "casework:group_participant_add": Entry(CASEWORK_OPENERS, method="post", target="group_id"),
    "casework:participation_end": Entry(CASEWORK_OPENERS, method="post", target="participation_id"),
    "casework:case_close": Entry(CASEWORK_OPENERS, method="post", target="case_id"),
    "casework:plan_item_add": Entry(CASEWORK, method="post", target="case_id"),
    "casework:scan_request": Entry(CASEWORK, method="post", target="group_id"),
    "casework:scan_result": Entry(CASEWORK, method="post", target="scan_id"),
    # --- cooperation ---
    # Platform projects: seen by the roles that request, lead or coordinate them; a step only by
    # whom the work process allows (here: the regiocoördinator drafting the assignment).
    "cooperation:project_list": Entry(
        frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR})
    ),
    "cooperation:project_request": Entry(frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.REGIOCOORDINATOR})),
    "cooperation:project_detail": Entry(
        frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR}),
        target="project_id",
    ),
    "cooperation:project_step": Entry(
        frozenset({Role.REGIOCOORDINATOR}), target="project_id", data={"stap": "draft_assignment"}
    ),
    # The apothekerskast: every user searches and opens what is meant for them; the Platform's people add.
    "cooperation:document_list": Entry(ALL_ROLES),
    "cooperation:document_upload": Entry(
        frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR})
    ),
    "cooperation:document_download": Entry(ALL_ROLES, target="document_id"),
    # --- registry ---
    # Everyone with dashboard access reads the registers (counts suppressed for the raadslid);
    # the OOV adviser keeps them (participants are personal data) and links kinds to indicators.
    "registry:activity_list": Entry(READERS),
    "registry:activity_detail": Entry(READERS, target="activity_id"),
    "registry:activity_create": Entry(POLICY_EDIT),
    "registry:activity_edit": Entry(POLICY_EDIT, target="activity_id"),
    "registry:activity_delete": Entry(POLICY_EDIT, method="post", target="activity_id"),
    "registry:link_list": Entry(READERS),
    "registry:link_create": Entry(POLICY_EDIT),
    "registry:link_edit": Entry(POLICY_EDIT, target="link_id"),
    "registry:link_delete": Entry(POLICY_EDIT, method="post", target="link_id"),
    "registry:event_calendar": Entry(READERS),
    "registry:event_detail": Entry(READERS, target="event_id"),
    "registry:event_create": Entry(POLICY_EDIT),
    "registry:event_edit": Entry(POLICY_EDIT, target="event_id"),
    "registry:event_delete": Entry(POLICY_EDIT, method="post", target="event_id"),
    # The Veiligheidspaspoort: everyone reaches their own dossier (or hears they have none); a
    # dossier of someone else answers 404 unless one is the OTO coordinator (tests/registry/test_paspoort.py).
    "registry:own_dossier": Entry(ALL_ROLES),
    "registry:dossier": Entry(ALL_ROLES, target="functionary_id"),
    "registry:paspoort_overview": Entry(POLICY_EDIT),
    "registry:functionary_create": Entry(POLICY_EDIT),
    "registry:oto_create": Entry(POLICY_EDIT),
    "registry:target_list": Entry(READERS),
    "registry:target_realise": Entry(
        POLICY_EDIT, method="post", target="target_id", data={"realisatie": "120"}
    ),  # --- cooperation (regional picture, sharing) ---
    # The regional picture: the Platform's people (a user outside any Platform gets a 404, not a 403:
    # tests/reports/test_regional.py); own figures are shared and revoked by the OOV adviser.
    "dashboard:regional": Entry(
        frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR})
    ),
    # --- sources (issue 15) ---
    # Withdrawing an own import run: a confirmation page, then a POST; the roles that may import.
    "sources:run_withdraw": Entry(IMPORTERS, target="run_id"),
    "dashboard:regional_export": Entry(
        frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR})
    ),
    "cooperation:share_list": Entry(POLICY_EDIT),
    "cooperation:share_revoke": Entry(POLICY_EDIT, method="post", target="share_id"),
    # Links from the plan's themes to regional projects: kept by the OOV adviser.
    "dashboard:theme_projects": Entry(POLICY_EDIT, target="theme_id"),
    "dashboard:theme_project_unlink": Entry(POLICY_EDIT, method="post", target="theme_link_id"),
    # Changing and removing what the OTO coordinator and the register keeper added (issue 16).
    "registry:functionary_edit": Entry(POLICY_EDIT, target="functionary_id"),
    "registry:functionary_delete": Entry(POLICY_EDIT, method="post", target="functionary_id"),
    "registry:function_edit": Entry(POLICY_EDIT, target="function_id"),
    "registry:function_delete": Entry(POLICY_EDIT, method="post", target="function_id"),
    "registry:oto_edit": Entry(POLICY_EDIT, target="oto_id"),
    "registry:oto_delete": Entry(POLICY_EDIT, method="post", target="oto_id"),
    "registry:target_edit": Entry(POLICY_EDIT, target="target_id"),
    "registry:target_delete": Entry(POLICY_EDIT, method="post", target="target_id"),
    "registry:target_load": Entry(POLICY_EDIT),
    # --- cooperation (issue 18: regional picture PDF, DVO meetings) ---
    "dashboard:regional_pdf": Entry(
        frozenset({Role.OOV_ADVISEUR, Role.PARTNER, Role.PROJECTLEIDER, Role.REGIOCOORDINATOR})
    ),
    # DVO meeting dates: the Platform's regiocoördinator (a coordinator of no Platform gets a 404).
    "cooperation:dvo_meetings": Entry(frozenset({Role.REGIOCOORDINATOR})),
    "cooperation:dvo_meeting_delete": Entry(
        frozenset({Role.REGIOCOORDINATOR}), method="post", target="meeting_id"
    ),
    # --- hotspots (areas) ---
    # Area hotspots of an indicator: whoever may read the indicator pages (suppressed for some).
    "hotspots:areas": Entry(READERS),
    # --- casework ---
    # The read-only casework API: casework.view and api.use (the OOV adviser); objects of other
    # organisations answer 404 (tests/casework/test_api.py covers every organisation).
    **{
        f"api:casework_{kind}_list": Entry(CASEWORK & API_ROLES, data={"doel": "uitvoering"})
        for kind in ("signal", "case", "group")
    },
    **{
        f"api:casework_{kind}_detail": Entry(
            CASEWORK & API_ROLES, target=f"{kind}_id", data={"doel": "uitvoering"}
        )
        for kind in ("signal", "case", "group")
    },
    # Triage by every participant; dissolving a group by the keeper's openers (test_access.py).
    "casework:case_triage": Entry(CASEWORK, method="post", target="case_id"),
    "casework:group_dissolve": Entry(CASEWORK_OPENERS, method="post", target="group_id"),
}


def test_every_url_has_a_matrix_entry() -> None:
    names = {entry.name for entry in url_permissions()}
    assert names - MATRIX.keys() == set(), "URL zonder regel in de rechtenmatrix"
    assert MATRIX.keys() - names == set(), "regel in de rechtenmatrix zonder URL"


def test_every_url_declares_its_permission() -> None:
    undeclared = [entry.name for entry in url_permissions() if not entry.permission]
    assert undeclared == []


def _is_denied(response: object, anonymous: bool) -> bool:
    status = response.status_code  # type: ignore[attr-defined]  # the test client's response, typed loosely
    if anonymous and status == 302:
        return reverse("accounts:login") in response["Location"]  # type: ignore[index]  # the test client's response, typed loosely
    return status in (401, 403)


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("who", [ANON, *Role], ids=str)
def test_matrix(
    name: str,
    who: object,
    client: Client,
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    entry = MATRIX[name]
    kwargs = {entry.target: TARGETS[entry.target](org_a)} if entry.target else {}
    if who != ANON:
        login(client, make_user(who, org_a))
    response = getattr(client, entry.method)(reverse(name, kwargs=kwargs), entry.data)
    denied = _is_denied(response, who == ANON)
    assert denied == (who not in entry.allowed), (name, who, response.status_code)
