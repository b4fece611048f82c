# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Account hardening, written as the attacks of issue 11 (M7 and the low findings).

Stale user edits, password change and reset, second-factor reset, client addresses behind a
reverse proxy, read records for lists of personal data, simultaneous edits on SQLite and
imports a killed process left "bezig". Time budget: about 15 s (the SQLite program ~8 s).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled
from pytest_django.fixtures import Settings

from kompas.accounts.client_address import client_address
from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR, env_networks
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.runs import ABANDONED_AFTER, mark_abandoned_runs
from tests.conftest import PASSWORD, verified_login
from tests.sources.factories import make_import_run

pytestmark = pytest.mark.django_db

STALE = "Iemand anders heeft deze gebruiker intussen gewijzigd; er is niets opgeslagen."
NEW_PASSWORD = "een-eigen-nieuw-wachtwoord-77"


def _records(action: str) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(action=action).order_by("id"))


def _edit(client: Client, subject: User, **values: str) -> object:
    return client.post(reverse("accounts:user_edit", kwargs={"user_id": subject.pk}), values)


@pytest.fixture
def subject(org_a: Organisation, make_user: Callable[..., User]) -> User:
    return make_user(Role.ANALIST, org_a, username="doelwit")


# M7: a stale form on the user page.


def test_edit_form_carries_the_version(client: Client, beheerder_a: User, subject: User) -> None:
    page = client.get(reverse("accounts:user_edit", kwargs={"user_id": subject.pk})).content.decode()
    assert '<input type="hidden" name="version" value="1"' in page


