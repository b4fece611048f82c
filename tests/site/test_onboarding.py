# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A gemeente starts on Kompas without the demo: the walk of docs/admin-guide.md, and its refusals.

The walk runs the ``kompas`` entry point itself (``kompas.site.cli.main``) on the test database for
Gemeente Enschede (GM0153) with the bundled CBS files. Time budget: about 15 s.
"""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command, get_commands
from django.test import Client
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, OrganisationKind, User
from kompas.accounts.organisations import create_organisation
from kompas.areas.models import Area
from kompas.site.cli import command_name, main
from kompas.sources.codelists import DATA
from kompas.sources.models import ImportRun
from tests.conftest import PASSWORD, verified_login

pytestmark = pytest.mark.django_db
WIJKEN = DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_wijken_2014.geojson"


def _kompas(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``kompas ARGS`` through the entry point; it closes the connections, as a process ends."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _command(*args: str) -> tuple[int, str, str]:
    """Run ``kompas ARGS`` as the entry point names it, inside the test's transaction."""
    name, rest = command_name(args, get_commands())
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *rest, stdout=out, stderr=err)
    except SystemExit as stop:
        return int(stop.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def _enschede_wijken() -> dict[str, str]:
    """Return code → name of Enschede's wijken in the bundled CBS file."""
    features = json.loads(WIJKEN.read_text(encoding="utf-8"))["features"]
    return {
        f["properties"]["statcode"]: f["properties"]["statnaam"]
        for f in features
        if f["properties"]["statcode"].startswith("WK0153")
    }


def _counts() -> tuple[int, int, int, int]:
    with scopes_disabled():
        return (
            Organisation.objects.count(),
            AuditRecord.objects.count(),
            ImportRun.objects.count(),
            Area.objects.count(),
        )


@pytest.mark.django_db(transaction=True)  # the imports' after-commit recomputation runs as in production
def test_walk_from_migrate_to_the_beheerders_dashboard(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, client: Client
) -> None:
    assert _kompas(capsys, "migrate", "--no-input")[0] == 0
    code, out, err = _kompas(
        capsys, "organisation", "create", "enschede", "--name", "Gemeente Enschede", "--kind", "gemeente",
        "--cbs-code", "GM0153",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Organisatie enschede aangemaakt: Gemeente Enschede (Gemeente)." in out

    code, out, err = _kompas(capsys, "setup", "enschede")
    assert (code, err) == (0, "")
    assert "Kompas inrichten voor Gemeente Enschede (GM0153):" in out
    assert "wijken met grenzen (10 gebieden, wijken_2014_GM0153.geojson): importrun" in out
    assert "buurten met grenzen (70 gebieden, buurten_2014_GM0153.geojson): importrun" in out
    assert "Standaardindicatoren (standaard_criminaliteit.toml): 5 nieuw of gewijzigd" in out
    # Police figures are not bundled per gemeente: setup names them with the import that loads them.
    assert "Nog ontbrekende gegevens (importeren als beheerder van de installatie):" in out
    assert "kompas import MISDRIJVEN.csv --format politie-statline" in out
    assert "  - registraties van overlast per maand (politie, CBS StatLine 47024NED): overlast_e33\n" in out
    # inhabitants came with the bundled CBS file; dwellings did not
    assert "(CBS, bijvoorbeeld inwoners en woningen): woningen\n" in out

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, err = _kompas(
        capsys, "user", "create", "beheerder-enschede", "--organisation", "enschede", "--role", "beheerder",
        "--password-stdin",
    )  # fmt: skip
    assert (code, err) == (0, "")

    beheerder = User.objects.get(username="beheerder-enschede")
    assert beheerder.check_password(PASSWORD)
    verified_login(client, beheerder)
    page = client.get("/", {"niveau": "wijk"})
    assert page.status_code == 200
    text = page.content.decode()
    wijken = _enschede_wijken()
    assert len(wijken) == 10
    shown = [name for name in wijken.values() if name in text]
    assert shown == list(wijken.values())


def test_second_setup_changes_nothing_and_says_so() -> None:
    create_organisation(
        actor=None,
        code="enschede",
        name="Gemeente Enschede",
        kind=OrganisationKind.GEMEENTE,
        cbs_code="GM0153",
    )
    assert _command("setup", "enschede")[0] == 0
    before = _counts()
    code, out, err = _command("setup", "enschede")
    assert (code, err) == (0, "")
    assert "Niets gewijzigd: Gemeente Enschede was al ingericht." in out
    assert out.count("al geïmporteerd in importrun") == 4
    assert _counts() == before


def test_organisation_list_shows_code_kind_cbs_code_and_users() -> None:
    assert _command("organisation", "list")[1].startswith("Nog geen organisaties.")
    for args in (
        ("enschede", "--name", "Gemeente Enschede", "--kind", "gemeente", "--cbs-code", "gm0153"),
        ("sportbond", "--name", "Sportbond Twente", "--kind", "partner"),
    ):
        assert _command("organisation", "create", *args)[0] == 0
    lines = _command("organisation", "list")[1].splitlines()
    assert lines[1].split() == ["enschede", "Gemeente", "GM0153", "0", "Gemeente", "Enschede"]
    # "partner" is stored as the kind "other" (Overig)
    assert lines[2].split() == ["sportbond", "Overig", "-", "0", "Sportbond", "Twente"]


def _create(*args: str) -> list[str]:
    return ["organisation", "create", *args]


# (command, the one Dutch line on standard error)
REFUSALS = [
    # a CBS code no bundled CBS file holds
    (
        _create("nergens", "--name", "Gemeente Nergens", "--kind", "gemeente", "--cbs-code", "GM9999"),
        "Onbekende CBS-code GM9999: die gemeente staat niet in de meegeleverde CBS-gebiedsindelingen "
        "en bevolkingscijfers.",
    ),
    # the code is taken
    (
        _create("hengelo", "--name", "Gemeente Hengelo 2", "--kind", "gemeente", "--cbs-code", "GM0153"),
        "Er bestaat al een organisatie met code hengelo.",
    ),
    # the gemeente exists under another code
    (
        _create("hengelo-2", "--name", "Hengelo", "--kind", "gemeente", "--cbs-code", "GM0164"),
        "Gemeente GM0164 bestaat al als organisatie hengelo.",
    ),
    # a kind Kompas does not know
    (
        _create("bende", "--name", "Bende", "--kind", "bende"),
        "Onbekende soort bende; kies uit gemeente, regio, politie, om, veiligheidshuis, riec, zorgpartner, "
        "woningcorporatie, other, partner.",
    ),
    # two problems at once, on one line
    (
        _create("hengelo", "--name", "X", "--kind", "stad"),
        "Er bestaat al een organisatie met code hengelo. Onbekende soort stad; kies uit gemeente, regio, "
        "politie, om, veiligheidshuis, riec, zorgpartner, woningcorporatie, other, partner.",
    ),
    # a gemeente needs its CBS code (the model's own rule)
    (
        _create("almelo", "--name", "Gemeente Almelo", "--kind", "gemeente"),
        "Een gemeente heeft een CBS-code zoals GM0164.",
    ),
    # setup of an organisation that does not exist
    (
        ["setup", "enschede"],
        "Onbekende organisatie enschede; maak haar eerst met kompas organisation create.",
    ),
    # setup is for gemeenten only
    (["setup", "oost"], "oost is geen gemeente (soort: politie); kompas setup richt alleen gemeenten in."),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS)
def test_bad_input_is_refused_with_one_dutch_line_and_nothing_written(
    args: list[str], message: str, org_a: Organisation
) -> None:
    create_organisation(actor=None, code="oost", name="Politie Oost-Nederland", kind=OrganisationKind.POLITIE)
    before = _counts()
    code, out, err = _command(*args)
    assert (code, out, err) == (1, "", message + "\n")
    assert "Traceback" not in err
    assert _counts() == before


def test_setup_refuses_a_gemeente_without_bundled_areas() -> None:
    # The model accepts any well-formed code; setup checks it against the bundled files.
    create_organisation(
        actor=None, code="nieuw", name="Gemeente Nieuw", kind=OrganisationKind.GEMEENTE, cbs_code="GM9999"
    )
    before = _counts()
    assert _command("setup", "nieuw") == (
        1,
        "",
        "Voor CBS-code GM9999 levert Kompas geen gebieden mee.\n",
    )
    assert _counts() == before


def test_setup_outside_twente_takes_wijken_from_the_national_file_and_names_missing_boundaries() -> None:
    create_organisation(
        actor=None,
        code="zoetermeer",
        name="Gemeente Zoetermeer",
        kind=OrganisationKind.GEMEENTE,
        cbs_code="GM0637",
    )
    code, out, err = _command("setup", "zoetermeer")
    assert (code, err) == (0, "")
    assert "wijken met grenzen (9 gebieden, wijken_2014_GM0637.topojson): importrun" in out
    assert "inwoners per buurt (26 gebieden, bevolking_buurt_2024_GM0637.csv): importrun" in out
    assert "  - grenzen van de gemeente, de buurten (CBS-gebiedsindeling)\n" in out
    assert "      kompas import GRENZEN.geojson --format cbs-gebieden\n" in out
    wijken = Area.objects.filter(code__startswith="WK0637", level="wijk")
    assert wijken.count() == 9
    assert all(wijk.geometry_wgs84 for wijk in wijken)
    assert Area.objects.filter(code="GM0637").exists()  # created from its code, as the wijken's parent
