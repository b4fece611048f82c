# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's second municipality: Zoetermeer, in the police unit Den Haag, on real data.

Zoetermeer (GM0637) has buurten and wijken in the bundled Den Haag police panel (registered
offences per buurt and month, 2011-2015, 12 types) and in the CBS boundary files, and buurt
codes that the CBS population of 2024 still uses, so its maps can show crime per 1.000
inhabitants. The panel itself is one of the demo's files (:mod:`kompas.sources.demo`); this
module adds the boundaries of Zoetermeer and of the eight gemeenten of the unit (with their
inhabitants in 2015, the denominator for the benchmark) and the unit as a reference group.
Nothing here is made up: every figure comes from the files named, each with its PROVENANCE.
"""

from __future__ import annotations

from kompas.areas.groups import AreaGroupKind, save_group

GEBIEDEN = "cbs-gebiedsindelingen-2014-2015/"
# (bundled path, format), imported like every demo file.
FILES = (
    (GEBIEDEN + "denhaag_eenheid_gemeenten_2015.geojson", "cbs-gebieden"),
    (GEBIEDEN + "zoetermeer_wijken_2014.geojson", "cbs-gebieden"),
    (GEBIEDEN + "zoetermeer_buurten_2014.geojson", "cbs-gebieden"),
)
# The gemeenten of the police unit Den Haag that the panel covers.
DEN_HAAG_UNIT = ["GM0484", "GM0503", "GM0513", "GM0518", "GM0553", "GM0603", "GM0629", "GM0637"]


def save_groups() -> None:
    """Save the police unit Den Haag as a reference group for benchmarks."""
    save_group(
        actor=None,
        code="eenheid-den-haag",
        name="Politie-eenheid Den Haag (gemeenten in het politiepanel)",
        kind=AreaGroupKind.REGION,
        members=DEN_HAAG_UNIT,
    )
