# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's alerts: default settings for the demo gemeenten with monthly figures, evaluated.

Zoetermeer watches the Den Haag police panel (monthly, per buurt); its settings are the same
defaults ``kompas setup`` gives a new municipality (:mod:`kompas.alerts.defaults`), so the
alerts an analyst triages in the demo are what a real installation finds on that data.
"""

from __future__ import annotations

from kompas.accounts.queries import organisation_by_code
from kompas.alerts.defaults import create_default_settings
from kompas.alerts.evaluate import EvaluationSummary, evaluate_organisation

# Demo organisations whose alerts are set up and evaluated (Hengelo has yearly figures only).
WATCHING = ("zoetermeer",)


def load_demo_alerts(*, new_data: bool) -> list[EvaluationSummary]:
    """Create the default settings of the watching demo organisations and evaluate them.

    Evaluates only when settings were created or the data changed (``new_data``), so a second
    demo run records nothing.
    """
    summaries = []
    for code in WATCHING:
        organisation = organisation_by_code(code)
        if organisation is None:
            continue
        created = create_default_settings(organisation, actor=None)
        if created or new_data:
            summaries.append(evaluate_organisation(organisation))
    return summaries
