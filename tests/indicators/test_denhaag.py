# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""On the bundled Den Haag panel: the gemeente year totals Kompas exports equal the raw file's."""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter

import pytest
from django.core.management import call_command

from kompas.accounts.models import Organisation
from kompas.indicators.compute import compute
from kompas.observations.periods import PeriodLength
from kompas.sources.codelists import DENHAAG
from tests.indicators.factories import define

pytestmark = pytest.mark.django_db
PANEL = DENHAAG / "misdrijven_buurt_maand_2011_2015.csv.gz"


def _raw_totals() -> Counter[tuple[str, str, str]]:
    """Sum the file per offence, gemeente (from buurten.csv) and year, straight from the CSV."""
    with (DENHAAG / "buurten.csv").open(encoding="utf-8") as handle:
        gemeente = {row["buurt_code"]: row["gemeente_code"] for row in csv.DictReader(handle)}
    totals: Counter[tuple[str, str, str]] = Counter()
    with gzip.open(PANEL, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            totals[(row["delict_code"], gemeente[row["buurt_code"]], row["jaar"])] += int(row["aantal"])
    return totals


def test_gemeente_year_totals_equal_the_raw_file(org_a: Organisation) -> None:
    call_command(
        "import_file", str(PANEL), "--format", "politie-buurt-maand", "--create-areas", stdout=io.StringIO(),
    )  # fmt: skip  # open data: the operator's import, without --organisation (ADR 0011)
    raw = _raw_totals()
    offences = sorted({offence for offence, _gemeente, _year in raw})
    define(
        *(
            f'[[indicator]]\ncode = "delict_{code}"\nname = "Delict {code}"\nformula = "count"\n'
            f'numerator = "politie_delict_{code}"\n'
            for code in offences
        )
    )
    compute(actor=None, granularities=[PeriodLength.YEAR])
    out = io.StringIO()
    call_command("indicators_export", "--level", "gemeente", "--period", "year", stdout=out)
    exported = {
        (row["indicator_code"].removeprefix("delict_"), row["area_code"], row["period_start"][:4]): float(
            row["value"]
        )
        for row in csv.DictReader(io.StringIO(out.getvalue()))
    }
    assert len(raw) == 12 * 8 * 5  # offences × gemeenten × years
    assert exported == {key: float(total) for key, total in raw.items()}
