# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Partner targets (issue 16 §4): the RIEC's 2016 targets from its jaarplan (spec §7.7) and the
realisation against them per year; loading a targets file on a page (a broken one refused with
its line, nothing written); changing and removing a target, version-guarded and audited. The
realisations here are made up for the test (the source has none). Time budget: about 10 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.config import PROJECT_DIR
from kompas.registry.models import PartnerTarget
from kompas.registry.partner_targets import (
    StaleTargetError,
    TargetInput,
    change_target,
    delete_target,
    load_targets,
    set_realisation,
)
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


def test_the_bundled_file_loads_on_the_page(org_a: Organisation, make_user: Callable[..., User]) -> None:
    client = verified_login(Client(), make_user(Role.OOV_ADVISEUR, org_a))
    with RIEC_2016.open("rb") as handle:
        loaded = client.post(reverse("registry:target_load"), {"file": handle}, follow=True)
    assert "12 streefcijfers van 2016 ingelezen uit riec_streefcijfers_2016.toml." in loaded.content.decode()
    with scopes_disabled():
        assert PartnerTarget.objects.filter(year=2016).count() == 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # a value without quotes: TOML says where
        (
            'format = "kompas-streefcijfers"\nyear = 2016\n\n[[target]]\nmeasure = Bibob\ntarget = 250\n',
            "kapot.toml, regel 5, kolom 11: hier is het bestand geen geldige TOML.",
        ),
        # the third target is a word, the second lacks its measure: both named with their line
        (
            'format = "kompas-streefcijfers"\nyear = 2016\n\n[[target]]\nmeasure = "Bibob"\ntarget = 250\n\n'
            '[[target]]\ntarget = 5\n\n[[target]]\nmeasure = "Analyses"\ntarget = "vijf"\n',
            "kapot.toml, regel 8 (streefcijfer 2): de maatstaf ontbreekt.",
        ),
    ],
)
def test_a_broken_file_is_refused_with_its_line_and_nothing_written(
    org_a: Organisation, make_user: Callable[..., User], text: str, message: str
) -> None:
    client = verified_login(Client(), make_user(Role.OOV_ADVISEUR, org_a))
    upload = SimpleUploadedFile("kapot.toml", text.encode("utf-8"))
    refused = client.post(reverse("registry:target_load"), {"file": upload})
    assert refused.status_code == 400
    assert refused.content.decode().count(message) == 1
    with scopes_disabled():
        assert PartnerTarget.objects.count() == 0
        assert not AuditRecord.objects.filter(action__startswith="registry.").exists()


def test_every_problem_of_a_file_is_named(org_a: Organisation, make_user: Callable[..., User]) -> None:
    text = (
        'format = "kompas-streefcijfers"\nyear = 2016\n\n[[target]]\nmeasure = "Bibob"\ntarget = -1\n\n'
        '[[target]]\nmeasure = "Bibob"\ntarget = 5\n'
    )
    with scope(organisation=org_a.pk), pytest.raises(ValidationError) as refused:
        load_targets(actor=make_user(Role.OOV_ADVISEUR, org_a), text=text, source="x.toml")
    assert refused.value.messages == [
        "x.toml, regel 4 (streefcijfer 1): het streefcijfer is geen geheel getal van 0 of meer.",
        "x.toml, regel 8 (streefcijfer 2): deze maatstaf staat al eerder in het bestand.",
    ]


def test_a_target_is_changed_realisation_cleared_and_removed(riec: User) -> None:
    with scopes_disabled():
        bibob = PartnerTarget.objects.get(measure__startswith="Aantal ondersteuningen")
        analyses = PartnerTarget.objects.get(measure="Thematische analyses")
    data = TargetInput(2016, bibob.group, bibob.measure, 240, realisation=200, source_ref="L3684-3687")
    with scope(organisation=riec.organisation_id):
        with pytest.raises(ValidationError) as refused:  # negative, and the measure of another target
            change_target(
                actor=riec,
                target_id=bibob.pk,
                version=1,
                data=replace(data, target=-1, realisation=-2),
            )
        assert sorted(refused.value.message_dict) == ["realisation", "target"]
        with pytest.raises(ValidationError, match="al een streefcijfer voor deze groep en maatstaf"):
            change_target(
                actor=riec,
                target_id=bibob.pk,
                version=1,
                data=replace(data, group=analyses.group, measure=analyses.measure),
            )
        change_target(actor=riec, target_id=bibob.pk, version=1, data=data)
        with pytest.raises(StaleTargetError):  # a second editor who loaded version 1
            change_target(actor=riec, target_id=bibob.pk, version=1, data=replace(data, target=1))
        cleared = set_realisation(actor=riec, target_id=bibob.pk, version=2, realisation=None)
        assert (cleared.target, cleared.realisation, cleared.version) == (240, None, 3)
        with pytest.raises(StaleTargetError):
            delete_target(actor=riec, target_id=bibob.pk, version=2)
        delete_target(actor=riec, target_id=bibob.pk, version=3)
        assert not PartnerTarget.objects.filter(pk=bibob.pk).exists()
    with scopes_disabled():
        trail = list(
            AuditRecord.objects.filter(action__startswith="registry.")
            .order_by("id")
            .values_list("action", "changes")
        )
    assert trail[1:] == [
        ("registry.partner_target.changed", {"target": [250, 240], "realisation": [None, 200]}),
        ("registry.partner_target.realised", {"realisation": [200, None]}),
        (
            "registry.partner_target.deleted",
            {
                "year": 2016,
                "group": "Bestuurlijke aanpak",
                "measure": "Aantal ondersteuningen vergunningaanvraag (o.a. Bibob)",
                "target": 240,
                "realisation": None,
                "source_ref": "L3684-3687",
            },
        ),
    ]


def test_loading_the_file_again_keeps_realisations_and_guards_open_edits(riec: User) -> None:
    with scopes_disabled():
        bibob = PartnerTarget.objects.get(measure__startswith="Aantal ondersteuningen")
    text = RIEC_2016.read_text(encoding="utf-8")
    with scope(organisation=riec.organisation_id):
        set_realisation(actor=riec, target_id=bibob.pk, version=1, realisation=200)
        load_targets(actor=riec, text=text.replace("target = 250", "target = 260"), source="herzien.toml")
        with pytest.raises(StaleTargetError):  # an editor who loaded the target before the new file
            set_realisation(actor=riec, target_id=bibob.pk, version=2, realisation=210)
    with scopes_disabled():
        bibob.refresh_from_db()
        assert PartnerTarget.objects.count() == 12
    assert (bibob.target, bibob.realisation, bibob.version) == (260, 200, 3)
