# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Login: Dutch page, password policy, second factor for personal-data roles, lockout, expiry."""

from __future__ import annotations

from collections.abc import Callable

import pyotp
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role, requires_two_factor
from kompas.accounts.users import create_user
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str = PASSWORD) -> object:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_page_is_dutch(client: Client) -> None:
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="nl">' in page
    assert "Inloggen bij Kompas" in page
    assert "Gebruikersnaam" in page


def test_role_without_personal_data_reaches_start_page(
    client: Client, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.ANALIST, org_a)
    assert _login(client, user.username).status_code == 302  # type: ignore[attr-defined]  # the test client's response, typed loosely
    home = client.get(reverse("dashboard:home"))
    assert "Welkom bij Kompas, Gemeente Hengelo" in home.content.decode()
    assert AuditRecord.objects.filter(action="accounts.login.succeeded", actor_id=user.pk).count() == 1


@pytest.mark.parametrize("role", list(Role))
def test_second_factor_is_required_exactly_for_personal_data_roles(
    role: Role, client: Client, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    user = make_user(role, org_a)
    _login(client, user.username)
    response = client.get(reverse("dashboard:home"))
    expected = {Role.BEHEERDER, Role.OOV_ADVISEUR, Role.PARTNER}
    assert requires_two_factor(role) == (role in expected)
    if role in expected:
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:two_factor")
    else:
        assert response.status_code == 200


def test_enrol_and_verify_totp(client: Client, org_a: Organisation, make_user: Callable[..., User]) -> None:
    user = make_user(Role.BEHEERDER, org_a)
    _login(client, user.username)
    page = client.get(reverse("accounts:two_factor")).content.decode()
    assert "QR-code" in page
    device = TOTPDevice.objects.get(user=user)
    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert wrong.status_code == 400
    assert "De code klopt niet" in wrong.content.decode()
    throttled = client.post(reverse("accounts:two_factor"), {"token": "000001"})
    assert "Te veel onjuiste codes" in throttled.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    code = pyotp.TOTP(device.config_url.split("secret=")[1].split("&")[0]).now()
    assert client.post(reverse("accounts:two_factor"), {"token": code}).status_code == 302
    assert client.get(reverse("accounts:user_list")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditRecord.objects.filter(action="accounts.two_factor.enrolled", actor_id=user.pk).count() == 1


def test_api_refuses_unverified_session(
    client: Client, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.BEHEERDER, org_a)
    _login(client, user.username)
    response = client.get(reverse("api:user_list"))
    assert response.status_code == 403
    assert response.json() == {"detail": "Tweestapsverificatie vereist."}


def test_lockout_after_repeated_failures(
    client: Client, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.ANALIST, org_a)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, user.username, "fout-wachtwoord-123")
    locked = _login(client, user.username)
    assert locked.status_code == 429  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert "Tijdelijk geblokkeerd" in locked.content.decode()  # type: ignore[attr-defined]  # the test client's response, typed loosely
    assert client.get(reverse("dashboard:home")).status_code == 302


@pytest.mark.parametrize(
    "password",
    [
        "kort-1",  # too short
        "123456789012345",  # only digits
        "password1234",  # a common password
    ],
)
def test_password_policy(password: str, org_a: Organisation) -> None:
    with pytest.raises(ValidationError):
        create_user(actor=None, organisation=org_a, username="x", password=password, role=Role.ANALIST)
    assert not User.objects.filter(username="x").exists()


def test_session_expires_when_idle() -> None:
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
