# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Who may write what (ADR 0011): the operator writes open data, an organisation only its own.

The operator of the installation imports open data (``kompas import`` without
``--organisation``): shared values and areas every organisation sees. An organisation's import
writes values that belong to it: of its own measures anywhere, and its *own figures* of an open
measure only for areas inside its own gemeente (CBS code GM0164: the gemeente itself and the
wijken WK0164… and buurten BU0164…). It never changes an area that exists, and creates areas
only inside its own gemeente. Each breach is an error of the file like any other, so nothing of
the file is written.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation
from kompas.observations.own_figures import in_own_gemeente
from kompas.observations.write import open_measures
from kompas.sources.intake import Intake
from kompas.sources.records import ParseError

# Formats of public sources (CBS, politie): only the operator writes their shared values.
OPEN_DATA_FORMATS = frozenset(
    {
        "cbs-gebieden",
        "cbs-bevolking",
        "politie-statline",
        "politie-buurt-maand",
        "misdaad-in-kaart",
        "veiligheidsmonitor",
    }
)


def operator_errors(found: Intake, format_name: str) -> list[ParseError]:
    """Return why the operator may not import this file as shared open data, if so."""
    if format_name not in OPEN_DATA_FORMATS:
        return [
            ParseError(
                found.file,
                0,
                _("formaat"),
                format_name,
                _("een formaat van open data (%(formats)s), of geef --organisation")
                % {"formats": ", ".join(sorted(OPEN_DATA_FORMATS))},
                _("is geen open data: zonder organisatie importeert de beheerder alleen open data"),
            )
        ]
    return []


def organisation_errors(
    found: Intake, organisation: Organisation, unknown: Mapping[str, int]
) -> list[ParseError]:
    """Return an error per area the organisation's file would write outside its own gemeente.

    Those are areas the file defines, unknown areas it would create, and areas of its own
    figures for open measures (values of its own measures may lie anywhere).
    """
    places = {area.code: area.line for area in found.areas}
    places.update(unknown)
    places.update(_open_value_areas(found))
    outside = sorted(
        ((line, code) for code, line in places.items() if not in_own_gemeente(code, organisation)),
        key=lambda item: (item[0], item[1]),
    )
    expected = _("een gebied in de eigen gemeente (%(code)s)") % {
        "code": organisation.cbs_code or _("deze organisatie heeft er geen"),
    }
    problem = _("ligt buiten de eigen gemeente: alleen de beheerder wijzigt gedeelde cijfers en gebieden")
    return [ParseError(found.file, line, _("gebiedscode"), code, expected, problem) for line, code in outside]


def _open_value_areas(found: Intake) -> dict[str, int]:
    """Return the area codes that values of open measures in the file refer to, with a line."""
    stage = found.stage
    shared = open_measures(stage.measure_codes)
    wanted = np.array([code in shared for code in stage.measure_codes], dtype=bool)
    if not wanted.any():
        return {}
    used = np.zeros(len(stage.area_codes), dtype=bool)
    for part in stage:
        used[part.area[wanted[part.measure]]] = True
    return {stage.area_codes[i]: stage.area_first_line[i] for i in np.flatnonzero(used).tolist()}
