# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The reports tests' Hengelo: its plan, areas and counts."""

from __future__ import annotations

from tests.reports.conftest import hengelo, in_scope, plan

__all__ = ["hengelo", "in_scope", "plan"]
