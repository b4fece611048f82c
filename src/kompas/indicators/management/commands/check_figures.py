# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas check figures``: the name issue 14 gives ``kompas figures check``, kept as a synonym.

The house order is noun, then verb (``kompas figures check``, listed in the overview); this
module lets the issue's word order run the same command without a renaming notice.
"""

from __future__ import annotations

from kompas.indicators.management.commands.figures_check import Command as FiguresCheck


class Command(FiguresCheck):
    """The same command as ``kompas figures check``."""
