# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A whole run of casework, grepped for the plaintext test identities: logs, error pages, exports,
command output, the audit trail and every report a non-participant makes (PDF, XLSX, HTML) show
none of them, nor a suppressed count; only participant views do."""

from __future__ import annotations

import io
import logging
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role, suppresses
from kompas.casework import cases, groups
from kompas.casework.aggregates import compute, measure_specs, suppress
from kompas.casework.models import Case, Participation
from kompas.casework.publish import publish_figures
from kompas.casework.signals import Weighing, weigh_signal
from kompas.indicators.load import load_definitions
from kompas.policy.load import load_plan
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
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


def _pdf_text(body: bytes, tmp_path: Path) -> str:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(body)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_reports_made_by_non_participants_show_no_identity_and_no_suppressed_count(
    org_a: Organisation,
    org_b: Organisation,
    make_user: Callable[..., User],
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    from tests.casework.test_aggregates import HENGELO_SET, _fill

    make_wijk(org_a)
    world = make_world(org_a, org_b)
    _fill(world.adviser)  # six forwarded signals (plus the world's), one mensenhandel signal, seven groups
    with scope(organisation=org_a.pk):
        plan = load_plan(actor=None, organisation=org_a).plan
        load_definitions(
            HENGELO_SET.read_text(encoding="utf-8"), HENGELO_SET.name, actor=None, organisation=org_a
        )
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        published = publish_figures(org_a, actor=world.adviser)
    cells = suppress(compute(org_a))
    withheld = [c for c in cells if c.suppressed and c.basis > 0]
    assert withheld and published.suppressed > 0
    # a measure of which no cell at all left casework: its label may appear in no report
    hidden = {c.measure for c in cells} - {c.measure for c in cells if not c.suppressed}
    hidden_labels = {str(spec.name) for spec in measure_specs() if spec.code in hidden}
    assert "Signalen ontvangen: Mensenhandel" in hidden_labels
    readers = [
        make_user(Role.RAADSLID, org_a, username="rapport-raadslid"),  # published figures only
        make_user(Role.ANALIST, org_a, username="rapport-analist"),  # small counts, no casework.view
        make_user(Role.OOV_ADVISEUR, org_b, username="rapport-enschede"),  # casework elsewhere only
    ]
    texts: dict[str, str] = {}
    with scope(organisation=org_a.pk):
        themes = {t.code for t in plan.themes.all()}
        assert {"T5", "T7"} <= themes
        wanted = [
            *[(ReportName.VOORTGANG, kind, "") for kind in ReportFormat],
            *[
                (ReportName.THEMABLAD, kind, code)
                for kind in (ReportFormat.HTML, ReportFormat.XLSX)
                for code in ("T5", "T7")
            ],
            (ReportName.THEMABLAD, ReportFormat.PDF, "T7"),
            (ReportName.VEILIGHEIDSBEELD, ReportFormat.HTML, ""),
        ]
        for user in readers:
            for name, kind, theme in wanted:
                options = ReportOptions(
                    name, kind, plan_id=plan.pk, period=2025, theme_code=theme, suppress=suppresses(user.role)
                )
                body = generate(org_a, options, actor=user).body
                texts[f"{user.username}/{name}.{kind}{theme}"] = (
                    _pdf_text(body, tmp_path)
                    if kind == ReportFormat.PDF
                    else _xlsx_text(body)
                    if kind == ReportFormat.XLSX
                    else body.decode()
                )
    leaks = {where: _hits(text) for where, text in texts.items() if _hits(text)}
    assert leaks == {}
    pseudonyms = [p.pseudonym for p in world.signal.persons.all()] + [world.case.person.pseudonym]
    assert not [(w, p) for w, t in texts.items() for p in pseudonyms if p in t]
    assert not [(w, label) for w, t in texts.items() for label in hidden_labels if label in t]
    # the published figures are there: the report was made from casework (7 forwarded: 6 + the world's)
    voortgang = texts[f"rapport-raadslid/{ReportName.VOORTGANG}.{ReportFormat.XLSX}"]
    assert "T7.I1" in voortgang and "T5.I1" in voortgang
    import sys

    sys.stderr.write(voortgang)
