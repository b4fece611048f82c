# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Activities (issue 16 §1): recorded, changed and removed audited and version-guarded; bad input
refused with one Dutch message and nothing written; the radicalisation rings' own rules; the
participants' names only for who keeps the register, read-audited, removed after retention.

Names are fictitious (“Deelnemer 1”). Time budget: about 10 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.observations.models import Observation
from kompas.registry import access
from kompas.registry.activities import (
    ActivityInput,
    PersonInput,
    StaleActivityError,
    change_activity,
    delete_activity,
    record_activity,
)
from kompas.registry.models import Activity, ActivityKind, Participant
from tests.conftest import verified_login
from tests.registry.factories import ensure_areas

TRAINING = ActivityInput(
    kind=ActivityKind.TRAINING,
    title="Training signalen herkennen",
    start=dt.date(2018, 3, 6),
    end=dt.date(2018, 3, 6),
    area_code="GM0164",
    organiser="Team OOV",
    participant_count=20,
    participants=(PersonInput("Deelnemer 1", "jongerenwerker", "Demo-organisatie"),),
)
RING_1 = replace(
    TRAINING,
    kind=ActivityKind.RING_1,
    title="Eerste ring",
    end=dt.date(2018, 3, 8),
    participant_count=2,
    train_the_trainer=True,
    participants=(PersonInput("Deelnemer 1"), PersonInput("Deelnemer 2")),
)


@pytest.fixture
def oov(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """An OOV adviser of Hengelo, with Hengelo and one wijk as areas."""
    ensure_areas(org_a)
    return make_user(Role.OOV_ADVISEUR, org_a)


def _stored() -> tuple[int, int, int]:
    with scopes_disabled():
        return (
            Activity.objects.count(),
            Participant.objects.count(),
            AuditRecord.objects.filter(action__startswith="registry.").count(),
        )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        # the training ends the day before it starts
        ({"end": dt.date(2018, 3, 5)}, "end", "De einddatum ligt voor de begindatum."),
        # minus three participants
        ({"participant_count": -3, "participants": ()}, "participant_count", "niet negatief"),
        # Enschede's wijk is not Hengelo's
        ({"area_code": "WK015301"}, "area_code", "Onbekend gebied"),
        # a wijk code of Hengelo that Kompas does not know
        ({"area_code": "WK016499"}, "area_code", "Onbekend gebied"),
        # more names than participants
        ({"participant_count": 0}, "participants", "meer deelnemers bij naam"),
        # the first ring takes three days
        (
            {"kind": ActivityKind.RING_1, "train_the_trainer": True, "participant_count": 1},
            "end",
            "3 dag(en)",
        ),
        # the second ring takes one day
        ({"kind": ActivityKind.RING_2, "end": dt.date(2018, 3, 7)}, "end", "1 dag(en)"),
    ],
)
def test_bad_input_is_refused_with_one_message_and_nothing_written(
    oov: User, changes: dict[str, object], field: str, message: str
) -> None:
    with scope(organisation=oov.organisation_id), pytest.raises(ValidationError) as refused:
        record_activity(actor=oov, data=replace(TRAINING, **changes))  # type: ignore[arg-type]  # table-driven fields
    assert list(refused.value.message_dict) == [field]
    assert message in refused.value.message_dict[field][0]
    assert _stored() == (0, 0, 0)


def test_the_first_ring_needs_the_trainer_module_and_every_name(oov: User) -> None:
    with scope(organisation=oov.organisation_id):
        with pytest.raises(ValidationError) as refused:
            record_activity(actor=oov, data=replace(RING_1, train_the_trainer=False, participants=()))
        assert sorted(refused.value.message_dict) == ["participants", "train_the_trainer"]
        record_activity(actor=oov, data=RING_1)
    assert _stored()[:2] == (1, 2)


def test_a_duplicate_entry_is_refused(oov: User) -> None:
    with scope(organisation=oov.organisation_id):
        record_activity(actor=oov, data=TRAINING)
        with pytest.raises(ValidationError, match="staat al in het register"):
            record_activity(actor=oov, data=replace(TRAINING, participant_count=25))
    assert _stored() == (1, 1, 1)


