# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alert triage: allowed steps, audit, concurrent edits, tenant boundary, settings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.alerts import configure, triage
from kompas.alerts.models import Alert, AlertSetting, AlertState
from kompas.observations.models import Measure
from tests.alerts.factories import make_alert, make_setting

pytestmark = pytest.mark.django_db


@pytest.fixture
def analist(
    org_a: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> User:
    user = make_user(Role.ANALIST, org_a)
    login(client, user)
    return user


@pytest.mark.parametrize(
    ("start", "step", "allowed"),
    [
        (AlertState.NEW, AlertState.SEEN, True),  # someone looked at it
        (AlertState.NEW, AlertState.CLOSED, True),  # dismissed straight away
        (AlertState.SEEN, AlertState.NEW, False),  # cannot become unseen
        (AlertState.IN_PROGRESS, AlertState.SEEN, False),  # work does not go backwards
        (AlertState.CLOSED, AlertState.IN_PROGRESS, True),  # reopened on new information
    ],
)
def test_steps(start: str, step: str, allowed: bool, org_a: Organisation, analist: User) -> None:
    alert = make_alert(org_a)
    with scope(organisation=org_a.pk):
        Alert.objects.filter(pk=alert.pk).update(state=start)
        alert.refresh_from_db()
        if allowed:
            result = triage.triage(actor=analist, alert=alert, state=step, note="", assignee=None, version=1)
            assert result.state == step
        else:
            with pytest.raises(ValidationError):
                triage.triage(actor=analist, alert=alert, state=step, note="", assignee=None, version=1)


def test_triage_through_page_is_audited(client: Client, org_a: Organisation, analist: User) -> None:
    alert = make_alert(org_a)
    url = reverse("alerts:alert_detail", kwargs={"alert_id": alert.pk})
    data = {"state": "in_behandeling", "note": "Wijkagent gebeld", "assignee": analist.pk, "version": 1}
    assert client.post(url, data).status_code == 302
    [record] = AuditRecord.objects.filter(action="alerts.alert.triaged", object_id=str(alert.pk))
    assert record.actor_id == analist.pk
    assert record.changes["state"] == ["nieuw", "in_behandeling"]
    assert record.changes["assignee_id"] == [None, analist.pk]


def test_second_editor_gets_a_conflict_and_nothing_is_lost(
    client: Client, org_a: Organisation, analist: User
) -> None:
    alert = make_alert(org_a)
    url = reverse("alerts:alert_detail", kwargs={"alert_id": alert.pk})
    client.post(url, {"state": "bekeken", "note": "eerste", "version": 1})
    response = client.post(url, {"state": "afgesloten", "note": "tweede", "version": 1})
    assert response.status_code == 400
    assert "Iemand anders heeft deze signalering intussen gewijzigd" in response.content.decode()
    assert "tweede" in response.content.decode()  # the second editor's text is still in the form
    with scope(organisation=org_a.pk):
        alert.refresh_from_db()
    assert (alert.state, alert.note) == ("bekeken", "eerste")


def test_assignee_must_belong_to_the_organisation(
    org_a: Organisation, org_b: Organisation, analist: User, make_user: Callable[..., User]
) -> None:
    outsider = make_user(Role.ANALIST, org_b)
    alert = make_alert(org_a)
    with scope(organisation=org_a.pk), pytest.raises(ValidationError):
        triage.triage(actor=analist, alert=alert, state="bekeken", note="", assignee=outsider, version=1)


def test_other_organisations_alerts_are_invisible(
    client: Client, org_a: Organisation, org_b: Organisation, analist: User
) -> None:
    foreign = make_alert(org_b, area_code="WK015301")
    make_alert(org_a)
    assert client.get(reverse("alerts:alert_detail", kwargs={"alert_id": foreign.pk})).status_code == 404
    listing = client.get(reverse("alerts:alert_list")).content.decode()
    assert "WK016401" in listing and "WK015301" not in listing


def test_alert_page_explains_with_chart_and_table(client: Client, org_a: Organisation, analist: User) -> None:
    alert = make_alert(org_a)
    page = client.get(reverse("alerts:alert_detail", kwargs={"alert_id": alert.pk})).content.decode()
    assert "<svg" in page and "Toon tabel" in page
    assert "10,9" in page  # the upper bound, with a decimal comma
    assert "Farrington" in page and "alpha = 0,05" in page  # settings in Dutch notation too


def test_filter_returns_only_the_table_for_htmx(client: Client, org_a: Organisation, analist: User) -> None:
    make_alert(org_a)
    partial = client.get(
        reverse("alerts:alert_list"), {"state": "nieuw"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<table>" in partial and "<html" not in partial
    empty = client.get(reverse("alerts:alert_list"), {"state": "afgesloten"}, HTTP_HX_REQUEST="true")
    assert "Geen signaleringen gevonden." in empty.content.decode()


def _measure(code: str) -> None:
    """Store an open data measure: a setting watches only a measure the organisation sees."""
    with scopes_disabled():
        Measure.objects.create(code=code, name=code, unit="aantal", source="politie")


def test_settings_create_change_and_conflict(org_a: Organisation, analist: User) -> None:
    _measure("geweld")
    with scope(organisation=org_a.pk):
        created = configure.save_setting(
            actor=analist,
            organisation=org_a,
            measure_code="geweld",
            version=None,
            method="ears-c3",
            alpha=0.025,
        )
        changed = configure.save_setting(
            actor=analist, organisation=org_a, measure_code="geweld", version=created.version, min_count=10
        )
        assert (changed.method, changed.min_count, changed.version) == ("ears-c3", 10, 2)
        with pytest.raises(configure.StaleSettingError):
            configure.save_setting(
                actor=analist, organisation=org_a, measure_code="geweld", version=1, alpha=0.01
            )
        assert AlertSetting.objects.get(measure_code="geweld").alpha == 0.025
    actions = list(
        AuditRecord.objects.filter(object_type="alerts.alertsetting").values_list("action", flat=True)
    )
    assert sorted(actions) == ["alerts.setting.changed", "alerts.setting.created"]


def test_settings_page_saves(client: Client, org_a: Organisation, analist: User) -> None:
    _measure("woninginbraak")
    make_setting(org_a)
    url = reverse("alerts:setting_edit", kwargs={"measure_code": "woninginbraak"})
    data = {
        "measure_code": "woninginbraak",
        "method": "cusum",
        "alpha": "0.01",
        "min_count": "3",
        "active": "on",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    with scope(organisation=org_a.pk):
        assert AlertSetting.objects.get(measure_code="woninginbraak").method == "cusum"
