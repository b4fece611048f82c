# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Real Twente data for the area hotspot tests: boundaries, inhabitants and crimes per buurt.

The CBS buurten of Twente (2014 boundaries, 466 with a boundary), the CBS inhabitants per
buurt on 1 January 2024 (the rows of Hengelo and Enschede, copied unchanged, so the test does
not create all 14.574 buurten of the country) and the registered crimes of 2023 per buurt of
Hengelo and Enschede (CBS/Politie 47018NED), imported as the operator imports open data; then
the standard set's ``misdrijven_totaal_per_1000_inwoners`` is computed per buurt.
"""

from __future__ import annotations

from pathlib import Path

from django_scopes import scopes_disabled

from kompas.accounts.models import Organisation
from kompas.indicators import definitions
from kompas.indicators.compute import compute
from kompas.indicators.load import load_definitions
from kompas.sources.codelists import DATA
from tests.sources.importing import run_import

GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
CRIMES = "politie-buurt-jaar-hengelo-enschede-2023/"
STANDARD_SET = Path(definitions.__file__).parent / "sets" / "standaard_criminaliteit.toml"
RATE = "misdrijven_totaal_per_1000_inwoners"
POPULATION = "cbs-bevolking-buurt-2024/bevolking_buurt_2024_85984NED.csv"


def load_twente_crimes(organisation: Organisation, folder: Path) -> None:
    """Import the boundaries, inhabitants and 2023 crimes and compute the standard set."""
    for level in ("gemeenten_2015", "wijken_2014", "buurten_2014"):
        run_import(organisation, f"{GEBIEDEN}twente_{level}.geojson", "cbs-gebieden", create_areas=True)
    lines = (DATA / POPULATION).read_text(encoding="utf-8").splitlines(keepends=True)
    towns = [line for line in lines[1:] if line.rstrip().endswith((",GM0164", ",GM0153"))]
    population = folder / "bevolking_buurt_2024_85984NED.csv"
    population.write_text("".join([lines[0], *towns]), encoding="utf-8")
    run_import(organisation, population, "cbs-bevolking", create_areas=True)
    for town in ("hengelo", "enschede"):
        run_import(organisation, f"{CRIMES}misdrijven_buurt_{town}_2023.csv", "politie-buurt-maand")
    with scopes_disabled():
        loaded = load_definitions(
            STANDARD_SET.read_text(encoding="utf-8"), STANDARD_SET.name, actor=None, organisation=None
        )
        assert loaded.problems == ()
        compute(actor=None)
