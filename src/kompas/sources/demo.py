# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's data: the bundled real files imported as a user would, and the Twente area groups.

Open data (CBS, politie) is imported by the operator of the installation, as shared values
(ADR 0011); the Assen meldingen by a Gemeente Assen created for them, the Vancouver incidents
(the bundled geocoded incident set) by the police organisation. A file whose checksum the
same importer already imported is skipped, so a second run writes nothing at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django_scopes import scope

from kompas.accounts.models import Organisation, OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.queries import organisation_by_code
from kompas.areas.groups import AreaGroupKind, save_group
from kompas.sources import demo_haaglanden
from kompas.sources.codelists import DATA
from kompas.sources.load import create_file_areas, import_file
from kompas.sources.models import ImportRun, ImportStatus

GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
POLITIE_NL = "politie-nl-misdrijven-overlast-maand-2012-2023/"
POLITIE_GM = "politie-gemeente-totaal-misdrijven-2022-2024/"
POLITIE_BUURT_2023 = "politie-buurt-jaar-hengelo-enschede-2023/"
TWENTE = [
    "GM0141",
    "GM0147",
    "GM0153",
    "GM0158",
    "GM0163",
    "GM0164",
    "GM0168",
    "GM0173",
    "GM0183",
    "GM0189",
    "GM1700",
    "GM1735",
    "GM1742",
    "GM1774",
]
# Hengelo's focus areas in the IVP 2017-2020: the wijken Berflo Es, Hengelose Es and Noord.
HENGELO_FOCUS = ["WK016405", "WK016401", "WK016402"]


@dataclass(frozen=True)
class DemoFile:
    """A bundled file, its format and options, and which demo organisation imports it (None: the
    operator, for open data)."""

    path: str
    format: str
    organisation: str | None = None
    create_areas: bool = True
    # Areas outside the organisation's gemeente that the file refers to: created by the operator
    # first, as an organisation may create areas only inside its own gemeente (ADR 0011).
    operator_areas: bool = False
    options: dict[str, object] = field(default_factory=dict)


DEMO_FILES = (
    DemoFile(GEBIEDEN + "twente_gemeenten_2015.geojson", "cbs-gebieden"),
    DemoFile(GEBIEDEN + "twente_wijken_2014.geojson", "cbs-gebieden"),
    DemoFile(GEBIEDEN + "twente_buurten_2014.geojson", "cbs-gebieden"),
    *(DemoFile(path, file_format) for path, file_format in demo_haaglanden.FILES),
    DemoFile("cbs-bevolking-buurt-2024/bevolking_buurt_2024_85984NED.csv", "cbs-bevolking"),
    DemoFile(
        "cbs-kwb-amsterdam-wijken-2016-2021/amsterdam_wijken.shp", "cbs-bevolking", options={"year": 2021}
    ),
    DemoFile("cbs-kwb-amsterdam-wijken-2016-2021/wijken_info.csv", "cbs-bevolking"),
    # Inhabitants of Nederland on 1 January of each year: the denominator of the national rates.
    DemoFile(POLITIE_NL + "nl_bevolking_maand_83474NED.csv", "cbs-bevolking"),
    # Households of every gemeente of 2015 and their sum for Nederland: the denominator of the
    # burglary proxy per 1.000 huishoudens (no bundled file has dwellings).
    DemoFile(GEBIEDEN + "huishoudens_gemeenten_2015.csv", "cbs-bevolking"),
    DemoFile(POLITIE_NL + "nl_misdrijven_maand_soort.csv", "politie-statline"),
    DemoFile(POLITIE_NL + "nl_overlast_maand_soort.csv", "politie-statline"),
    DemoFile(POLITIE_NL + "nl_misdrijven_jaar_soort.csv", "politie-statline"),
    DemoFile(POLITIE_NL + "nl_overlast_jaar_soort.csv", "politie-statline"),
    DemoFile(POLITIE_GM + "misdrijven_2022_2023.csv", "politie-statline"),
    DemoFile(POLITIE_GM + "Misdrijven_2024.csv", "politie-statline"),
    DemoFile(POLITIE_BUURT_2023 + "misdrijven_buurt_hengelo_2023.csv", "politie-buurt-maand"),
    DemoFile(POLITIE_BUURT_2023 + "misdrijven_buurt_enschede_2023.csv", "politie-buurt-maand"),
    DemoFile(
        "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz", "politie-buurt-maand"
    ),
    DemoFile("politie-misdaad-in-kaart-woninginbraak-pc4/MiK-Nederland-PC4.csv", "misdaad-in-kaart"),
    DemoFile(
        "cbs-veiligheidsmonitor-provincie-2015-2017/veiligheidsmonitor_provincie_tidy.csv",
        "veiligheidsmonitor",
    ),
    DemoFile(
        "assen-meldingen-openbare-ruimte-2026/meldingen_assen.csv",
        "meldingen",
        organisation="assen",
        operator_areas=True,
    ),
    DemoFile(
        "vancouver-vpd-crime-2021-2022/vpd_crime_2021_2022.csv.gz",
        "incidenten",
        organisation="politie-oost-nederland",
        options={"timezone": "America/Vancouver"},
    ),
)


@dataclass(frozen=True)
class DemoImport:
    """What the demo did with one file: the run it made, or the earlier run it skipped for."""

    path: str
    run: ImportRun
    skipped: bool


def _organisation(code: str | None) -> Organisation | None:
    if code is None:
        return None
    found = organisation_by_code(code)
    if found is not None:
        return found
    if code != "assen":
        raise LookupError(code)
    return create_organisation(
        actor=None, code="assen", name="Gemeente Assen", kind=OrganisationKind.GEMEENTE, cbs_code="GM0106"
    )


def _already_loaded(organisation: Organisation | None, path: Path) -> ImportRun | None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with scope(organisation=organisation.pk if organisation else None):
        return (
            ImportRun.objects.filter(sha256=digest, status__in=[ImportStatus.LOADED, ImportStatus.UNCHANGED])
            .order_by("-pk")
            .first()
        )


def load_demo_data(report: Callable[[DemoImport], None] | None = None) -> list[DemoImport]:
    """Import every demo file not imported yet and save the Twente groups; return what happened.

    Expects the demo organisations of :mod:`kompas.accounts.demo`.
    """
    done = []
    for demo in DEMO_FILES:
        organisation = _organisation(demo.organisation)
        path = DATA / demo.path
        previous = _already_loaded(organisation, path)
        if previous is None:
            if demo.operator_areas:
                create_file_areas(path, format=demo.format, options=demo.options)
            run = import_file(
                path,
                format=demo.format,
                organisation=organisation,
                actor=None,
                options=demo.options,
                create_areas=demo.create_areas,
            )
            result = DemoImport(demo.path, run, skipped=False)
        else:
            result = DemoImport(demo.path, previous, skipped=True)
        done.append(result)
        if report is not None:
            report(result)
    _groups()
    return done


def _groups() -> None:
    demo_haaglanden.save_groups()
    save_group(actor=None, code="twente", name="Twente", kind=AreaGroupKind.REGION, members=TWENTE)
    save_group(
        actor=None,
        code="aandachtswijken",
        name="Aandachtswijken Hengelo (Berflo Es, Hengelose Es, Noord)",
        kind=AreaGroupKind.FOCUS,
        members=HENGELO_FOCUS,
        organisation=organisation_by_code("hengelo"),
        description="Wijken met extra aandacht in het IVP Hengelo 2017-2020.",
    )
