# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alarms per municipality from open data only, on the regional picture (issue 18 point 5).

Two real bundled sources: the Twente data have yearly figures only (police totals 2022-2024,
CBS inhabitants), so no Twente municipality has a monthly or weekly series and each row says so
instead of showing 0. The police buurt-month file of Haaglanden 2011-2015
(politie-denhaag-buurt-maand-2011-2015, delict 104 woninginbraak) gives real monthly series:
there the count must equal what each municipality's own run with the default settings finds.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
from collections import defaultdict
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.alerts.defaults import create_default_settings
from kompas.alerts.evaluate import evaluate_organisation
from kompas.alerts.models import Alert
from kompas.alerts.open_data import open_data_alarms
from kompas.areas.models import Area
from kompas.observations.models import Observation
from kompas.reports.regional import regional_picture
from tests.alerts.factories import make_alert
from tests.cooperation.conftest import Setting
from tests.indicators.factories import measure
from tests.reports.test_regional import DATA, HENGELO, Twente, setting, twente  # noqa: F401  # fixtures

pytestmark = pytest.mark.django_db
HAAGLANDEN = DATA / "politie-denhaag-buurt-maand-2011-2015"
BURGLARY = "104"  # Woninginbraak incl. poging (delict_codes.csv)
RIJSWIJK, DELFT = "GM0603", "GM0503"


def test_twente_has_no_monthly_open_series_and_says_so(
    twente: Twente,  # noqa: F811
    setting: Setting,  # noqa: F811
    client: Client,
    login: Callable[[Client, User], Client],
) -> None:
    coordinator = setting.users[Role.REGIOCOORDINATOR]
    make_alert(coordinator.organisation, "WK016401")  # the reader's own alert: not an open-data alarm
    with scope(organisation=coordinator.organisation_id):
        picture = regional_picture(coordinator.organisation_id)
    assert len(picture.alarm_rows) == 14
    assert all(alarm.count is None for _name, alarm in picture.alarm_rows)
    assert {alarm.reason for _name, alarm in picture.alarm_rows} == {
        "geen maand- of weekreeksen in open data"
    }
    assert all(row.alerts is None for row in picture.blocks[0].rows)
    login(client, coordinator)
    page = client.get(reverse("dashboard:regional")).content.decode()
    assert "Signaleringen uit open data" in page and "geen maand- of weekreeksen in open data" in page
    assert "Eigen cijfers en uw eigen signaleringen tellen hier niet mee." in page


def _load_haaglanden(codes: set[str]) -> None:
    """Store the monthly burglaries per buurt of ``codes`` as open data, under buurt, wijk and gemeente."""
    with (HAAGLANDEN / "buurten.csv").open(encoding="utf-8") as file:
        buurten = [row for row in csv.DictReader(file) if row["gemeente_code"] in codes]
    areas: dict[str, Area] = {}
    for row in buurten:
        gemeente = areas.get(row["gemeente_code"]) or Area.objects.create(
            code=row["gemeente_code"], name=row["gemeente_code"], level="gemeente", valid_from=2011
        )
        areas[gemeente.code] = gemeente
        wijk = areas.get(row["wijk_code"]) or Area.objects.create(
            code=row["wijk_code"], name=row["wijk_code"], level="wijk", parent=gemeente, valid_from=2011
        )
        areas[wijk.code] = wijk
        areas[row["buurt_code"]] = Area.objects.create(
            code=row["buurt_code"], name=row["buurt_naam"], level="buurt", parent=wijk, valid_from=2011
        )
    counts: dict[tuple[str, dt.date], float] = defaultdict(float)
    with gzip.open(HAAGLANDEN / "misdrijven_buurt_maand_2011_2015.csv.gz", "rt", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["delict_code"] == BURGLARY and row["buurt_code"] in areas:
                counts[row["buurt_code"], dt.date(int(row["jaar"]), int(row["maand"]), 1)] += float(
                    row["aantal"]
                )
    burglary = measure("woninginbraak")
    with scopes_disabled():
        Observation.objects.bulk_create(
            Observation(
                measure=burglary, area=areas[code], period_start=month, period_length="month", value=n
            )
            for (code, month), n in counts.items()
        )


def test_the_count_equals_the_municipalitys_own_run_with_default_settings(db: None) -> None:
    _load_haaglanden({RIJSWIJK, DELFT})
    found = open_data_alarms([RIJSWIJK, DELFT, HENGELO])
    assert found[HENGELO].count is None  # no series there
    for code in (RIJSWIJK, DELFT):
        assert found[code].series == ("woninginbraak (per maand)",)
        gemeente = create_organisation(
            actor=None, code=code.lower(), name=code, kind=OrganisationKind.GEMEENTE, cbs_code=code
        )
        create_default_settings(gemeente, actor=None)
        evaluate_organisation(gemeente)
        with scope(organisation=gemeente.pk):
            stored = Alert.objects.count()
        assert found[code].count == stored
    # as measured by both: 1 alarm in Rijswijk, 8 in Delft (its gemeente, wijken and buurten)
    assert (found[RIJSWIJK].count, found[DELFT].count) == (1, 8)


def test_another_organisations_own_figures_are_not_read(db: None) -> None:
    _load_haaglanden({RIJSWIJK})
    before = open_data_alarms([RIJSWIJK])[RIJSWIJK].count
    owner = create_organisation(
        actor=None,
        code="rijswijk",
        name="Gemeente Rijswijk",
        kind=OrganisationKind.GEMEENTE,
        cbs_code=RIJSWIJK,
    )
    with scopes_disabled():
        last = Observation.objects.filter(period_start=dt.date(2015, 12, 1), area__level="buurt").first()
        assert last is not None
        # a fictitious own figure of the municipality: 500 burglaries in one buurt, not shared
        Observation.objects.create(
            measure=last.measure,
            area=last.area,
            period_start=last.period_start,
            period_length="month",
            value=500,
            organisation=owner,
        )
    cache.clear()
    assert open_data_alarms([RIJSWIJK])[RIJSWIJK].count == before
    # the same number as open data does raise an alarm: the count reads what is open, nothing else
    with scopes_disabled():
        Observation.objects.filter(pk=last.pk).update(value=500)
    cache.clear()
    after = open_data_alarms([RIJSWIJK])[RIJSWIJK].count
    assert before is not None and after is not None and after > before
