# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The table of an area hotspot map as CSV or XLSX, with the method on every row.

The rows are the page's rows as this reader may see them (published values, withheld marks),
followed by the areas left out with their reason, so an export never hides an area either.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from kompas.hotspots.area_maps import AreaHotspots
from kompas.presentation import xlsx

COLUMNS = (
    "gebiedscode",
    "gebied",
    "waarde",
    "statistiek",
    "z_of_i",
    "p",
    "fdr_significant",
    "klasse",
    "hotspot_perioden",
    "perioden_bekeken",
    "persistent",
    "opmerking",
    "permutaties",
    "seed",
    "alfa",
    "buren",
)
NEIGHBOURS = "queen"


def rows(result: AreaHotspots) -> list[list[object]]:
    """Return the export rows: every area with its statistic, then every area left out."""
    settings = result.settings
    method = [settings.permutations, settings.seed, settings.alpha, NEIGHBOURS]
    name = "local_moran" if settings.statistic == "moran" else "gi_star"
    found: list[list[object]] = []
    for row in result.rows:
        if row.withheld:
            found.append([row.code, row.name, row.value, name, "", "", "", "", "", "", "", "", *method])
            continue
        found.append(
            [
                row.code,
                row.name,
                row.value,
                name,
                round(row.statistic, 6),
                round(row.p, 6),
                _("ja") if row.significant else _("nee"),
                row.kind,
                row.hot_periods,
                len(result.periods),
                _("ja") if row.persistent else _("nee"),
                _("geen buren") if row.island else "",
                *method,
            ]
        )
    for missing in result.missing:
        found.append(
            [missing.code, missing.name, "", name, "", "", "", "", "", "", "", missing.reason, *method]
        )
    return found


def csv_text(result: AreaHotspots) -> str:
    """Return the table as CSV (comma-separated, decimal point, UTF-8)."""
    with io.StringIO() as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows(result))
        return handle.getvalue()


def xlsx_bytes(result: AreaHotspots) -> bytes:
    """Return the table as an XLSX workbook with Dutch number formats."""
    return xlsx.workbook([xlsx.Table("hotspots", COLUMNS, rows(result))], [])
