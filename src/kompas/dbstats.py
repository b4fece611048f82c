# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Planner statistics after a bulk write, on PostgreSQL.

Autovacuum analyses only committed rows, and later. A query right after a large import in the same
transaction or run (alerts and indicators after the demo load, a test that loads the demo) is then
planned for tables PostgreSQL believes empty, and a nested loop over thousands of areas per row
takes minutes. ANALYZE counts the rows the own transaction inserted, so it runs inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models

# Rows written at once from which the statistics are refreshed (ANALYZE samples, ~0,1 s).
ANALYZE_ROWS = 1_000


def refresh_statistics(tables: Sequence[type[models.Model]], rows: int) -> None:
    """Run ANALYZE on the tables of ``tables`` on PostgreSQL when ``rows`` rows were just written."""
    if connection.vendor != "postgresql" or rows < ANALYZE_ROWS:
        return
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
