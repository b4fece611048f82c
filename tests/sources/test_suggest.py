# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas import FILE --format mapping --suggest``: a starting mapping that imports the file."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.observations.models import Observation
from kompas.sources.codelists import DATA
from kompas.sources.load import create_file_areas
from kompas.sources.models import ImportStatus
from tests.sources.importing import raw_rows, run_import

pytestmark = pytest.mark.django_db
PANEL = DATA / "politie-denhaag-buurt-maand-2011-2015" / "misdrijven_buurt_maand_2011_2015.csv.gz"
PANEL_RELATIVE = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"


def _suggested(target: Path) -> str:
    out = io.StringIO()
    call_command(
        "import_file", str(PANEL), "--format", "mapping", "--suggest", "--mapping", str(target), stdout=out
    )
    assert out.getvalue().strip() == (
        f"Voorgestelde importbeschrijving geschreven naar {target}; vul de maatstafcodes in."
    )
    return target.read_text(encoding="utf-8")


def test_suggest_detects_the_den_haag_panel(tmp_path: Path) -> None:
    text = _suggested(tmp_path / "panel.toml")
    assert '[file]  # herkend in het bestand\nencoding = "utf-8"\ndelimiter = ","\ndecimal = "."\n' in text
    assert '[area]\ncolumn = "buurt_code"\nlevel = "buurt"\n' in text
    assert '[period]\nformat = "year_month"\nyear_column = "jaar"\nmonth_column = "maand"\n' in text
    assert '[measure]\ncolumn = "delict_code"\n' in text
    assert '[[value]]\ncolumn = "aantal"\nkind = "count"\n' in text
    offences = sorted({row["delict_code"] for row in raw_rows(PANEL_RELATIVE)})
    assert re.findall(r'^"(\d+)" = ""$', text, re.MULTILINE) == offences  # every offence, to fill in


def test_the_suggestion_imports_the_panel_unchanged_once_the_codes_are_filled_in(
    org_a: Organisation, tmp_path: Path
) -> None:
    text = _suggested(tmp_path / "panel.toml")
    unfilled = run_import(org_a, PANEL, "mapping", mapping=tmp_path / "panel.toml")
    assert unfilled.status == ImportStatus.REJECTED
    assert unfilled.errors[0]["message"] == (
        'panel.toml, kolom "measure.codes.100": de waarde ontbreekt; verwacht: een maatstafcode van kleine '
        "letters, cijfers en _."
    )
    filled = tmp_path / "filled.toml"
    filled.write_text(
        re.sub(r'^"(\d+)" = ""$', r'"\1" = "delict_\1"', text, flags=re.MULTILINE), encoding="utf-8"
    )
    with scopes_disabled():  # the operator creates the areas of the eenheid Den Haag first
        create_file_areas(PANEL, format="mapping", options={"mapping": str(filled)})
    run = run_import(org_a, PANEL, "mapping", mapping=filled)
    raw = raw_rows(PANEL_RELATIVE)
    assert (run.status, run.error_count, run.rows_read, run.rows_loaded) == (
        ImportStatus.LOADED,
        0,
        len(raw),
        len(raw),
    )
    with scope(organisation=org_a.pk):
        total = sum(Observation.objects.filter(import_run=run).values_list("value", flat=True))
        burglaries = Observation.objects.filter(import_run=run, measure__code="delict_104").count()
    assert total == sum(int(row["aantal"]) for row in raw)
    assert burglaries == sum(1 for row in raw if row["delict_code"] == "104")


def test_suggest_never_writes_over_a_file(tmp_path: Path) -> None:
    target = tmp_path / "bestaand.toml"
    target.write_text("# eigen werk\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command(
            "import_file",
            str(PANEL),
            "--format",
            "mapping",
            "--suggest",
            "--mapping",
            str(target),
            stderr=err,
        )
    assert err.getvalue().strip() == f"{target} bestaat al; kies een nieuw bestand."
    assert target.read_text(encoding="utf-8") == "# eigen werk\n"
