# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""All or nothing, idempotent, versioned: what an import run records in every outcome."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from django_scopes import scope

from kompas.accounts.models import AuditRecord, Organisation
from kompas.observations.models import Measure, Observation, ObservationChange
from kompas.sources import load
from kompas.sources.models import ImportStatus
from kompas.sources.records import MAX_ERRORS
from kompas.sources.report import report_lines
from tests.sources.importing import raw_rows, run_import, stored

pytestmark = pytest.mark.django_db
DENHAAG = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"
HEADER = ["jaar", "maand", "wijk_code", "buurt_code", "delict_code", "aantal"]


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def panel(tmp_path: Path) -> list[dict[str, str]]:
    """The first 3.000 rows of the Den Haag panel."""
    return raw_rows(DENHAAG)[:3000]


def _last_audit() -> str:
    return AuditRecord.objects.latest("id").action


def test_same_file_again_changes_nothing_and_says_so(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path
) -> None:
    path = _write(tmp_path / "panel.csv", panel)
    first = run_import(org_a, path, "politie-buurt-maand", create_areas=True)
    before = stored()
    again = run_import(org_a, path, "politie-buurt-maand")
    assert (again.status, again.rows_loaded, again.rows_changed, again.rows_unchanged) == (
        ImportStatus.UNCHANGED,
        0,
        0,
        3000,
    )
    assert stored() == before
    with scope(organisation=None):  # the operator's run of open data (ADR 0011)
        lines = report_lines(again)
    assert lines[1] == "Niets gewijzigd: alle 3.000 waarden stonden er al precies zo in."
    assert f"eerder geïmporteerd in importrun {first.pk}" in lines[2]
    assert _last_audit() == "sources.import.loaded"


def test_corrected_copy_reports_exactly_the_changed_cells(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path
) -> None:
    run_import(org_a, _write(tmp_path / "panel.csv", panel), "politie-buurt-maand", create_areas=True)
    corrected = [dict(row) for row in panel]
    changed_lines = {10: "7", 500: "0", 2999: "12"}  # data row index → corrected count
    for index, count in changed_lines.items():
        if corrected[index]["aantal"] == count:
            count = str(int(count) + 1)
            changed_lines[index] = count
        corrected[index]["aantal"] = count
    extra = dict(panel[0], jaar="2016")  # one new month, beyond the panel
    run = run_import(org_a, _write(tmp_path / "panel_v2.csv", [*corrected, extra]), "politie-buurt-maand")
    assert (run.status, run.rows_loaded, run.rows_changed, run.rows_unchanged) == (
        ImportStatus.LOADED,
        1,
        3,
        2997,
    )
    changes = {
        (c.observation.area.code, c.observation.period_start, c.old_value, c.new_value)
        for c in ObservationChange.objects.filter(import_run=run).select_related("observation__area")
    }
    expected = {
        (
            panel[i]["buurt_code"],
            dt.date(int(panel[i]["jaar"]), int(panel[i]["maand"]), 1),
            float(panel[i]["aantal"]),
            float(count),
        )
        for i, count in changed_lines.items()
    }
    assert changes == expected
    with scope(organisation=org_a.pk):
        report = "\n".join(report_lines(run))
    assert "Geladen: 1 nieuw, 3 gewijzigd, 2.997 ongewijzigd." in report
    assert "Gewijzigde waarden (oud → nieuw):" in report


def test_unknown_areas_are_refused_with_their_list_and_nothing_is_written(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path
) -> None:
    before = stored()
    run = run_import(org_a, _write(tmp_path / "panel.csv", panel), "politie-buurt-maand")
    assert run.status == ImportStatus.REJECTED
    assert stored() == before
    codes = sorted({row["buurt_code"] for row in panel})
    assert run.error_count == len(codes)
    first = run.errors[0]
    assert (first["line"], first["column"], first["value"]) == (2, "gebiedscode", panel[0]["buurt_code"])
    assert first["message"].startswith(
        'panel.csv, regel 2, kolom "gebiedscode": waarde "BU04840201" is een onbekend gebied; verwacht:'
    )
    assert sorted(error["value"] for error in run.errors) == codes
    assert _last_audit() == "sources.import.rejected"


def test_create_areas_says_what_it_created(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path
) -> None:
    run = run_import(org_a, _write(tmp_path / "panel.csv", panel), "politie-buurt-maand", create_areas=True)
    buurten = {row["buurt_code"] for row in panel}
    wijken = {code.replace("BU", "WK")[:8] for code in buurten}
    gemeenten = {"GM" + code[2:6] for code in buurten}
    assert run.areas_created == len(buurten | wijken | gemeenten)
    assert any(
        f"{run.areas_created} gebieden aangemaakt uit hun CBS-code: BU04840201" in w["message"]
        for w in run.warnings
    )


