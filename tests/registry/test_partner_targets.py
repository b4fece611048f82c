# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Partner targets (issue 16 §4): the RIEC's 2016 targets from its jaarplan (spec §7.7) and the
realisation against them per year. The realisations here are made up for the test (the source
has none). Time budget: about 5 s.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR
from kompas.registry.models import PartnerTarget
from kompas.registry.partner_targets import StaleTargetError, load_targets, set_realisation
from tests.conftest import verified_login

RIEC_2016 = PROJECT_DIR / "src" / "kompas" / "registry" / "data" / "riec_streefcijfers_2016.toml"


@pytest.fixture
def riec(org_a: Organisation, make_user: Callable[..., User]) -> User:
    """A user who keeps the registers and has loaded the RIEC 2016 targets."""
    user = make_user(Role.OOV_ADVISEUR, org_a)
    with scope(organisation=org_a.pk):
        load_targets(actor=user, text=RIEC_2016.read_text(encoding="utf-8"), source=RIEC_2016.name)
    return user


def test_the_riec_2016_targets_add_up_as_in_the_jaarplan(riec: User) -> None:
    with scopes_disabled():
        targets = {t.measure: t.target for t in PartnerTarget.objects.filter(year=2016)}
        groups: dict[str, int] = {}
        for t in PartnerTarget.objects.filter(year=2016):
            groups[t.group] = groups.get(t.group, 0) + t.target
    assert targets["Aantal ondersteuningen vergunningaanvraag (o.a. Bibob)"] == 250
    # 25 + 105 cases; themes 25/15/40/50 = 130; analyses 5/5/20/20/3 = 53 (spec §7.7)
    assert groups["Geïntegreerde aanpak"] == 130
    assert groups["Aantal maal dat een thema speelde in de casus"] == 130
    assert groups["Aantal analyses"] == 53


def test_realisation_against_target_on_the_page(riec: User) -> None:
    with scopes_disabled():
        bibob = PartnerTarget.objects.get(measure__startswith="Aantal ondersteuningen")
    client = verified_login(Client(), riec)
    url = reverse("registry:target_realise", kwargs={"target_id": bibob.pk})
    assert client.post(url, {"realisatie": "200", "version": "1"}).status_code == 302
    page = client.get(reverse("registry:target_list")).content.decode()
    assert "80 %" in page  # 200 of 250
    with scope(organisation=riec.organisation_id):
        with pytest.raises(StaleTargetError):
            set_realisation(actor=riec, target_id=bibob.pk, version=1, realisation=210)
        with pytest.raises(ValidationError, match="niet negatief"):
            set_realisation(actor=riec, target_id=bibob.pk, version=2, realisation=-1)
    with scopes_disabled():
        actions = list(
            AuditRecord.objects.filter(action__startswith="registry.")
            .order_by("id")
            .values_list("action", flat=True)
        )
    assert actions == ["registry.partner_targets.loaded", "registry.partner_target.realised"]


def test_a_file_without_format_stores_nothing(org_a: Organisation, make_user: Callable[..., User]) -> None:
    user = make_user(Role.OOV_ADVISEUR, org_a)
    with scope(organisation=org_a.pk), pytest.raises(ValidationError, match="Geen bestand met streefcijfers"):
        load_targets(actor=user, text='[[target]]\nmeasure = "x"\ntarget = 1\n', source="x.toml")
    with scopes_disabled():
        assert PartnerTarget.objects.count() == 0
