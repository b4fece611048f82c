# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Every format imports its real bundled file into the database; counts and totals are computed
from the raw file in the test, the same file again changes nothing, and the export adds up.

Time budget: about 40 s on SQLite with two workers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django_scopes import scope

from kompas.accounts.models import Organisation, OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.areas.models import Area
from kompas.observations.models import Event, Observation
from kompas.sources.codelists import DATA
from kompas.sources.load import create_file_areas
from kompas.sources.models import ImportStatus
from tests.sources.importing import export_total, operator_areas, raw_rows, run_import
from tests.sources.test_mapping import unseen as unseen  # the fixture, shared

pytestmark = pytest.mark.django_db
GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
POLITIE_GM = "politie-gemeente-totaal-misdrijven-2022-2024/"
POLITIE_NL = "politie-nl-misdrijven-overlast-maand-2012-2023/"
DENHAAG = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"


def _again_unchanged(org: Organisation, source: Path | str, format_name: str, **kwargs: Any) -> None:
    again = run_import(org, source, format_name, **kwargs)
    assert (again.status, again.rows_loaded, again.rows_changed) == (ImportStatus.UNCHANGED, 0, 0), (
        again.errors
    )


def test_cbs_gebieden_twente(org_a: Organisation) -> None:
    runs = [
        run_import(org_a, GEBIEDEN + name, "cbs-gebieden")
        for name in (
            "twente_gemeenten_2015.geojson",
            "twente_wijken_2014.geojson",
            "twente_buurten_2014.geojson",
        )
    ]
    assert [run.status for run in runs] == [ImportStatus.LOADED] * 3
    assert [run.areas_created for run in runs] == [14, 119, 510]
    assert Area.objects.filter(level="buurt", code__startswith="BU0164").count() == 62
    assert Area.objects.get(code="BU01640100").parent.parent.code == "GM0164"  # type: ignore[union-attr]  # a buurt has a wijk and a gemeente
    features = json.loads((DATA / GEBIEDEN / "twente_gemeenten_2015.geojson").read_text(encoding="utf-8"))[
        "features"
    ]
    raw = sum(f["properties"]["aantal_inwoners"] + f["properties"]["aantal_huishoudens"] for f in features)
    assert export_total(runs[0]) == (28, raw)
    _again_unchanged(org_a, GEBIEDEN + "twente_buurten_2014.geojson", "cbs-gebieden")


def test_cbs_bevolking_buurten_2024(org_a: Organisation) -> None:
    relative = "cbs-bevolking-buurt-2024/bevolking_buurt_2024_85984NED.csv"
    raw = raw_rows(relative)
    run = run_import(org_a, relative, "cbs-bevolking", create_areas=True)
    assert (run.status, run.rows_read, run.rows_loaded) == (ImportStatus.LOADED, len(raw), 14_574)
    assert run.areas_created == Area.objects.count() > 14_574  # buurten with their wijken and gemeenten
    assert export_total(run) == (14_574, sum(float(row["inwoners"]) for row in raw))
    assert export_total(run, "--level", "gemeente")[1] == sum(float(row["inwoners"]) for row in raw)
    _again_unchanged(org_a, relative, "cbs-bevolking")


def test_cbs_kerncijfers_amsterdam_with_shapefile(org_a: Organisation) -> None:
    shape = run_import(
        org_a,
        "cbs-kwb-amsterdam-wijken-2016-2021/amsterdam_wijken.shp",
        "cbs-bevolking",
        options={"year": 2021},
    )
    assert (shape.status, shape.areas_created) == (ImportStatus.LOADED, 99)
    assert any("GM0363" in warning["message"] for warning in shape.warnings)  # the gemeente is not loaded yet
    relative = "cbs-kwb-amsterdam-wijken-2016-2021/wijken_info.csv"
    run = run_import(org_a, relative, "cbs-bevolking", create_areas=True)
    columns = ("a_inw", "a_man", "a_vrouw", "a_hh", "a_1p_hh", "a_hh_z_k", "a_hh_m_k", "bev_dich", "a_lan_ha")
    cells = [float(row[c]) for row in raw_rows(relative) for c in columns if row[c] not in ("", ".", "x")]
    assert run.rows_loaded == len(cells) == 5341
    count, total = export_total(run)
    assert count == len(cells) and total == pytest.approx(sum(cells), rel=1e-12)
    _again_unchanged(org_a, relative, "cbs-bevolking")


