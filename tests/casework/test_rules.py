# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The rules of casework: the POB term, list caps, escalation, evaluation, classification history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.casework import cases, groups
from kompas.casework.access import Identity
from kompas.casework.cases import NewCase, open_case
from kompas.casework.models import Case, Person, Signal
from kompas.casework.signals import NewSignal, Weighing, is_overdue, open_signal, pob_deadline, weigh_signal
from tests.casework.factories import DAY, World


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (dt.date(2025, 1, 15), dt.date(2025, 4, 15)),  # three calendar months later
        (dt.date(2024, 11, 30), dt.date(2025, 2, 28)),  # February has no 30th: its last day
        (dt.date(2023, 11, 30), dt.date(2024, 2, 29)),  # … in a leap year the 29th
        (dt.date(2025, 10, 1), dt.date(2026, 1, 1)),  # across the year
    ],
)
def test_pob_deadline_is_three_calendar_months(received: dt.date, deadline: dt.date) -> None:
    assert pob_deadline(received) == deadline


@pytest.mark.django_db
def test_an_unweighed_signal_is_overdue_after_three_months_and_a_weighed_one_never(world: World) -> None:
    signal = world.signal  # received 3 February 2025
    assert not is_overdue(signal, today=dt.date(2025, 5, 3))  # the last day
    assert is_overdue(signal, today=dt.date(2025, 5, 4))
    weighed = weigh_signal(
        actor=world.adviser,
        signal_id=signal.pk,
        weighing=Weighing("lokaal_gestopt", dt.date(2025, 6, 1), ("oov", "handhaving_wijkservice")),
    )
    assert not is_overdue(weighed, today=dt.date(2026, 1, 1))
    assert (weighed.closed_on, weighed.present) == (dt.date(2025, 6, 1), ["oov", "handhaving_wijkservice"])


