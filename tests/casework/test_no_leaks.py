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
    groups.request_scan(actor=world.adviser, group_id=world.group.pk, requester="wijkagent", requested_on=DAY)
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
    assert len(outputs) > 100  # every role × organisation × page was looked at