def test_politie_statline_gemeenten_against_the_tidy_list(org_a: Organisation) -> None:
    runs = [
        run_import(org_a, POLITIE_GM + name, "politie-statline", create_areas=True)
        for name in ("misdrijven_2022_2023.csv", "Misdrijven_2024.csv")
    ]
    assert [run.status for run in runs] == [ImportStatus.LOADED] * 2
    # The collector's tidy list with CBS codes is the reference, independent of the export parser.
    reference = {
        (row["gemeente_code"] or "NL00", int(row["jaar"])): float(row["geregistreerde_misdrijven"])
        for row in raw_rows(POLITIE_GM + "gemeente_totaal_misdrijven_2022_2024.csv")
        if row["gemeente_code"] or row["regio"] == "Nederland"
    }
    with scope(organisation=org_a.pk):  # what Hengelo sees: the shared values of every gemeente
        stored = {
            (code, start.year): value
            for code, start, value in Observation.objects.filter(
                measure__code="misdrijven_totaal"
            ).values_list("area__code", "period_start", "value")
        }
    assert stored == reference
    assert sum(export_total(run)[1] for run in runs) == sum(reference.values())
    _again_unchanged(org_a, POLITIE_GM + "Misdrijven_2024.csv", "politie-statline")


@pytest.mark.parametrize("name", ["nl_misdrijven_maand_soort.csv", "nl_overlast_maand_soort.csv"])
def test_politie_statline_national_monthly_series(org_a: Organisation, name: str) -> None:
    raw = raw_rows(POLITIE_NL + name)
    run = run_import(org_a, POLITIE_NL + name, "politie-statline", create_areas=True)
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, len(raw))
    assert export_total(run) == (len(raw), sum(float(row["frequency"]) for row in raw))
    yearly = export_total(run, "--period", "year")
    assert yearly == (len(raw) // 12, sum(float(row["frequency"]) for row in raw))
    _again_unchanged(org_a, POLITIE_NL + name, "politie-statline")


def test_politie_buurt_maand_den_haag(org_a: Organisation) -> None:
    raw = raw_rows(DENHAAG)
    assert (len(raw), sum(int(row["aantal"]) for row in raw)) == (245_520, 189_029)
    run = run_import(org_a, DENHAAG, "politie-buurt-maand", create_areas=True)
    assert (run.status, run.rows_read, run.rows_loaded) == (ImportStatus.LOADED, 245_520, 245_520)
    assert export_total(run) == (245_520, 189_029)
    gemeenten = {row["buurt_code"][2:6] for row in raw}
    assert export_total(run, "--level", "gemeente", "--period", "year") == (len(gemeenten) * 12 * 5, 189_029)
    _again_unchanged(org_a, DENHAAG, "politie-buurt-maand")


def test_misdaad_in_kaart(org_a: Organisation) -> None:
    relative = "politie-misdaad-in-kaart-woninginbraak-pc4/MiK-Nederland-PC4.csv"
    raw = raw_rows(relative)
    run = run_import(org_a, relative, "misdaad-in-kaart", create_areas=True)
    assert run.status == ImportStatus.LOADED
    # Open data is the operator's: the counts are shared, the events belong to no organisation.
    notes = [warning["message"] for warning in run.warnings]
    assert "64185 gebeurtenissen niet bewaard: gebeurtenissen horen bij een organisatie." in notes
    assert len(raw) == 64_185
    assert export_total(run)[1] == len(raw)  # the daily counts per postcode add up to the rows
    assert export_total(run, "--period", "year")[1] == len(raw)
    _again_unchanged(org_a, relative, "misdaad-in-kaart")


def test_veiligheidsmonitor_values_and_margins(org_a: Organisation) -> None:
    relative = "cbs-veiligheidsmonitor-provincie-2015-2017/veiligheidsmonitor_provincie_tidy.csv"
    raw = raw_rows(relative)
    run = run_import(org_a, relative, "veiligheidsmonitor", create_areas=True)
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, len(raw))
    with scope(organisation=org_a.pk):
        stored = sorted(Observation.objects.values_list("value", "margin"))
    assert stored == sorted((float(row["waarde"]), float(row["marge"])) for row in raw)
    assert export_total(run)[1] == pytest.approx(sum(float(row["waarde"]) for row in raw))
    assert export_total(run, "--level", "land") == (0, 0)  # survey values are never summed
    _again_unchanged(org_a, relative, "veiligheidsmonitor")


