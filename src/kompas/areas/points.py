# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Representative points of a division that has no boundaries: a CSV of code, latitude, longitude.

Some sources name their areas by a code of a CBS division Kompas has no map of, and give one
point per area (the Den Haag police panel: ``buurt_code, …, lat, lon``, the buurt centroid as the
police website had it). Such points are enough to move counts onto a division with boundaries
(:func:`kompas.areas.crosswalk.point_in_polygon`). Coordinates are WGS84; they are projected to
RD New like every geometry Kompas computes with. A file with a problem is refused whole, with
the line and the reason, so a half-read division never re-aggregates silently.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from django.utils.translation import gettext as _

from kompas.areas import projection
from kompas.areas.codes import level_of

WGS84 = "EPSG:4326"


class PointsError(ValueError):
    """A points file that cannot be used, with the Dutch reason."""


def _code_column(header: list[str]) -> str:
    for name in ("code", "buurt_code", "wijk_code", "gebied_code"):
        if name in header:
            return name
    raise PointsError(
        _("Het puntenbestand mist een kolom code (of buurt_code, wijk_code); gevonden: %(columns)s.")
        % {"columns": ", ".join(header)}
    )


def read_points(path: Path) -> dict[str, Any]:
    """Return code → shapely point in RD New of every row of the CSV ``path``."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise PointsError(_("Het puntenbestand is niet te lezen: %(error)s") % {"error": error}) from error
    header = list(rows[0]) if rows else []
    code_column = _code_column(header)
    if "lat" not in header or "lon" not in header:
        raise PointsError(_("Het puntenbestand mist de kolommen lat en lon (WGS84)."))
    codes: list[str] = []
    lon, lat = [], []
    for line, row in enumerate(rows, start=2):
        code = (row[code_column] or "").strip()
        if level_of(code) is None or code in codes:
            problem = _("dubbele code") if code in codes else _("geen CBS-code")
            raise PointsError(
                _("Regel %(line)d: %(code)s: %(problem)s.") % {"line": line, "code": code, "problem": problem}
            )
        try:
            lon.append(float(row["lon"]))
            lat.append(float(row["lat"]))
        except (TypeError, ValueError) as error:
            raise PointsError(
                _("Regel %(line)d: lat en lon moeten getallen zijn.") % {"line": line}
            ) from error
        codes.append(code)
    x, y = projection.points_to_rd(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float), WGS84)
    bad = [codes[i] for i in np.flatnonzero(~np.isfinite(x))]
    if bad:
        raise PointsError(_("Punten buiten bereik: %(codes)s.") % {"codes": ", ".join(bad)})
    return {code: shapely.Point(px, py) for code, px, py in zip(codes, x.tolist(), y.tolist(), strict=True)}
