# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Own figures shared with the Platform: visible to its people while shared, gone when revoked,
never visible outside the Platform; every share and revocation audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, User
from kompas.accounts.roles import Role
from kompas.cooperation.models import FigureShare
from kompas.cooperation.sharing import revoke_share, share_measure, shared_figures
from tests.cooperation.conftest import Setting
from tests.cooperation.sharing_factories import OWN_MEASURE, own_figure

pytestmark = pytest.mark.django_db
HENGELO = "GM0164"


def _seen_by(user: User) -> list[tuple[str, str, float]]:
    """Return (owner, area, value) of the shared figures of 2024 as ``user``'s organisation sees them."""
    with scope(organisation=user.organisation_id):
        found = shared_figures(user.organisation_id, year=2024)
    return [(item.organisation_name, item.figure.area_code, item.figure.value) for item in found]


def test_shared_visible_to_the_platform_then_revoked_and_gone(setting: Setting) -> None:
    adviser = setting.users[Role.OOV_ADVISEUR]  # of Hengelo, a member
    own_figure(adviser.organisation, HENGELO, 23.5)  # a fictitious own survey figure (demo)
    coordinator, partner = setting.users[Role.REGIOCOORDINATOR], setting.users[Role.PARTNER]
    assert _seen_by(coordinator) == [] and _seen_by(partner) == []  # private until shared
    with scope(organisation=adviser.organisation_id):
        share = share_measure(actor=adviser, platform=setting.platform, measure_code=OWN_MEASURE)
    expected = [(adviser.organisation.name, HENGELO, 23.5)]
    assert _seen_by(coordinator) == expected  # the Platform's organisation
    assert _seen_by(partner) == expected  # another member (the Veiligheidshuis)
    assert _seen_by(setting.outsider) == []  # Enschede is not a member: never
    with scope(organisation=adviser.organisation_id):
        revoke_share(actor=adviser, share_id=share.pk)
    assert _seen_by(coordinator) == [] and _seen_by(partner) == []
    with scopes_disabled():
        actions = list(
            AuditRecord.objects.filter(object_id=str(share.pk), action__startswith="cooperation.share.")
            .order_by("pk")
            .values_list("action", "actor_id")
        )
        kept = FigureShare.objects.get(pk=share.pk)
    assert actions == [("cooperation.share.granted", adviser.pk), ("cooperation.share.revoked", adviser.pk)]
    assert kept.revoked_by == adviser and kept.revoked_at is not None  # history stays


@pytest.mark.parametrize(
    ("who", "measure", "message"),
    [
        # Enschede is no member of the Platform
        ("outsider", OWN_MEASURE, "Uw organisatie neemt niet deel aan dit platform."),
        # Hengelo holds no own figures of this (open) measure
        ("member", "misdrijven_totaal", "Uw organisatie heeft geen eigen cijfers van deze maatstaf."),
    ],
)
def test_a_share_is_refused_with_one_message_and_nothing_written(
    setting: Setting, make_user: Callable[..., User], who: str, measure: str, message: str
) -> None:
    member = setting.users[Role.OOV_ADVISEUR]
    actor = (
        make_user(Role.OOV_ADVISEUR, setting.outsider.organisation, "oov-elders")
        if who == "outsider"
        else member
    )
    own_figure(actor.organisation, "GM0153" if who == "outsider" else HENGELO, 30.0)
    with scope(organisation=actor.organisation_id), pytest.raises(ValidationError) as refused:
        share_measure(actor=actor, platform=setting.platform, measure_code=measure)
    assert refused.value.messages == [message]
    with scopes_disabled():
        assert not FigureShare.objects.exists()
        assert not AuditRecord.objects.filter(action="cooperation.share.granted").exists()


def test_another_member_cannot_revoke_a_share(setting: Setting, make_user: Callable[..., User]) -> None:
    adviser = setting.users[Role.OOV_ADVISEUR]
    own_figure(adviser.organisation, HENGELO, 23.5)
    with scope(organisation=adviser.organisation_id):
        share = share_measure(actor=adviser, platform=setting.platform, measure_code=OWN_MEASURE)
    stranger = make_user(Role.OOV_ADVISEUR, setting.outsider.organisation, "oov-elders")
    with scope(organisation=stranger.organisation_id), pytest.raises(ValidationError):
        revoke_share(actor=stranger, share_id=share.pk)
    assert _seen_by(setting.users[Role.REGIOCOORDINATOR]) == [(adviser.organisation.name, HENGELO, 23.5)]


def test_the_page_shares_and_revokes(
    setting: Setting, client: Client, login: Callable[[Client, User], Client]
) -> None:
    adviser = setting.users[Role.OOV_ADVISEUR]
    own_figure(adviser.organisation, HENGELO, 23.5)
    login(client, adviser)
    page = client.get(reverse("cooperation:share_list"))
    assert page.status_code == 200 and OWN_MEASURE in page.content.decode()
    client.post(reverse("cooperation:share_list"), {"maatstaf": OWN_MEASURE})
    with scopes_disabled():
        share = FigureShare.objects.get(revoked_at__isnull=True)
    assert "intrekken" in client.get(reverse("cooperation:share_list")).content.decode()
    assert _seen_by(setting.users[Role.REGIOCOORDINATOR]) != []
    client.post(reverse("cooperation:share_revoke", args=[share.pk]))
    assert _seen_by(setting.users[Role.REGIOCOORDINATOR]) == []
