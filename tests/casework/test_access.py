# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The exhaustive access test: every role × organisation × participating or not, every object
kind and action, through pages, access functions, exports and search — no leaks, one audit per
read. The API has the same test in test_api.py; reports made by non-participants in test_no_leaks.py."""

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
    "group": (
        "casework:group_detail",
        "group_id",
        {"classification": "crimineel", "since": "2025-03-01", "version": "1"},
    ),
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


# --- the page forms (issue 17b) ---------------------------------------------------------------

OPEN_PAGES = {
    # kind: (URL, valid data, the audit action of the new object)
    "signal": (
        "casework:signal_open",
        {
            "received_from": "burgerzaken",
            "category": "hennep",
            "received_on": "2025-02-03",
            "area_code": "WK016401",
            "summary": "Fictieve melding",
            "persons": "Persoon Test-4\nPersoon Test-5",
        },
        "casework.signal.opened",
    ),
    "case": (
        "casework:case_open",
        {
            "list_kind": "top_x",
            "name": "Persoon Test-4",
            "birth_date": "03-03-1993",
            "target_group": "veelpleger",
            "opened_on": "2025-02-03",
            "level": "lokaal",
            "frame": "vrijwillig",
            "case_direction": "",  # filled in with the user's organisation
        },
        "casework.case.opened",
    ),
    "group": (
        "casework:group_open",
        {
            "label": "Groep Test-Oost",
            "classification": "hinderlijk",
            "meeting": "sjgo",
            "started_on": "2025-02-03",
            "members": "Persoon Test-4",
        },
        "casework.group.opened",
    ),
}


def _casework_records(user: User) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(actor_id=user.pk, action__startswith="casework."))


@pytest.mark.parametrize("kind", sorted(OPEN_PAGES))
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_open_pages_serve_only_openers_read_nothing_and_audit_the_new_object(
    role: Role,
    organisation: str,
    kind: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    from kompas.casework.models import Case, Signal, YouthGroup

    name, data, action = OPEN_PAGES[kind]
    model = {"signal": Signal, "case": Case, "group": YouthGroup}[kind]
    user = _user(world, make_user, role, organisation)
    login(client, user)
    page = client.get(reverse(name))
    before = model.objects.count()
    response = client.post(reverse(name), {**data, "case_direction": user.organisation_id})
    for person in (SIGNAL_PERSON, CASE_PERSON, GROUP_MEMBER):
        assert person not in page.content.decode() + response.content.decode()
    if has_permission(role, Permission.OPEN_CASEWORK):
        assert (page.status_code, response.status_code) == (200, 302)
        created = model.objects.order_by("-pk").first()
        assert created is not None and created.organisation_id == user.organisation_id
        # the form page read nothing; saving wrote exactly one record, with its purpose
        [record] = _casework_records(user)
        assert (record.action, record.object_id) == (action, str(created.pk))
        assert record.changes["purpose"] in Purpose.values
        assert response["Location"] == reverse(KINDS[kind][0], kwargs={KINDS[kind][1]: created.pk})
    else:
        assert (page.status_code, response.status_code) == (403, 403)
        assert model.objects.count() == before
        assert _casework_records(user) == []


def _scan_id(world: World) -> int:
    return groups.request_scan(
        actor=world.adviser, group_id=world.group.pk, requester="gemeente", requested_on=DAY
    ).pk


def _police_in_case(world: World) -> int:
    from kompas.casework.models import Participation

    return Participation.objects.get(case=world.case, organisation=world.participant).pk


def _plan(w: World) -> dict[str, object]:
    return {
        "kwargs": {"case_id": w.case.pk},
        "plan-life_domain": "wonen",
        "plan-intervention": "Woonbegeleiding",
        "plan-responsible": w.keeper.pk,
        "plan-version": w.case.version,
    }


def _close(w: World) -> dict[str, object]:
    return {
        "kwargs": {"case_id": w.case.pk},
        "afsluiten-went_well": "ja",
        "afsluiten-closed_on": "2025-03-01",
        "afsluiten-version": w.case.version,
    }


def _scan_request(w: World) -> dict[str, object]:
    return {"kwargs": {"group_id": w.group.pk}, "scan-requester": "om", "scan-requested_on": "2025-03-01"}


def _scan_result(w: World) -> dict[str, object]:
    scan = _scan_id(w)
    return {
        "kwargs": {"scan_id": scan},
        f"uitkomst-{scan}-completed_on": "2025-03-01",
        f"uitkomst-{scan}-result": "Fictieve uitkomst",
    }


def _end(w: World) -> dict[str, object]:
    participation = _police_in_case(w)
    return {"kwargs": {"participation_id": participation}, f"einde-{participation}-until": "2025-03-01"}


def _participant(kind: str) -> Callable[[World], dict[str, object]]:
    def data(w: World) -> dict[str, object]:
        return {
            "kwargs": {f"{kind}_id": getattr(w, kind).pk},
            "deelnemer-organisation": w.outsider.pk,
            "deelnemer-convenant": w.convenant.pk,
            "deelnemer-mandate": "Zorgcoördinator",
            "deelnemer-since": "2025-03-01",
        }

    return data


def _triage(w: World) -> dict[str, object]:
    return {
        "kwargs": {"case_id": w.case.pk},
        "triage-level": "bovenlokaal",
        "triage-frame": "dwang",
        "triage-version": w.case.version,
    }


def _dissolve(w: World) -> dict[str, object]:
    return {
        "kwargs": {"group_id": w.group.pk},
        "opheffen-dissolved_on": "2025-03-01",
        "opheffen-version": w.group.version,
    }


def _escalate(w: World) -> dict[str, object]:
    return {"kwargs": {"case_id": w.case.pk}, "opschalen-version": w.case.version}


FORM_POSTS: dict[str, tuple[str, Callable[[World], dict[str, object]], str, bool]] = {
    # change: (URL name, its kwargs and data for a world, the audit action, keeper only?)
    "plan": ("casework:plan_item_add", _plan, "casework.case.plan_item_added", False),
    # round 5: triage and escalation by every participant, dissolving a group by the keeper
    "triage": ("casework:case_triage", _triage, "casework.case.changed", False),
    "escalate": ("casework:case_escalate", _escalate, "casework.case.escalated", False),
    "dissolve": ("casework:group_dissolve", _dissolve, "casework.group.dissolved", True),
    "close": ("casework:case_close", _close, "casework.case.closed", True),
    "scan_request": ("casework:scan_request", _scan_request, "casework.group.scan_requested", False),
    "scan_result": ("casework:scan_result", _scan_result, "casework.group.scan_recorded", False),
    "participation_end": ("casework:participation_end", _end, "casework.case.participant_ended", True),
    **{
        f"{kind}_participant": (
            f"casework:{kind}_participant_add",
            _participant(kind),
            f"casework.{kind}.participant_added",
            True,
        )
        for kind in ("signal", "case", "group")
    },
}


def _state(world: World) -> tuple[object, ...]:
    """Everything the form posts could change, to compare before and after."""
    from kompas.casework.models import Case, GroupScan, Participation, PlanItem, YouthGroup

    case = Case.objects.get(pk=world.case.pk)
    group = YouthGroup.objects.get(pk=world.group.pk)
    return (
        case.state,
        case.version,
        (case.level, case.frame, case.escalation),
        (group.classification, group.dissolved_on, group.version),
        PlanItem.objects.count(),
        GroupScan.objects.count(),
        GroupScan.objects.exclude(completed_on=None).count(),
        Participation.objects.count(),
        Participation.objects.exclude(until=None).count(),
    )


@pytest.mark.parametrize("change", sorted(FORM_POSTS))
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_page_form_posts_change_only_for_whom_they_are_and_audit_one_record(
    role: Role,
    organisation: str,
    change: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    name, make_data, action, keeper_only = FORM_POSTS[change]
    data = make_data(world)
    kwargs = data.pop("kwargs")
    user = _user(world, make_user, role, organisation)
    login(client, user)
    before = _state(world)
    response = client.post(reverse(name, kwargs=kwargs), data)  # type: ignore[arg-type]  # the URL kwargs above
    body = response.content.decode()
    permission = Permission.OPEN_CASEWORK if keeper_only else Permission.VIEW_CASEWORK
    allowed = (
        organisation == "keeper" and has_permission(role, permission)
        if keeper_only
        else _reaches(role, organisation)
    )
    for person in (SIGNAL_PERSON, CASE_PERSON, GROUP_MEMBER):
        assert person not in body
    if allowed:
        assert response.status_code == 302, body
        assert _state(world) != before
        [record] = _casework_records(user)
        assert record.action == action
        assert record.changes["purpose"] in Purpose.values
    else:
        assert response.status_code == (404 if has_permission(role, permission) else 403)
        assert _state(world) == before
        assert _casework_records(user) == []


BAD_INPUT = {
    # change: (fields to override with bad input, the one Dutch message)
    "plan": ({"plan-intervention": "  "}, "Dit veld is vereist."),
    "close": (
        {"afsluiten-went_well": "nee", "afsluiten-evaluation": ""},
        "De aanpak verliep niet goed: leg eerst de evaluatie vast (leerpunt of ketenprobleem).",
    ),
    "scan_request": (
        {"scan-requested_on": "2025-01-01"},
        "Een scan wordt aangevraagd tussen het in beeld komen van de groep en vandaag.",
    ),
    "scan_result": ({"result": ""}, "Dit veld is vereist."),
    "participation_end": ({"until": "2025-01-01"}, "Een deelname eindigt niet voordat zij begon."),
    "case_participant": ({"deelnemer-mandate": " "}, "Dit veld is vereist."),
    "triage": (
        {"triage-level": "veiligheidshuis", "triage-frame": "drang"},
        "Niveau en kader zijn niet veranderd; er is niets opgeslagen.",
    ),
    "dissolve": (
        {"opheffen-dissolved_on": "2025-01-01"},
        "Een groep wordt opgeheven tussen het in beeld komen en vandaag.",
    ),
}


@pytest.mark.parametrize("change", sorted(BAD_INPUT))
def test_bad_input_on_a_page_form_is_refused_with_one_message_and_nothing_written(
    change: str, world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    name, make_data, _action, _keeper = FORM_POSTS[change]
    data = make_data(world)
    kwargs = data.pop("kwargs")
    bad, message = BAD_INPUT[change]
    for key, value in bad.items():
        # the scan and end forms are prefixed with their row's id
        full = next((k for k in data if k.endswith(f"-{key}")), key) if "-" not in key else key
        data[full] = value
    login(client, world.adviser)
    before = _state(world)
    records = AuditRecord.objects.count()
    response = client.post(reverse(name, kwargs=kwargs), data)  # type: ignore[arg-type]  # the URL kwargs above
    body = response.content.decode()
    assert response.status_code == 400
    assert body.count(message) == 1
    assert _state(world) == before
    # the page is shown again: one read, audited with its purpose, and nothing else
    [record] = list(AuditRecord.objects.order_by("pk"))[records:]
    assert record.action.endswith(".viewed") and record.changes["purpose"] in Purpose.values


def test_a_case_changed_since_the_page_was_loaded_is_not_closed(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.models import Case

    loaded = world.case.version
    cases.add_plan_item(
        actor=world.adviser,
        case_id=world.case.pk,
        life_domain="wonen",
        intervention="Woonbegeleiding",
        responsible=world.keeper,
    )
    login(client, world.adviser)
    url = reverse("casework:case_close", kwargs={"case_id": world.case.pk})
    data = {"afsluiten-went_well": "ja", "afsluiten-closed_on": "2025-03-01", "afsluiten-version": loaded}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Iemand anders heeft deze casus intussen gewijzigd." in response.content.decode()
    assert Case.objects.get(pk=world.case.pk).state == "open"


def test_a_full_list_refuses_a_new_case_with_its_cap_and_stores_no_one(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.models import Case, Person

    for number in range(10):
        cases.open_case(
            actor=world.adviser,
            new=cases.NewCase(
                "top10_inbrekers",
                access.Identity(f"Deelnemer {number}"),
                "woninginbreker",
                DAY,
                "lokaal",
                "drang",
                world.keeper,
            ),
        )
    login(client, world.adviser)
    data = {**OPEN_PAGES["case"][1], "list_kind": "top10_inbrekers", "case_direction": world.keeper.pk}
    counts = (Case.objects.count(), Person.objects.count())
    response = client.post(reverse("casework:case_open"), data)
    assert response.status_code == 400
    assert (
        "De lijst Top 10 woninginbrekers is vol: ten hoogste 10 open casussen." in response.content.decode()
    )
    assert (Case.objects.count(), Person.objects.count()) == counts


@pytest.mark.parametrize(
    "name",
    [
        "casework:signal_open",
        "casework:case_open",
        "casework:group_open",
        *sorted({FORM_POSTS[change][0] for change in FORM_POSTS}),
    ],
)
def test_every_new_form_refuses_a_post_without_csrf_token(
    name: str, world: World, make_user: Callable[..., User], login: Callable[[Client, User], Client]
) -> None:
    client = login(Client(enforce_csrf_checks=True), world.adviser)
    change = next((c for c in FORM_POSTS if FORM_POSTS[c][0] == name), None)
    kwargs = FORM_POSTS[change][1](world)["kwargs"] if change else {}
    before = _state(world)
    response = client.post(reverse(name, kwargs=kwargs), {})  # type: ignore[arg-type]  # the URL kwargs above
    assert response.status_code == 403
    assert _state(world) == before


# --- search (issue 17, round 5): the site's only search is the document catalogue ------------


@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_search_never_finds_casework_objects_or_identities(
    role: Role,
    organisation: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    from tests.cooperation.factories import make_document

    make_document(getattr(world, organisation))  # "Demo-document": the search itself works
    user = _user(world, make_user, role, organisation)
    login(client, user)
    pseudonyms = [p.pseudonym for p in world.signal.persons.all()] + [world.case.person.pseudonym]
    secrets = [SIGNAL_PERSON, CASE_PERSON, GROUP_MEMBER, world.group.label, *pseudonyms]
    url = reverse("cooperation:document_list")
    found = client.get(url, {"q": "Demo"})
    assert found.status_code == 200 and "Demo-document" in found.content.decode()
    before = AuditRecord.objects.filter(action__startswith="casework.").count()
    for term in [*secrets, "Persoon", "Test", "P-", "hennep", "Groep"]:
        body = client.get(url, {"q": term}).content.decode()
        results = body.split("<tbody>")[1].split("</tbody>")[0]
        # the results hold nothing of casework; the page echoes only the searcher's own term
        assert [s for s in secrets if s in results] == [], term
        assert [s for s in secrets if s in body and s != term] == [], term
        if term in secrets:
            assert "Geen documenten gevonden." in results
    assert AuditRecord.objects.filter(action__startswith="casework.").count() == before


# --- triage, escalation, classification and dissolution at the version the page showed (round 5) ---

STALE = {
    # change: (URL name, kwargs, data with the version the page was loaded at, the one message)
    "triage": (
        "casework:case_triage",
        lambda w: {"case_id": w.case.pk},
        lambda v: {"triage-level": "lokaal", "triage-frame": "dwang", "triage-version": v},
        "Iemand anders heeft deze casus intussen gewijzigd.",
    ),
    "classify": (
        "casework:group_detail",
        lambda w: {"group_id": w.group.pk},
        lambda v: {"classification": "crimineel", "since": "2025-03-01", "version": v},
        "Iemand anders heeft deze groep intussen gewijzigd.",
    ),
    "dissolve": (
        "casework:group_dissolve",
        lambda w: {"group_id": w.group.pk},
        lambda v: {"opheffen-dissolved_on": "2025-03-01", "opheffen-version": v},
        "Iemand anders heeft deze groep intussen gewijzigd.",
    ),
}


@pytest.mark.parametrize("change", sorted(STALE))
def test_a_change_on_a_page_loaded_before_another_change_is_refused_and_nothing_written(
    change: str, world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    name, kwargs, data, message = STALE[change]
    loaded = {"triage": world.case.version, "classify": world.group.version, "dissolve": world.group.version}
    # someone else changes the object after the page was loaded
    if change == "triage":
        cases.escalate(actor=world.adviser, case_id=world.case.pk)
    else:
        groups.classify_group(
            actor=world.adviser, group_id=world.group.pk, classification="hinderlijk", since=DAY
        )
    before = _state(world)
    login(client, world.adviser)
    response = client.post(reverse(name, kwargs=kwargs(world)), data(loaded[change]))
    assert response.status_code == 400
    assert response.content.decode().count(message) == 1
    assert _state(world) == before


def test_a_stale_escalation_is_refused_with_a_message(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.models import Case

    loaded = world.case.version
    cases.change_triage(actor=world.adviser, case_id=world.case.pk, level="lokaal", frame="drang")
    login(client, world.adviser)
    url = reverse("casework:case_escalate", kwargs={"case_id": world.case.pk})
    response = client.post(url, {"opschalen-version": loaded}, follow=True)
    assert "Iemand anders heeft deze casus intussen gewijzigd." in response.content.decode()
    assert Case.objects.get(pk=world.case.pk).escalation == "operationeel"


def test_triage_changes_level_and_frame_with_the_old_values_in_the_audit(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.models import Case

    login(client, world.adviser)
    url = reverse("casework:case_triage", kwargs={"case_id": world.case.pk})
    data = {"triage-level": "lokaal", "triage-frame": "vrijwillig", "triage-version": world.case.version}
    assert client.post(url, data).status_code == 302
    case = Case.objects.get(pk=world.case.pk)
    assert (case.level, case.frame, case.version) == ("lokaal", "vrijwillig", world.case.version + 1)
    record = AuditRecord.objects.filter(action="casework.case.changed").get()
    assert record.changes["level"] == ["veiligheidshuis", "lokaal"]
    assert record.changes["frame"] == ["drang", "vrijwillig"]
    assert record.changes["purpose"] == "uitvoering"


def test_a_dissolved_group_keeps_its_history_and_takes_no_new_classification(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.models import YouthGroup

    groups.classify_group(actor=world.adviser, group_id=world.group.pk, classification="crimineel", since=DAY)
    login(client, world.adviser)
    group = YouthGroup.objects.get(pk=world.group.pk)
    url = reverse("casework:group_dissolve", kwargs={"group_id": group.pk})
    data = {"opheffen-dissolved_on": "2025-03-01", "opheffen-version": group.version}
    assert client.post(url, data).status_code == 302
    page = client.get(reverse("casework:group_detail", kwargs={"group_id": group.pk})).content.decode()
    assert "Opgeheven op 1 maart 2025; de classificatie ligt vast." in page
    assert "Groep opheffen" not in page
    refused = client.post(
        reverse("casework:group_detail", kwargs={"group_id": group.pk}),
        {"classification": "hinderlijk", "since": "2025-04-01", "version": group.version + 1},
    )
    assert refused.status_code == 400
    assert refused.content.decode().count("De groep is opgeheven; haar classificatie ligt vast.") == 1
    group.refresh_from_db()
    assert group.classification == "crimineel" and group.dissolved_on.isoformat() == "2025-03-01"  # type: ignore[union-attr]
    assert [h.classification for h in group.history.all()] == ["overlastgevend", "crimineel"]
    assert AuditRecord.objects.filter(action="casework.group.dissolved", object_id=str(group.pk)).count() == 1