@pytest.mark.django_db
def test_a_weighing_without_participants_is_refused_and_nothing_changes(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        weigh_signal(actor=world.adviser, signal_id=world.signal.pk, weighing=Weighing("doorgeleid", DAY, ()))
    assert refused.value.message_dict == {"present": ["Noem wie bij de weging aanwezig waren."]}
    assert Signal.objects.get(pk=world.signal.pk).outcome == ""


@pytest.mark.django_db
def test_a_bad_signal_is_refused_with_one_message_per_field_and_nothing_written(
    org_a: Organisation, make_user: Callable[..., User]
) -> None:
    adviser = make_user(Role.OOV_ADVISEUR, org_a)
    with pytest.raises(ValidationError) as refused:
        open_signal(
            actor=adviser, new=NewSignal("bakkerij", "hennep", DAY, persons=(Identity("Persoon Test-9"),))
        )
    assert refused.value.message_dict == {
        "received_from": ["Kies de afdeling waar het signaal vandaan komt."]
    }
    assert (Signal.objects.count(), Person.objects.count()) == (0, 0)


def _new(organisation: Organisation, list_kind: str, number: int) -> NewCase:
    return NewCase(
        list_kind,
        Identity(f"Deelnemer {number}"),
        "veelpleger",
        DAY,
        "veiligheidshuis",
        "dwang",
        organisation,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("list_kind", "cap"), [("top10_inbrekers", 10), ("top50_inbrekers", 50)])
def test_a_burglar_list_holds_as_many_open_cases_as_its_name(
    list_kind: str, cap: int, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    adviser = make_user(Role.OOV_ADVISEUR, org_a)
    opened = [open_case(actor=adviser, new=_new(org_a, list_kind, n)) for n in range(cap)]
    with pytest.raises(ValidationError) as refused:
        open_case(actor=adviser, new=_new(org_a, list_kind, cap))
    assert refused.value.messages == [
        f"De lijst {dict(cases.CaseList.choices)[list_kind]} is vol: ten hoogste {cap} open casussen."
    ]
    assert Person.objects.count() == cap  # the refused case left no person behind
    cases.close_case(actor=adviser, case_id=opened[0].pk, closed_on=DAY, went_well=True)
    open_case(actor=adviser, new=_new(org_a, list_kind, cap))  # a closed case frees its place


@pytest.mark.django_db
def test_the_top_x_holds_at_most_250_open_cases(org_a: Organisation, make_user: Callable[..., User]) -> None:
    adviser = make_user(Role.OOV_ADVISEUR, org_a)
    for n in range(250):
        open_case(actor=adviser, new=_new(org_a, "top_x", n))
    with pytest.raises(ValidationError):
        open_case(actor=adviser, new=_new(org_a, "top_x", 250))
    assert Case.objects.filter(list_kind="top_x").count() == 250
    # another list is not affected by a full top-X
    open_case(actor=adviser, new=_new(org_a, "top10_inbrekers", 1))


@pytest.mark.django_db
def test_escalation_goes_operational_tactical_strategic_and_no_further(world: World) -> None:
    steps = [cases.escalate(actor=world.adviser, case_id=world.case.pk).escalation for _ in range(2)]
    assert steps == ["tactisch", "strategisch"]
    with pytest.raises(ValidationError):
        cases.escalate(actor=world.adviser, case_id=world.case.pk)


@pytest.mark.django_db
def test_a_case_that_did_not_go_well_closes_only_with_its_evaluation(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        cases.close_case(actor=world.adviser, case_id=world.case.pk, closed_on=DAY, went_well=False)
    assert "evaluation" in refused.value.message_dict
    closed = cases.close_case(
        actor=world.adviser,
        case_id=world.case.pk,
        closed_on=DAY,
        went_well=False,
        evaluation="Leerpunt: eerder opschalen.",
    )
    assert (closed.state, closed.evaluation) == ("afgesloten", "Leerpunt: eerder opschalen.")


@pytest.mark.django_db
def test_plan_items_per_life_domain(world: World) -> None:
    cases.add_plan_item(
        actor=world.adviser,
        case_id=world.case.pk,
        life_domain="wonen",
        intervention="Woonbegeleiding",
        responsible=world.keeper,
    )
    with pytest.raises(ValidationError):
        cases.add_plan_item(
            actor=world.adviser,
            case_id=world.case.pk,
            life_domain="reizen",
            intervention="x",
            responsible=world.keeper,
        )
    assert [item.life_domain for item in world.case.plan_items.all()] == ["wonen"]


@pytest.mark.django_db
def test_a_group_keeps_its_classification_history(world: World) -> None:
    groups.classify_group(
        actor=world.adviser, group_id=world.group.pk, classification="crimineel", since=dt.date(2025, 6, 1)
    )
    history = [(row.classification, row.since) for row in world.group.history.all()]
    assert history == [("overlastgevend", DAY), ("crimineel", dt.date(2025, 6, 1))]
    with pytest.raises(ValidationError):
        groups.classify_group(
            actor=world.adviser, group_id=world.group.pk, classification="hinderlijk", since=DAY
        )


@pytest.mark.django_db
def test_a_groepsscan_is_requested_by_wijkagent_gemeente_or_om_and_its_result_is_encrypted(
    world: World,
) -> None:
    with pytest.raises(ValidationError):
        groups.request_scan(
            actor=world.adviser, group_id=world.group.pk, requester="buurman", requested_on=DAY
        )
    scan = groups.request_scan(actor=world.adviser, group_id=world.group.pk, requester="om", requested_on=DAY)
    done = groups.record_scan_result(
        actor=world.adviser, scan_id=scan.pk, completed_on=DAY, result="Vijf leden, drugsgebruik"
    )
    assert done.result_token and "drugsgebruik" not in done.result_token


def test_a_plan_item_raises_the_case_version_and_a_stale_or_closed_case_refuses_one(world: World) -> None:
    loaded = Case.objects.get(pk=world.case.pk).version
    add = {
        "actor": world.adviser,
        "case_id": world.case.pk,
        "life_domain": "wonen",
        "responsible": world.keeper,
    }
    cases.add_plan_item(**add, intervention="Woonbegeleiding", version=loaded)
    assert Case.objects.get(pk=world.case.pk).version == loaded + 1
    with pytest.raises(ValidationError, match="Iemand anders heeft deze casus intussen gewijzigd"):
        cases.add_plan_item(**add, intervention="Schuldhulp", version=loaded)
    cases.close_case(actor=world.adviser, case_id=world.case.pk, closed_on=DAY, went_well=True)
    with pytest.raises(ValidationError, match="De casus is afgesloten"):
        cases.add_plan_item(**add, intervention="Schuldhulp")
    assert Case.objects.get(pk=world.case.pk).plan_items.count() == 1


def test_a_participation_ends_once_and_not_before_it_began(world: World) -> None:
    from kompas.casework.models import Participation
    from kompas.casework.participation import end_participation

    participation = Participation.objects.get(case=world.case, organisation=world.participant)
    with pytest.raises(ValidationError, match="Een deelname eindigt niet voordat zij begon"):
        end_participation(actor=world.adviser, participation_id=participation.pk, until=dt.date(2025, 1, 1))
    end_participation(actor=world.adviser, participation_id=participation.pk, until=dt.date(2025, 3, 1))
    with pytest.raises(ValidationError, match="intussen al beëindigd"):
        end_participation(actor=world.adviser, participation_id=participation.pk, until=dt.date(2025, 4, 1))
    assert Participation.objects.get(pk=participation.pk).until == dt.date(2025, 3, 1)


def test_a_scan_result_is_recorded_once_and_a_scan_is_requested_within_the_groups_time(world: World) -> None:
    from kompas.casework.models import GroupScan

    with pytest.raises(ValidationError, match="tussen het in beeld komen van de groep en vandaag"):
        groups.request_scan(
            actor=world.adviser, group_id=world.group.pk, requester="om", requested_on=dt.date(2025, 1, 1)
        )
    scan = groups.request_scan(actor=world.adviser, group_id=world.group.pk, requester="om", requested_on=DAY)
    groups.record_scan_result(actor=world.adviser, scan_id=scan.pk, completed_on=DAY, result="Fictief")
    token = GroupScan.objects.get(pk=scan.pk).result_token
    with pytest.raises(ValidationError, match="intussen al vastgelegd"):
        groups.record_scan_result(actor=world.adviser, scan_id=scan.pk, completed_on=DAY, result="Anders")
    assert GroupScan.objects.get(pk=scan.pk).result_token == token
