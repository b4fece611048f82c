# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alerts in the application: evaluation on stored series, flood control, digest, rule cost."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from io import StringIO

import numpy as np
import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.alerts.digest import send_digests, set_subscription
from kompas.alerts.evaluate import evaluate_organisation
from kompas.alerts.models import Alert, AlertSetting, AlertState, Method
from kompas.alerts.tasks import evaluate_after_import
from kompas.areas.models import Area
from kompas.observations.models import Measure, Observation

pytestmark = pytest.mark.django_db

MONTHS = [dt.date(2020 + index // 12, index % 12 + 1, 1) for index in range(48)]
OUTBREAK_BUURT = "BU01640100"
QUIET_BUURT = "BU01640101"
OUTBREAK = 40


@pytest.fixture
def burglary_series(db: None) -> None:
    """Two Hengelo buurten in one wijk with 48 months of burglaries; the last month of one jumps."""
    gemeente = Area.objects.create(code="GM0164", name="Hengelo", level="gemeente", valid_from=2020)
    wijk = Area.objects.create(
        code="WK016401", name="Wijk 01", level="wijk", parent=gemeente, valid_from=2020
    )
    measure = Measure.objects.create(code="woninginbraak", name="Woninginbraak", unit="aantal", source="test")
    rng = np.random.default_rng(7)
    for code in (OUTBREAK_BUURT, QUIET_BUURT):
        buurt = Area.objects.create(code=code, name=code, level="buurt", parent=wijk, valid_from=2020)
        counts = rng.poisson(6, size=len(MONTHS)).astype(float)
        if code == OUTBREAK_BUURT:
            counts[-1] = OUTBREAK
        Observation.objects.bulk_create(
            Observation(measure=measure, area=buurt, period_start=month, period_length="month", value=count)
            for month, count in zip(MONTHS, counts, strict=True)
        )


def _setting(organisation: Organisation, **values: object) -> AlertSetting:
    with scopes_disabled():
        return AlertSetting.objects.create(
            organisation=organisation, measure_code="woninginbraak", method=Method.EARS_C1, **values
        )


def _alerts(organisation: Organisation) -> list[Alert]:
    with scope(organisation=organisation.pk):
        return list(Alert.objects.order_by("area_code", "period_start"))


def test_outbreak_is_found_in_its_buurt_wijk_and_gemeente(burglary_series: None, org_a: Organisation) -> None:
    _setting(org_a)
    summary = evaluate_organisation(org_a)
    found = {(alert.area_code, alert.period_start) for alert in _alerts(org_a)}
    last = MONTHS[-1]
    assert {(OUTBREAK_BUURT, last), ("WK016401", last), ("GM0164", last)} <= found
    assert summary.series == 4  # two buurten, the wijk and the gemeente summed from them
    assert summary.evaluated == 4 * 3  # the three most recent months of every series


def test_alert_keeps_its_explanation(burglary_series: None, org_a: Organisation) -> None:
    _setting(org_a)
    evaluate_organisation(org_a)
    with scope(organisation=org_a.pk):
        alert = Alert.objects.get(area_code=OUTBREAK_BUURT, period_start=MONTHS[-1])
    assert alert.observed == OUTBREAK
    assert alert.expected < alert.upperbound < OUTBREAK
    assert alert.method_settings["area_level"] == "buurt"
    assert alert.series[-1] == {
        "period": MONTHS[-1].isoformat(),
        "observed": OUTBREAK,
        "expected": alert.expected,
        "upperbound": alert.upperbound,
        "alarm": True,
    }
    assert len(alert.series) == 36


def test_running_again_finds_nothing_new_and_keeps_triage(burglary_series: None, org_a: Organisation) -> None:
    _setting(org_a)
    evaluate_organisation(org_a)
    with scope(organisation=org_a.pk):
        Alert.objects.update(state=AlertState.IN_PROGRESS)
    again = evaluate_organisation(org_a)
    assert again.alerts_created == 0
    assert {alert.state for alert in _alerts(org_a)} == {AlertState.IN_PROGRESS}


def test_run_is_audited(burglary_series: None, org_a: Organisation) -> None:
    _setting(org_a)
    summary = evaluate_organisation(org_a)
    record = AuditRecord.objects.get(action="alerts.evaluation.run")
    assert record.organisation_id == org_a.pk
    assert record.changes["alerts_created"] == summary.alerts_created


def test_a_gemeente_watches_only_its_own_areas(burglary_series: None, org_b: Organisation) -> None:
    _setting(org_b)
    summary = evaluate_organisation(org_b)
    assert summary.series == 0
    assert _alerts(org_b) == []


def test_minimum_count_silences_small_series(burglary_series: None, org_a: Organisation) -> None:
    # The buurt's 40 falls below the minimum; the wijk and gemeente sums (40 + the quiet buurt) do not.
    _setting(org_a, min_count=OUTBREAK + 1)
    evaluate_organisation(org_a)
    assert {alert.area_code for alert in _alerts(org_a)} == {"WK016401", "GM0164"}


def test_false_discovery_control_thins_chance_alarms(burglary_series: None, org_a: Organisation) -> None:
    setting = _setting(org_a, alpha=0.4, false_discovery_control=False)
    loose = evaluate_organisation(org_a).alarms
    with scopes_disabled():
        Alert.objects.all().delete()
        AlertSetting.objects.filter(pk=setting.pk).update(false_discovery_control=True)
    controlled = evaluate_organisation(org_a).alarms
    assert 1 <= controlled < loose
    assert (OUTBREAK_BUURT, MONTHS[-1]) in {(a.area_code, a.period_start) for a in _alerts(org_a)}


def test_import_of_a_gemeente_enqueues_its_evaluation(burglary_series: None, org_a: Organisation) -> None:
    _setting(org_a)
    evaluate_after_import([OUTBREAK_BUURT])  # the immediate task backend runs it now
    assert any(alert.area_code == OUTBREAK_BUURT for alert in _alerts(org_a))


def test_command_prints_a_json_summary(burglary_series: None, org_a: Organisation) -> None:
    _setting(org_a)
    out = StringIO()
    call_command("alerts_run", "--organisation", "hengelo", "--json", stdout=out)
    assert json.loads(out.getvalue())["hengelo"]["series"] == 4


@pytest.fixture
def analist(
    org_a: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> User:
    user = make_user(Role.ANALIST, org_a)
    user.email = "analist@example.invalid"
    user.save()
    login(client, user)
    return user


def test_weekly_digest_goes_to_subscribers_once(
    burglary_series: None, org_a: Organisation, analist: User
) -> None:
    _setting(org_a)
    set_subscription(actor=analist, subscribed=True)
    evaluate_organisation(org_a)
    assert send_digests(timezone.now() + dt.timedelta(seconds=1)) == 1
    message = mail.outbox[0]
    assert message.to == ["analist@example.invalid"]
    assert "nieuwe signalering" in message.subject
    assert f"{OUTBREAK_BUURT}, 1 december 2023: 40 waargenomen" in message.body
    assert send_digests(timezone.now() + dt.timedelta(seconds=2)) == 0


def test_digest_is_switched_on_from_the_alert_list(client: Client, analist: User) -> None:
    response = client.post(reverse("alerts:digest"), {"subscribed": "1"}, follow=True)
    assert "U ontvangt elke week een samenvatting" in response.content.decode()
    assert AuditRecord.objects.filter(action="alerts.digest.subscribed", actor_id=analist.pk).exists()


def test_rule_cost_is_shown_beside_the_setting(burglary_series: None, client: Client, analist: User) -> None:
    query = {"measure_code": "woninginbraak", "method": "ears-c1", "alpha": "0.05", "min_count": "0"}
    page = client.get(reverse("alerts:setting_cost"), query).content.decode()
    assert "Terugtest op 2 eigen reeksen" in page  # the wijk and the gemeente
    assert page.count("<tr><td>") == 4  # one row per simulated outbreak size
    assert "Vals-alarmpercentage zonder uitbraak" in page


def test_rule_cost_without_data_says_so(client: Client, analist: User) -> None:
    with scopes_disabled():
        Measure.objects.create(code="zonder_reeksen", name="Zonder reeksen", unit="aantal", source="test")
    query = {"measure_code": "zonder_reeksen", "method": "ears-c1", "alpha": "0.05", "min_count": "0"}
    page = client.get(reverse("alerts:setting_cost"), query).content.decode()
    assert "nog geen maandreeksen" in page
    # A measure the organisation cannot see is not backtested at all.
    page = client.get(reverse("alerts:setting_cost"), {**query, "measure_code": "onbekend"}).content.decode()
    assert "nog geen maandreeksen" not in page and "Terugtest" not in page
