# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The forecast page: accuracy beside the map, only the organisation's own events, suppressed exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.areas.queries import version_index
from kompas.hotspots.forecasting import MIN_EVENTS
from kompas.observations.events import add_events
from kompas.sources.codelists import DATA
from kompas.sources.formats import incidenten
from kompas.sources.models import ImportRun

pytestmark = pytest.mark.django_db
VANCOUVER = DATA / "vancouver-vpd-crime-2021-2022" / "vpd_crime_2021_2022.csv.gz"
BURGLARY = "Break and Enter Residential/Other"
QUERY = {"kind": BURGLARY, "method": "longrun", "week": "2022-06-06"}


def _store_burglaries(organisation: Organisation, path: Path = VANCOUVER) -> int:
    """Store the real Vancouver residential burglaries (X/Y in EPSG:26910) as the organisation's events."""
    options = {"crs": "EPSG:26910", "timezone": "America/Vancouver"}
    events = [
        e
        for chunk in incidenten.iter_chunks(path, options=options)
        for e in chunk.events
        if e.kind == BURGLARY
    ]
    with scopes_disabled():
        run = ImportRun.objects.create(
            organisation=organisation, format="incidenten", file_name=path.name, sha256="0"
        )
    add_events(events, organisation_id=organisation.pk, import_run_id=run.pk, areas=version_index())
    return len(events)


@pytest.fixture
def analyst(
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> Client:
    _store_burglaries(org_a)
    return login(client, make_user(Role.ANALIST, org_a))


def test_the_forecast_shows_its_accuracy_beside_the_map(analyst: Client) -> None:
    page = analyst.get(reverse("hotspots:forecast"), QUERY)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nauwkeurigheid in de 12 weken ervoor" in text and "PAI" in text
    assert "<svg" in text and "EPSG:26910" in text  # the events' own CRS, not RD New
    assert "incidenten in het jaar ervoor" in text  # the suppression is said


def test_the_csv_export_suppresses_cells_with_fewer_than_five_events(analyst: Client) -> None:
    response = analyst.get(reverse("hotspots:forecast"), {**QUERY, "formaat": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows and all(int(row["past_events"]) >= MIN_EVENTS for row in rows)
    assert (
        rows[0]["backtest_weeks"] == "12" and float(rows[0]["backtest_pai"]) > 0
    )  # the accuracy travels along


def test_another_organisation_sees_none_of_these_events(
    analyst: Client,
    org_b: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    other = login(Client(), make_user(Role.ANALIST, org_b))
    page = other.get(reverse("hotspots:forecast"))
    assert "nog geen incidenten met een locatie" in page.content.decode()
    refused = other.get(reverse("hotspots:forecast"), QUERY)  # the type is not among its own
    assert BURGLARY not in refused.content.decode().split("<form")[0]
    assert "<svg" not in refused.content.decode()


def test_a_council_member_gets_no_forecast(
    org_a: Organisation,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
    client: Client,
) -> None:
    login(client, make_user(Role.RAADSLID, org_a))
    assert client.get(reverse("hotspots:forecast"), QUERY).status_code == 403
