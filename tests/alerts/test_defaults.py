# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Default alert settings: method ``auto`` chosen per series from its history, on real data.

Series come from the bundled police panels: Zoetermeer's buurten in the Den Haag panel (60
months, 2011-2015) and the national monthly total of registered crime (2012-2023).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
from collections.abc import Callable

import numpy as np
import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import AuditRecord, Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.alerts.choice import choose_method, farrington_history
from kompas.alerts.defaults import create_default_settings, method_choices
from kompas.alerts.detect import detect
from kompas.alerts.evaluate import evaluate_organisation
from kompas.alerts.models import Alert, AlertSetting, Method
from kompas.alerts.series import Panel
from kompas.areas.models import Area
from kompas.observations.models import Measure, Observation
from kompas.sources.codelists import DATA

PANEL = DATA / "politie-denhaag-buurt-maand-2011-2015" / "misdrijven_buurt_maand_2011_2015.csv.gz"
NATIONAL = DATA / "politie-nl-misdrijven-overlast-maand-2012-2023" / "nl_misdrijven_maand_soort.csv"
# Residential burglary and bicycle theft in the Den Haag panel.
OFFENCES = ("104", "101")


@pytest.mark.parametrize(
    ("setting", "periods", "period_length", "expected"),
    [
        ("auto", 64, "month", Method.FARRINGTON),  # five years and three months before the newest month
        ("auto", 63, "month", Method.EARS_C2),  # one month short of Farrington's history
        ("auto", 60, "month", Method.EARS_C2),  # the Den Haag panel: five years in all
        ("auto", 3, "month", Method.EARS_C2),  # a new municipality: nothing judged yet
        ("auto", 264, "week", Method.FARRINGTON),  # five years of weeks and three weeks
        ("auto", 263, "week", Method.EARS_C2),
        (Method.CUSUM, 3, "month", Method.CUSUM),  # a fixed choice is kept, whatever the history
        (Method.FARRINGTON, 12, "month", Method.FARRINGTON),
    ],
)
def test_auto_chooses_farrington_once_the_history_allows(
    setting: str, periods: int, period_length: str, expected: str
) -> None:
    assert choose_method(setting, periods, period_length).method == expected


def test_reasons_name_the_history_in_dutch() -> None:
    assert choose_method("auto", 60, "month").reason == (
        "Automatisch: de reeks heeft 59 maanden historie en Farrington heeft er 63 nodig; tot dan "
        "vergelijkt EARS C2 elke periode met de 7 perioden ervoor."
    )
    assert choose_method("auto", 3, "month").reason.endswith(
        "Ook daarvoor is de reeks nog te kort: er wordt nog niets beoordeeld."
    )
    assert choose_method("auto", 144, "month").reason == (
        "Automatisch: de reeks heeft 143 maanden historie, genoeg voor Farrington (63 maanden: "
        "dezelfde tijd van het jaar in 5 eerdere jaren)."
    )
    assert choose_method(Method.CUSUM, 3, "month").reason == "Gekozen in de instelling."


@pytest.mark.parametrize("periods", [63, 64, 65])
def test_the_boundary_is_where_farrington_first_judges(periods: int) -> None:
    # The national monthly total of registered crime from January 2012: Farrington judges the
    # newest month exactly when auto chooses it.
    with NATIONAL.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["crime_type_code"] == "Totaal misdrijven"]
    counts = np.array([[float(row["frequency"]) for row in rows[:periods]]])
    months = np.array([row["date"] for row in rows[:periods]], dtype="datetime64[D]")
    detection = detect(Panel(("NL01",), months, counts, 12), Method.FARRINGTON)
    judged = bool(detection.evaluated[0, -1])
    assert judged == (periods - 1 >= farrington_history("month"))
    assert judged == (choose_method("auto", periods, "month").method == Method.FARRINGTON)


@functools.cache
def zoetermeer_rows() -> tuple[tuple[str, str, str, dt.date, float], ...]:
    """Return (wijk, buurt, offence, month, count) of Zoetermeer's buurten in the panel."""
    with gzip.open(PANEL, "rt", encoding="utf-8") as handle:
        return tuple(
            (row["wijk_code"], row["buurt_code"], row["delict_code"], _month(row), float(row["aantal"]))
            for row in csv.DictReader(handle)
            if row["buurt_code"].startswith("BU0637") and row["delict_code"] in OFFENCES
        )


def _month(row: dict[str, str]) -> dt.date:
    return dt.date(int(row["jaar"]), int(row["maand"]), 1)


