# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Demo organisations and users: one account per role, so every part of Kompas can be tried."""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompas.accounts.models import Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role, requires_two_factor
from kompas.accounts.users import create_user

DEMO_PASSWORD = "kompas-demo-2026"  # noqa: S105 -- a demo password, printed on purpose
# A fixed 160-bit TOTP key (the RFC 6238 test key, base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ)
# so demo users of 2FA roles can add it to an authenticator app.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"

DEMO_ORGANISATIONS = (
    ("hengelo", "Gemeente Hengelo", OrganisationKind.GEMEENTE, "GM0164"),
    ("enschede", "Gemeente Enschede", OrganisationKind.GEMEENTE, "GM0153"),
    ("zoetermeer", "Gemeente Zoetermeer", OrganisationKind.GEMEENTE, "GM0637"),
    ("platform-ivz-twente", "Platform Integrale Veiligheidszorg Twente", OrganisationKind.REGIO, ""),
    ("veiligheidshuis-twente", "Veiligheidshuis Twente", OrganisationKind.VEILIGHEIDSHUIS, ""),
    ("politie-oost-nederland", "Politie Oost-Nederland", OrganisationKind.POLITIE, ""),
)
DEMO_USERS = (
    ("analist", "hengelo", Role.ANALIST),
    ("oov", "hengelo", Role.OOV_ADVISEUR),
    ("raadslid", "hengelo", Role.RAADSLID),
    ("beheerder", "hengelo", Role.BEHEERDER),
    ("projectleider", "hengelo", Role.PROJECTLEIDER),
    ("coordinator", "platform-ivz-twente", Role.REGIOCOORDINATOR),
    ("partner", "veiligheidshuis-twente", Role.PARTNER),
    ("analist-enschede", "enschede", Role.ANALIST),
    ("analist-zoetermeer", "zoetermeer", Role.ANALIST),
)


@dataclass(frozen=True)
class DemoLogin:
    """A printed demo account: name, password, role and (for 2FA roles) the TOTP key."""

    username: str
    organisation: str
    role: Role
    totp_key: str | None


@transaction.atomic
def load_demo_accounts() -> list[DemoLogin]:
    """Create the demo organisations and users if missing; return the logins to print."""
    organisations = {org.code: org for org in Organisation.objects.all()}
    for code, name, kind, cbs_code in DEMO_ORGANISATIONS:
        if code not in organisations:
            organisations[code] = create_organisation(
                actor=None, code=code, name=name, kind=kind, cbs_code=cbs_code
            )
    return [_demo_user(username, organisations[org], role) for username, org, role in DEMO_USERS]


def _demo_user(username: str, organisation: Organisation, role: Role) -> DemoLogin:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = create_user(
            actor=None, organisation=organisation, username=username, password=DEMO_PASSWORD, role=role
        )
    totp_key = None
    if requires_two_factor(role):
        TOTPDevice.objects.get_or_create(
            user=user, name="demo", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True}
        )
        totp_key = b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()
    return DemoLogin(username, organisation.name, role, totp_key)
