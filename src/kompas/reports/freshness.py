# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""How current the data are: per source the last import and the period covered, for one organisation.

Reports print this on every page and the dashboard shows it; the figures are cached until the
next change (an import is one), because finding the covered periods reads every observation of the
gemeente.
"""

from __future__ import annotations

from kompas.accounts.models import Organisation
from kompas.accounts.queries import changes
from kompas.areas.queries import ids_within
from kompas.observations.queries import source_coverage
from kompas.presentation import formatting
from kompas.presentation.document import Vintage
from kompas.presentation.xlsx import Source
from kompas.sources.queries import import_moments


def sources(organisation: Organisation) -> list[Source]:
    """Return per source of the organisation's figures its licence, last import and covered period.

    A gemeente's figures are those of its own area, wijken and buurten; an organisation without
    a gemeente code has none.
    """
    return changes.until_next_change(
        f"bronnen:{organisation.pk}:{organisation.cbs_code}", lambda: _sources(organisation)
    )


def _sources(organisation: Organisation) -> list[Source]:
    if not organisation.cbs_code:
        return []
    coverage = source_coverage(ids_within(organisation.cbs_code), organisation_id=organisation.pk)
    moments = import_moments(c.last_import_run for c in coverage if c.last_import_run is not None)
    return [
        Source(
            c.source,
            c.licence,
            moments.get(c.last_import_run) if c.last_import_run is not None else None,
            formatting.period_range(
                c.first_period, c.first_period_length, c.last_period, c.last_period_length
            ),
        )
        for c in coverage
    ]


def vintages(organisation: Organisation) -> list[Vintage]:
    """Return the data vintage lines of the organisation's figures (see :func:`sources`)."""
    return [Vintage(s.name, s.last_import, s.period_covered) for s in sources(organisation)]