def test_stale_form_cannot_reactivate_an_account_another_beheerder_deactivated(
    client: Client, beheerder_a: User, subject: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    # Both beheerders open the edit page at version 1; the other one deactivates the account.
    other = verified_login(Client(), make_user(Role.BEHEERDER, org_a, username="tweede-beheerder"))
    assert _edit(other, subject, role="analist", version="1").status_code == 302  # type: ignore[attr-defined]  # the test client's response, typed loosely
    # The first one saves the old form, in which the account is still active.
    stale = _edit(client, subject, role="analist", is_active="on", first_name="Oud", version="1")
    page = stale.content.decode()  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert stale.status_code == 400  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert STALE in page
    assert "Nu geldt: Voornaam: —; Actief: nee." in page
    assert '<input type="hidden" name="version" value="2"' in page
    subject.refresh_from_db()
    assert (subject.is_active, subject.first_name, subject.version) == (False, "", 2)
    [record] = _records("accounts.user.changed")
    assert record.changes == {"is_active": [True, False], "version": [1, 2]}


def test_resaving_after_the_conflict_overwrites_knowingly(
    client: Client, beheerder_a: User, subject: User
) -> None:
    assert _edit(client, subject, role="raadslid", is_active="on", version="1").status_code == 302  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert _edit(client, subject, role="analist", version="1").status_code == 400  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert _edit(client, subject, role="analist", version="2").status_code == 302  # type: ignore[attr-defined]  # the test client's response, typed loosely
    subject.refresh_from_db()
    assert (subject.role, subject.is_active, subject.version) == (Role.ANALIST, False, 3)


# Password change by the user, reset by the beheerder.


def _change(client: Client, current: str, new: str, again: str | None = None) -> object:
    data = {"current_password": current, "new_password": new, "new_password_again": again or new}
    return client.post(reverse("accounts:password_change"), data)


@pytest.mark.parametrize(
    ("current", "new", "again", "message"),
    [
        # the current password is asked, so a borrowed session cannot change it
        ("niet-het-wachtwoord-123", NEW_PASSWORD, NEW_PASSWORD, "Het huidige wachtwoord klopt niet."),
        # Django's validators apply, in Dutch
        (PASSWORD, "kort-1", "kort-1", "Dit wachtwoord is te kort: het moet minstens 12 tekens bevatten."),
        (PASSWORD, "123456789012345", "123456789012345", "Dit wachtwoord bevat alleen cijfers."),
        (PASSWORD, NEW_PASSWORD, "iets-anders-dan-dat-77", "De twee nieuwe wachtwoorden zijn niet gelijk."),
        (PASSWORD, PASSWORD, PASSWORD, "Kies een ander wachtwoord dan het huidige."),
    ],
)
def test_password_change_refuses(
    current: str, new: str, again: str, message: str, client: Client, subject: User
) -> None:
    client.force_login(subject)
    response = _change(client, current, new, again)
    assert response.status_code == 400  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert message in response.content.decode()  # type: ignore[attr-defined]  # the test client's response, typed loosely
    subject.refresh_from_db()
    assert subject.check_password(PASSWORD)
    assert _records("accounts.password.changed") == []


def test_every_user_changes_their_own_password(client: Client, subject: User) -> None:
    client.force_login(subject)
    page = client.get(reverse("accounts:password_change")).content.decode()
    assert "Huidig wachtwoord" in page
    assert _change(client, PASSWORD, NEW_PASSWORD).status_code == 302  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert client.get(reverse("dashboard:home")).status_code == 200  # the session stays open
    subject.refresh_from_db()
    assert subject.check_password(NEW_PASSWORD)
    [record] = _records("accounts.password.changed")
    assert (record.actor_id, record.object_id, record.changes) == (
        subject.pk,
        str(subject.pk),
        {"after_reset": False},
    )


def test_reset_gives_a_temporary_password_once_and_forces_a_change(
    client: Client, beheerder_a: User, subject: User
) -> None:
    victim_session = Client()
    victim_session.force_login(subject)
    response = client.post(reverse("accounts:user_password_reset", kwargs={"user_id": subject.pk}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    temporary = page.split('<p class="temporary-password"><code>')[1].split("</code>")[0]
    assert len(temporary) == 19
    [record] = _records("accounts.user.password_reset")
    assert (record.actor_id, record.object_id, record.changes) == (beheerder_a.pk, str(subject.pk), {})
    assert temporary not in json.dumps([r.changes for r in AuditRecord.objects.all()])
    # Sessions opened with the old password end.
    assert victim_session.get(reverse("dashboard:home"))["Location"].startswith(reverse("accounts:login"))
    # The user logs in with the temporary password and must choose their own before anything else.
    user_client = Client()
    login = user_client.post(reverse("accounts:login"), {"username": subject.username, "password": temporary})
    assert login.status_code == 302
    assert user_client.get(reverse("dashboard:home"))["Location"] == reverse("accounts:password_change")
    assert user_client.get(reverse("api:me")).json() == {"detail": "Kies eerst een eigen wachtwoord."}
    forced = user_client.get(reverse("accounts:password_change")).content.decode()
    assert "U bent ingelogd met een tijdelijk wachtwoord van de beheerder." in forced
    assert _change(user_client, temporary, NEW_PASSWORD).status_code == 302  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert user_client.get(reverse("dashboard:home")).status_code == 200
    subject.refresh_from_db()
    assert not subject.must_change_password
    assert _records("accounts.password.changed")[0].changes == {"after_reset": True}


def test_beheerder_cannot_reset_their_own_account(client: Client, beheerder_a: User) -> None:
    for name in ("accounts:user_password_reset", "accounts:user_two_factor_reset"):
        response = client.post(reverse(name, kwargs={"user_id": beheerder_a.pk}), follow=True)
        assert response.status_code == 200
    page = response.content.decode()
    assert "U kunt de tweestapsverificatie van uw eigen account niet resetten." in page
    beheerder_a.refresh_from_db()
    assert not beheerder_a.must_change_password
    assert TOTPDevice.objects.filter(user=beheerder_a).count() == 1
    assert _records("accounts.user.password_reset") == _records("accounts.user.two_factor_reset") == []


def test_second_factor_reset_makes_the_user_enrol_again(
    client: Client, beheerder_a: User, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    # The OOV-adviser lost their phone; their verified session ends at the second-factor step.
    adviser = make_user(Role.OOV_ADVISEUR, org_a)
    adviser_client = verified_login(Client(), adviser)
    assert adviser_client.get(reverse("dashboard:home")).status_code == 200
    response = client.post(
        reverse("accounts:user_two_factor_reset", kwargs={"user_id": adviser.pk}), follow=True
    )
    assert "Tweestapsverificatie gereset." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=adviser, confirmed=True).exists()
    [record] = _records("accounts.user.two_factor_reset")
    assert (record.actor_id, record.object_id, record.changes) == (
        beheerder_a.pk,
        str(adviser.pk),
        {"devices": 1},
    )
    assert adviser_client.get(reverse("dashboard:home"))["Location"] == reverse("accounts:two_factor")
    assert "QR-code" in adviser_client.get(reverse("accounts:two_factor")).content.decode()


# Client addresses behind a reverse proxy.


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        # no proxy configured: the header is anyone's to write and is ignored
        ("203.0.113.9", "198.51.100.1", [], "203.0.113.9"),
        # a peer that is not the proxy cannot name another client either
        ("203.0.113.9", "198.51.100.1", ["10.0.0.0/8"], "203.0.113.9"),
        # through the proxy: the address the proxy appended is the client
        ("10.0.0.2", "198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"),
        # a client-written prefix lies left of the proxy's entry and is never reached
        ("10.0.0.2", "1.2.3.4, 198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"),
        # two proxies in a row: both are skipped from the right
        ("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", ["10.0.0.0/8"], "198.51.100.7"),
        # a proxy given by its single address, IPv6 client with a port in brackets
        ("10.0.0.2", "[2001:db8::5]:4711", ["10.0.0.2"], "2001:db8::5"),
        # the proxy sent no header: the proxy is the only address known
        ("10.0.0.2", "", ["10.0.0.0/8"], "10.0.0.2"),
        # garbage right of the trusted hops: stop at the last address a proxy vouched for
        ("10.0.0.2", "198.51.100.7, onzin", ["10.0.0.0/8"], "10.0.0.2"),
    ],
)
def test_client_address(
    peer: str, forwarded: str, trusted: list[str], expected: str, settings: Settings
) -> None:
    settings.KOMPAS_TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def _fail_login(client: Client, username: str, peer: str, forwarded: str) -> object:
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": "fout-wachtwoord-123"},
        REMOTE_ADDR=peer,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_spoofed_header_from_an_untrusted_address_is_ignored(
    client: Client, subject: User, settings: Settings
) -> None:
    settings.KOMPAS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    _fail_login(client, subject.username, "203.0.113.9", "198.51.100.1")
    assert [r.ip_address for r in _records("accounts.login.failed")] == ["203.0.113.9"]
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.9"]


def test_through_a_trusted_proxy_the_real_client_lands_in_lockout_and_audit(
    client: Client, subject: User, settings: Settings
) -> None:
    # An attacker behind the proxy fails until locked out, forging an address in the header.
    settings.KOMPAS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _fail_login(client, subject.username, "10.0.0.2", "192.0.2.1, 198.51.100.66")
    locked = _fail_login(client, subject.username, "10.0.0.2", "198.51.100.66")
    assert locked.status_code == 429  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert {r.ip_address for r in _records("accounts.login.failed")} == {"198.51.100.66"}
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.66"]
    # The real user, behind the same proxy, still logs in: the lockout is not the proxy's.
    owner = Client()
    response = owner.post(
        reverse("accounts:login"),
        {"username": subject.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.5",
    )
    assert response.status_code == 302
    assert _records("accounts.login.succeeded")[0].ip_address == "198.51.100.5"


# Reading lists of personal data is recorded.


def test_user_list_page_and_api_record_who_was_shown(
    client: Client, beheerder_a: User, subject: User
) -> None:
    client.get(reverse("accounts:user_list"))
    client.get(reverse("api:user_list"))
    page, api = _records("accounts.users.listed")
    shown = sorted([beheerder_a.pk, subject.pk])
    assert (page.actor_id, page.changes["via"], sorted(page.changes["user_ids"])) == (
        beheerder_a.pk,
        "page",
        shown,
    )
    assert (api.changes["via"], sorted(api.changes["user_ids"])) == ("api", shown)


def test_audit_page_records_that_it_was_viewed(client: Client, beheerder_a: User) -> None:
    client.get(reverse("accounts:audit_list"), {"action": "accounts.login.failed"})
    [record] = _records("accounts.audit.viewed")
    assert record.actor_id == beheerder_a.pk
    assert record.changes == {"filters": {"action": "accounts.login.failed"}, "page": 1}


# Simultaneous edits on SQLite.


def test_simultaneous_conflicting_edits_on_sqlite_give_the_stale_message(tmp_path: Path) -> None:
    # A SQLite file of its own, whatever database the suite runs on: the finding is SQLite's.
    environment = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kompas.sqlite3'}",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(  # our own interpreter and module
        [sys.executable, "-m", "tests.accounts.simultaneous_edit"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    statuses = [status for status, _body in outcome["answers"]]
    assert sorted(statuses) == [302, 400], outcome["answers"]
    loser = statuses.index(400)
    assert STALE in outcome["answers"][loser][1]
    # The first to commit wins; the other changed nothing.
    assert outcome["version"] == 2
    assert outcome["is_active"] == (loser == 0)


# Imports a killed process left "bezig".


def _running(organisation: Organisation, started: dt.datetime) -> ImportRun:
    run = make_import_run(organisation)
    with scopes_disabled():
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportStatus.RUNNING, started_at=started, finished_at=None, errors=[], error_count=0
        )
        return ImportRun.objects.get(pk=run.pk)


def test_abandoned_runs_are_marked_failed_and_audited(org_a: Organisation, org_b: Organisation) -> None:
    now = timezone.now()
    killed_a = _running(org_a, now - ABANDONED_AFTER - dt.timedelta(minutes=1))
    killed_b = _running(org_b, now - dt.timedelta(days=3))
    busy = _running(org_a, now - dt.timedelta(minutes=5))
    finished = make_import_run(org_a)
    assert sorted(mark_abandoned_runs()) == sorted([killed_a.pk, killed_b.pk])
    with scopes_disabled():
        status = dict(ImportRun.objects.values_list("pk", "status"))
        run = ImportRun.objects.get(pk=killed_a.pk)
    assert status == {
        killed_a.pk: ImportStatus.FAILED,
        killed_b.pk: ImportStatus.FAILED,
        busy.pk: ImportStatus.RUNNING,
        finished.pk: ImportStatus.REJECTED,
    }
    assert run.finished_at is not None
    assert run.errors[0]["message"].startswith("Het importeren is afgebroken (het proces is gestopt)")
    records = _records("sources.import.abandoned")
    assert {(r.object_id, r.organisation_id) for r in records} == {
        (str(killed_a.pk), org_a.pk),
        (str(killed_b.pk), org_b.pk),
    }
    assert mark_abandoned_runs() == []  # a second sweep finds nothing


def test_nightly_job_sweeps_abandoned_runs(org_a: Organisation, capsys: pytest.CaptureFixture[str]) -> None:
    killed = _running(org_a, timezone.now() - dt.timedelta(hours=5))
    call_command("alerts_run", organisation=org_a.code)
    with scopes_disabled():
        assert ImportRun.objects.get(pk=killed.pk).status == ImportStatus.FAILED
    assert f"Afgebroken imports als mislukt gemarkeerd: {killed.pk}" in capsys.readouterr().err


def test_trusted_proxies_setting_refuses_a_malformed_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPAS_TRUSTED_PROXIES", "10.0.0.0/8, proxy.gemeente.nl")
    with pytest.raises(ValueError, match=r"'proxy\.gemeente\.nl' is geen IP-adres of CIDR-bereik"):
        env_networks("KOMPAS_TRUSTED_PROXIES")
    monkeypatch.setenv("KOMPAS_TRUSTED_PROXIES", "10.0.0.5, 2001:db8::/32")
    assert env_networks("KOMPAS_TRUSTED_PROXIES") == ["10.0.0.5", "2001:db8::/32"]
