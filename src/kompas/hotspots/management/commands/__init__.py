# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Commands of kompas.hotspots: ``kompas hotspots backtest`` and ``kompas hotspots forecast``."""
