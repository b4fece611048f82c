# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Publishing casework figures as observations of the organisation's own measures.

Only unsuppressed cells leave casework, and only as counts without any person. They are
written through the ordinary import (a CSV with a mapping, :func:`kompas.sources.load.import_file`),
so they get an import run with provenance, their own audit record and the after-commit
recomputation of indicators like every other figure (ADR 0015). The plan indicators fed here
(T5.I1, T7.I1, …) read these measures through their definitions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.areas.queries import codes_within
from kompas.casework.aggregates import Cell, MeasureSpec, Period, compute, measure_specs, suppress
from kompas.casework.models import LinkageRun
from kompas.sources.load import import_file

SOURCE = "Kompas casuïstiek (eigen registratie, zonder personen)"
LINKAGE = MeasureSpec(
    "casework_huishoudens_meerdere_domeinen",
    "Huishoudens in twee of meer domeinen (koppeltelling, vroegsignalering)",
    "aantal",
)


@dataclass(frozen=True)
class Published:
    """What a publication wrote: cells written, cells held back as small, and the import run."""

    written: int
    suppressed: int
    import_run_id: int | None
    status: str


def _mapping(path: Path) -> None:
    mapping = {
        "format": "kompas-mapping",
        "version": 1,
        "file": {"encoding": "utf-8", "delimiter": ";", "decimal": "."},
        "area": {"column": "gebied"},
        "period": {"column": "periode", "format": "statline"},
        "measure": {"column": "maatstaf"},
        "value": [{"column": "waarde", "kind": "number"}],
        "measures": [
            {
                "code": spec.code,
                "name": spec.name,
                "unit": spec.unit,
                "source": SOURCE,
                "licence": "",
                "definition": "",
            }
            for spec in [*measure_specs(), LINKAGE]
        ],
    }
    path.write_text(tomli_w.dumps(mapping), encoding="utf-8")


def _csv(cells: list[Cell]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["gebied", "periode", "maatstaf", "waarde"])
    for cell in cells:
        writer.writerow([cell.area_code, cell.period.code, cell.measure, repr(cell.value)])
    return out.getvalue().encode("utf-8")


def publish_figures(organisation: Organisation, *, actor: User | None) -> Published:
    """Compute the organisation's casework figures and write the unsuppressed ones as observations.

    Cells of a wijk Kompas does not know are left out (the import would refuse the file).
    """
    return _publish(organisation, compute(organisation), actor=actor)


def publish_linkage(run: LinkageRun, *, actor: User | None) -> Published:
    """Write the overlap counts of a linkage run as the measure ``casework_huishoudens_meerdere_domeinen``."""
    cells = [
        Cell(
            LINKAGE.code,
            count.area_code,
            _period(count.period),
            float(count.in_two_or_more),
            count.in_two_or_more,
        )
        for count in run.counts.all()
    ]
    return _publish(run.organisation, cells, actor=actor)


def _period(code: str) -> Period:
    year = int(code[:4])
    if code.endswith("JJ00"):
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    quarter = int(code[-2:])
    start = dt.date(year, quarter * 3 - 2, 1)
    end = dt.date(year + (quarter == 4), quarter * 3 % 12 + 1, 1) - dt.timedelta(days=1)
    return Period(start, end, "quarter")


def _publish(organisation: Organisation, computed: list[Cell], *, actor: User | None) -> Published:
    known = set(codes_within(organisation.cbs_code).values()) if organisation.cbs_code else set()
    cells = [cell for cell in suppress(computed) if cell.area_code in known]
    kept = [cell for cell in cells if not cell.suppressed]
    held = len(cells) - len(kept)
    if not kept:
        return Published(0, held, None, "leeg")
    with tempfile.TemporaryDirectory(prefix="kompas-casework-") as folder:
        mapping = Path(folder) / "casuistiek.toml"
        _mapping(mapping)
        run = import_file(
            _csv(kept),
            format="mapping",
            mapping=mapping,
            organisation=organisation,
            actor=actor,
            file_name="casuistiek-cijfers.csv",
        )
    changes = {"written": len(kept), "suppressed": held, "import_run": run.pk}
    audit.record("casework.figures.published", actor=actor, changes=changes, organisation_id=organisation.pk)
    return Published(len(kept), held, run.pk, str(run.status))
