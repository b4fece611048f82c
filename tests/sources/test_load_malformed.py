# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Malformed variants of every format through the database import: never a traceback (no run
ends as "mislukt"), never a partial write, and every error names its line and column.

The damage is that of ``test_malformed`` (1.000 parse-level variants per format); here each
variant goes through :func:`kompas.sources.load.import_file`, with and without creating missing
areas, so unknown area codes are part of the damage too. Time budget: about 30 s per database.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django_scopes import scope
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas.accounts.models import Organisation
from kompas.sources.load import import_file
from kompas.sources.models import ImportStatus
from tests.sources.importing import stored
from tests.sources.test_malformed import CASES, CODES, GEOMETRIES, MAPPING_TOML, Case, _feature, variants

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


def _import(
    case: Case, folder: Path, content: bytes, organisation: Organisation, create_areas: bool
) -> object:
    for companion in case.companions:
        shutil.copy(companion, folder)
    options = dict(case.options)
    if options.pop("mapping", None) == "MAPPING":
        (folder / "mapping.toml").write_text(MAPPING_TOML, encoding="utf-8")
        options["mapping"] = str(folder / "mapping.toml")
    path = folder / "bestand.csv"
    path.write_bytes(content)
    format_name = case.format
    with scope(organisation=organisation.pk):
        return import_file(
            path,
            format=format_name,
            organisation=organisation,
            actor=None,
            options=options,
            create_areas=create_areas,
        )


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_variants_through_the_database(
    name: str, org_a: Organisation, tmp_path_factory: pytest.TempPathFactory
) -> None:
    case = CASES[name]
    folder = tmp_path_factory.mktemp(name)

    @EXAMPLES
    @given(variant=variants(case), create_areas=st.booleans())
    def check(variant: tuple[bytes, int, bool], create_areas: bool) -> None:
        content, line, must_fail = variant
        before = stored()
        run = _import(case, folder, content, org_a, create_areas)
        assert run.status != ImportStatus.FAILED, run.errors  # type: ignore[attr-defined]  # _import returns an ImportRun, typed loosely
        if run.status == ImportStatus.REJECTED:  # type: ignore[attr-defined]  # _import returns an ImportRun, typed loosely
            assert stored() == before  # nothing of a refused file, not even its areas
            errors = run.errors  # type: ignore[attr-defined]  # _import returns an ImportRun, typed loosely
            assert errors and all(
                error["column"] and error["line"] >= 0 and error["message"] for error in errors
            )
        else:
            assert not must_fail, content
        if must_fail:
            assert any(error["line"] == line for error in run.errors), (line, run.errors, content)  # type: ignore[attr-defined]  # _import returns an ImportRun, typed loosely

    check()


def test_malformed_boundaries_through_the_database(
    org_a: Organisation, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("gebieden")

    @EXAMPLES
    @given(
        features=st.lists(st.tuples(CODES, GEOMETRIES), min_size=1, max_size=5),
        cut=st.integers(0, 2000) | st.none(),
    )
    def check(features: list[tuple[object, object]], cut: int | None) -> None:
        text = json.dumps(
            {"type": "FeatureCollection", "features": [_feature(c, g) for c, g in features]}, indent=1
        )
        path = folder / "gebieden_2014.geojson"
        path.write_text(text if cut is None else text[:cut], encoding="utf-8")
        before = stored()
        with scope(organisation=org_a.pk):
            run = import_file(path, format="cbs-gebieden", organisation=org_a, actor=None)
        assert run.status != ImportStatus.FAILED, run.errors
        if run.status == ImportStatus.REJECTED:
            assert stored() == before
            assert all(error["column"] and error["line"] >= 0 for error in run.errors)
        if cut is not None and cut < len(text):
            assert run.status == ImportStatus.REJECTED  # truncated JSON

    check()