def test_dry_run_counts_and_keeps_nothing(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path
) -> None:
    before = stored()
    run = run_import(
        org_a, _write(tmp_path / "panel.csv", panel), "politie-buurt-maand", create_areas=True, dry_run=True
    )
    assert (run.status, run.rows_loaded) == (ImportStatus.DRY_RUN, 3000)
    assert stored() == before
    assert _last_audit() == "sources.import.tested"


def test_an_unexpected_failure_is_recorded_and_rolls_everything_back(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(load, "upsert_observations", broken)
    before = stored()
    run = run_import(org_a, _write(tmp_path / "panel.csv", panel), "politie-buurt-maand", create_areas=True)
    assert run.status == ImportStatus.FAILED
    assert stored() == before  # the areas created first are rolled back too
    assert run.errors[0]["message"].startswith(
        "Het importeren is gestopt door een onverwachte fout (RuntimeError)"
    )
    assert _last_audit() == "sources.import.failed"


def test_the_first_thousand_errors_are_listed_and_all_counted(
    org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path
) -> None:
    rows = [dict(row, aantal="-1") for row in panel[:1500]]
    run = run_import(org_a, _write(tmp_path / "negatief.csv", rows), "politie-buurt-maand", create_areas=True)
    assert (run.status, run.error_count, len(run.errors)) == (ImportStatus.REJECTED, 1500, MAX_ERRORS)
    assert run.errors[0]["line"] == 2 and run.errors[-1]["line"] == MAX_ERRORS + 1
    with scope(organisation=org_a.pk):
        assert "… en nog 500 fouten (alleen de eerste 1.000 worden getoond)." in report_lines(run)


def test_a_measure_of_another_organisation_is_not_written(
    org_a: Organisation, org_b: Organisation, tmp_path: Path
) -> None:
    Measure.objects.create(
        code="woninginbraken", name="Woninginbraken", unit="aantal", source="Enschede", organisation=org_b
    )
    (tmp_path / "eigen.toml").write_text(MAPPING, encoding="utf-8")
    data = tmp_path / "eigen.csv"
    data.write_text("Gebied;Periode;Soort;Aantal\nGM0164;2024MM01;Inbraak;3\n", encoding="utf-8")
    run = run_import(org_a, data, "mapping", mapping=tmp_path / "eigen.toml", create_areas=True)
    assert run.status == ImportStatus.REJECTED
    assert run.errors[0]["message"] == (
        'eigen.csv, kolom "maatstaf": waarde "woninginbraken" is al een maatstaf van een andere organisatie; '
        "verwacht: een eigen maatstafcode (kies in de importbeschrijving een andere code)."
    )


def test_a_mapped_file_of_bytes_imports_once(org_a: Organisation, tmp_path: Path) -> None:
    (tmp_path / "eigen.toml").write_text(MAPPING, encoding="utf-8")
    body = "Gebied;Periode;Soort;Aantal\nGM0164;2024MM01;Inbraak;3\nGM0164;2024MM02;Inbraak;1,5\n".encode(
        "cp1252"
    )
    with scope(organisation=org_a.pk):
        first = load.import_file(
            body,
            file_name="upload.csv",
            format="mapping",
            organisation=org_a,
            actor=None,
            mapping=tmp_path / "eigen.toml",
            create_areas=True,
        )
        again = load.import_file(
            body,
            file_name="upload.csv",
            format="mapping",
            organisation=org_a,
            actor=None,
            mapping=tmp_path / "eigen.toml",
        )
    assert (first.status, first.rows_loaded, first.file_name) == (ImportStatus.LOADED, 2, "upload.csv")
    assert (again.status, again.rows_unchanged) == (ImportStatus.UNCHANGED, 2)
    with scope(organisation=org_a.pk):
        assert sorted(Observation.objects.values_list("value", flat=True)) == [1.5, 3.0]


MAPPING = """format = "kompas-mapping"
[file]
delimiter = ";"
decimal = ","
[area]
column = "Gebied"
[period]
column = "Periode"
[measure]
column = "Soort"
[measure.codes]
Inbraak = "woninginbraken"
[[value]]
column = "Aantal"
kind = "number"
"""


def test_summary_json_names_the_run(org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path) -> None:
    from kompas.sources.runs import summary

    run = run_import(
        org_a, _write(tmp_path / "panel.csv", panel[:10]), "politie-buurt-maand", create_areas=True
    )
    with scope(organisation=org_a.pk):
        document = summary(run)
    assert (document["id"], document["status"], document["loaded"], document["rows_read"]) == (
        run.pk,
        "geladen",
        10,
        10,
    )


def test_nul_characters_are_reported_not_stored(org_a: Organisation, tmp_path: Path) -> None:
    # PostgreSQL text and jsonb cannot hold NUL; the report shows it as \x00.
    path = tmp_path / "nul.csv"
    path.write_bytes(
        b"jaar,maand,wijk_code,buurt_code,delict_code,aantal\n2011,1,WK048402,BU04840201,104,3\x00\n"
    )
    run = run_import(org_a, path, "politie-buurt-maand", create_areas=True)
    assert run.status == ImportStatus.REJECTED
    assert run.errors[0]["value"] == "3\\x00"
