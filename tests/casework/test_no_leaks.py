# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A whole run of casework, grepped for the plaintext test identities: logs, error pages, exports,
command output and the audit trail show none of them; only participant views do."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import openpyxl
import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kompas.accounts.models import AuditRecord, User
from kompas.accounts.roles import Role
from kompas.casework import cases, groups
from kompas.casework.models import Case, Participation
from kompas.casework.signals import Weighing, weigh_signal
from tests.casework.factories import DAY, IDENTITIES, SUMMARY, World, make_world
from tests.reports.factories import make_wijk

pytestmark = pytest.mark.django_db

PRIVATE = (*IDENTITIES, SUMMARY)


def _hits(text: str) -> list[str]:
    return [name for name in PRIVATE if name in text]


def _xlsx_text(body: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(body))
    return "\n".join(
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
    )


@pytest.fixture
def run_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def test_a_whole_run_leaks_no_identity_outside_participant_views(
    run_log: pytest.LogCaptureFixture,
    org_a: object,
    org_b: object,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    settings: object,
) -> None:
    make_wijk(org_a)  # type: ignore[arg-type]
    world: World = make_world(org_a, org_b)  # type: ignore[arg-type]
    outputs: dict[str, str] = {}
    # participants: they see the identities, and that is the only place
    participant = login(Client(), make_user(Role.PARTNER, world.participant, username="wijkagent"))
    case_page = participant.get(reverse("casework:case_detail", kwargs={"case_id": world.case.pk}))
    assert "Persoon Test-2" in case_page.content.decode()
    # changes by the keeper
    weigh_signal(
        actor=world.adviser, signal_id=world.signal.pk, weighing=Weighing("doorgeleid", DAY, ("oov",))
    )
    cases.add_plan_item(
        actor=world.adviser,
        case_id=world.case.pk,
        life_domain="wonen",
        intervention="Woonbegeleiding",
        responsible=world.keeper,
    )
    scan = groups.request_scan(
        actor=world.adviser, group_id=world.group.pk, requester="wijkagent", requested_on=DAY
    )
    # the keeper's page forms: a signal opened with a name (and once refused, the name in the
    # posted form), the scan's result, a closure that went badly with its evaluation
    keeper = login(Client(), world.adviser)
    signal_form = {
        "received_from": "politie",
        "category": "hennep",
        "received_on": "2025-02-03",
        "summary": SUMMARY,
        "persons": "Persoon Test-1",
    }
    assert keeper.post(reverse("casework:signal_open"), signal_form).status_code == 302
    refused = keeper.post(reverse("casework:signal_open"), {**signal_form, "received_on": "2999-01-01"})
    assert refused.status_code == 400
    result = {f"uitkomst-{scan.pk}-completed_on": "2025-03-01", f"uitkomst-{scan.pk}-result": SUMMARY}
    assert (
        keeper.post(reverse("casework:scan_result", kwargs={"scan_id": scan.pk}), result).status_code == 302
    )
    closure = {
        "afsluiten-went_well": "nee",
        "afsluiten-closed_on": "2025-03-01",
        "afsluiten-evaluation": "Fictief leerpunt",
        "afsluiten-version": str(Case.objects.get(pk=world.case.pk).version),
    }
    closed = keeper.post(reverse("casework:case_close", kwargs={"case_id": world.case.pk}), closure)
    assert closed.status_code == 302
    participation = Participation.objects.filter(case=world.case).first()
    assert participation is not None
    # non-participants, every page and export they can reach or try
    for role in Role:
        for organisation in (world.outsider, world.other_gemeente, world.keeper):
            if organisation == world.keeper and role in (Role.OOV_ADVISEUR, Role.PARTNER):
                continue  # participants of the keeper
            client = login(
                Client(), make_user(role, organisation, username=f"{role.value}-{organisation.code}-x")
            )
            for name, kwargs in (
                ("casework:home", {}),
                ("casework:signal_detail", {"signal_id": world.signal.pk}),
                ("casework:case_detail", {"case_id": world.case.pk}),
                ("casework:group_detail", {"group_id": world.group.pk}),
                ("casework:figures", {}),
            ):
                outputs[f"{role}/{organisation.code}/{name}"] = client.get(
                    reverse(name, kwargs=kwargs)
                ).content.decode()
            for name in ("casework:signal_open", "casework:case_open", "casework:group_open"):
                outputs[f"{role}/{organisation.code}/{name}"] = client.get(reverse(name)).content.decode()
            for name, kwargs in (
                ("casework:plan_item_add", {"case_id": world.case.pk}),
                ("casework:case_close", {"case_id": world.case.pk}),
                ("casework:case_participant_add", {"case_id": world.case.pk}),
                ("casework:signal_participant_add", {"signal_id": world.signal.pk}),
                ("casework:group_participant_add", {"group_id": world.group.pk}),
                ("casework:participation_end", {"participation_id": participation.pk}),
                ("casework:scan_request", {"group_id": world.group.pk}),
                ("casework:scan_result", {"scan_id": scan.pk}),
            ):
                # a refused form of someone out of reach shows nothing of the object
                posted = client.post(reverse(name, kwargs=kwargs), {})
                assert posted.status_code in (403, 404), (role, organisation.code, name)
                outputs[f"{role}/{organisation.code}/{name} (post)"] = posted.content.decode()
            export = client.get(reverse("casework:figures_export"))
            if export.status_code == 200:
                outputs[f"{role}/{organisation.code}/export"] = _xlsx_text(export.content)
    # the audit trail and its export
    beheerder = login(Client(), make_user(Role.BEHEERDER, world.keeper, username="beheerder-x"))
    outputs["audit export"] = beheerder.get(reverse("accounts:audit_export")).content.decode(
        "utf-8", "replace"
    )
    outputs["audit trail"] = str(list(AuditRecord.objects.values()))
    # commands
    for command in (["casework_publish", "--organisation", "hengelo"], ["casework_retention", "--dry-run"]):
        out = io.StringIO()
        call_command(*command, stdout=out, stderr=out)
        outputs[" ".join(command)] = out.getvalue()
    # an error page: a key that no longer fits makes the case page fail (500) for a participant
    settings.CASEWORK_KEYS = [Fernet.generate_key().decode("ascii")]  # type: ignore[attr-defined]
    participant.raise_request_exception = False
    broken = participant.get(reverse("casework:case_detail", kwargs={"case_id": world.case.pk}))
    assert broken.status_code == 500
    outputs["500 page"] = broken.content.decode()
    outputs["logs"] = run_log.text + "\n".join(str(record.__dict__) for record in run_log.records)
    leaks = {where: _hits(text) for where, text in outputs.items() if _hits(text)}
    assert leaks == {}
    assert "casework.case.viewed" in outputs["audit export"]  # the export was made, with the reads
    assert "Internal Server Error" in outputs["logs"]  # the failure was logged, without names
    assert len(outputs) > 300  # every role × organisation × page and form was looked at
