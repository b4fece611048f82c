# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Coverage of sums on real data: the Den Haag police panel has 22 of Zoetermeer's 26 buurten.

The four buurten of the wijk WK063700 (Dorp, Stadscentrum, Palenstein, Driemanspolder: the
centre) are not in the panel, so Zoetermeer summed from its buurten is not Zoetermeer's total.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.observations.export import export_observations, selection
from tests.sources.importing import raw_rows, run_import

pytestmark = pytest.mark.django_db
GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
PANEL = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"
POPULATION = "cbs-bevolking-buurt-2024/bevolking_buurt_2024_85984NED.csv"
BURGLARY = "politie_delict_104"


def _extract(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def zoetermeer(org_a: Organisation, tmp_path: Path) -> None:
    """Zoetermeer's boundaries of 2014, its buurten's inhabitants of 2024 and the panel of 2015."""
    for name in ("denhaag_eenheid_gemeenten_2015", "zoetermeer_wijken_2014", "zoetermeer_buurten_2014"):
        run_import(org_a, GEBIEDEN + name + ".geojson", "cbs-gebieden")
    people = [row for row in raw_rows(POPULATION) if row["gemeente_code"] == "GM0637"]
    run_import(org_a, _extract(tmp_path / "bevolking_2024.csv", people), "cbs-bevolking")
    panel = [
        row for row in raw_rows(PANEL) if row["buurt_code"].startswith("BU0637") and row["jaar"] == "2015"
    ]
    run_import(org_a, _extract(tmp_path / "panel.csv", panel), "politie-buurt-maand")


def _rows(**kwargs: str) -> dict[str, dict[str, object]]:
    with scopes_disabled():
        frame = export_observations(selection(measure_code=BURGLARY), **kwargs).frame
    return {row["area_code"]: row for row in frame.to_dict("records")}


def _inhabitants() -> dict[str, int]:
    return {
        row["buurt_code"]: int(row["inwoners"])
        for row in raw_rows(POPULATION)
        if row["gemeente_code"] == "GM0637"
    }


def test_the_gemeente_summed_from_22_of_26_buurten_is_marked_onvolledig(zoetermeer: None) -> None:
    row = _rows(level="gemeente", period="year")["GM0637"]
    present = {r["buurt_code"] for r in raw_rows(PANEL) if r["buurt_code"].startswith("BU0637")}
    people = _inhabitants()
    assert (row["coverage_parts"], row["coverage_parts_expected"]) == (22, 26) == (len(present), len(people))
    assert (row["coverage_values"], row["coverage_values_expected"]) == (22 * 12, 26 * 12)
    share = sum(people[code] for code in present) / sum(people.values())
    assert row["coverage_population_share"] == pytest.approx(share, abs=5e-5)
    assert row["coverage"] == "onvolledig (22 van 26 buurten)"


def test_a_wijk_with_all_its_buurten_is_complete_and_one_without_any_is_absent(zoetermeer: None) -> None:
    rows = _rows(level="wijk", period="year")
    assert "WK063700" not in rows  # the centre: no buurt in the panel, so no sum at all
    assert len(rows) == 8
    assert {row["coverage"] for row in rows.values()} == {""}
    assert {row["coverage_population_share"] for row in rows.values()} == {1.0}


def test_a_buurt_summed_over_its_twelve_months_is_complete(zoetermeer: None) -> None:
    rows = _rows(period="year")
    assert len(rows) == 22
    assert {(row["coverage_parts"], row["coverage_values"], row["coverage"]) for row in rows.values()} == {
        (1, 12, "")
    }
