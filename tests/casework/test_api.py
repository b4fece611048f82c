# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The casework API, exhaustively: every role × organisation × participating or not, every kind
and action (list, one object) — 0 leaks, one audit record per read with actor, object and purpose;
and the general API never carries a casework cell below the suppression threshold."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Permission, Role, has_permission
from tests.casework.factories import IDENTITIES, World

pytestmark = pytest.mark.django_db

ORGANISATIONS = ("keeper", "participant", "outsider", "other_gemeente")
KINDS = {
    # kind: (the identity only participants may see, the audit action of one object's read)
    "signal": ("Persoon Test-1", "casework.signal.viewed"),
    "case": ("Persoon Test-2", "casework.case.viewed"),
    "group": ("Persoon Test-3", "casework.group.viewed"),
}


def _api(role: Role) -> bool:
    return has_permission(role, Permission.VIEW_CASEWORK) and has_permission(role, Permission.USE_API)


def _reaches(role: Role, organisation: str) -> bool:
    return _api(role) and organisation in ("keeper", "participant")


def _user(world: World, make_user: Callable[..., User], role: Role, organisation: str) -> User:
    return make_user(role, getattr(world, organisation), username=f"api-{role.value}-{organisation}")


def _reads(user: User) -> list[AuditRecord]:
    """The casework reads of ``user`` (the world's adviser also opened the objects: not reads)."""
    rows = AuditRecord.objects.filter(
        actor_id=user.pk, action__startswith="casework.", action__endswith=".viewed"
    )
    return list(rows.order_by("pk"))


