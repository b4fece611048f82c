# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The exhaustive access test: every role × organisation × participating or not, every object
kind and action, through pages, access functions and exports — no leaks, one audit per read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Permission, Role, has_permission
from kompas.casework import access, cases, groups, signals
from kompas.casework.access import Purpose
from kompas.casework.signals import Weighing
from tests.casework.factories import CASE_PERSON, DAY, GROUP_MEMBER, SIGNAL_PERSON, World

pytestmark = pytest.mark.django_db

ORGANISATIONS = ("keeper", "participant", "outsider", "other_gemeente")
KINDS = {
    # kind: (detail URL, URL parameter, the person only participants may see, audit action)
    "signal": ("casework:signal_detail", "signal_id", SIGNAL_PERSON, "casework.signal.viewed"),
    "case": ("casework:case_detail", "case_id", CASE_PERSON, "casework.case.viewed"),
    "group": ("casework:group_detail", "group_id", GROUP_MEMBER, "casework.group.viewed"),
}


def _reaches(role: Role, organisation: str) -> bool:
    # casework.view in the keeping organisation or in one taking part; nothing else
    return has_permission(role, Permission.VIEW_CASEWORK) and organisation in ("keeper", "participant")


def _user(world: World, make_user: Callable[..., User], role: Role, organisation: str) -> User:
    org: Organisation = getattr(world, organisation)
    return make_user(role, org, username=f"{role.value}-{organisation}")


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_detail_page_reaches_only_participants_and_audits_each_read(
    role: Role,
    organisation: str,
    kind: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    name, parameter, person, action = KINDS[kind]
    obj = getattr(world, kind)
    user = _user(world, make_user, role, organisation)
    login(client, user)
    before = AuditRecord.objects.count()
    response = client.get(reverse(name, kwargs={parameter: obj.pk}))
    body = response.content.decode()
    reads = AuditRecord.objects.filter(action=action, actor_id=user.pk)
    if _reaches(role, organisation):
        assert response.status_code == 200
        assert person in body
        [record] = reads
        assert (record.object_type, record.object_id) == (f"casework.{obj._meta.model_name}", str(obj.pk))
        assert record.changes["purpose"] in Purpose.values
        assert AuditRecord.objects.count() == before + 1
    else:
        # no permission: 403; permission but out of reach: 404, like an id that does not exist
        assert response.status_code == (404 if has_permission(role, Permission.VIEW_CASEWORK) else 403)
        assert person not in body
        assert not reads.exists()


@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_overview_lists_what_is_in_reach_with_pseudonyms_only(
    role: Role,
    organisation: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    user = _user(world, make_user, role, organisation)
    login(client, user)
    response = client.get(reverse("casework:home"))
    body = response.content.decode()
    for person in (SIGNAL_PERSON, CASE_PERSON, GROUP_MEMBER):
        assert person not in body
    if not has_permission(role, Permission.VIEW_CASEWORK):
        assert response.status_code == 403
        return
    [record] = AuditRecord.objects.filter(action="casework.overview.viewed", actor_id=user.pk)
    shown = record.changes
    expected = [world.case.pk] if _reaches(role, organisation) else []
    assert (shown["cases"], shown["purpose"]) == (expected, "uitvoering")
    assert (world.case.person.pseudonym in body) == _reaches(role, organisation)


def _changes(world: World) -> dict[str, Callable[[User], object]]:
    """Every change a participant may make, one per object kind."""
    return {
        "signal.weigh": lambda actor: signals.weigh_signal(
            actor=actor,
            signal_id=world.signal.pk,
            weighing=Weighing("doorgeleid", DAY, ("oov", "politie")),
        ),
        "case.escalate": lambda actor: cases.escalate(actor=actor, case_id=world.case.pk),
        "case.triage": lambda actor: cases.change_triage(
            actor=actor, case_id=world.case.pk, level="bovenlokaal", frame="dwang"
        ),
        "group.classify": lambda actor: groups.classify_group(
            actor=actor, group_id=world.group.pk, classification="crimineel", since=DAY
        ),
        "group.scan": lambda actor: groups.request_scan(
            actor=actor, group_id=world.group.pk, requester="wijkagent", requested_on=DAY
        ),
    }


@pytest.mark.parametrize(
    "change", ["signal.weigh", "case.escalate", "case.triage", "group.classify", "group.scan"]
)
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_changes_reach_only_participants_and_are_audited_with_purpose(
    role: Role, organisation: str, change: str, world: World, make_user: Callable[..., User]
) -> None:
    user = _user(world, make_user, role, organisation)
    if _reaches(role, organisation):
        _changes(world)[change](user)
        [record] = AuditRecord.objects.filter(actor_id=user.pk, action__startswith="casework.")
        assert record.changes["purpose"] in Purpose.values
    else:
        with pytest.raises(Http404):
            _changes(world)[change](user)
        assert (
            not AuditRecord.objects.filter(actor_id=user.pk).exclude(action__startswith="accounts.").exists()
        )


@pytest.mark.parametrize("kind", ["signal", "case", "group"])
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_only_the_keepers_openers_add_participants_or_close(
    role: Role, organisation: str, kind: str, world: World, make_user: Callable[..., User]
) -> None:
    from kompas.casework.participation import add_participant

    user = _user(world, make_user, role, organisation)
    allowed = organisation == "keeper" and has_permission(role, Permission.OPEN_CASEWORK)

    def add() -> object:
        return add_participant(
            actor=user,
            kind=kind,
            object_id=getattr(world, kind).pk,
            organisation=world.outsider,
            convenant_id=world.convenant.pk,
            mandate="Zorgcoördinator",
            since=DAY,
        )

    if allowed:
        add()
    else:
        with pytest.raises(Http404):
            add()


@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_only_roles_that_open_casework_open_it(
    role: Role, organisation: str, world: World, make_user: Callable[..., User]
) -> None:
    from kompas.casework.signals import NewSignal, open_signal

    user = _user(world, make_user, role, organisation)
    if has_permission(role, Permission.OPEN_CASEWORK):
        assert (
            open_signal(actor=user, new=NewSignal("burgerzaken", "overig", DAY)).organisation_id
            == user.organisation_id
        )
    else:
        with pytest.raises(PermissionDenied):
            open_signal(actor=user, new=NewSignal("burgerzaken", "overig", DAY))


def test_a_participation_ends_and_so_does_the_reach(world: World, make_user: Callable[..., User]) -> None:
    from kompas.casework.models import Participation
    from kompas.casework.participation import end_participation

    officer = make_user(Role.PARTNER, world.participant, username="wijkagent")
    assert access.get_case_for(officer, world.case.pk, purpose=Purpose.MEETING).obj == world.case
    participation = Participation.objects.get(case=world.case, organisation=world.participant)
    end_participation(actor=world.adviser, participation_id=participation.pk, until=DAY)
    with pytest.raises(Http404):
        access.get_case_for(officer, world.case.pk, purpose=Purpose.MEETING)


def test_an_expired_convenant_ends_every_participation_under_it(
    world: World, make_user: Callable[..., User]
) -> None:
    officer = make_user(Role.PARTNER, world.participant, username="wijkagent")
    world.convenant.valid_until = DAY
    world.convenant.save()
    with pytest.raises(Http404):
        access.get_signal_for(officer, world.signal.pk, purpose=Purpose.WEIGHING)


@pytest.mark.parametrize("role", [r for r in Role if has_permission(r, Permission.OPEN_CASEWORK)], ids=str)
def test_every_role_that_opens_casework_needs_the_second_factor(
    role: Role, world: World, client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(role, world.keeper, username="zonder-tweede-factor")
    client.force_login(user)  # password only, second factor not verified
    response = client.get(reverse("casework:case_detail", kwargs={"case_id": world.case.pk}))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")
    assert not AuditRecord.objects.filter(action="casework.case.viewed").exists()


POSTS = {
    # what a page form changes: (URL, parameter, object, data, check that it changed)
    "signal": (
        "casework:signal_detail",
        "signal_id",
        {
            "outcome": "doorgeleid",
            "weighed_on": "2025-03-01",
            "present": ["oov", "politie"],
            "recovered_euros": "1.250,50",
            "hours_spent": "3,5",
        },
    ),
    "group": ("casework:group_detail", "group_id", {"classification": "crimineel", "since": "2025-03-01"}),
}


@pytest.mark.parametrize("kind", sorted(POSTS))
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_page_forms_change_only_for_participants(
    role: Role,
    organisation: str,
    kind: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    from kompas.casework.models import Signal, YouthGroup

    name, parameter, data = POSTS[kind]
    obj = getattr(world, kind)
    user = _user(world, make_user, role, organisation)
    login(client, user)
    response = client.post(reverse(name, kwargs={parameter: obj.pk}), data)
    changed = (
        Signal.objects.get(pk=obj.pk).outcome == "doorgeleid"
        if kind == "signal"
        else YouthGroup.objects.get(pk=obj.pk).classification == "crimineel"
    )
    if _reaches(role, organisation):
        assert (response.status_code, changed) == (302, True)
    else:
        assert response.status_code == (404 if has_permission(role, Permission.VIEW_CASEWORK) else 403)
        assert not changed


def test_a_weighing_without_participants_is_refused_on_the_page_and_nothing_changes(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.models import Signal

    login(client, world.adviser)
    url = reverse("casework:signal_detail", kwargs={"signal_id": world.signal.pk})
    data = {
        "outcome": "doorgeleid",
        "weighed_on": "2025-01-01",
        "present": ["oov"],
        "recovered_euros": "0",
        "hours_spent": "0",
    }
    response = client.post(url, data)  # weighed before it came in (3 February)
    assert response.status_code == 400
    assert "Een signaal kan niet gewogen zijn voordat het binnenkwam." in response.content.decode()
    assert Signal.objects.get(pk=world.signal.pk).outcome == ""
