# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The field separator of a delimited text file: ``;`` (Dutch Excel, StatLine), ``,`` or tab."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.utils.translation import gettext as _

from kompas.sources.reading.cells import Invalid

CANDIDATES = (";", "\t", ",")
NAMES = {";": ";", ",": ",", "\t": "\t", "tab": "\t", "\\t": "\t", "puntkomma": ";", "komma": ","}


def canonical(name: str) -> str:
    """Return the separator for a declared name (``;``, ``,``, ``tab``); raise :class:`Invalid`."""
    separator = NAMES.get(name) or NAMES.get(name.strip().lower())
    if separator is None:
        raise Invalid(_("is geen ondersteund scheidingsteken"), _('";", "," of "tab"'))
    return separator


def sniff(lines: Iterable[str]) -> str:
    """Return the separator that splits the first multi-field line into the most fields.

    The first such line is the header (or, in a StatLine export, the first header line after the
    title lines); data lines are not used because Dutch decimal commas would mislead a count.
    Ties go to ``;``, then tab, then ``,``.
    """
    for line in lines:
        counts = {candidate: _field_count(line, candidate) for candidate in CANDIDATES}
        best = max(CANDIDATES, key=lambda candidate: counts[candidate])
        if counts[best] > 1:
            return best
    return ","


def _field_count(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter)))
    except (csv.Error, StopIteration):
        return 0
