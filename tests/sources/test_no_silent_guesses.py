# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""No silent guesses: each case that used to pass without a word now gives an error or a warning."""

from __future__ import annotations

import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.observations.models import Event, Observation
from kompas.sources.models import ImportStatus
from kompas.sources.report import report_lines
from tests.sources.importing import run_import, stored

pytestmark = pytest.mark.django_db
HERE = Path(__file__).parent / "data"
INCIDENTS = "TYPE,YEAR,MONTH,DAY,HOUR,MINUTE,lon,lat\nMischief,2021,2,3,10,5,-123.1,49.2\n"
MAPPING = """format = "kompas-mapping"
[file]
delimiter = ";"
{file}
[area]
column = "gebied"
[period]
column = "jaar"
format = "year"
[[value]]
column = "aantal"
measure = "eigen_aantal"
{value}
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(run: object) -> list[str]:
    return [error["message"] for error in run.errors]  # type: ignore[attr-defined]  # an ImportRun


def test_a_mistyped_option_is_an_error_with_the_nearest_name(org_a: Organisation, tmp_path: Path) -> None:
    before = stored()
    path = _file(tmp_path, "inc.csv", INCIDENTS)
    run = run_import(org_a, path, "incidenten", options={"timzone": "America/Vancouver"})
    assert run.status == ImportStatus.REJECTED
    assert _messages(run) == [
        'inc.csv, kolom "optie timzone": waarde "timzone" is onbekend; bedoelde u timezone?; verwacht: een '
        "van de opties van incidenten: encoding, delimiter, decimal, sheet, timezone, crs, bbox, "
        "area_column, type_column, x_column, y_column."
    ]
    assert stored() == before


def test_incidents_without_a_time_zone_are_refused(org_a: Organisation, tmp_path: Path) -> None:
    run = run_import(org_a, _file(tmp_path, "inc.csv", INCIDENTS), "incidenten")
    assert run.status == ImportStatus.REJECTED
    assert _messages(run) == [
        'inc.csv, kolom "optie timezone": de waarde ontbreekt; verwacht: de tijdzone van de tijdstippen in '
        "het bestand, zoals --option timezone=Europe/Amsterdam, of een standaard van de organisatie "
        "(kompas import configure)."
    ]


def test_an_organisations_default_time_zone_is_used_and_said(org_a: Organisation, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command(
        "import_configure", "--organisation", org_a.code, "--timezone", "America/Vancouver", stdout=out
    )
    assert out.getvalue().strip() == "Standaardtijdzone van hengelo: America/Vancouver"
    assert AuditRecord.objects.latest("id").action == "sources.defaults.changed"
    run = run_import(org_a, _file(tmp_path, "inc.csv", INCIDENTS), "incidenten")
    assert run.status == ImportStatus.LOADED
    assert run.assumptions["timezone"] == {"value": "America/Vancouver", "origin": "organisatie"}
    with scopes_disabled():
        moment = Event.objects.get(import_run=run).occurred_at
    assert moment.astimezone(ZoneInfo("America/Vancouver")).hour == 10  # read in the organisation's zone


def test_the_settings_that_set_the_meaning_are_stored_and_reported(
    org_a: Organisation, tmp_path: Path
) -> None:
    path = _file(tmp_path, "inc.csv", INCIDENTS)
    run = run_import(org_a, path, "incidenten", options={"timezone": "America/Vancouver"})
    assert run.status == ImportStatus.LOADED
    assert run.assumptions == {
        "encoding": {"value": "utf-8", "origin": "herkend"},
        "delimiter": {"value": ",", "origin": "herkend"},
        "decimal": {"value": ".", "origin": "afgeleid"},
        "timezone": {"value": "America/Vancouver", "origin": "opgegeven"},
        "crs": {"value": "EPSG:4326", "origin": "standaard"},
    }
    with scope(organisation=org_a.pk):
        lines = report_lines(run)
    assert lines[2] == (
        "Gelezen met: tekencodering utf-8 (herkend in het bestand), scheidingsteken , (herkend in het "
        "bestand), decimaalteken . (afgeleid van het scheidingsteken), tijdzone America/Vancouver "
        "(opgegeven), coördinatenstelsel EPSG:4326 (standaard van het formaat)."
    )


@pytest.mark.parametrize(
    ("file", "value", "expected"),
    [
        # kind misspelt: the value would silently be read as a number instead of a count
        (
            "",
            'knd = "count"',
            'mapping.toml, kolom "value[1].knd": waarde "knd" is een onbekende sleutel; bedoelde u kind?; '
            "verwacht: een van: column, measure, kind, margin_column, sample_size_column.",
        ),
        # a misspelt list of missing markers would leave "NA" an error in every row
        (
            'mising = ["NA"]',
            "",
            'mapping.toml, kolom "file.mising": waarde "mising" is een onbekende sleutel; bedoelde u '
            "missing?; verwacht: een van: encoding, delimiter, decimal, sheet, missing.",
        ),
    ],
)
def test_an_unknown_mapping_key_is_an_error_with_the_nearest_key(
    org_a: Organisation, tmp_path: Path, file: str, value: str, expected: str
) -> None:
    mapping = _file(tmp_path, "mapping.toml", MAPPING.format(file=file, value=value))
    data = _file(tmp_path, "eigen.csv", "gebied;jaar;aantal\nGM0164;2020;3\n")
    run = run_import(org_a, data, "mapping", mapping=mapping)
    assert (run.status, _messages(run)) == (ImportStatus.REJECTED, [expected])


def test_a_toml_syntax_error_is_reported_in_dutch_with_line_and_column(
    org_a: Organisation, tmp_path: Path
) -> None:
    mapping = _file(tmp_path, "mapping.toml", MAPPING.format(file="", value='kind "count"'))
    data = _file(tmp_path, "eigen.csv", "gebied;jaar;aantal\nGM0164;2020;3\n")
    run = run_import(org_a, data, "mapping", mapping=mapping)
    assert _messages(run) == [
        'mapping.toml, regel 13, kolom "teken 6": waarde "kind "count"" mist een \'=\' na de sleutel; '
        "verwacht: geldige TOML (sleutel = waarde, [tabel])."
    ]


def test_cbs_secret_and_other_missing_markers_are_counted_per_column(
    org_a: Organisation, tmp_path: Path
) -> None:
    mapping = _file(tmp_path, "mapping.toml", MAPPING.format(file='missing = ["NA"]', value=""))
    rows = "gebied;jaar;aantal\nGM0164;2018;x\nGM0164;2019;x\nGM0164;2020;NA\nGM0164;2021;.\nGM0164;2022;4\n"
    run = run_import(org_a, _file(tmp_path, "eigen.csv", rows), "mapping", mapping=mapping, create_areas=True)
    assert (run.status, run.rows_loaded, _messages(run)) == (ImportStatus.LOADED, 1, [])
    assert [warning["message"] for warning in run.warnings] == [
        "1 gebieden aangemaakt uit hun CBS-code: GM0164",
        'eigen.csv, kolom "aantal": waarde "." staat in 1 cel en is gelezen als geen waarde (bij CBS: niet '
        "beschikbaar).",
        'eigen.csv, kolom "aantal": waarde "NA" staat in 1 cel en is gelezen als geen waarde.',
        'eigen.csv, kolom "aantal": waarde "x" staat in 2 cellen en is gelezen als geen waarde (bij CBS: '
        "geheim).",
    ]


def test_amsterdam_style_export_imports_with_a_mapping_and_no_editing() -> None:
    # A constructed file (tests/sources/data/PROVENANCE.md): the gemeente's own area keys, a row for
    # the whole city, obsolete areas and NA, imported by the gemeente as its own figures.
    with scopes_disabled():
        amsterdam = create_organisation(
            actor=None,
            code="amsterdam",
            name="Gemeente Amsterdam",
            kind=OrganisationKind.GEMEENTE,
            cbs_code="GM0363",
        )
    run = run_import(
        amsterdam,
        HERE / "amsterdam_veiligheidsindex_geconstrueerd.csv",
        "mapping",
        mapping=HERE / "amsterdam_veiligheidsindex_geconstrueerd.toml",
        create_areas=True,
    )
    assert run.errors == []
    assert (run.status, run.rows_read, run.rows_loaded) == (ImportStatus.LOADED, 10, 9)
    with scopes_disabled():
        values = sorted(
            Observation.objects.filter(import_run=run).values_list(
                "measure__code", "area__code", "period_start__year", "value"
            )
        )
    assert values == [
        ("ams_criminaliteitsindex", "WK036300", 2019, 241.2),
        ("ams_criminaliteitsindex", "WK036300", 2020, 230.0),
        ("ams_criminaliteitsindex", "WK036302", 2019, 132.6),
        ("ams_criminaliteitsindex", "WK036302", 2020, 127.7),
        ("ams_veiligheidsindex", "WK036300", 2019, 187.4),
        ("ams_veiligheidsindex", "WK036300", 2020, 179.2),
        ("ams_veiligheidsindex", "WK036301", 2019, 201.9),
        ("ams_veiligheidsindex", "WK036302", 2019, 118.3),
        ("ams_veiligheidsindex", "WK036302", 2020, 115.1),
    ]
    file = "amsterdam_veiligheidsindex_geconstrueerd.csv"
    assert sorted(warning["message"] for warning in run.warnings) == [
        "4 gebieden aangemaakt uit hun CBS-code: GM0363, WK036300, WK036301, WK036302",
        f'{file}, kolom "criminaliteitsindex": waarde "NA" staat in 2 cellen en is gelezen als geen waarde.',
        f'{file}, kolom "gebied_code": waarde "Aveen1tm5" staat in skip.area: 1 rij overgeslagen.',
        f'{file}, kolom "gebied_code": waarde "DX17" staat in skip.area: 1 rij overgeslagen.',
        f'{file}, kolom "gebied_code": waarde "STAD" staat in area.codes: 2 rijen overgeslagen.',
        f'{file}, kolom "veiligheidsindex": waarde "NA" staat in 1 cel en is gelezen als geen waarde.',
    ]


NAMED = "TYPE,YEAR,MONTH,DAY,HOUR,MINUTE,lon,lat,wijk\nMischief,2021,2,3,10,5,-123.1,49.2,Centrum\n" + (
    "Mischief,2021,2,4,11,5,-123.1,49.2,Centrum\nTheft,2021,2,5,12,5,-123.1,49.2,Hasseler Es\n"
)


@pytest.mark.parametrize("create_areas", [True, False])
def test_area_names_in_the_area_column_are_refused_naming_the_column(
    org_a: Organisation, tmp_path: Path, create_areas: bool
) -> None:
    # --create-areas used to create nothing from a name and store every event without an area
    before = stored()
    run = run_import(
        org_a,
        _file(tmp_path, "inc.csv", NAMED),
        "incidenten",
        options={"timezone": "Europe/Amsterdam", "area_column": "wijk"},
        create_areas=create_areas,
    )
    assert run.status == ImportStatus.REJECTED
    expected = (
        "verwacht: in kolom wijk een CBS-gebiedscode zoals BU01640100, WK016401 of GM0164: gebiedsnamen "
        "worden niet herkend en --create-areas maakt alleen gebieden uit hun CBS-code; zet de codes in de "
        "kolom, vertaal de namen met [area] codes in een importbeschrijving (--format mapping), of "
        "importeer zonder de optie area_column."
    )
    assert _messages(run) == [
        f'inc.csv, regel 2, kolom "wijk": waarde "Centrum" is geen gebiedscode maar een naam; {expected}',
        f'inc.csv, regel 4, kolom "wijk": waarde "Hasseler Es" is geen gebiedscode maar een naam; {expected}',
    ]
    assert stored() == before


def test_area_codes_in_the_area_column_are_created_and_placed(org_a: Organisation, tmp_path: Path) -> None:
    text = NAMED.replace("Centrum", "WK016401").replace("Hasseler Es", "BU01640100")
    run = run_import(
        org_a,
        _file(tmp_path, "inc.csv", text),
        "incidenten",
        options={"timezone": "Europe/Amsterdam", "area_column": "wijk"},
        create_areas=True,
    )
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, 3)
    with scopes_disabled():
        placed = sorted(Event.objects.filter(import_run=run).values_list("area__code", flat=True))
    assert placed == ["BU01640100", "WK016401", "WK016401"]
