# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas import``: exit 0 with the report, non-zero with the Dutch error report, JSON with the id."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.presentation import formatting
from kompas.site.cli import command_name, main
from kompas.sources.models import ImportRun

HEADER = "jaar,maand,wijk_code,buurt_code,delict_code,aantal\n"
GOOD = HEADER + "2011,1,WK048402,BU04840201,104,3\n2011,2,WK048402,BU04840201,104,1\n"
BAD = HEADER + "2011,1,WK048402,BU04840201,104,-3\n2011,13,WK048402,BU04840201,104,1\n"


def _call(*arguments: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_file", *arguments, stdout=out, stderr=err)
    except SystemExit as stop:
        return int(stop.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_import_is_the_friendly_name_of_import_file() -> None:
    assert command_name(["import", "x.csv", "--format", "mapping"], {"import_file"}) == (
        "import_file",
        ["x.csv", "--format", "mapping"],
    )


@pytest.mark.django_db
def test_success_then_the_same_file_again(org_a: Organisation, tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, _err = _call(str(path), "--format", "politie-buurt-maand", "--create-areas")
    assert code == 0
    assert "Geladen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd." in out
    assert "gebieden aangemaakt uit hun CBS-code" in out
    code, out, _err = _call(str(path), "--format", "politie-buurt-maand")
    assert code == 0 and "Niets gewijzigd: alle 2 waarden stonden er al precies zo in." in out


@pytest.mark.django_db
def test_errors_exit_non_zero_with_the_dutch_report(org_a: Organisation, tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(BAD, encoding="utf-8")
    code, out, err = _call(str(path), "--format", "politie-buurt-maand", "--create-areas")
    assert code == 1 and out == ""
    assert "Afgewezen: 2 fouten in het bestand; er is niets opgeslagen." in err
    assert 'panel.csv, regel 2, kolom "aantal": waarde "-3"' in err
    assert 'panel.csv, regel 3, kolom "maand": waarde "13"' in err


@pytest.mark.django_db
def test_json_prints_the_run_with_its_id(org_a: Organisation, tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, _err = _call(
        str(path), "--format", "politie-buurt-maand", "--create-areas", "--dry-run", "--json"
    )
    document = json.loads(out)
    assert code == 0
    assert (document["status"], document["loaded"]) == ("proef", 2)
    with scope(organisation=None):  # open data without --organisation: the operator's run (ADR 0011)
        assert ImportRun.objects.get(pk=document["id"]).status == "proef"
    with scope(organisation=org_a.pk):
        assert not ImportRun.objects.filter(pk=document["id"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ontbreekt.csv", "--format", "politie-buurt-maand"], "Bestand niet gevonden: ontbreekt.csv"),
        (
            ["{file}", "--format", "politie-buurt-maand", "--organisation", "atlantis"],
            "Onbekende organisatie: atlantis",
        ),
        (
            ["{file}", "--format", "mapping", "--mapping", "weg.toml"],
            "Importbeschrijving niet gevonden: weg.toml",
        ),
        (
            ["{file}", "--format", "politie-buurt-maand", "--option", "year"],
            "Optie year is geen NAAM=WAARDE.",
        ),
    ],
)
def test_usage_mistakes_are_explained(
    org_a: Organisation, tmp_path: Path, arguments: list[str], message: str
) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, _out, err = _call(*[argument.format(file=path) for argument in arguments])
    assert code == 1 and message in err


@pytest.mark.django_db
def test_organisation_is_required_when_there_are_several(
    org_a: Organisation, org_b: Organisation, tmp_path: Path
) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, _out, err = _call(str(path), "--format", "meldingen")
    assert code == 1
    assert err.strip() == (
        "Geef --organisation CODE (bekend zijn: enschede, hengelo). Het formaat meldingen is geen open data: "
        "wat het schrijft wordt eigen cijfers van één organisatie, en de opdracht kan niet raden van welke. "
        "Alleen open data (cbs-bevolking, cbs-gebieden, misdaad-in-kaart, politie-buurt-maand, "
        "politie-statline, veiligheidsmonitor) importeert de beheerder zonder --organisation, als gedeelde "
        "cijfers van geen organisatie."
    )


@pytest.mark.django_db
def test_open_data_needs_no_organisation_and_the_report_says_whose_run_it_is(
    org_a: Organisation, org_b: Organisation, tmp_path: Path
) -> None:
    # two organisations, so none is "clear": open data is still the operator's, shared by both
    path = tmp_path / "panel.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = _call(str(path), "--format", "politie-buurt-maand", "--create-areas")
    assert (code, err) == (0, "")
    first = out.splitlines()[0]
    assert first.startswith("Importrun ") and first.endswith(
        ", als gedeelde open data van de beheerder (van geen organisatie)."
    )
    assert re.search(r"2 rijen gelezen in \d+,\d s", first)  # Dutch decimal comma
    with scopes_disabled():
        assert list(ImportRun.objects.values_list("organisation", flat=True)) == [None]


@pytest.mark.django_db
def test_an_organisations_own_figures_say_so(org_a: Organisation, tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text(GOOD.replace("WK048402,BU04840201", "WK016401,BU01640100"), encoding="utf-8")
    code, out, _err = _call(
        str(path), "--format", "politie-buurt-maand", "--create-areas", "--organisation", org_a.code
    )
    assert code == 0
    assert out.splitlines()[0].endswith(", als eigen cijfers van Gemeente Hengelo.")


@pytest.mark.django_db
def test_the_kompas_command_never_shows_a_traceback(
    org_a: Organisation, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Through kompas.site.cli.main, as at the terminal: undecodable bytes and bad cells, one report.
    path = tmp_path / "panel.csv"
    path.write_bytes(BAD.encode() + b"2011,4,WK048402,BU04840201,104,\x81\xff\n")
    code = main(["import", str(path), "--format", "politie-buurt-maand", "--create-areas"])
    out, err = capfd.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert "Afgewezen: 3 fouten in het bestand; er is niets opgeslagen." in err
    assert "regel 4" in err


@pytest.mark.django_db
def test_moments_are_shown_in_the_installations_time_zone_as_in_the_xlsx(
    org_a: Organisation, tmp_path: Path
) -> None:
    # the CLI used to print UTC while the XLSX frame of the same run printed local time
    path = tmp_path / "panel.csv"
    path.write_text(GOOD, encoding="utf-8")
    _call(str(path), "--format", "politie-buurt-maand", "--create-areas")
    code, out, _err = _call(str(path), "--format", "politie-buurt-maand")
    with scopes_disabled():
        first = ImportRun.objects.order_by("pk").first()
    assert code == 0 and first is not None
    local = timezone.localtime(first.started_at)
    assert str(local.tzinfo) == settings.TIME_ZONE == "Europe/Amsterdam"
    said = f"eerder geïmporteerd in importrun {first.pk} op {local:%d-%m-%Y %H:%M} ({local.tzname()})."
    assert said in out
    assert formatting.date_time(first.started_at).endswith(f", {local:%H:%M}")  # the XLSX/PDF frame's clock
