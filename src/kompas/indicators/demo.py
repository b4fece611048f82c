# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's indicators: the standard crime set for everyone, Hengelo's IVP set, all computed."""

from __future__ import annotations

from pathlib import Path

from django_scopes import scope, scopes_disabled

from kompas.accounts.queries import organisation_by_code
from kompas.indicators.compute import ComputeReport, compute
from kompas.indicators.load import load_definitions

SETS = Path(__file__).resolve().parent / "sets"
# (file, organisation code or None for the shared set)
DEMO_SETS = (("standaard_criminaliteit.toml", None), ("hengelo_ivp_2017_2020.toml", "hengelo"))


def load_demo_indicators(*, new_data: bool) -> ComputeReport | None:
    """Load the demo sets and compute them if they or the data (``new_data``) changed.

    A second demo run changes nothing and records nothing. Expects the demo organisations, the
    Hengelo plan and the demo data; raises ValueError when a bundled set does not load, as that
    is a defect of Kompas itself.
    """
    changed = new_data
    for name, code in DEMO_SETS:
        organisation = organisation_by_code(code) if code else None
        context = scope(organisation=organisation.pk) if organisation else scopes_disabled()
        with context:
            result = load_definitions(
                (SETS / name).read_text(encoding="utf-8"), name, actor=None, organisation=organisation
            )
        if result.problems:
            raise ValueError("; ".join(str(problem) for problem in result.problems))
        changed = changed or bool(result.created or result.changed)
    return compute(actor=None) if changed else None
