# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The upload page validates as the command does; history and run pages show only the own organisation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.observations.models import Observation
from kompas.sources.models import ImportRun, ImportStatus
from tests.sources.factories import make_import_run

pytestmark = pytest.mark.django_db
# A buurt of Hengelo, the analist's own gemeente: an organisation's upload creates areas only there.
GOOD = b"jaar,maand,wijk_code,buurt_code,delict_code,aantal\n2011,1,WK016401,BU01640100,104,3\n"
BAD = b"jaar,maand,wijk_code,buurt_code,delict_code,aantal\n2011,1,WK048402,BU04840201,104,-3\n"


@pytest.fixture
def analist(org_a: Organisation, make_user: Callable[..., User], client: Client) -> User:
    user = make_user(Role.ANALIST, org_a)
    client.force_login(user)
    return user


def _upload(client: Client, body: bytes, **extra: object) -> object:
    data = {
        "file": SimpleUploadedFile("panel.csv", body),
        "format": "politie-buurt-maand",
        "create_areas": "on",
    }
    return client.post(reverse("sources:import"), {**data, **extra}, follow=True)


def test_upload_imports_and_shows_the_run(client: Client, analist: User) -> None:
    page = client.get(reverse("sources:import"))
    assert page.status_code == 200 and "Gegevens importeren" in page.content.decode()
    response = _upload(client, GOOD)
    text = response.content.decode()  # type: ignore[attr-defined]  # _upload returns the test client's response
    with scope(organisation=analist.organisation_id):
        run = ImportRun.objects.get()
    assert response.redirect_chain[-1][0] == reverse("sources:run_detail", kwargs={"run_id": run.pk})  # type: ignore[attr-defined]  # _upload returns the test client's response
    assert (run.status, run.created_by, run.rows_loaded) == (ImportStatus.LOADED, analist, 1)
    assert "Geladen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd." in text


def test_a_file_with_errors_shows_the_error_report(client: Client, analist: User) -> None:
    text = _upload(client, BAD).content.decode()  # type: ignore[attr-defined]  # _upload returns the test client's response
    assert "Afgewezen: 1 fout in het bestand; er is niets opgeslagen." in text
    assert "panel.csv, regel 2, kolom &quot;aantal&quot;: waarde &quot;-3&quot;" in text


def test_htmx_upload_redirects_the_browser(client: Client, analist: User) -> None:
    data = {
        "file": SimpleUploadedFile("panel.csv", GOOD),
        "format": "politie-buurt-maand",
        "create_areas": "on",
    }
    response = client.post(reverse("sources:import"), data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and response["HX-Redirect"].startswith("/gegevens/importruns/")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"format": "mapping"}, "Het formaat mapping heeft een importbeschrijving nodig."),
        ({"options": "year"}, "Regel 1 (year) is geen naam=waarde."),
    ],
)
def test_form_mistakes_are_named(client: Client, analist: User, extra: dict[str, str], message: str) -> None:
    text = _upload(client, GOOD, **extra).content.decode()  # type: ignore[attr-defined]  # _upload returns the test client's response
    assert message in text
    with scope(organisation=analist.organisation_id):
        assert not ImportRun.objects.exists()


def test_other_organisations_runs_are_neither_listed_nor_reachable(
    client: Client, analist: User, org_b: Organisation
) -> None:
    own = make_import_run(analist.organisation, "eigen.csv")
    foreign = make_import_run(org_b, "vreemd.csv")
    listing = client.get(reverse("sources:run_list")).content.decode()
    assert "eigen.csv" in listing and "vreemd.csv" not in listing
    assert client.get(reverse("sources:run_detail", kwargs={"run_id": own.pk})).status_code == 200
    assert client.get(reverse("sources:run_detail", kwargs={"run_id": foreign.pk})).status_code == 404
    assert client.get(reverse("sources:run_detail", kwargs={"run_id": foreign.pk + 1000})).status_code == 404


