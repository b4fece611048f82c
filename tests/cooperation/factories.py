# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A Platform with the given organisation as member and one project request (demo names); CBS populations."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.cooperation.catalogue import add_document
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.models import Document, DvoMeeting, Project, ProjectState
from kompas.cooperation.platforms import save_platform
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportStatus
from tests.conftest import PASSWORD

BEVOLKING_2024 = DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv"


def make_project(organisation: Organisation) -> Project:
    """Return a request on a demo Platform of which ``organisation`` is a member."""
    regio = create_organisation(
        actor=None, code="platform-demo", name="Platform (demo)", kind=OrganisationKind.REGIO, cbs_code=""
    )
    platform = save_platform(actor=None, organisation=regio, members=[organisation])
    submitter = create_user(
        actor=None, organisation=organisation, username="indiener", password=PASSWORD, role=Role.OOV_ADVISEUR
    )
    with scopes_disabled():
        return Project.objects.create(
            platform=platform,
            title="Demo-project 1",
            request="Demo-verzoek",
            submitter_kind="burgemeester",
            submitter=submitter,
            municipalities=list(PARTICIPANTS)[:8],
            state=ProjectState.REQUESTED,
        )


def _twente_2024() -> bytes:
    """Return the rows of the bundled CBS 2024 buurt file that belong to the 14 municipalities."""
    with BEVOLKING_2024.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["gemeente_code"] in PARTICIPANTS]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=["buurt_code", "inwoners", "gemeente_code"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode()


def load_cbs_populations() -> None:
    """Import the CBS kerncijfers 2015 and the Twente buurten of 2024 as the operator's open data."""
    with scope(organisation=None):
        runs = [
            import_file(
                DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_gemeenten_2015.geojson",
                format="cbs-gebieden",
                organisation=None,
                actor=None,
            ),
            import_file(
                _twente_2024(),
                file_name="bevolking_buurt_2024_twente.csv",
                format="cbs-bevolking",
                organisation=None,
                actor=None,
                create_areas=True,
            ),
        ]
    assert [run.status for run in runs] == [ImportStatus.LOADED] * 2


def make_document(organisation: Organisation) -> Document:
    """Return a document of ``organisation`` for its own organisation, with a small real file."""
    uploader = create_user(
        actor=None, organisation=organisation, username="uploader", password=PASSWORD, role=Role.PROJECTLEIDER
    )
    content = b"".join(BEVOLKING_2024.read_bytes().splitlines(True)[:5])
    data = {"title": "Demo-document", "kind": "dataset", "audience": "eigen", "document_date": "2024-08-16"}
    with scope(organisation=organisation.pk):
        return add_document(actor=uploader, platform=None, data=data, name="inwoners.csv", content=content)


def make_dvo_meeting(organisation: Organisation) -> DvoMeeting:
    """Return a DVO meeting of a demo Platform of which ``organisation`` is a member (the matrix's target)."""
    regio = create_organisation(
        actor=None, code="platform-dvo", name="Platform (demo)", kind=OrganisationKind.REGIO, cbs_code=""
    )
    platform = save_platform(actor=None, organisation=regio, members=[organisation])
    author = create_user(
        actor=None,
        organisation=regio,
        username="dvo-invoerder",
        password=PASSWORD,
        role=Role.REGIOCOORDINATOR,
    )
    with scopes_disabled():
        return DvoMeeting.objects.create(platform=platform, date=dt.date(2027, 2, 10), created_by=author)