@pytest.fixture
def zoetermeer(db: None) -> Organisation:
    """Gemeente Zoetermeer with its buurten's burglaries and bicycle thefts, 2011-2015, as open data."""
    organisation = create_organisation(
        actor=None,
        code="zoetermeer",
        name="Gemeente Zoetermeer",
        kind=OrganisationKind.GEMEENTE,
        cbs_code="GM0637",
    )
    areas = {
        "GM0637": Area.objects.create(code="GM0637", name="Zoetermeer", level="gemeente", valid_from=2011)
    }
    measures = {
        code: Measure.objects.create(
            code=f"politie_delict_{code}", name=code, unit="aantal", source="Politie"
        )
        for code in OFFENCES
    }
    observations = []
    for wijk, buurt, offence, month, count in zoetermeer_rows():
        if wijk not in areas:
            areas[wijk] = Area.objects.create(
                code=wijk, name=wijk, level="wijk", parent=areas["GM0637"], valid_from=2011
            )
        if buurt not in areas:
            areas[buurt] = Area.objects.create(
                code=buurt, name=buurt, level="buurt", parent=areas[wijk], valid_from=2011
            )
        observations.append(
            Observation(
                measure=measures[offence],
                area=areas[buurt],
                period_start=month,
                period_length="month",
                value=count,
            )
        )
    Observation.objects.bulk_create(observations)
    return organisation


def test_defaults_cover_each_monthly_count_measure_once_audited(zoetermeer: Organisation) -> None:
    created = create_default_settings(zoetermeer, actor=None)
    assert [(s.measure_code, s.method) for s in created] == [
        ("politie_delict_101", Method.AUTO),
        ("politie_delict_104", Method.AUTO),
    ]
    assert AuditRecord.objects.filter(action="alerts.setting.created").count() == 2
    # A second run, as after the next import, adds nothing and records nothing.
    assert create_default_settings(zoetermeer, actor=None) == []
    assert AuditRecord.objects.filter(action="alerts.setting.created").count() == 2


def test_a_municipality_without_monthly_figures_gets_no_settings(db: None) -> None:
    enschede = create_organisation(
        actor=None,
        code="enschede",
        name="Gemeente Enschede",
        kind=OrganisationKind.GEMEENTE,
        cbs_code="GM0153",
    )
    assert create_default_settings(enschede, actor=None) == []


def test_auto_runs_ears_c2_on_five_years_and_finds_real_alerts(zoetermeer: Organisation) -> None:
    create_default_settings(zoetermeer, actor=None)
    summary = evaluate_organisation(zoetermeer)
    with scope(organisation=zoetermeer.pk):
        alerts = list(Alert.objects.filter(measure_code="politie_delict_104"))
        settings = list(AlertSetting.objects.all())
        choices = method_choices(zoetermeer, settings)
    assert summary.evaluated > 0
    assert {alert.method for alert in alerts} == {Method.EARS_C2}
    # October 2015 in Seghwaert-Zuidwest: 11 burglaries; EARS C2 expects the mean of January to
    # July 2015 (the seven months before the two-month guard band).
    found = {(a.area_code, a.period_start): a for a in alerts}
    october = found[("BU06370300", dt.date(2015, 10, 1))]
    baseline = [
        count
        for _wijk, buurt, offence, month, count in zoetermeer_rows()
        if buurt == "BU06370300" and offence == "104" and dt.date(2015, 1, 1) <= month <= dt.date(2015, 7, 1)
    ]
    assert october.observed == 11
    assert len(baseline) == 7
    assert october.expected == pytest.approx(sum(baseline) / 7)
    assert {choice.method for choice in choices.values()} == {Method.EARS_C2}
    assert "59 maanden historie" in choices["politie_delict_104"].reason


def test_settings_page_shows_the_method_that_runs_and_why(
    zoetermeer: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> None:
    create_default_settings(zoetermeer, actor=None)
    login(client, make_user(Role.ANALIST, zoetermeer))
    page = client.get(reverse("alerts:setting_list")).content.decode()
    assert "Automatisch (EARS C2, Farrington zodra de historie het toelaat)" in page
    assert "Farrington heeft er 63 nodig" in page
    assert "Kompas gebruikt Farrington" not in page


def test_settings_page_without_settings_says_nothing_is_watched(
    org_a: Organisation, make_user: Callable[..., User], client: Client, login: Callable[..., Client]
) -> None:
    login(client, make_user(Role.ANALIST, org_a))
    page = client.get(reverse("alerts:setting_list")).content.decode()
    assert "Nog geen instellingen: Kompas bewaakt nog geen maatstaf" in page
    assert "Kompas gebruikt Farrington" not in page
