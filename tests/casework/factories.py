# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A fictitious casework world (demo data, obviously fictitious names) for the access tests.

Gemeente Hengelo (organisation A) keeps one signal, one case and one youth group; the police
takes part in all three under a convenant; a care partner and gemeente Enschede do not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Permission, Role, roles_with
from kompas.accounts.users import create_user
from kompas.casework.access import Identity
from kompas.casework.cases import NewCase, open_case
from kompas.casework.groups import NewGroup, open_group, request_scan
from kompas.casework.models import Case, Convenant, Signal, YouthGroup
from kompas.casework.participation import add_participant
from kompas.casework.signals import NewSignal, open_signal
from tests.conftest import PASSWORD

# The plaintext identities no log, error page or export may show outside participant views.
SIGNAL_PERSON = "Persoon Test-1"
CASE_PERSON = "Persoon Test-2"
GROUP_MEMBER = "Persoon Test-3"
IDENTITIES = (SIGNAL_PERSON, CASE_PERSON, GROUP_MEMBER)
SUMMARY = "Fictieve omschrijving: hennepkwekerij Teststraat 1"
DAY = dt.date(2025, 2, 3)


@dataclass(frozen=True)
class World:
    """The organisations, the keeper's adviser and the three objects."""

    keeper: Organisation
    participant: Organisation
    outsider: Organisation
    other_gemeente: Organisation
    adviser: User
    convenant: Convenant
    signal: Signal
    case: Case
    group: YouthGroup


def make_world(org_a: Organisation, org_b: Organisation) -> World:
    """Create the world; the adviser of organisation A opens everything."""
    police = create_organisation(
        actor=None, code="politie", name="Politie Twente", kind=OrganisationKind.POLITIE
    )
    care = create_organisation(
        actor=None, code="zorg", name="Zorgpartner Test", kind=OrganisationKind.ZORGPARTNER
    )
    adviser = create_user(
        actor=None, organisation=org_a, username="adviseur-world", password=PASSWORD, role=Role.OOV_ADVISEUR
    )
    convenant = Convenant.objects.create(
        organisation=org_a,
        name="Convenant Informatiedeling Veiligheidshuis Twente",
        valid_from=dt.date(2024, 1, 1),
    )
    signal = open_signal(
        actor=adviser,
        new=NewSignal(
            "sociale_recherche", "hennep", DAY, "WK016401", SUMMARY, (Identity(SIGNAL_PERSON, "01-01-1990"),)
        ),
    )
    case = open_case(
        actor=adviser,
        new=NewCase(
            list_kind="top_x",
            person=Identity(CASE_PERSON, "02-02-1992"),
            target_group="veelpleger",
            opened_on=DAY,
            level="veiligheidshuis",
            frame="drang",
            case_direction=org_a,
            area_code="WK016401",
        ),
    )
    group = open_group(
        actor=adviser,
        new=NewGroup(
            "Groep Test-Noord", "overlastgevend", "sjgo", DAY, "WK016401", members=(Identity(GROUP_MEMBER),)
        ),
    )
    for kind, obj in (("signal", signal), ("case", case), ("group", group)):
        add_participant(
            actor=adviser,
            kind=kind,
            object_id=obj.pk,
            organisation=police,
            convenant_id=convenant.pk,
            mandate="Wijkagent, mandaat basisteam",
            since=DAY,
        )
    return World(org_a, police, care, org_b, adviser, convenant, signal, case, group)


def _adviser(organisation: Organisation) -> User:
    found = User.objects.filter(organisation=organisation, username="adviseur-doelwit").first()
    return found or create_user(
        actor=None,
        organisation=organisation,
        username="adviseur-doelwit",
        password=PASSWORD,
        role=Role.OOV_ADVISEUR,
    )


def _signal_id(organisation: Organisation) -> object:
    return open_signal(actor=_adviser(organisation), new=NewSignal("burgerzaken", "hennep", DAY)).pk


def _case_id(organisation: Organisation) -> object:
    new = NewCase("top_x", Identity(CASE_PERSON), "veelpleger", DAY, "lokaal", "vrijwillig", organisation)
    return open_case(actor=_adviser(organisation), new=new).pk


def _group_id(organisation: Organisation) -> object:
    return open_group(
        actor=_adviser(organisation), new=NewGroup("Groep Test-Zuid", "hinderlijk", "sjgo", DAY)
    ).pk


def _participation_id(organisation: Organisation) -> object:
    """A participation of another organisation in a case the caller's organisation keeps."""
    adviser = _adviser(organisation)
    convenant = Convenant.objects.create(
        organisation=organisation, name="Convenant Test", valid_from=dt.date(2024, 1, 1)
    )
    other = create_organisation(
        actor=None, code="deelnemer-test", name="Deelnemer 1", kind=OrganisationKind.ZORGPARTNER
    )
    case_id = _case_id(organisation)
    return add_participant(
        actor=adviser,
        kind="case",
        object_id=case_id,  # type: ignore[arg-type]  # the id _case_id returned
        organisation=other,
        convenant_id=convenant.pk,
        mandate="Zorgcoördinator",
        since=DAY,
    ).pk


def _scan_id(organisation: Organisation) -> object:
    group_id = _group_id(organisation)
    return request_scan(
        actor=_adviser(organisation),
        group_id=group_id,  # type: ignore[arg-type]  # the id _group_id returned
        requester="wijkagent",
        requested_on=DAY,
    ).pk


# For tests/accounts/test_permission_matrix.py: objects of the caller's own organisation.
CASEWORK_TARGETS = {
    "signal_id": _signal_id,
    "case_id": _case_id,
    "group_id": _group_id,
    "participation_id": _participation_id,
    "scan_id": _scan_id,
}
CASEWORK = frozenset(roles_with(Permission.VIEW_CASEWORK))
CASEWORK_OPENERS = frozenset(roles_with(Permission.OPEN_CASEWORK))