def test_the_operators_open_data_runs_are_listed_to_everyone_without_the_operators_name(
    client: Client, analist: User, make_user: Callable[..., User], org_b: Organisation
) -> None:
    # open data serves every organisation (ADR 0011): its provenance is everyone's to read
    operator_run = make_import_run(None, "Misdrijven_2024.csv")
    operator = make_user(Role.BEHEERDER, org_b, "installatiebeheer-naam")
    with scopes_disabled():
        ImportRun.objects.filter(pk=operator_run.pk).update(created_by=operator)
    listing = client.get(reverse("sources:run_list")).content.decode()
    assert "Misdrijven_2024.csv" in listing and "open data (beheerder van de installatie)" in listing
    assert "installatiebeheer-naam" not in listing
    detail = client.get(reverse("sources:run_detail", kwargs={"run_id": operator_run.pk}))
    assert detail.status_code == 200
    assert "open data (beheerder van de installatie)" in detail.content.decode()
    assert "installatiebeheer-naam" not in detail.content.decode()


def test_history_page_query_budget(
    client: Client, analist: User, django_assert_max_num_queries: Callable[[int], object]
) -> None:
    for number in range(20):
        make_import_run(analist.organisation, f"bestand-{number}.csv")
    with django_assert_max_num_queries(12):  # type: ignore[attr-defined]  # pytest-django's fixture, typed loosely here
        assert client.get(reverse("sources:run_list")).status_code == 200


def test_navigation_shows_data_to_importers_only(
    client: Client, org_a: Organisation, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.RAADSLID, org_a))
    assert "/gegevens/" not in client.get(reverse("dashboard:home")).content.decode()
    client.force_login(make_user(Role.ANALIST, org_a))
    assert 'href="/gegevens/"' in client.get(reverse("dashboard:home")).content.decode()


# --- replacing a run from the upload page, like ``kompas import FILE --replaces RUN`` ---
CORRECTED = b"jaar,maand,wijk_code,buurt_code,delict_code,aantal\n2011,1,WK016401,BU01640100,104,5\n"


def _values() -> list[float]:
    with scopes_disabled():
        return sorted(float(value) for value in Observation.objects.values_list("value", flat=True))


def test_upload_offers_only_the_organisations_own_runs_to_replace(
    client: Client, analist: User, org_b: Organisation
) -> None:
    _upload(client, GOOD)
    with scopes_disabled():
        own = ImportRun.objects.get(organisation=analist.organisation)
    other = make_import_run(org_b)
    with scopes_disabled():
        ImportRun.objects.filter(pk=other.pk).update(status=ImportStatus.LOADED)  # withdrawable, but not ours
    page = client.get(reverse("sources:import")).content.decode()
    assert f'<option value="{own.pk}">Importrun {own.pk} — panel.csv (' in page
    assert f'<option value="{other.pk}"' not in page
    text = _upload(client, CORRECTED, replaces=str(other.pk)).content.decode()  # type: ignore[attr-defined]  # the test client's response
    assert "Selecteer een geldige keuze" in text  # another organisation's run is no choice
    with scopes_disabled():
        assert ImportRun.objects.filter(organisation=analist.organisation).count() == 1
    assert _values() == [3.0]


def test_upload_replaces_a_run_in_one_go(client: Client, analist: User) -> None:
    _upload(client, GOOD)
    with scopes_disabled():
        old = ImportRun.objects.get()
    text = _upload(client, CORRECTED, replaces=str(old.pk)).content.decode()  # type: ignore[attr-defined]  # the test client's response
    with scopes_disabled():
        old.refresh_from_db()
        new = ImportRun.objects.exclude(pk=old.pk).get()
    assert (old.status, old.withdrawn_by) == (ImportStatus.WITHDRAWN, analist)
    assert new.status == ImportStatus.LOADED
    assert f"Vervangt importrun {old.pk}: 1 waarden verwijderd, 0 teruggezet" in text
    assert _values() == [5.0]


def test_a_refused_replacement_from_the_upload_page_leaves_the_old_run(client: Client, analist: User) -> None:
    _upload(client, GOOD)
    with scopes_disabled():
        old = ImportRun.objects.get()
    text = _upload(client, BAD, replaces=str(old.pk)).content.decode()  # type: ignore[attr-defined]  # the test client's response
    assert "er is niets opgeslagen" in text
    with scopes_disabled():
        old.refresh_from_db()
    assert old.status == ImportStatus.LOADED
    assert _values() == [3.0]
