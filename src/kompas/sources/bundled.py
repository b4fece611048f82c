# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The CBS area and population files that ship with Kompas, cut to the part of one gemeente.

``kompas setup`` gives a new gemeente its areas from them: its boundary and kerncijfers 2015
(bundled for the 14 Twente gemeenten), its wijken 2014 with boundaries (the Twente extract, else
the national file), its buurten 2014 with boundaries (Twente) and its inhabitants per buurt on
1 January 2024 (CBS 85984NED, every gemeente of the Netherlands). A gemeente code is *known* when
at least one of these files holds it.

Each cut is imported by the operator of the installation as shared open data (ADR 0011) through
:func:`kompas.sources.load.import_file`, so it is validated, audited and recorded with its
provenance like any import. A cut is made the same way every time, so its checksum identifies
it: a cut imported before is skipped and nothing is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django_scopes import scopes_disabled

from kompas.accounts.models import User
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportRun, ImportStatus

GEBIEDEN = DATA / "cbs-gebiedsindelingen-2014-2015"
BEVOLKING = DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv"
TWENTE_GEMEENTEN = GEBIEDEN / "twente_gemeenten_2015.geojson"
TWENTE_WIJKEN = GEBIEDEN / "twente_wijken_2014.geojson"
TWENTE_BUURTEN = GEBIEDEN / "twente_buurten_2014.geojson"
NATIONAL_WIJKEN = GEBIEDEN / "Wijk_2014_layer_q1e3.json"


@dataclass(frozen=True)
class Extract:
    """The part of one bundled file that concerns one gemeente, ready to import.

    ``level`` is the area level whose boundaries it holds; empty for figures without boundaries.
    """

    what: str
    level: str
    source: Path
    file_name: str
    format: str
    year: int
    data: bytes
    count: int

    @property
    def sha256(self) -> str:
        """Return the checksum an import run of this extract records."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class LoadedExtract:
    """An extract and its import run; ``skipped`` when an earlier run already imported it."""

    extract: Extract
    run: ImportRun
    skipped: bool

    @property
    def changed(self) -> bool:
        """Return whether this import wrote areas or values (a cut of data already there does not)."""
        return not self.skipped and self.run.status == ImportStatus.LOADED

    @property
    def failed(self) -> bool:
        """Return whether the import was refused or broke off (the run holds the errors)."""
        return self.run.status in {ImportStatus.REJECTED, ImportStatus.FAILED}


def _features(path: Path) -> list[dict[str, Any]]:
    return list(_read_json(path)["features"])


@cache
def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


@cache
def _population_rows() -> tuple[dict[str, str], ...]:
    with BEVOLKING.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def _code(feature: dict[str, Any]) -> str:
    properties = feature.get("properties") or {}
    return str(properties.get("statcode") or properties.get("gemeentecode") or "")


def _water(feature: dict[str, Any]) -> bool:
    return (feature.get("properties") or {}).get("water") == "JA"


@cache
def known_gemeente_codes() -> frozenset[str]:
    """Return the CBS codes of the gemeenten that the bundled area and population files hold."""
    codes = {_code(feature) for feature in _features(TWENTE_GEMEENTEN)}
    codes |= {
        "GM" + _code(geometry)[2:6]
        for geometry in _read_json(NATIONAL_WIJKEN)["objects"]["layer"]["geometries"]
    }
    codes |= {row["gemeente_code"] for row in _population_rows()}
    return frozenset(code for code in codes if len(code) == 6)


def _inside(cbs_code: str) -> Callable[[str], bool]:
    number = cbs_code[2:]
    return lambda code: code == cbs_code or (code[:2] in {"WK", "BU"} and code[2:6] == number)


def _geojson(what: str, level: str, path: Path, cbs_code: str, year: int) -> Extract | None:
    inside = _inside(cbs_code)
    kept = [f for f in _features(path) if inside(_code(f)) and not _water(f)]
    if not kept:
        return None
    data = json.dumps({"type": "FeatureCollection", "features": kept}, ensure_ascii=False).encode()
    name = f"{path.name.split('_')[1]}_{year}_{cbs_code}.geojson"
    return Extract(what, level, path, name, "cbs-gebieden", year, data, len(kept))


def _topojson(what: str, path: Path, cbs_code: str, year: int) -> Extract | None:
    inside = _inside(cbs_code)
    document = _read_json(path)
    layer = document["objects"]["layer"]
    kept = [geometry for geometry in layer["geometries"] if inside(_code(geometry))]
    if not kept:
        return None
    # The arcs stay whole: geometries index into them, and unused arcs cost only file size.
    cut = {**document, "objects": {"layer": {**layer, "geometries": kept}}}
    data = json.dumps(cut, ensure_ascii=False).encode()
    name = f"wijken_{year}_{cbs_code}.topojson"
    return Extract(what, "wijk", path, name, "cbs-gebieden", year, data, len(kept))


def _population(cbs_code: str) -> Extract | None:
    rows = [row for row in _population_rows() if row["gemeente_code"] == cbs_code]
    if not rows:
        return None
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    name = f"bevolking_buurt_2024_{cbs_code}.csv"
    data = text.getvalue().encode()
    return Extract("inwoners per buurt", "", BEVOLKING, name, "cbs-bevolking", 2024, data, len(rows))


def extracts(cbs_code: str) -> list[Extract]:
    """Return the parts of the bundled files for the gemeente ``cbs_code``, coarsest areas first."""
    wijken = _geojson("wijken met grenzen", "wijk", TWENTE_WIJKEN, cbs_code, 2014) or _topojson(
        "wijken met grenzen", NATIONAL_WIJKEN, cbs_code, 2014
    )
    found = [
        _geojson("gemeentegrens en kerncijfers", "gemeente", TWENTE_GEMEENTEN, cbs_code, 2015),
        wijken,
        _geojson("buurten met grenzen", "buurt", TWENTE_BUURTEN, cbs_code, 2014),
        _population(cbs_code),
    ]
    return [extract for extract in found if extract is not None]


def _earlier_run(extract: Extract) -> ImportRun | None:
    with scopes_disabled():
        return (
            ImportRun.objects.filter(
                organisation__isnull=True,
                sha256=extract.sha256,
                status__in=[ImportStatus.LOADED, ImportStatus.UNCHANGED],
            )
            .order_by("-pk")
            .first()
        )


def load_gemeente(cbs_code: str, *, actor: User | None) -> list[LoadedExtract]:
    """Import, as the operator's open data, every extract for ``cbs_code`` not imported before.

    Areas the gemeente lacks a boundary for (for instance its own outline outside Twente) are
    created from their CBS code, as the parents of its wijken and buurten.
    """
    loaded = []
    for extract in extracts(cbs_code):
        earlier = _earlier_run(extract)
        if earlier is not None:
            loaded.append(LoadedExtract(extract, earlier, skipped=True))
            continue
        run = import_file(
            extract.data,
            format=extract.format,
            organisation=None,
            actor=actor,
            options={"year": extract.year},
            file_name=extract.file_name,
            create_areas=True,
        )
        loaded.append(LoadedExtract(extract, run, skipped=False))
    return loaded