def test_change_and_delete_are_audited_and_version_guarded(oov: User) -> None:
    with scope(organisation=oov.organisation_id):
        activity = record_activity(actor=oov, data=TRAINING)
        changed = change_activity(
            actor=oov,
            activity_id=activity.pk,
            version=1,
            data=replace(TRAINING, participant_count=25, area_code="WK016401"),
        )
        assert changed.version == 2
        with pytest.raises(StaleActivityError):  # a second editor who loaded version 1
            change_activity(actor=oov, activity_id=activity.pk, version=1, data=TRAINING)
        with pytest.raises(StaleActivityError):
            delete_activity(actor=oov, activity_id=activity.pk, version=1)
        delete_activity(actor=oov, activity_id=activity.pk, version=2)
    with scopes_disabled():
        records = list(AuditRecord.objects.filter(action__startswith="registry.").order_by("id"))
        # the count follows: moved to the wijk, then gone (a kept register's zero)
        counts = dict(
            Observation.objects.filter(measure__code="register_training_deelnemers").values_list(
                "area__code", "value"
            )
        )
    assert [record.action for record in records] == [
        "registry.activity.recorded",
        "registry.activity.changed",
        "registry.activity.deleted",
    ]
    assert records[1].changes["participant_count"] == [20, 25]
    assert records[1].changes["area_code"] == ["GM0164", "WK016401"]
    assert counts == {"GM0164": 0.0, "WK016401": 0.0}
    assert _stored()[:2] == (0, 0)


def test_names_only_for_who_keeps_the_register_and_every_read_audited(
    oov: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    with scope(organisation=org_a.pk):
        activity = record_activity(actor=oov, data=TRAINING)
        analist = make_user(Role.ANALIST, org_a)
        assert access.participants_for(analist, activity) == []
        assert [p.name for p in access.participants_for(oov, activity)] == ["Deelnemer 1"]
    page = verified_login(Client(), analist).get(
        reverse("registry:activity_detail", kwargs={"activity_id": activity.pk})
    )
    assert page.status_code == 200 and "Deelnemer 1" not in page.content.decode()
    page = verified_login(Client(), oov).get(
        reverse("registry:activity_detail", kwargs={"activity_id": activity.pk})
    )
    assert "Deelnemer 1" in page.content.decode()
    with scopes_disabled():
        reads = AuditRecord.objects.filter(action="registry.participants.viewed")
        assert [record.actor_id for record in reads] == [oov.pk, oov.pk]
        recorded = AuditRecord.objects.get(action="registry.activity.recorded")
    assert "Deelnemer 1" not in str(recorded.changes)  # names never in the trail


def test_names_are_removed_after_the_retention_period_and_the_count_stays(oov: User) -> None:
    with scope(organisation=oov.organisation_id):
        record_activity(actor=oov, data=TRAINING)
    assert access.purge_expired(today=dt.date(2022, 3, 6)) == 0  # four years to the day: kept
    assert access.purge_expired(today=dt.date(2022, 3, 8)) == 1
    with scopes_disabled():
        assert Activity.objects.get().participant_count == 20
        assert AuditRecord.objects.filter(action="registry.participants.purged").count() == 1


def test_pages_record_change_and_delete_with_one_message_for_bad_input(oov: User) -> None:
    client = verified_login(Client(), oov)
    form = {
        "kind": ActivityKind.TRAINING,
        "title": "Informatieavond scholen",
        "start": "2018-05-01",
        "end": "2018-04-30",
        "area_code": "GM0164",
        "organiser": "Team OOV",
        "participant_count": "30",
        "cost": "1.250,50",
        "participants": "",
    }
    refused = client.post(reverse("registry:activity_create"), form)
    assert refused.status_code == 400
    assert refused.content.decode().count("De einddatum ligt voor de begindatum.") == 1
    assert _stored() == (0, 0, 0)
    created = client.post(reverse("registry:activity_create"), {**form, "end": "2018-05-01"})
    assert created.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get()
    assert str(activity.cost) == "1250.50"
    edit = reverse("registry:activity_edit", kwargs={"activity_id": activity.pk})
    assert (
        client.post(
            edit, {**form, "end": "2018-05-01", "participant_count": "31", "version": "1"}
        ).status_code
        == 302
    )
    stale = client.post(edit, {**form, "end": "2018-05-01", "participant_count": "32", "version": "1"})
    assert "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    delete = reverse("registry:activity_delete", kwargs={"activity_id": activity.pk})
    assert client.post(delete, {"version": "2"}).status_code == 302
    assert _stored()[0] == 0


def test_the_list_exports_and_suppresses_small_counts_for_council_members(
    oov: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    with scope(organisation=org_a.pk):
        record_activity(actor=oov, data=replace(TRAINING, participant_count=3, participants=()))
    council = verified_login(Client(), make_user(Role.RAADSLID, org_a))
    exported = council.get(reverse("registry:activity_list") + "?formaat=csv").content.decode("utf-8-sig")
    assert exported.splitlines()[1].split(";")[6] == "< 5"
    page = council.get(reverse("registry:activity_list")).content.decode()
    assert "&lt; 5" in page
    own = verified_login(Client(), oov).get(reverse("registry:activity_list") + "?formaat=csv")
    assert own.content.decode("utf-8-sig").splitlines()[1].split(";")[6] == "3"
    xlsx = verified_login(Client(), oov).get(reverse("registry:activity_list") + "?formaat=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_purge_command_reports_what_it_removed(oov: User) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("registry_run", stdout=out)
    assert out.getvalue().startswith("0 namen verwijderd (bewaartermijn 4 jaar")