def test_meldingen_assen(db: None) -> None:
    # Assen imports its own meldingen and may create the missing areas: they lie in its gemeente.
    assen = create_organisation(
        actor=None, code="assen", name="Gemeente Assen", kind=OrganisationKind.GEMEENTE, cbs_code="GM0106"
    )
    relative = "assen-meldingen-openbare-ruimte-2026/meldingen_assen.csv"
    raw = raw_rows(relative)
    create_file_areas(DATA / relative, format="meldingen")  # the wijken of its neighbours: the operator's
    run = run_import(assen, relative, "meldingen", create_areas=True)
    assert run.status == ImportStatus.LOADED, run.errors
    with scope(organisation=assen.pk):
        assert Event.objects.count() == len(raw) == 3024
    counts = [row for row in _export_rows(run) if not row["measure_code"].endswith("_afhandeltijd")]
    assert sum(float(row["value"]) for row in counts) == len(raw)  # every melding counted once
    _again_unchanged(assen, relative, "meldingen")


def test_incidenten_vancouver(org_a: Organisation) -> None:
    relative = "vancouver-vpd-crime-2021-2022/vpd_crime_2021_2022.csv.gz"
    raw = raw_rows(relative)
    run = run_import(org_a, relative, "incidenten", options={"timezone": "America/Vancouver"})
    assert (run.status, run.rows_loaded) == (ImportStatus.LOADED, len(raw) == 66_335 and len(raw))
    with scope(organisation=org_a.pk):
        assert Event.objects.count() == len(raw)
        located = Event.objects.filter(x__isnull=False).count()
    assert located == sum(1 for row in raw if row["lon"] not in ("", "0", "0.0"))
    _again_unchanged(org_a, relative, "incidenten", options={"timezone": "America/Vancouver"})


def test_mapping_imports_an_unseen_shape(
    org_a: Organisation, unseen: tuple[Path, Path, list[dict[str, str]]]
) -> None:
    target, toml, raw = unseen
    # The Den Haag buurten lie outside Hengelo: the operator has loaded them (ADR 0011).
    operator_areas({row["buurt_code"]: 2011 for row in raw})
    run = run_import(org_a, target, "mapping", mapping=toml)
    assert (run.status, run.rows_read, run.rows_loaded) == (ImportStatus.LOADED, 245_520, 245_520), run.errors
    assert export_total(run) == (245_520, sum(int(row["aantal"]) for row in raw))
    with scope(organisation=org_a.pk):
        burglaries = Observation.objects.filter(measure__code="woninginbraken")
        assert burglaries.count() == sum(1 for row in raw if row["delict_code"] == "104")
        assert burglaries.first().measure.organisation == org_a  # type: ignore[union-attr]  # own data, not open data
    # Reading this file takes ten seconds; re-importing a mapped file is in test_load_versioning.


def _export_rows(run: object) -> list[dict[str, str]]:
    from tests.sources.importing import exported

    return exported("--import-run", str(run.pk))  # type: ignore[attr-defined]  # an ImportRun, typed loosely