@pytest.mark.parametrize("purpose", ["uitvoering", "overleg"])
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_one_object_reaches_only_participants_and_each_read_is_audited_with_its_purpose(
    role: Role,
    organisation: str,
    kind: str,
    purpose: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    person, action = KINDS[kind]
    obj = getattr(world, kind)
    user = _user(world, make_user, role, organisation)
    login(client, user)
    response = client.get(reverse(f"api:casework_{kind}_detail", args=[obj.pk]), {"doel": purpose})
    body = response.content.decode()
    if _reaches(role, organisation):
        assert response.status_code == 200, body
        data = response.json()
        assert data[kind]["id"] == obj.pk
        assert [i["name"] for i in data["identities"]] == [person]
        [record] = _reads(user)
        assert (record.action, record.actor_id) == (action, user.pk)
        assert (record.object_type, record.object_id) == (f"casework.{obj._meta.model_name}", str(obj.pk))
        assert record.changes["purpose"] == purpose
    else:
        # no permission: 403; permission but out of reach: 404, like an id that does not exist
        assert response.status_code == (404 if _api(role) else 403)
        assert _reads(user) == []
    for other in IDENTITIES:
        assert other not in body or (other == person and _reaches(role, organisation))


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_lists_show_what_is_in_reach_with_pseudonyms_only_and_record_the_ids(
    role: Role,
    organisation: str,
    kind: str,
    world: World,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    obj = getattr(world, kind)
    user = _user(world, make_user, role, organisation)
    login(client, user)
    response = client.get(reverse(f"api:casework_{kind}_list"), {"doel": "weging"})
    body = response.content.decode()
    for person in IDENTITIES:
        assert person not in body
    if not _api(role):
        assert response.status_code == 403
        assert _reads(user) == []
        return
    expected = [obj.pk] if _reaches(role, organisation) else []
    data = response.json()
    assert ([row["id"] for row in data["results"]], data["count"]) == (expected, len(expected))
    [record] = _reads(user)
    assert record.action == "casework.overview.viewed"
    assert record.changes == {"purpose": "weging", "channel": "api", f"{kind}s": expected}
    pseudonyms = [p.pseudonym for p in (obj.persons.all() if kind == "signal" else [])]
    pseudonyms += [obj.person.pseudonym] if kind == "case" else []
    pseudonyms += [p.pseudonym for p in obj.members.all()] if kind == "group" else []
    assert pseudonyms
    for pseudonym in pseudonyms:
        assert (pseudonym in body) == _reaches(role, organisation)


@pytest.mark.parametrize("doel", [None, "", "nieuwsgierig", "bewaartermijn"])
@pytest.mark.parametrize("name", ["api:casework_case_list", "api:casework_case_detail"])
def test_a_read_without_a_known_purpose_is_refused_and_reads_nothing(
    doel: str | None, name: str, world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    login(client, world.adviser)
    args = [world.case.pk] if name.endswith("detail") else []
    response = client.get(reverse(name, args=args), {} if doel is None else {"doel": doel})
    assert response.status_code == 400
    assert response.json() == {"doel": "Geef het doel van de inzage: uitvoering, weging, overleg."}
    assert _reads(world.adviser) == []


def test_the_api_needs_the_second_factor_like_the_pages(world: World, client: Client) -> None:
    client.force_login(world.adviser)  # password only, second factor not verified
    response = client.get(reverse("api:casework_case_detail", args=[world.case.pk]), {"doel": "uitvoering"})
    assert response.status_code == 403
    assert response.json() == {"detail": "Tweestapsverificatie vereist."}
    assert _reads(world.adviser) == []


def test_an_unknown_id_and_an_object_out_of_reach_answer_alike(
    world: World, client: Client, make_user: Callable[..., User], login: Callable[[Client, User], Client]
) -> None:
    login(client, make_user(Role.OOV_ADVISEUR, world.other_gemeente, username="api-enschede"))
    hidden = client.get(reverse("api:casework_case_detail", args=[world.case.pk]), {"doel": "uitvoering"})
    missing = client.get(
        reverse("api:casework_case_detail", args=[world.case.pk + 1000]), {"doel": "uitvoering"}
    )
    assert (hidden.status_code, hidden.content) == (missing.status_code, missing.content)
    assert hidden.status_code == 404


def test_paging_records_only_the_ids_of_the_page_shown(
    world: World, client: Client, login: Callable[[Client, User], Client]
) -> None:
    from kompas.casework.signals import NewSignal, open_signal

    second = open_signal(actor=world.adviser, new=NewSignal("politie", "hennep", dt.date(2025, 2, 4)))
    login(client, world.adviser)
    response = client.get(reverse("api:casework_signal_list"), {"doel": "weging", "limit": 1, "offset": 1})
    data = response.json()
    assert (data["count"], [row["id"] for row in data["results"]]) == (2, [second.pk])
    assert data["previous"] is not None and data["next"] is None
    [record] = _reads(world.adviser)[-1:]
    assert record.changes["signals"] == [second.pk]


def test_the_general_api_carries_no_casework_cell_below_the_threshold(
    org_a: Organisation,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    from kompas.casework.publish import publish_figures
    from kompas.indicators.load import load_definitions
    from kompas.indicators.models import Indicator
    from kompas.policy.load import load_plan
    from tests.casework.test_aggregates import HENGELO_SET, _fill
    from tests.reports.factories import make_wijk

    make_wijk(org_a)
    adviser = make_user(Role.OOV_ADVISEUR, org_a, username="api-adviseur")
    _fill(adviser)  # six forwarded signals, one mensenhandel signal, seven groups
    with scope(organisation=org_a.pk):
        load_plan(actor=None, organisation=org_a)
        load_definitions(
            HENGELO_SET.read_text(encoding="utf-8"), HENGELO_SET.name, actor=None, organisation=org_a
        )
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        published = publish_figures(org_a, actor=adviser)
    assert published.suppressed > 0
    analyst = make_user(Role.ANALIST, org_a, username="api-analist")  # api.use, no casework.view
    login(client, analyst)
    with scope(organisation=org_a.pk):
        codes = {"T5.I1", "T7.I1"}
        indicators = list(Indicator.objects.filter(code__in=codes))
    assert {i.code for i in indicators} == codes
    seen = []
    for indicator in indicators:
        answer = client.get(reverse("api:indicator_values", args=[indicator.pk]), {"limit": 1000})
        assert answer.status_code == 200
        seen += [row["value"] for row in answer.json()["results"] if row["value"] is not None]
        assert all(name not in answer.content.decode() for name in IDENTITIES)
    # T7.I1 6 and T5.I1 7 for 2025 left casework; no cell under 5 (zero included) did
    assert seen and 6 in seen and 7 in seen
    assert min(seen) >= 5, json.dumps(seen)
    assert _reads(analyst) == []
